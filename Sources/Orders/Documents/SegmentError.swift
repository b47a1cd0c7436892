/// A segment in error, located in its transaction set, with its element errors.
///
/// X12 `AK3` (997) or `IK3` (999) and the `AK4`/`IK4` segments after it.
public struct SegmentError: Hashable, Sendable, Codable {
    /// The segment's ID (AK301: `PO1`).
    public var segmentID: String
    /// The segment's position in the set, ST being 1 (AK302).
    public var position: Int
    /// The loop the segment is in (AK303).
    public var loopID: String?
    /// What is wrong with the segment (AK304).
    public var code: SegmentErrorCode?
    /// The elements in error.
    public var elementErrors: [ElementError]

    public init(
        segmentID: String, position: Int, loopID: String? = nil, code: SegmentErrorCode? = nil,
        elementErrors: [ElementError] = []
    ) {
        self.segmentID = segmentID
        self.position = position
        self.loopID = loopID
        self.code = code
        self.elementErrors = elementErrors
    }
}

extension SegmentError: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("code", self.code)
        writer.field("elementErrors", self.elementErrors)
        writer.field("loopID", self.loopID)
        writer.field("position", self.position)
        writer.field("segmentID", self.segmentID)
        writer.endObject()
    }
}
