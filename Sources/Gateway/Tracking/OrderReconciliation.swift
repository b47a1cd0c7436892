public import Orders

/// One order leg's lines side by side: what was ordered, confirmed (855) and shipped (856s, added up), and for a
/// blanket order what was released against it. Stored with the leg (``Store/TrackedOrder/reconciliation``) and
/// shown by `porter track`.
public struct OrderReconciliation: Hashable, Sendable, Codable {
    /// One order line.
    public struct Line: Hashable, Sendable, Codable {
        public var lineNumber: String
        public var items: [ItemIdentifier]
        public var unit: UnitOfMeasure?
        public var ordered: DecimalNumber
        public var unitPrice: DecimalNumber?
        /// The confirmed quantity (rejected and deleted lines count as zero); nil until an 855 mentions the line.
        public var confirmed: DecimalNumber?
        /// The confirmed unit price, when the 855 gives one.
        public var confirmedPrice: DecimalNumber?
        /// The 855's line status ("accepted", "backordered", "rejected", ...), as in Porter's JSON.
        public var status: String?
        /// Shipped so far (every 856 added up); nil until an 856 mentions the line.
        public var shipped: DecimalNumber?
        /// For a blanket order: released so far by release orders.
        public var released: DecimalNumber?

        public init(
            lineNumber: String, items: [ItemIdentifier], unit: UnitOfMeasure?, ordered: DecimalNumber,
            unitPrice: DecimalNumber?, confirmed: DecimalNumber? = nil, confirmedPrice: DecimalNumber? = nil,
            status: String? = nil, shipped: DecimalNumber? = nil, released: DecimalNumber? = nil
        ) {
            self.lineNumber = lineNumber
            self.items = items
            self.unit = unit
            self.ordered = ordered
            self.unitPrice = unitPrice
            self.confirmed = confirmed
            self.confirmedPrice = confirmedPrice
            self.status = status
            self.shipped = shipped
            self.released = released
        }
    }

    public var lines: [Line]
    /// What the last 855 and the 856s differ in, from the model's reconciliation helpers: the 855's first, then the
    /// shipments'.
    public var discrepancies: [Discrepancy]
    /// The last 855 received, kept to reconcile again after a change.
    public var acknowledgment: OrderAcknowledgment?
    /// The 856s received, kept because shipments are reconciled together (quantities add up).
    public var shipNotices: [ShipNotice]?

    public init(
        lines: [Line], discrepancies: [Discrepancy] = [], acknowledgment: OrderAcknowledgment? = nil,
        shipNotices: [ShipNotice]? = nil
    ) {
        self.lines = lines
        self.discrepancies = discrepancies
        self.acknowledgment = acknowledgment
        self.shipNotices = shipNotices
    }
}
