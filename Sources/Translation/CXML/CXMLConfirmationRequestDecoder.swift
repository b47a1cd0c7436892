public import CXML
import Orders

/// Decodes a cXML `ConfirmationRequest` into a order acknowledgment (`OrderAcknowledgment`).
///
/// A thin front on ``CXMLDocumentDecoder``: the mapping and the reading rules are its. Any other document gives no
/// value and an `unexpectedDocument` error finding.
public struct CXMLConfirmationRequestDecoder: Sendable {
    /// The input's name, for findings.
    public var sourceName: String?

    /// Creates a decoder.
    public init(sourceName: String? = nil) { self.sourceName = sourceName }

    /// Reads one document from `reader` and decodes it.
    ///
    /// - Throws: ``CXMLError`` when the input is not well-formed XML or breaks the reader's limits.
    public func decode(_ reader: CXMLReader) throws(CXMLError) -> CXMLOrderAcknowledgmentDecoding {
        let (content, findings) = try CXMLDocumentDecoder(sourceName: self.sourceName).decode(
            reader, expecting: "ConfirmationRequest")
        guard case .document(.orderAcknowledgment(let value))? = content else {
            return CXMLOrderAcknowledgmentDecoding(acknowledgment: nil, findings: findings)
        }
        return CXMLOrderAcknowledgmentDecoding(acknowledgment: value, findings: findings)
    }

    /// Decodes a document held in memory.
    public func decode(bytes: [UInt8]) throws(CXMLError) -> CXMLOrderAcknowledgmentDecoding {
        try self.decode(CXMLReader(bytes: bytes))
    }

    /// Decodes the document in the file at `path`.
    public func decode(path: String) throws(CXMLError) -> CXMLOrderAcknowledgmentDecoding {
        try self.decode(CXMLReader(path: path))
    }
}
