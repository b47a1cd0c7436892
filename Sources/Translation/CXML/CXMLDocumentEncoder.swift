public import Orders

/// Writes any business document as cXML: a purchase order as an `OrderRequest`, an acknowledgment as a
/// `ConfirmationRequest`, a ship notice as a `ShipNoticeRequest`, a change as an `OrderRequest` update restating
/// its original order.
///
/// The entry point for callers that write mixed documents (`porter translate --to cxml`, the gateway). Functional
/// acknowledgments have no cXML form (cXML answers on the connection with a `Response`).
public struct CXMLDocumentEncoder: Sendable {
    /// How documents are written.
    public var options: CXMLEncodingOptions

    /// Creates an encoder.
    public init(options: CXMLEncodingOptions = CXMLEncodingOptions()) { self.options = options }

    /// The document kinds Porter writes as cXML.
    public static let supportedKinds: [BusinessDocument.Kind] = [
        .purchaseOrder, .orderAcknowledgment, .orderChange, .shipNotice,
    ]

    /// Writes `document` as cXML.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - original: For an order change, the order it changes (required: see
    ///     ``CXMLOrderRequestEncoder/encode(_:original:)``); ignored otherwise.
    /// - Throws: ``CXMLEncodingError``: `unsupportedDocument` for a functional acknowledgment,
    ///   `missingOriginalOrder` for a change without its original, `writer` when the output fails.
    public func encode(_ document: BusinessDocument, original: PurchaseOrder? = nil) throws(CXMLEncodingError)
        -> CXMLEncoding
    {
        switch document {
        case .purchaseOrder(let order): return try CXMLOrderRequestEncoder(options: self.options).encode(order)
        case .orderChange(let change):
            return try CXMLOrderRequestEncoder(options: self.options).encode(change, original: original)
        case .orderAcknowledgment(let acknowledgment):
            return try CXMLConfirmationRequestEncoder(options: self.options).encode(acknowledgment)
        case .shipNotice(let notice): return try CXMLShipNoticeRequestEncoder(options: self.options).encode(notice)
        case .functionalAcknowledgment:
            throw CXMLEncodingError(
                .unsupportedDocument,
                "a functional acknowledgment (997/999) has no cXML form; cXML answers with a Response")
        }
    }
}
