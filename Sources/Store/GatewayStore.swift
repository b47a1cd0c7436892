public import Foundation

/// The gateway's durable state: inbound files, the documents they held, the distribution queue, control numbers,
/// duplicates, tracking events and an audit log of every state change.
///
/// One protocol, several implementations held to one conformance suite: ``InMemoryGatewayStore`` (the reference)
/// and ``SQLiteGatewayStore`` (GRDB, WAL, fsync on commit). A PostgreSQL implementation will follow.
/// Every method is safe to call concurrently.
public protocol GatewayStore: Sendable {
    // MARK: Inbound files

    /// The committed outcome of the file claimed under `claim`, if it was committed (used on restart to finish
    /// a file whose commit happened but whose move did not).
    func inboundFile(claim: String) async throws(StoreError) -> InboundFile?

    /// The first file with this content hash (SHA-256, lowercase hex) that was processed, if any. Files that failed
    /// or were quarantined do not count: the same content sent again after a fix (`porter reprocess`) is processed.
    func inboundFile(contentHash: String) async throws(StoreError) -> InboundFile?

    /// Which of these interchanges were already received (duplicates).
    func receivedInterchanges(_ keys: [InterchangeKey]) async throws(StoreError) -> Set<InterchangeKey>

    /// Which of these cXML payloadIDs were already received.
    func receivedPayloadIDs(_ ids: [String]) async throws(StoreError) -> Set<String>

    /// All four lookups above for a batch of files at once, in one read: what intake asks before it plans a batch.
    /// Its answer equals calling ``inboundFile(claim:)``, ``inboundFile(contentHash:)``,
    /// ``receivedInterchanges(_:)`` and ``receivedPayloadIDs(_:)`` for every key.
    func lookUp(_ lookup: IntakeLookup) async throws(StoreError) -> IntakeLookup.Answer

    /// The highest inbound interchange control number recorded for the partner (to detect gaps).
    func lastInboundControlNumber(partner: String) async throws(StoreError) -> Int?

    /// The documents stored with the file claimed under `claim`, in the order they were committed.
    func documents(claim: String) async throws(StoreError) -> [DocumentRecord]

    /// Commits several files at once (group commit). Each commit is all-or-nothing: if its `build` closure
    /// throws, or one of its unique keys (claim, interchange key, payloadID) already exists, nothing of it is
    /// stored and its result is `.failed`; the others still commit. Control numbers handed out by the allocator
    /// inside `build` are persisted in the same transaction as the messages it returns.
    ///
    /// New messages are `pending`, created and due at `file.receivedAt`; the file's audit entry is dated then too.
    /// `build` runs while the store is held for writing: it must not call the store.
    func commit(_ commits: [InboundCommit]) async throws(StoreError) -> [InboundCommitResult]

    /// ``commit(_:)``, with every message the commits enqueue claimed at once for the caller, who delivers it next:
    /// each is stored `inFlight` (attempt 1, leased until `now + lease`, its claim audited) in the same transaction,
    /// so no claim transaction follows. As for a claim, a caller that dies before recording the attempt leaves the
    /// lease to expire, and the message is claimed and delivered again. The messages come back in commit order,
    /// with their payloads.
    func commit(_ commits: [InboundCommit], claimingAt now: Date, lease: TimeInterval) async throws(StoreError)
        -> (results: [InboundCommitResult], claimed: [OutboundMessage])

    // MARK: Queue

    /// Takes up to `limit` messages that are `pending` with `nextAttemptAt <= now`, or `inFlight` whose lease
    /// expired (a crashed worker), oldest first (by the time they became due, then by id); marks them `inFlight` with `leaseUntil = now + lease` and
    /// increments their attempt count.
    func claimDueMessages(now: Date, limit: Int, lease: TimeInterval) async throws(StoreError) -> [OutboundMessage]

    /// The earliest `nextAttemptAt` (or lease expiry) among messages not yet delivered or dead, for sleeping.
    func nextDueDate() async throws(StoreError) -> Date?

    /// Records the outcomes of several delivery attempts in one transaction (one flush for a whole batch of
    /// deliveries). Each outcome is applied on its own terms, all-or-nothing: a delivered one sets the state
    /// `delivered` and runs its `track` hook (not for a message that was already delivered); a failed one goes back
    /// to `pending` at `retryAt`, or `dead` when `retryAt` is nil, unless it is already `delivered` (a worker that
    /// took it over after a lease expired), and runs its hook with the message after the change. Every attempt is
    /// recorded with its audit entry.
    ///
    /// - Returns: For each outcome, in order, nil when it was recorded, or why it was not (an unknown id is
    ///   ``StoreError/invalid(_:)``; a hook that threw); that outcome alone is rolled back.
    /// - Throws: When the transaction itself could not commit (nothing is recorded).
    func record(_ outcomes: [AttemptOutcome]) async throws(StoreError) -> [StoreError?]

    /// Moves one `dead` (or `pending`) message back to `pending`, due now. False when no such message.
    func retry(_ id: Int64, at: Date) async throws(StoreError) -> Bool

    /// Moves every `dead` message back to `pending`; returns how many.
    func retryAllDead(at: Date) async throws(StoreError) -> Int

    /// Messages, newest first, optionally in one state. Their payloads are left empty (``message(_:)`` has them).
    func messages(state: OutboundMessage.State?, limit: Int) async throws(StoreError) -> [OutboundMessage]

    /// One message, with its payload.
    func message(_ id: Int64) async throws(StoreError) -> OutboundMessage?

    /// The attempts made to deliver one message, oldest first.
    func attempts(message id: Int64) async throws(StoreError) -> [DeliveryAttempt]

    /// Number of messages in each state (states with none are absent).
    func messageCounts() async throws(StoreError) -> [OutboundMessage.State: Int]

    // MARK: Control numbers

    /// The last control numbers handed out for a partner, if any were.
    func controlNumbers(partner: String) async throws(StoreError) -> ControlNumbers?

    /// Seeds a partner's control numbers (when a partner moves to Porter): the next allocation returns the value
    /// after the one set. Values must be 0...999_999_999.
    func setControlNumbers(_ numbers: ControlNumbers, partner: String, at: Date) async throws(StoreError)

    // MARK: History

    /// Audit entries, newest first, optionally about one subject (e.g. "message:12", "file:CLAIM").
    func auditLog(subject: String?, limit: Int) async throws(StoreError) -> [AuditEntry]

    /// Tracking events recorded for one order number, oldest first.
    func trackingEvents(orderNumber: String) async throws(StoreError) -> [TrackingEvent]

    /// Duplicates recorded, newest first.
    func duplicates(limit: Int) async throws(StoreError) -> [DuplicateRecord]

    /// Control-number gaps recorded, newest first.
    func controlNumberGaps(limit: Int) async throws(StoreError) -> [ControlNumberGap]

    /// Deletes history older than `date` (delivered and dead messages, their attempts, audit entries, inbound
    /// file rows, closed alerts, finished order legs); pending and in-flight messages, open alerts and active legs
    /// are never removed. Returns the number of rows removed.
    ///
    /// A message goes once it has been delivered or dead since before `date`; a file row (with its documents) once
    /// it was received before `date` and none of its messages is left; duplicate and gap records by their date; an
    /// alert (with its raise and close events) once it was closed before `date`; an order leg (with its versions)
    /// once it is `closed` or `cancelled` and was not updated since `date`; a tracking event once it is older than
    /// `date` and no leg of its order number is left (an active order keeps its whole timeline). Interchange keys,
    /// payloadIDs and control numbers are kept: they guard against duplicates.
    func sweep(before date: Date) async throws(StoreError) -> Int

    // MARK: Tracking

    /// Runs `body` in one write transaction (the alert monitor's deadline sweep, closing an order by hand).
    func track<T: Sendable>(_ body: @Sendable (any TrackingSession) throws(StoreError) -> T) async throws(StoreError)
        -> T

    /// Every leg of an order (one per supplier), by partner.
    func trackedOrders(number: String) async throws(StoreError) -> [TrackedOrder]

    /// The versions of an order's legs, by partner then version.
    func orderVersions(number: String) async throws(StoreError) -> [OrderVersion]

    /// The inbound documents about an order (its 855s, 856s, changes...), oldest first.
    func documents(orderNumber: String) async throws(StoreError) -> [StoredDocument]

    /// The open alerts about these order numbers, oldest first (a read: `porter track` never takes the write lock).
    func openAlerts(orderNumbers: [String]) async throws(StoreError) -> [Alert]

    /// Alerts, newest first: all, or only the open ones.
    func alerts(openOnly: Bool, limit: Int) async throws(StoreError) -> [Alert]

    /// Alert raises and closes with a sequence above `sequence`, in sequence order.
    func alertEvents(after sequence: Int64, limit: Int) async throws(StoreError) -> [AlertEvent]

    /// The last alert event sequence written to `alerts/alerts.jsonl` (0 when none).
    func exportedAlertSequence() async throws(StoreError) -> Int64

    /// Records that alert events up to `sequence` are written to `alerts/alerts.jsonl`.
    func setExportedAlertSequence(_ sequence: Int64) async throws(StoreError)

    /// Counts by state, open alerts and per-partner figures, computed from indexes (fast over millions of rows).
    ///
    /// Per partner (every partner with order legs or inbound files), over the legs and files the store holds:
    /// - latencies: `acknowledgedAt - deliveredAt` and `confirmedAt - deliveredAt` of the legs having both dates;
    ///   median and 95th percentile by nearest rank (the value at index `ceil(p * n) - 1` of the sorted values);
    /// - on-time acknowledgment rate: legs with `acknowledgedOnTime == true` / legs with `acknowledgedOnTime` set
    ///   plus the overdue ones (`acknowledgedAt`, `acknowledgedOnTime` and `acknowledgmentDue` nil, `deliveredAt`
    ///   set, `acknowledgmentAllowance > 0`: the deadline was cleared when the overdue alert was raised);
    /// - change order rate: legs with `version > 1` / legs;
    /// - discrepancy rate: legs with `discrepancyCount > 0` among those confirmed or shipped (`confirmedAt` or
    ///   `shippedAt` set) / legs confirmed or shipped;
    /// - error rate: files with outcome `failed` / files (quarantined and duplicate files are not errors);
    /// - the oldest open alert naming the partner (by `raisedAt`, then id).
    /// A rate is nil when its denominator is 0, a latency nil when no leg has one.
    func statusReport() async throws(StoreError) -> StatusReport
}

extension GatewayStore {
    /// The lookups one at a time (the reference behaviour; a store with a cheaper way to ask them together overrides
    /// it).
    public func lookUp(_ lookup: IntakeLookup) async throws(StoreError) -> IntakeLookup.Answer {
        var answer = IntakeLookup.Answer()
        for claim in lookup.claims {
            if let file = try await self.inboundFile(claim: claim) { answer.committed[claim] = file }
        }
        for hash in Set(lookup.contentHashes) {
            if let file = try await self.inboundFile(contentHash: hash) { answer.processed[hash] = file }
        }
        answer.receivedInterchanges = try await self.receivedInterchanges(lookup.interchanges)
        answer.receivedPayloadIDs = try await self.receivedPayloadIDs(lookup.payloadIDs)
        return answer
    }

    /// Records a successful attempt: state `delivered`. `track` runs in the same transaction, given the message as
    /// delivered (not run for a message that was already delivered). Throws ``StoreError/invalid(_:)`` for an unknown id.
    public func markDelivered(_ id: Int64, at: Date, detail: String, track: DeliveryTracking? = nil)
        async throws(StoreError)
    {
        try await self.recordOne(
            AttemptOutcome(messageID: id, at: at, result: .delivered(detail: detail), track: track))
    }

    /// Records a failed attempt: back to `pending` at `retryAt`, or `dead` when `retryAt` is nil. A message already
    /// `delivered` (by a worker that took it over after a lease expired) keeps that state; the attempt is recorded.
    /// Throws ``StoreError/invalid(_:)`` for an unknown id. `track` runs in the same transaction, given the message
    /// after the change.
    public func markFailed(_ id: Int64, at: Date, reason: String, retryAt: Date?, track: DeliveryTracking? = nil)
        async throws(StoreError)
    {
        try await self.recordOne(
            AttemptOutcome(messageID: id, at: at, result: .failed(reason: reason, retryAt: retryAt), track: track))
    }

    private func recordOne(_ outcome: AttemptOutcome) async throws(StoreError) {
        if let failure = try await self.record([outcome]).first, let failure { throw failure }
    }
}

/// The outcome of one delivery attempt, for ``GatewayStore/record(_:)``.
public struct AttemptOutcome: Sendable {
    public enum Result: Hashable, Sendable {
        /// Delivered; `detail` says where (a path, an HTTP status).
        case delivered(detail: String)
        /// Not delivered: tried again at `retryAt`, or dead letter when it is nil.
        case failed(reason: String, retryAt: Date?)
    }

    public var messageID: Int64
    public var at: Date
    public var result: Result
    /// Runs in the same transaction, given the message after the change.
    public var track: DeliveryTracking?

    public init(messageID: Int64, at: Date, result: Result, track: DeliveryTracking? = nil) {
        self.messageID = messageID
        self.at = at
        self.result = result
        self.track = track
    }
}

/// The keys of a batch of files about to be planned, for ``GatewayStore/lookUp(_:)``.
public struct IntakeLookup: Sendable {
    /// Claims (a file committed before a crash is only moved).
    public var claims: [String]
    /// SHA-256 content hashes (the same content again is a duplicate).
    public var contentHashes: [String]
    /// X12 interchanges (sender, receiver, ISA13).
    public var interchanges: [InterchangeKey]
    /// cXML payloadIDs.
    public var payloadIDs: [String]

    public init(
        claims: [String] = [], contentHashes: [String] = [], interchanges: [InterchangeKey] = [],
        payloadIDs: [String] = []
    ) {
        self.claims = claims
        self.contentHashes = contentHashes
        self.interchanges = interchanges
        self.payloadIDs = payloadIDs
    }

    /// What the store knows of those keys.
    public struct Answer: Hashable, Sendable {
        /// The committed files among the claims, by claim.
        public var committed: [String: InboundFile] = [:]
        /// The first processed file with each content hash, by hash (hashes of no processed file are absent).
        public var processed: [String: InboundFile] = [:]
        /// The interchanges already received.
        public var receivedInterchanges: Set<InterchangeKey> = []
        /// The payloadIDs already received.
        public var receivedPayloadIDs: Set<String> = []

        public init() {}
    }
}
