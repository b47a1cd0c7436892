/// Opens X12 input as a source of UTF-8 (or ASCII-compatible) bytes for the reader.
///
/// X12 may arrive as ASCII, ISO-8859-1, UTF-8, UTF-16 or EBCDIC. Given a character set,
/// `X12Input` converts from it; without one, it looks at the first bytes, which in every
/// interchange spell `ISA`:
///
/// | First bytes   | Read as    | Byte-order mark |
/// |---------------|------------|-----------------|
/// | `FF FE`       | UTF-16LE   | consumed        |
/// | `FE FF`       | UTF-16BE   | consumed        |
/// | `49 00 53 00` | UTF-16LE   | —               |
/// | `00 49 00 53` | UTF-16BE   | —               |
/// | `C9 E2 C1`    | IBM037     | —               |
/// | anything else | unchanged  | —               |
///
/// A UTF-8 byte-order mark is passed on unchanged: the reader skips it.
public enum X12Input {
    /// Opens the file at `path`, or standard input if `path` is `-`, converting it to UTF-8.
    ///
    /// - Parameters:
    ///   - path: The file to read, or `-` for standard input.
    ///   - encoding: The character set of the input as glibc `iconv` names it (case does
    ///     not matter), or `nil` to detect it from the first bytes (see ``X12Input``).
    ///     `UTF-8`, `UTF8` and `ASCII` mean the bytes are used as they are.
    /// - Returns: A source of the input's bytes in UTF-8.
    /// - Throws: ``X12Error`` with code `.io` if the file cannot be opened or read, or
    ///   `.unsupportedEncoding` if `iconv` does not know the character set.
    public static func open(path: String, encoding: String? = nil) throws(X12Error) -> any ByteSource {
        let file: FileByteSource
        if path == "-" {
            file = FileByteSource.standardInput()
        } else {
            file = try FileByteSource(path: path)
        }
        return try self.open(source: file, encoding: encoding)
    }

    /// Wraps a source so that it hands out UTF-8, converting from `encoding`.
    ///
    /// Without an `encoding`, reads the first four bytes of `source` (fewer if it ends
    /// sooner) to detect the character set, then hands them out again before the rest.
    ///
    /// - Parameters:
    ///   - source: Where the input comes from, such as a ``MemoryByteSource``.
    ///   - encoding: The character set of the input as glibc `iconv` names it (case does
    ///     not matter), or `nil` to detect it from the first bytes (see ``X12Input``).
    ///     `UTF-8`, `UTF8` and `ASCII` mean the bytes are used as they are.
    /// - Returns: A source of the input's bytes in UTF-8.
    /// - Throws: ``X12Error`` with code `.unsupportedEncoding` if `iconv` does not know the
    ///   character set, or whatever `source` throws while its first bytes are read.
    public static func open(source: some ByteSource, encoding: String? = nil) throws(X12Error) -> any ByteSource {
        if let encoding {
            if self.passedThrough.contains(encoding.lowercased()) { return source }
            return try TranscodingByteSource(source, from: encoding)
        }
        var rest = PeekableByteSource(source)
        let detection = self.detect(prefix: try rest.peek(4))
        rest.skip(detection.byteOrderMarkLength)
        guard let detected = detection.encoding else { return rest }
        return try TranscodingByteSource(rest, from: detected, startingAt: detection.byteOrderMarkLength)
    }

    /// Names the character set that the first bytes of an input reveal.
    ///
    /// - Parameter prefix: The first bytes of the input; four are enough, fewer (a short
    ///   input) are allowed.
    /// - Returns: The `iconv` name of the character set (`UTF-16LE`, `UTF-16BE` or
    ///   `IBM037`), or `nil` if the bytes are to be used as they are.
    /// - Complexity: O(1).
    public static func detectEncoding(prefix: [UInt8]) -> String? {
        self.detect(prefix: prefix).encoding
    }

    /// Character set names, in lower case, whose bytes the reader takes as they are.
    private static let passedThrough: Set<String> = ["utf-8", "utf8", "ascii"]

    /// Detects the character set and the length of a byte-order mark to drop.
    private static func detect(prefix: [UInt8]) -> (encoding: String?, byteOrderMarkLength: Int) {
        if prefix.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if prefix.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if prefix.starts(with: [0x49, 0x00, 0x53, 0x00]) { return ("UTF-16LE", 0) }  // "IS" LE
        if prefix.starts(with: [0x00, 0x49, 0x00, 0x53]) { return ("UTF-16BE", 0) }  // "IS" BE
        if prefix.starts(with: [0xC9, 0xE2, 0xC1]) { return ("IBM037", 0) }  // "ISA" in EBCDIC
        return (nil, 0)
    }
}
