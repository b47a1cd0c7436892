/// Why a transaction set was rejected or noted.
///
/// X12 element 718 (AK502-AK506).
///
/// In JSON a named value is its name (`"notSupported"`); any other value is the code as sent.
public struct TransactionSetErrorCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Transaction set not supported (X12 `1`).
    public static let notSupported: Self = "notSupported"

    /// Transaction set trailer missing (X12 `2`).
    public static let trailerMissing: Self = "trailerMissing"

    /// ST02 and SE02 do not match (X12 `3`).
    public static let controlNumberMismatch: Self = "controlNumberMismatch"

    /// SE01 is not the number of segments (X12 `4`).
    public static let segmentCountMismatch: Self = "segmentCountMismatch"

    /// One or more segments in error (X12 `5`).
    public static let segmentsInError: Self = "segmentsInError"

    /// Missing or invalid transaction set identifier (X12 `6`).
    public static let invalidIdentifier: Self = "invalidIdentifier"

    /// Missing or invalid transaction set control number (X12 `7`).
    public static let invalidControlNumber: Self = "invalidControlNumber"

    /// Transaction set not in a functional group (X12 `18`).
    public static let notInFunctionalGroup: Self = "notInFunctionalGroup"

    /// Control number not unique within the group (X12 `23`).
    public static let duplicateControlNumber: Self = "duplicateControlNumber"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .notSupported, .trailerMissing, .controlNumberMismatch, .segmentCountMismatch, .segmentsInError,
        .invalidIdentifier, .invalidControlNumber, .notInFunctionalGroup, .duplicateControlNumber,
    ]
}
