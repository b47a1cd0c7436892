/// How a document travelled: who sent it to whom, its control numbers, version and date.
///
/// Every document keeps its envelope apart from its business content, so a translation can answer (997,
/// cXML `Response`), correlate and re-envelope without touching the order. X12 fields come from ISA, GS and ST;
/// cXML fields from the `cXML` element and its `Header`. Fields that do not apply to the document's standard
/// are absent.
public struct Envelope: Hashable, Sendable, Codable {
    /// The syntax the document arrived in (or is to leave in).
    public var standard: EnvelopeStandard
    /// The interchange sender (ISA05/ISA06, cXML `From` credential).
    public var sender: EnvelopeIdentity
    /// The interchange receiver (ISA07/ISA08, cXML `To` credential).
    public var receiver: EnvelopeIdentity
    /// The application sender's code (GS02).
    public var applicationSender: Optional<String>
    /// The application receiver's code (GS03).
    public var applicationReceiver: Optional<String>
    /// The interchange control number as sent, zero padding kept (ISA13).
    public var interchangeControlNumber: Optional<String>
    /// The group control number (GS06).
    public var groupControlNumber: Optional<String>
    /// The transaction set control number (ST02).
    public var transactionControlNumber: Optional<String>
    /// The interchange version (ISA12, `00401`).
    public var interchangeVersion: Optional<String>
    /// The document version: X12 GS08 (`004010`, `005010VICS`) or the cXML version (`1.2.063`).
    public var version: Optional<String>
    /// The implementation convention the set follows (X12 ST03, 004020 and later: `005010X231`).
    public var implementationReference: Optional<String>
    /// The cXML `payloadID`.
    public var payloadID: Optional<String>
    /// The date and time of the envelope: X12 GS04/GS05, cXML `timestamp` with its zone.
    public var date: Optional<DateTime>
    /// Production, test or information.
    public var usage: Usage
    /// Whether the sender asked for an interchange acknowledgment (ISA14).
    public var acknowledgmentRequested: Optional<Bool>
    /// The sending software (cXML `Sender/UserAgent`).
    public var userAgent: Optional<String>

    public init(
        standard: EnvelopeStandard, sender: EnvelopeIdentity, receiver: EnvelopeIdentity,
        applicationSender: String? = nil, applicationReceiver: String? = nil, interchangeControlNumber: String? = nil,
        groupControlNumber: String? = nil, transactionControlNumber: String? = nil,
        interchangeVersion: String? = nil, version: String? = nil, implementationReference: String? = nil,
        payloadID: String? = nil, date: DateTime? = nil,
        usage: Usage = .production, acknowledgmentRequested: Bool? = nil, userAgent: String? = nil
    ) {
        self.standard = standard
        self.sender = sender
        self.receiver = receiver
        self.applicationSender = applicationSender
        self.applicationReceiver = applicationReceiver
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionControlNumber = transactionControlNumber
        self.interchangeVersion = interchangeVersion
        self.version = version
        self.implementationReference = implementationReference
        self.payloadID = payloadID
        self.date = date
        self.usage = usage
        self.acknowledgmentRequested = acknowledgmentRequested
        self.userAgent = userAgent
    }
}

extension Envelope: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("acknowledgmentRequested", self.acknowledgmentRequested)
        writer.field("applicationReceiver", self.applicationReceiver)
        writer.field("applicationSender", self.applicationSender)
        writer.field("date", self.date)
        writer.field("groupControlNumber", self.groupControlNumber)
        writer.field("implementationReference", self.implementationReference)
        writer.field("interchangeControlNumber", self.interchangeControlNumber)
        writer.field("interchangeVersion", self.interchangeVersion)
        writer.field("payloadID", self.payloadID)
        writer.field("receiver", self.receiver)
        writer.field("sender", self.sender)
        writer.field("standard", self.standard)
        writer.field("transactionControlNumber", self.transactionControlNumber)
        writer.field("usage", self.usage)
        writer.field("userAgent", self.userAgent)
        writer.field("version", self.version)
        writer.endObject()
    }
}
