/// A functional acknowledgment's verdict on a group or a transaction set.
///
/// X12 elements 715 (AK901) and 717 (AK501).
///
/// In JSON a named value is its name (`"accepted"`); any other value is the code as sent.
public struct AcknowledgmentCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accepted (X12 `A`).
    public static let accepted: Self = "accepted"

    /// Accepted, but errors were noted (X12 `E`).
    public static let acceptedWithErrors: Self = "acceptedWithErrors"

    /// Partially accepted: at least one set was rejected (groups only) (X12 `P`).
    public static let partiallyAccepted: Self = "partiallyAccepted"

    /// Rejected (X12 `R`).
    public static let rejected: Self = "rejected"

    /// Rejected: message authentication code failed (X12 `M`).
    public static let rejectedMessageAuthentication: Self = "rejectedMessageAuthentication"

    /// Rejected: assurance failed validity tests (X12 `W`).
    public static let rejectedAssurance: Self = "rejectedAssurance"

    /// Rejected: content after decryption could not be analyzed (X12 `X`).
    public static let rejectedDecryption: Self = "rejectedDecryption"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .accepted, .acceptedWithErrors, .partiallyAccepted, .rejected, .rejectedMessageAuthentication,
        .rejectedAssurance, .rejectedDecryption,
    ]
}
