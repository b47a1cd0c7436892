public import CXML
import Orders

/// Decodes a cXML `OrderRequest` into a purchase order (`PurchaseOrder`).
///
/// A thin front on ``CXMLDocumentDecoder``: the mapping and the reading rules are its. Any other document gives no
/// value and an `unexpectedDocument` error finding.
public struct CXMLOrderRequestDecoder: Sendable {
    /// The input's name, for findings.
    public var sourceName: String?

    /// Creates a decoder.
    public init(sourceName: String? = nil) { self.sourceName = sourceName }

    /// Reads one document from `reader` and decodes it.
    ///
    /// - Throws: ``CXMLError`` when the input is not well-formed XML or breaks the reader's limits.
    public func decode(_ reader: CXMLReader) throws(CXMLError) -> CXMLPurchaseOrderDecoding {
        let (content, findings) = try CXMLDocumentDecoder(sourceName: self.sourceName).decode(
            reader, expecting: "OrderRequest")
        guard case .document(.purchaseOrder(let value))? = content else {
            return CXMLPurchaseOrderDecoding(order: nil, findings: findings)
        }
        return CXMLPurchaseOrderDecoding(order: value, findings: findings)
    }

    /// Decodes a document held in memory.
    public func decode(bytes: [UInt8]) throws(CXMLError) -> CXMLPurchaseOrderDecoding {
        try self.decode(CXMLReader(bytes: bytes))
    }

    /// Decodes the document in the file at `path`.
    public func decode(path: String) throws(CXMLError) -> CXMLPurchaseOrderDecoding {
        try self.decode(CXMLReader(path: path))
    }
}
