public import Foundation

/// Where one order leg stands (the latest step reached; a later document can move it back, e.g. an 860 to `changed`).
public enum OrderStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Queued for the supplier.
    case distributed
    /// Delivered to the supplier (outbox file written, or HTTP 2xx).
    case delivered
    /// The supplier's 997/999 accepted the set (or accepted it with errors).
    case acknowledged
    /// The supplier's 997/999 rejected the set.
    case acknowledgmentRejected
    /// An 855 (or cXML ConfirmationRequest) accepted the order as sent.
    case confirmed
    /// An 855 accepted it with changes (quantities, prices, dates, backorders, some lines rejected).
    case confirmedWithChanges
    /// An 855 rejected the whole order.
    case rejected
    /// An 860 (or cXML update) was sent: a new version of the order is awaiting confirmation.
    case changed
    /// An 856 shipped part of the order.
    case partiallyShipped
    /// 856s shipped every line in full.
    case shipped
    /// The buyer cancelled it (an 850 or 860 with a cancellation purpose).
    case cancelled
    /// Nothing more is expected (shipped in full and confirmed, or closed by hand).
    case closed
}

/// One order leg: a purchase order as sent to one supplier. An order split between suppliers has one leg per
/// supplier, all under the same order number; `porter track NUMBER` shows them together.
///
/// Deadlines: `acknowledgmentDue` and `confirmationDue` are set while the gateway waits for the 997/999 and the
/// 855 (from the delivery time plus the partner's allowance) and cleared when the document arrives or once the
/// overdue alert is raised; ``GatewayStore`` finds due orders by an index on them.
public struct TrackedOrder: Hashable, Sendable, Codable {
    public var orderNumber: String
    /// The supplier the order went to.
    public var partner: String
    /// The partner that sent the order in (the buyer's ERP), when known.
    public var buyer: String?
    public var status: OrderStatus
    /// 1 for the original; each change (860, cXML update) adds one.
    public var version: Int
    /// A blanket order (releases against it are tracked in `reconciliation`).
    public var isBlanket: Bool
    public var distributedAt: Date
    public var updatedAt: Date
    public var deliveredAt: Date?
    /// When the 997/999 arrived.
    public var acknowledgedAt: Date?
    /// When the 855 arrived.
    public var confirmedAt: Date?
    /// When the first 856 arrived.
    public var shippedAt: Date?
    /// When the awaited 997/999 becomes overdue (nil when not awaited, received or already alerted).
    public var acknowledgmentDue: Date?
    /// When the awaited 855 becomes overdue.
    public var confirmationDue: Date?
    /// How long after delivery the supplier has for its 997/999 (seconds); 0 when it sends none.
    public var acknowledgmentAllowance: TimeInterval
    /// How long after delivery the supplier has for its 855 (seconds); 0 when it sends none.
    public var confirmationAllowance: TimeInterval
    /// Whether the 997/999 came within its allowance (nil until it comes).
    public var acknowledgedOnTime: Bool?
    /// GS06 of the group the order was sent in (a 997's AK102 names it).
    public var groupControlNumber: String?
    /// ISA13 of the interchange it was sent in, or the cXML payloadID.
    public var controlReference: String?
    /// Discrepancies found by the last reconciliation (855 and 856 against the order).
    public var discrepancyCount: Int
    /// The current version of the order: its canonical JSON (Porter's `purchaseOrder` document).
    public var document: Data
    /// The tracker's line reconciliation (ordered, confirmed, shipped, released per line) as JSON; empty until an
    /// 855 or 856 arrives.
    public var reconciliation: Data

    public init(
        orderNumber: String, partner: String, buyer: String? = nil, status: OrderStatus = .distributed,
        version: Int = 1, isBlanket: Bool = false, distributedAt: Date, updatedAt: Date? = nil,
        deliveredAt: Date? = nil, acknowledgedAt: Date? = nil, confirmedAt: Date? = nil, shippedAt: Date? = nil,
        acknowledgmentDue: Date? = nil, confirmationDue: Date? = nil, acknowledgmentAllowance: TimeInterval = 0,
        confirmationAllowance: TimeInterval = 0, acknowledgedOnTime: Bool? = nil, groupControlNumber: String? = nil,
        controlReference: String? = nil, discrepancyCount: Int = 0, document: Data, reconciliation: Data = Data()
    ) {
        self.orderNumber = orderNumber
        self.partner = partner
        self.buyer = buyer
        self.status = status
        self.version = version
        self.isBlanket = isBlanket
        self.distributedAt = distributedAt
        self.updatedAt = updatedAt ?? distributedAt
        self.deliveredAt = deliveredAt
        self.acknowledgedAt = acknowledgedAt
        self.confirmedAt = confirmedAt
        self.shippedAt = shippedAt
        self.acknowledgmentDue = acknowledgmentDue
        self.confirmationDue = confirmationDue
        self.acknowledgmentAllowance = acknowledgmentAllowance
        self.confirmationAllowance = confirmationAllowance
        self.acknowledgedOnTime = acknowledgedOnTime
        self.groupControlNumber = groupControlNumber
        self.controlReference = controlReference
        self.discrepancyCount = discrepancyCount
        self.document = document
        self.reconciliation = reconciliation
    }

    /// The earlier of the two deadlines still pending.
    public var nextDue: Date? {
        switch (self.acknowledgmentDue, self.confirmationDue) {
        case (let a?, let c?): min(a, c)
        case (let a?, nil): a
        case (nil, let c?): c
        case (nil, nil): nil
        }
    }
}

/// One version of an order leg: the original (1) and each change.
public struct OrderVersion: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var partner: String
    public var version: Int
    /// "original", "change", "cancellation", "replace".
    public var kind: String
    public var at: Date
    /// The canonical JSON of the document that made this version (the 850, or the 860).
    public var document: Data
    /// The canonical JSON of the whole order as of this version.
    public var order: Data

    public init(
        orderNumber: String, partner: String, version: Int, kind: String, at: Date, document: Data, order: Data
    ) {
        self.orderNumber = orderNumber
        self.partner = partner
        self.version = version
        self.kind = kind
        self.at = at
        self.document = document
        self.order = order
    }
}

/// A stored inbound document with where and when it came in.
public struct StoredDocument: Hashable, Sendable {
    public var record: DocumentRecord
    /// The claim of the file it came in.
    public var claim: String
    public var receivedAt: Date

    public init(record: DocumentRecord, claim: String, receivedAt: Date) {
        self.record = record
        self.claim = claim
        self.receivedAt = receivedAt
    }
}
