public import Foundation

/// Reads and writes order tracking inside one store transaction: what an ``InboundCommit``'s `track` closure, the
/// hooks of ``GatewayStore/markDelivered(_:at:detail:track:)`` and ``GatewayStore/markFailed(_:at:reason:retryAt:track:)``
/// and ``GatewayStore/track(_:)`` are given. Everything written commits or rolls back with the transaction. Not
/// to be kept beyond the closure.
public protocol TrackingSession {
    /// One order leg.
    func order(_ number: String, partner: String) throws(StoreError) -> TrackedOrder?
    /// Every leg of an order (one per supplier), by partner.
    func orders(number: String) throws(StoreError) -> [TrackedOrder]
    /// The legs sent to `partner` in the group with this GS06 (what a 997's AK102 names).
    func orders(partner: String, groupControlNumber: String) throws(StoreError) -> [TrackedOrder]
    /// Legs whose acknowledgment or confirmation deadline is at or before `date`, earliest first.
    func orders(dueBy date: Date, limit: Int) throws(StoreError) -> [TrackedOrder]
    /// Inserts or replaces a leg (keyed by order number and partner).
    func save(_ order: TrackedOrder) throws(StoreError)
    /// One order leg for a change of its tracking only (status, times, deadlines): its `document` and
    /// `reconciliation` may be left empty, so save it with ``saveTracking(_:)``, never ``save(_:)``.
    func orderTracking(_ number: String, partner: String) throws(StoreError) -> TrackedOrder?
    /// Saves an existing leg's tracking (everything but `document` and `reconciliation`, which stay as stored).
    func saveTracking(_ order: TrackedOrder) throws(StoreError)
    /// Adds a version (keyed by order number, partner and version; an existing one is replaced).
    func addVersion(_ version: OrderVersion) throws(StoreError)
    /// Appends a timeline event.
    func record(_ event: TrackingEvent) throws(StoreError)
    /// Raises an alert at `at`, unless one of the same kind and key is open: then nil.
    @discardableResult
    func raise(_ alert: AlertDraft, at: Date) throws(StoreError) -> Alert?
    /// Closes the open alerts of `kind` with `key` (none is fine); returns those closed.
    @discardableResult
    func closeAlerts(kind: Alert.Kind, key: String, at: Date, because reason: String) throws(StoreError) -> [Alert]
    /// The open alerts about one order (any kind), oldest first.
    func openAlerts(orderNumber: String) throws(StoreError) -> [Alert]
    /// The open alerts of one kind naming `partner`, oldest first.
    func openAlerts(kind: Alert.Kind, partner: String) throws(StoreError) -> [Alert]
}

extension TrackingSession {
    /// The whole leg (a store that reads a leg's documents cheaply has no reason to leave them out).
    public func orderTracking(_ number: String, partner: String) throws(StoreError) -> TrackedOrder? {
        try self.order(number, partner: partner)
    }

    /// Saves the leg with the documents it has in the store.
    public func saveTracking(_ order: TrackedOrder) throws(StoreError) {
        var order = order
        if let stored = try self.order(order.orderNumber, partner: order.partner) {
            order.document = stored.document
            order.reconciliation = stored.reconciliation
        }
        try self.save(order)
    }
}

/// A hook run inside a commit, after its messages are inserted; it is given the drafts enqueued.
public typealias CommitTracking = @Sendable (any TrackingSession, [OutboundDraft]) throws(StoreError) -> Void

/// A hook run inside a delivery outcome's transaction; it is given the message as it is after the change, its
/// payload left empty (no hook needs the bytes, and reading them back for every delivery cost a read per message).
public typealias DeliveryTracking = @Sendable (any TrackingSession, OutboundMessage) throws(StoreError) -> Void
