import X12

/// The format of an input, recognised from its first bytes.
public enum InputFormat: Sendable, Equatable {
    /// X12: `ISA` at the start (after a byte-order mark and white space), UTF-16 or EBCDIC, or a named character set.
    case x12
    /// Porter JSON: `{` or `[` at the start.
    case json
    /// cXML: `<` at the start (UTF-8 or UTF-16).
    case cxml
    /// None of those.
    case unknown

    /// How many bytes are looked at to recognise the format: enough for a byte-order mark, blank lines and `ISA`.
    public static let probeLength = 4096

    /// Recognises the format of an input whose first bytes are `prefix`; `encoding`, when given, names the
    /// character set of X12 input (and so says the input is X12).
    public static func detect(_ prefix: [UInt8], encoding: String? = nil) -> Self {
        if encoding != nil { return .x12 }
        // cXML in UTF-16 (with or without a byte-order mark): libxml2 reads its encoding itself.
        let utf16 =
            prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) ? Array(prefix.dropFirst(2)) : prefix
        if utf16.starts(with: [0x3C, 0x00]) || utf16.starts(with: [0x00, 0x3C]) { return .cxml }
        if X12Input.detectEncoding(prefix: Array(prefix.prefix(4))) != nil { return .x12 }
        var index = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[index]) { index += 1 }
        let rest = prefix[index...]
        if rest.starts(with: Array("ISA".utf8)) { return .x12 }
        if let first = rest.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if rest.first == UInt8(ascii: "<") { return .cxml }
        return .unknown
    }
}
