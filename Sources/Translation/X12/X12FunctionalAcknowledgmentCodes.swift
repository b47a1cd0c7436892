import Orders

/// The X12 codes of the code lists only a 997 or 999 uses, each mapped to the name Porter gives it, with the other
/// codes the standards define (DOMAIN.md §2.3 and §2.4).
///
/// A code the standards define but Porter does not name (AK502 `19`, the 999's `I` codes) is kept as sent without a
/// warning; a code neither defines is kept as sent with one.
enum X12FunctionalAcknowledgmentCodes {
    /// AK501 and AK901, elements 717 and 715 (`P` is a group code only, but read wherever it is).
    static let acknowledgment = X12CodeList<AcknowledgmentCode>([
        ("A", .accepted),
        ("E", .acceptedWithErrors),
        ("P", .partiallyAccepted),
        ("R", .rejected),
        ("M", .rejectedMessageAuthentication),
        ("W", .rejectedAssurance),
        ("X", .rejectedDecryption),
    ])
    /// AK304 and IK304, elements 720 and 620.
    static let segmentError = X12CodeList<SegmentErrorCode>([
        ("1", .unrecognizedSegment),
        ("2", .unexpectedSegment),
        ("3", .mandatorySegmentMissing),
        ("4", .loopExceedsMaximum),
        ("5", .segmentExceedsMaximumUse),
        ("6", .notInTransactionSet),
        ("7", .outOfSequence),
        ("8", .hasElementErrors),
    ])
    /// The 620 codes a 999 adds to 720.
    static let segmentErrorOthers: Set<String> = ["I4", "I6", "I7", "I8", "I9"]
    /// AK403 and IK403, elements 723 and 621.
    static let elementError = X12CodeList<ElementErrorCode>([
        ("1", .mandatoryMissing),
        ("2", .conditionalMissing),
        ("3", .tooManyElements),
        ("4", .tooShort),
        ("5", .tooLong),
        ("6", .invalidCharacter),
        ("7", .invalidCode),
        ("8", .invalidDate),
        ("9", .invalidTime),
        ("10", .exclusionViolated),
        ("12", .tooManyRepetitions),
        ("13", .tooManyComponents),
    ])
    /// The 621 codes a 999 adds to 723.
    static let elementErrorOthers: Set<String> = ["I6", "I9", "I10", "I11", "I12", "I13"]
    /// AK502-AK506 and IK502-IK506, elements 718 and 618.
    static let transactionSetError = X12CodeList<TransactionSetErrorCode>([
        ("1", .notSupported),
        ("2", .trailerMissing),
        ("3", .controlNumberMismatch),
        ("4", .segmentCountMismatch),
        ("5", .segmentsInError),
        ("6", .invalidIdentifier),
        ("7", .invalidControlNumber),
        ("18", .notInFunctionalGroup),
        ("23", .duplicateControlNumber),
    ])
    /// The other 718 codes (security, 004010 and 005010 together) and the 618 codes a 999 adds.
    static let transactionSetErrorOthers: Set<String> = Set((8...27).filter { $0 != 14 }.map { String($0) })
        .subtracting(["18", "23"]).union(["I5", "I6"])
    /// AK905-AK909, element 716.
    static let groupError = X12CodeList<GroupErrorCode>([
        ("1", .notSupported),
        ("2", .versionNotSupported),
        ("3", .trailerMissing),
        ("4", .controlNumberMismatch),
        ("5", .transactionCountMismatch),
        ("6", .invalidControlNumber),
    ])
    /// The other 716 codes (security, 004010 and 005010 together).
    static let groupErrorOthers: Set<String> = Set((10...26).map { String($0) })
}
