/// A functional acknowledgment: did the receiver's translator accept a group of documents, set by set, and what
/// errors did it find.
///
/// X12 997 (and 999). One acknowledgment answers one functional group (AK1); each transaction set in it has
/// its verdict (AK2/AK5) and located errors (AK3/AK4).
public struct FunctionalAcknowledgment: Hashable, Sendable, Codable {
    /// How the document travelled.
    public var envelope: Envelope
    /// The X12 transaction set it travelled as (ST01): `997`, or `999` for an implementation acknowledgment.
    public var transactionSet: String?
    /// The functional identifier of the acknowledged group (AK101: `PO`, `PR`, `SH`...).
    public var functionalIdentifier: String
    /// The acknowledged group's control number (AK102).
    public var groupControlNumber: String
    /// The acknowledged group's version (AK103, 005010 only).
    public var groupVersion: String?
    /// The verdict on the group (AK901).
    public var status: AcknowledgmentCode
    /// The verdict on each transaction set.
    public var transactionSets: [TransactionSetAcknowledgment]
    /// The number of sets the group said it held (AK902).
    public var includedCount: Int?
    /// The number of sets received (AK903).
    public var receivedCount: Int?
    /// The number of sets accepted (AK904).
    public var acceptedCount: Int?
    /// Errors in the group as a whole (AK905-AK909).
    public var errors: [GroupErrorCode]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        envelope: Envelope, functionalIdentifier: String, groupControlNumber: String, groupVersion: String? = nil,
        status: AcknowledgmentCode, transactionSets: [TransactionSetAcknowledgment] = [], includedCount: Int? = nil,
        receivedCount: Int? = nil, acceptedCount: Int? = nil, errors: [GroupErrorCode] = [],
        transactionSet: String? = nil, extensions: Extensions = Extensions()
    ) {
        self.transactionSet = transactionSet
        self.envelope = envelope
        self.functionalIdentifier = functionalIdentifier
        self.groupControlNumber = groupControlNumber
        self.groupVersion = groupVersion
        self.status = status
        self.transactionSets = transactionSets
        self.includedCount = includedCount
        self.receivedCount = receivedCount
        self.acceptedCount = acceptedCount
        self.errors = errors
        self.extensions = extensions
    }
}

extension FunctionalAcknowledgment: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("acceptedCount", self.acceptedCount)
        writer.field("document", BusinessDocument.Kind.functionalAcknowledgment.rawValue)
        writer.field("envelope", self.envelope)
        writer.field("errors", self.errors)
        writer.field("extensions", self.extensions)
        writer.field("functionalIdentifier", self.functionalIdentifier)
        writer.field("groupControlNumber", self.groupControlNumber)
        writer.field("groupVersion", self.groupVersion)
        writer.field("includedCount", self.includedCount)
        writer.field("receivedCount", self.receivedCount)
        writer.field("schemaVersion", BusinessDocument.schemaVersion)
        writer.field("status", self.status)
        writer.field("transactionSet", self.transactionSet)
        writer.field("transactionSets", self.transactionSets)
        writer.endObject()
    }
}
