import CXML
import Conversion
import Translation
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

    /// Opens `path` (`-` for standard input) and recognises its format.
    ///
    /// X12 when the input starts with `ISA` (after a byte-order mark and white space), is UTF-16 or EBCDIC, or when
    /// `encoding` names a character set; JSON when it starts with `{` or `[`; cXML when it starts with `<`.
    static func open(_ path: String, encoding: String?) throws(X12Error) -> Self {
        let file = path == "-" ? FileByteSource.standardInput() : try FileByteSource(path: path)
        var probe = PeekableByteSource(file)
        let prefix = try probe.peek(InputFormat.probeLength)
        switch InputFormat.detect(prefix, encoding: encoding) {
        case .x12: return .x12(probe)
        case .json: return .json(try probe.readToEnd())
        case .cxml: return .cxml(probe)
        case .unknown: return .unknown
        }
    }

    /// Opens `path` for `validate` and `inspect`: whether it is cXML, and its bytes (X12 unless it starts with `<`).
    static func probe(_ path: String, encoding: String?) throws(X12Error) -> (isCXML: Bool, source: ReplayingByteSource)
    {
        let file = path == "-" ? FileByteSource.standardInput() : try FileByteSource(path: path)
        var probe = PeekableByteSource(file)
        let prefix = try probe.peek(InputFormat.probeLength)
        if InputFormat.detect(prefix, encoding: encoding) == .cxml { return (true, probe) }
        return (false, probe)
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
