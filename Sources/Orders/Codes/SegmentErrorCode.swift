/// What is wrong with a segment.
///
/// X12 element 720 (AK304, IK304).
///
/// In JSON a named value is its name (`"unrecognizedSegment"`); any other value is the code as sent.
public struct SegmentErrorCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Unrecognized segment ID (X12 `1`).
    public static let unrecognizedSegment: Self = "unrecognizedSegment"

    /// Unexpected segment (X12 `2`).
    public static let unexpectedSegment: Self = "unexpectedSegment"

    /// Mandatory segment missing (X12 `3`).
    public static let mandatorySegmentMissing: Self = "mandatorySegmentMissing"

    /// Loop occurs over maximum times (X12 `4`).
    public static let loopExceedsMaximum: Self = "loopExceedsMaximum"

    /// Segment exceeds maximum use (X12 `5`).
    public static let segmentExceedsMaximumUse: Self = "segmentExceedsMaximumUse"

    /// Segment not in the defined transaction set (X12 `6`).
    public static let notInTransactionSet: Self = "notInTransactionSet"

    /// Segment not in proper sequence (X12 `7`).
    public static let outOfSequence: Self = "outOfSequence"

    /// Segment has data element errors (X12 `8`).
    public static let hasElementErrors: Self = "hasElementErrors"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .unrecognizedSegment, .unexpectedSegment, .mandatorySegmentMissing, .loopExceedsMaximum,
        .segmentExceedsMaximumUse, .notInTransactionSet, .outOfSequence, .hasElementErrors,
    ]
}
