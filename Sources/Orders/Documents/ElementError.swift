/// A data element in error, located in its segment.
///
/// X12 `AK4` (997) or `IK4` (999).
public struct ElementError: Hashable, Sendable, Codable {
    /// The element's position in the segment, from 1 (AK401-1).
    public var position: Int
    /// The component's position in a composite, from 1 (AK401-2).
    public var componentPosition: Int?
    /// The repetition's position, from 1 (AK401-3, 005010 only).
    public var repetitionPosition: Int?
    /// The data element reference number (AK402: `355`).
    public var referenceNumber: String?
    /// What is wrong (AK403).
    public var code: ElementErrorCode
    /// A copy of the bad value (AK404).
    public var badValue: String?

    public init(
        position: Int, componentPosition: Int? = nil, repetitionPosition: Int? = nil, referenceNumber: String? = nil,
        code: ElementErrorCode, badValue: String? = nil
    ) {
        self.position = position
        self.componentPosition = componentPosition
        self.repetitionPosition = repetitionPosition
        self.referenceNumber = referenceNumber
        self.code = code
        self.badValue = badValue
    }
}

extension ElementError: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("badValue", self.badValue)
        writer.field("code", self.code)
        writer.field("componentPosition", self.componentPosition)
        writer.field("position", self.position)
        writer.field("referenceNumber", self.referenceNumber)
        writer.field("repetitionPosition", self.repetitionPosition)
        writer.endObject()
    }
}
