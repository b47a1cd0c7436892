/// The cXML DTD a document is written against, which names it in its `DOCTYPE`.
///
/// `cXML.dtd` carries OrderRequest, Response, StatusUpdateRequest and the common elements;
/// `Fulfill.dtd` carries ConfirmationRequest, ShipNoticeRequest and the other fulfilment
/// requests.
public enum CXMLDTD: String, Hashable, Sendable, CaseIterable {
    /// `cXML.dtd`.
    case cXML = "cXML.dtd"
    /// `Fulfill.dtd`.
    case fulfill = "Fulfill.dtd"

    /// The requests `Fulfill.dtd` declares (its `%cxml.requests;`).
    private static let fulfillRequests: Set<String> = [
        "ConfirmationRequest", "ShipNoticeRequest", "ServiceEntryRequest", "CopyRequest", "SalesOrderRequest",
        "TimeCardInfoRequest", "ReceiptRequest", "OrderStatusRequest", "TimeCardRequest",
        "ComponentConsumptionRequest",
    ]

    /// The DTD of a document whose request, response or message element is `documentElement`.
    ///
    /// - Parameter documentElement: The element inside `Request` (or the `Response`), such as
    ///   `OrderRequest` or `ConfirmationRequest`.
    public init(documentElement: String) {
        self = Self.fulfillRequests.contains(documentElement) ? .fulfill : .cXML
    }

    /// The DTD's file name: `cXML.dtd` or `Fulfill.dtd`.
    public var fileName: String { self.rawValue }

    /// The system identifier of the DTD at a cXML version.
    ///
    /// - Parameter version: The cXML version, such as `1.2.069`.
    /// - Returns: For example `http://xml.cxml.org/schemas/cXML/1.2.069/Fulfill.dtd`.
    public func systemID(version: String) -> String {
        "http://xml.cxml.org/schemas/cXML/\(version)/\(self.fileName)"
    }
}
