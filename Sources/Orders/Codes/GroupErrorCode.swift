/// Why a functional group was rejected or noted.
///
/// X12 element 716 (AK905-AK909).
///
/// In JSON a named value is its name (`"notSupported"`); any other value is the code as sent.
public struct GroupErrorCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Functional group not supported (X12 `1`).
    public static let notSupported: Self = "notSupported"

    /// Functional group version not supported (X12 `2`).
    public static let versionNotSupported: Self = "versionNotSupported"

    /// Functional group trailer missing (X12 `3`).
    public static let trailerMissing: Self = "trailerMissing"

    /// GS06 and GE02 do not agree (X12 `4`).
    public static let controlNumberMismatch: Self = "controlNumberMismatch"

    /// GE01 is not the number of transaction sets (X12 `5`).
    public static let transactionCountMismatch: Self = "transactionCountMismatch"

    /// Group control number violates syntax (X12 `6`).
    public static let invalidControlNumber: Self = "invalidControlNumber"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .notSupported, .versionNotSupported, .trailerMissing, .controlNumberMismatch, .transactionCountMismatch,
        .invalidControlNumber,
    ]
}
