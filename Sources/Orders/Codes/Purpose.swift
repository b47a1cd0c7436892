/// What a document does to the business transaction it belongs to.
///
/// The purpose of an order, acknowledgment, change or ship notice (X12 element 353: BEG01, BAK01, BCH01, BSN01;
/// cXML `type` and `operation` attributes).
///
/// In JSON a named value is its name (`"original"`); any other value is the code as sent.
public struct Purpose: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A new document (X12 `00`; cXML `new`).
    public static let original: Self = "original"

    /// Cancels the whole transaction (X12 `01`).
    public static let cancellation: Self = "cancellation"

    /// Adds to an earlier document (X12 `02`).
    public static let add: Self = "add"

    /// Withdraws an earlier document (X12 `03`; cXML `delete`).
    public static let delete: Self = "delete"

    /// Changes an earlier document (retail 860) (X12 `04`).
    public static let change: Self = "change"

    /// Replaces an earlier document completely (X12 `05`; cXML `update`).
    public static let replace: Self = "replace"

    /// Confirms an order placed another way (by phone...) (X12 `06`).
    public static let confirmation: Self = "confirmation"

    /// A copy sent again: do not process twice (X12 `07`).
    public static let duplicate: Self = "duplicate"

    /// A status report (X12 `08`).
    public static let status: Self = "status"

    /// Reissued (X12 `18`).
    public static let reissue: Self = "reissue"

    /// A change the seller initiated (X12 `19`).
    public static let sellerInitiatedChange: Self = "sellerInitiatedChange"

    /// A copy for information (X12 `22`).
    public static let informationCopy: Self = "informationCopy"

    /// An original that needs no response (X12 `49`).
    public static let originalNoResponse: Self = "originalNoResponse"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .original, .cancellation, .add, .delete, .change, .replace, .confirmation, .duplicate, .status, .reissue,
        .sellerInitiatedChange, .informationCopy, .originalNoResponse,
    ]
}
