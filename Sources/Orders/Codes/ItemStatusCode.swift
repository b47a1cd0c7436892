/// The status a seller gives (part of) an order line.
///
/// X12 element 668 (ACK01, SN108) and cXML `ConfirmationStatus@type`. See ``isRejection`` and ``isBackorder`` for
/// the groups reconciliation uses.
///
/// In JSON a named value is its name (`"accepted"`); any other value is the code as sent.
public struct ItemStatusCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accepted (X12 `IA`; cXML `accept`).
    public static let accepted: Self = "accepted"

    /// Accepted and shipped (X12 `AC`).
    public static let acceptedAndShipped: Self = "acceptedAndShipped"

    /// Accepted and released for shipment (X12 `AR`).
    public static let acceptedAndReleased: Self = "acceptedAndReleased"

    /// Accepted; forwarded to an alternate supplier location (X12 `AA`).
    public static let forwardedToAlternateLocation: Self = "forwardedToAlternateLocation"

    /// Accepted with changes (X12 `IC`; cXML `detail`).
    public static let acceptedWithChanges: Self = "acceptedWithChanges"

    /// Accepted; quantity changed (X12 `IQ`).
    public static let quantityChanged: Self = "quantityChanged"

    /// Accepted; price changed (X12 `IP`).
    public static let priceChanged: Self = "priceChanged"

    /// Accepted; date rescheduled (X12 `DR`).
    public static let dateRescheduled: Self = "dateRescheduled"

    /// Accepted; price pending (X12 `IE`).
    public static let pricePending: Self = "pricePending"

    /// Accepted; schedule date pending (X12 `SP`).
    public static let scheduleDatePending: Self = "scheduleDatePending"

    /// Accepted; a substitute item (X12 `IS`).
    public static let substituted: Self = "substituted"

    /// Backordered (X12 `IB`; cXML `backordered`).
    public static let backordered: Self = "backordered"

    /// Partial shipment, balance backordered (X12 `BP`).
    public static let partialShipmentBalanceBackordered: Self = "partialShipmentBalanceBackordered"

    /// On hold (X12 `IH`).
    public static let onHold: Self = "onHold"

    /// On hold: incomplete description (X12 `IF`).
    public static let onHoldIncompleteDescription: Self = "onHoldIncompleteDescription"

    /// On hold: waiver required (X12 `IW`).
    public static let onHoldWaiverRequired: Self = "onHoldWaiverRequired"

    /// Deleted (X12 `ID`).
    public static let deleted: Self = "deleted"

    /// Rejected (X12 `IR`; cXML `reject`).
    public static let rejected: Self = "rejected"

    /// Rejected: not a contract item (X12 `R1`).
    public static let rejectedNotContractItem: Self = "rejectedNotContractItem"

    /// Rejected: invalid item number (X12 `R2`).
    public static let rejectedInvalidItemNumber: Self = "rejectedInvalidItemNumber"

    /// Rejected: invalid unit of issue (X12 `R3`).
    public static let rejectedInvalidUnit: Self = "rejectedInvalidUnit"

    /// Rejected: contract item not available (X12 `R4`).
    public static let rejectedContractItemUnavailable: Self = "rejectedContractItemUnavailable"

    /// Rejected: reorder as a just-in-time order (X12 `R5`).
    public static let rejectedReorderJustInTime: Self = "rejectedReorderJustInTime"

    /// Rejected: reorder as an extended delivery order (X12 `R6`).
    public static let rejectedReorderExtendedDelivery: Self = "rejectedReorderExtendedDelivery"

    /// Rejected: reorder as a drop shipment (X12 `R7`).
    public static let rejectedReorderDropShipment: Self = "rejectedReorderDropShipment"

    /// Rejected: reorder as a surge order (X12 `R8`).
    public static let rejectedReorderSurge: Self = "rejectedReorderSurge"

    /// Status not known (resets a line) (cXML `unknown`).
    public static let unknown: Self = "unknown"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .accepted, .acceptedAndShipped, .acceptedAndReleased, .forwardedToAlternateLocation, .acceptedWithChanges,
        .quantityChanged, .priceChanged, .dateRescheduled, .pricePending, .scheduleDatePending, .substituted,
        .backordered, .partialShipmentBalanceBackordered, .onHold, .onHoldIncompleteDescription, .onHoldWaiverRequired,
        .deleted, .rejected, .rejectedNotContractItem, .rejectedInvalidItemNumber, .rejectedInvalidUnit,
        .rejectedContractItemUnavailable, .rejectedReorderJustInTime, .rejectedReorderExtendedDelivery,
        .rejectedReorderDropShipment, .rejectedReorderSurge, .unknown,
    ]
}

extension ItemStatusCode {
    /// Whether the status takes the quantity out of the order: rejected (for any reason) or deleted.
    public var isRejection: Bool {
        switch self {
        case .rejected, .deleted, .rejectedNotContractItem, .rejectedInvalidItemNumber, .rejectedInvalidUnit,
            .rejectedContractItemUnavailable, .rejectedReorderJustInTime, .rejectedReorderExtendedDelivery,
            .rejectedReorderDropShipment, .rejectedReorderSurge:
            return true
        default: return false
        }
    }

    /// Whether the quantity is confirmed but will ship later than the rest.
    public var isBackorder: Bool { self == .backordered || self == .partialShipmentBalanceBackordered }
}
