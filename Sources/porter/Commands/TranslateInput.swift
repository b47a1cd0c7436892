import CXML
import X12

/// One input of `porter translate`, opened and recognised from its first bytes without reading the rest.
///
/// X12 and cXML stay streams (their readers pull them in chunks, so a 1 GB file needs no more memory than a small
/// one); Porter JSON is read whole, since Foundation decodes it in one piece.
enum TranslateInput {
    case x12(any ByteSource)
    case json([UInt8])
    /// One cXML document, read as a stream by the secure cXML reader.
    case cxml(ReplayingByteSource)
    case unknown

    /// How many bytes are looked at to recognise the format: enough for a byte-order mark, blank lines and `ISA`.
    static let probeLength = 4096

    /// Opens `path` (`-` for standard input) and recognises its format.
    ///
    /// X12 when the input starts with `ISA` (after a byte-order mark and white space), is UTF-16 or EBCDIC, or when
    /// `encoding` names a character set; JSON when it starts with `{` or `[`; cXML when it starts with `<`.
    static func open(_ path: String, encoding: String?) throws(X12Error) -> Self {
        let file = path == "-" ? FileByteSource.standardInput() : try FileByteSource(path: path)
        var probe = PeekableByteSource(file)
        let prefix = try probe.peek(Self.probeLength)
        switch Self.detect(prefix, encoding: encoding) {
        case .x12: return .x12(probe)
        case .json: return .json(try probe.readToEnd())
        case .cxml: return .cxml(probe)
        case .unknown: return .unknown
        }
    }

    private enum Format { case x12, json, cxml, unknown }

    /// Opens `path` for `validate` and `inspect`: whether it is cXML, and its bytes (X12 unless it starts with `<`).
    static func probe(_ path: String, encoding: String?) throws(X12Error) -> (isCXML: Bool, source: ReplayingByteSource)
    {
        let file = path == "-" ? FileByteSource.standardInput() : try FileByteSource(path: path)
        var probe = PeekableByteSource(file)
        let prefix = try probe.peek(Self.probeLength)
        if case .cxml = Self.detect(prefix, encoding: encoding) { return (true, probe) }
        return (false, probe)
    }

    private static func detect(_ bytes: [UInt8], encoding: String?) -> Format {
        if encoding != nil { return .x12 }
        // cXML in UTF-16 (with or without a byte-order mark): libxml2 reads its encoding itself.
        let utf16 =
            bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? Array(bytes.dropFirst(2)) : bytes
        if utf16.starts(with: [0x3C, 0x00]) || utf16.starts(with: [0x00, 0x3C]) { return .cxml }
        if X12Input.detectEncoding(prefix: Array(bytes.prefix(4))) != nil { return .x12 }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        let rest = bytes[index...]
        if rest.starts(with: Array("ISA".utf8)) { return .x12 }
        if let first = rest.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if rest.first == UInt8(ascii: "<") { return .cxml }
        return .unknown
    }
}

/// The input of a command, opened and peeked at.
typealias ReplayingByteSource = PeekableByteSource<FileByteSource>

extension ReplayingByteSource {
    /// The bytes as the cXML reader's chunk source (64 KiB at a time).
    func cxmlChunks() -> CXMLChunkSource {
        var source = self
        return CXMLChunkSource { try source.nextChunk() }
    }
}
