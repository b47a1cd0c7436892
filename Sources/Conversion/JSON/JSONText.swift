/// Small helpers to write JSON text directly, for output that streams (a 1 GB input must
/// not be held as a tree in memory before it is printed).
package enum JSONText {
    /// A JSON string literal, quoted and escaped.
    package static func string(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let scalar where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    package static func string(_ value: String?) -> String { value.map { string($0) } ?? "null" }
    package static func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    /// `"key":value` pairs joined with commas, without braces (for objects written in pieces).
    package static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",")
    }

    /// An object from key/value pairs whose values are already JSON text, in the given order.
    package static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
