/// Finds the top-level JSON values in a buffer (one value, JSON Lines, or values one after another) without
/// parsing them.
///
/// It tracks only strings and nesting depth; the decoder checks everything else.
enum JSONValueSplitter {
    struct Value {
        /// The bytes of the value.
        var range: Range<Int>
        /// The 1-based line it starts on.
        var line: Int
    }

    /// - Throws: ``OrdersError`` `.invalidJSON` when a value is not closed, or the input holds no value.
    static func split(_ bytes: [UInt8]) throws(OrdersError) -> [Value] {
        var values: [Value] = []
        var index = 0
        var line = 1
        // A UTF-8 byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                index += 1
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            let start = index
            let startLine = line
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else {
                throw OrdersError(.invalidJSON, "expected a JSON object or array", line: line)
            }
            var depth = 0
            var inString = false
            var escaped = false
            while index < bytes.count {
                let current = bytes[index]
                index += 1
                if current == UInt8(ascii: "\n") { line += 1 }
                if inString {
                    if escaped {
                        escaped = false
                    } else if current == UInt8(ascii: "\\") {
                        escaped = true
                    } else if current == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch current {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                if depth == 0 { break }
            }
            guard depth == 0, !inString else {
                throw OrdersError(.invalidJSON, "the JSON value is not closed", line: startLine)
            }
            values.append(Value(range: start..<index, line: startLine))
        }
        guard !values.isEmpty else { throw OrdersError(.invalidJSON, "no JSON value in the input") }
        return values
    }
}
