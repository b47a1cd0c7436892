/// What is wrong with a data element.
///
/// X12 element 723 (AK403, IK403).
///
/// In JSON a named value is its name (`"mandatoryMissing"`); any other value is the code as sent.
public struct ElementErrorCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Mandatory data element missing (X12 `1`).
    public static let mandatoryMissing: Self = "mandatoryMissing"

    /// Conditional required data element missing (X12 `2`).
    public static let conditionalMissing: Self = "conditionalMissing"

    /// Too many data elements (X12 `3`).
    public static let tooManyElements: Self = "tooManyElements"

    /// Data element too short (X12 `4`).
    public static let tooShort: Self = "tooShort"

    /// Data element too long (X12 `5`).
    public static let tooLong: Self = "tooLong"

    /// Invalid character in data element (X12 `6`).
    public static let invalidCharacter: Self = "invalidCharacter"

    /// Invalid code value (X12 `7`).
    public static let invalidCode: Self = "invalidCode"

    /// Invalid date (X12 `8`).
    public static let invalidDate: Self = "invalidDate"

    /// Invalid time (X12 `9`).
    public static let invalidTime: Self = "invalidTime"

    /// Exclusion condition violated (X12 `10`).
    public static let exclusionViolated: Self = "exclusionViolated"

    /// Too many repetitions (X12 `12`).
    public static let tooManyRepetitions: Self = "tooManyRepetitions"

    /// Too many components (X12 `13`).
    public static let tooManyComponents: Self = "tooManyComponents"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .mandatoryMissing, .conditionalMissing, .tooManyElements, .tooShort, .tooLong, .invalidCharacter, .invalidCode,
        .invalidDate, .invalidTime, .exclusionViolated, .tooManyRepetitions, .tooManyComponents,
    ]
}
