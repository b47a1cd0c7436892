public import Orders

/// A cXML `StatusUpdateRequest`: the status of a document sent earlier, which ``documentPayloadID`` names.
///
/// Not a purchase-order document: it tracks delivery (a hub forwarded the order, the supplier refused it). Its
/// envelope is read as a business document's is.
public struct CXMLStatusUpdate: Hashable, Sendable {
    /// How the update travelled: `From`, `To`, `payloadID`, `timestamp`…
    public var envelope: Envelope
    /// The `payloadID` of the document whose status this is (`DocumentReference`).
    public var documentPayloadID: String?
    /// The status.
    public var status: CXMLStatus
    /// The name of the detailed status element, when there is one (`DocumentStatus`, `IntegrationStatus`…).
    public var statusElement: String?
    /// What Porter did not map, under cXML paths.
    public var extensions: Extensions

    /// Creates a status update.
    public init(
        envelope: Envelope, documentPayloadID: String? = nil, status: CXMLStatus, statusElement: String? = nil,
        extensions: Extensions = Extensions()
    ) {
        self.envelope = envelope
        self.documentPayloadID = documentPayloadID
        self.status = status
        self.statusElement = statusElement
        self.extensions = extensions
    }
}
