/// The seller's answer to an order as a whole.
///
/// X12 element 587 (BAK02) and cXML `ConfirmationHeader@type`.
///
/// In JSON a named value is its name (`"accepted"`); any other value is the code as sent.
public struct AcknowledgmentType: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accepted (X12 `AT`; cXML `accept`).
    public static let accepted: Self = "accepted"

    /// Accepted with detail and changes (X12 `AC`; cXML `detail`).
    public static let acceptedWithChanges: Self = "acceptedWithChanges"

    /// Accepted with detail, no change (X12 `AD`).
    public static let acceptedWithDetail: Self = "acceptedWithDetail"

    /// Accepted; only exceptions are detailed (X12 `AE`; cXML `except`).
    public static let acceptedWithExceptions: Self = "acceptedWithExceptions"

    /// Accepted with no detail or change (X12 `AK`).
    public static let acceptedNoDetail: Self = "acceptedNoDetail"

    /// Acknowledged and on hold (X12 `AH`).
    public static let onHold: Self = "onHold"

    /// Backordered as a whole (cXML `backordered`).
    public static let backordered: Self = "backordered"

    /// Rejected with no detail (X12 `RJ`; cXML `reject`).
    public static let rejected: Self = "rejected"

    /// Rejected with detail (X12 `RD`).
    public static let rejectedWithDetail: Self = "rejectedWithDetail"

    /// Rejected; only exceptions are detailed (X12 `RF`).
    public static let rejectedWithExceptions: Self = "rejectedWithExceptions"

    /// Rejected: not as agreed (X12 `RN`).
    public static let rejectedNotAsAgreed: Self = "rejectedNotAsAgreed"

    /// Rejected with a counter offer (X12 `RO`).
    public static let rejectedWithCounterOffer: Self = "rejectedWithCounterOffer"

    /// Rejected: violates industry practices (X12 `RV`).
    public static let rejectedViolatesIndustryPractices: Self = "rejectedViolatesIndustryPractices"

    /// No acknowledgment needed (X12 `NA`).
    public static let noAcknowledgmentNeeded: Self = "noAcknowledgmentNeeded"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .accepted, .acceptedWithChanges, .acceptedWithDetail, .acceptedWithExceptions, .acceptedNoDetail, .onHold,
        .backordered, .rejected, .rejectedWithDetail, .rejectedWithExceptions, .rejectedNotAsAgreed,
        .rejectedWithCounterOffer, .rejectedViolatesIndustryPractices, .noAcknowledgmentNeeded,
    ]
}
