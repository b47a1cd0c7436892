/// The verdict on one transaction set in a functional acknowledgment, with its errors.
///
/// X12 `AK2` loop: AK2, the AK3/AK4 errors, AK5.
public struct TransactionSetAcknowledgment: Hashable, Sendable, Codable {
    /// The set's identifier (AK201: `850`).
    public var identifier: String
    /// The set's control number (AK202).
    public var controlNumber: String
    /// The implementation convention reference (AK203, 005010 only).
    public var implementationReference: String?
    /// The verdict (AK501).
    public var status: AcknowledgmentCode
    /// Errors in the set as a whole (AK502-AK506).
    public var errors: [TransactionSetErrorCode]
    /// The segments in error, in order.
    public var segmentErrors: [SegmentError]

    public init(
        identifier: String, controlNumber: String, implementationReference: String? = nil,
        status: AcknowledgmentCode, errors: [TransactionSetErrorCode] = [], segmentErrors: [SegmentError] = []
    ) {
        self.identifier = identifier
        self.controlNumber = controlNumber
        self.implementationReference = implementationReference
        self.status = status
        self.errors = errors
        self.segmentErrors = segmentErrors
    }
}

extension TransactionSetAcknowledgment: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("controlNumber", self.controlNumber)
        writer.field("errors", self.errors)
        writer.field("identifier", self.identifier)
        writer.field("implementationReference", self.implementationReference)
        writer.field("segmentErrors", self.segmentErrors)
        writer.field("status", self.status)
        writer.endObject()
    }
}
