public import Orders

/// What a cXML document holds, once decoded.
public enum CXMLDocumentContent: Hashable, Sendable {
    /// An `OrderRequest` (a ``PurchaseOrder``), `ConfirmationRequest` (an ``OrderAcknowledgment``) or
    /// `ShipNoticeRequest` (a ``ShipNotice``).
    case document(BusinessDocument)
    /// A `Response`.
    case response(CXMLResponse)
    /// A `StatusUpdateRequest`.
    case statusUpdate(CXMLStatusUpdate)
}
