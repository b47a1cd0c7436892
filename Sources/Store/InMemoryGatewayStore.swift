public import Foundation
import Synchronization

/// The reference ``GatewayStore``: everything in memory, guarded by one `Mutex`, gone when the process ends.
///
/// Its behaviour is the contract the other implementations are tested against (the conformance suite runs
/// against each). Use it in tests and for `porter demo`.
public final class InMemoryGatewayStore: GatewayStore {
    private let state = Mutex(State())

    public init() {}

    // MARK: Inbound files

    public func inboundFile(claim: String) async throws(StoreError) -> InboundFile? {
        self.state.withLock { $0.files[claim] }
    }

    public func inboundFile(contentHash: String) async throws(StoreError) -> InboundFile? {
        self.state.withLock { state in
            for claim in state.fileOrder {
                if let file = state.files[claim], file.contentHash == contentHash, file.outcome == .processed {
                    return file
                }
            }
            return nil
        }
    }

    public func receivedInterchanges(_ keys: [InterchangeKey]) async throws(StoreError) -> Set<InterchangeKey> {
        self.state.withLock { state in Set(keys.filter { state.interchanges[$0] != nil }) }
    }

    public func receivedPayloadIDs(_ ids: [String]) async throws(StoreError) -> Set<String> {
        self.state.withLock { state in Set(ids.filter { state.payloadIDs[$0] != nil }) }
    }

    public func lastInboundControlNumber(partner: String) async throws(StoreError) -> Int? {
        self.state.withLock { $0.inboundControlNumbers[partner] }
    }

    public func documents(claim: String) async throws(StoreError) -> [DocumentRecord] {
        self.state.withLock { $0.documents[claim] ?? [] }
    }

    public func commit(_ commits: [InboundCommit]) async throws(StoreError) -> [InboundCommitResult] {
        self.state.withLock { state in
            commits.map { state.apply($0) }
        }
    }

    public func commit(_ commits: [InboundCommit], claimingAt now: Date, lease: TimeInterval) async throws(StoreError)
        -> (results: [InboundCommitResult], claimed: [OutboundMessage])
    {
        self.state.withLock { state in
            var claimed: [OutboundMessage] = []
            let until = now.addingTimeInterval(lease)
            let results = commits.map { commit in
                let result = state.apply(commit)
                guard case .committed(let ids) = result else { return result }
                claimed += ids.compactMap { state.claim($0, at: now, until: until) }
                return result
            }
            return (results, claimed)
        }
    }

    // MARK: Queue

    public func claimDueMessages(now: Date, limit: Int, lease: TimeInterval) async throws(StoreError)
        -> [OutboundMessage]
    {
        self.state.withLock { state in
            let due = state.messages.values
                .compactMap { stored in stored.dueAt.map { (due: $0, id: stored.message.id) } }
                .filter { $0.due <= now }
                .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                .prefix(max(limit, 0))
            return due.compactMap { state.claim($0.id, at: now, until: now.addingTimeInterval(lease)) }
        }
    }

    public func nextDueDate() async throws(StoreError) -> Date? {
        self.state.withLock { state in state.messages.values.compactMap(\.dueAt).min() }
    }

    public func record(_ outcomes: [AttemptOutcome]) async throws(StoreError) -> [StoreError?] {
        self.state.withLock { state in
            outcomes.map { outcome in
                // All-or-nothing per outcome: `record` can only throw before its first change.
                do throws(StoreError) {
                    try state.record(outcome)
                    return nil
                } catch {
                    return error
                }
            }
        }
    }

    public func retry(_ id: Int64, at: Date) async throws(StoreError) -> Bool {
        self.state.withLock { state in state.retry(id, at: at) }
    }

    public func retryAllDead(at: Date) async throws(StoreError) -> Int {
        self.state.withLock { state in
            let dead = state.messages.values.filter { $0.message.state == .dead }.map(\.message.id).sorted()
            return dead.filter { state.retry($0, at: at) }.count
        }
    }

    public func messages(state wanted: OutboundMessage.State?, limit: Int) async throws(StoreError)
        -> [OutboundMessage]
    {
        self.state.withLock { state in
            state.messages.values
                .filter { wanted == nil || $0.message.state == wanted }
                .sorted { $0.message.id > $1.message.id }
                .prefix(max(limit, 0))
                .map { stored in
                    var message = stored.message
                    message.draft.payload = Data()
                    return message
                }
        }
    }

    public func message(_ id: Int64) async throws(StoreError) -> OutboundMessage? {
        self.state.withLock { $0.messages[id]?.message }
    }

    public func attempts(message id: Int64) async throws(StoreError) -> [DeliveryAttempt] {
        self.state.withLock { $0.attempts[id] ?? [] }
    }

    public func messageCounts() async throws(StoreError) -> [OutboundMessage.State: Int] {
        self.state.withLock { state in
            state.messages.values.reduce(into: [:]) { counts, stored in counts[stored.message.state, default: 0] += 1 }
        }
    }

    // MARK: Control numbers

    public func controlNumbers(partner: String) async throws(StoreError) -> ControlNumbers? {
        self.state.withLock { $0.controlNumbers[partner] }
    }

    public func setControlNumbers(_ numbers: ControlNumbers, partner: String, at: Date) async throws(StoreError) {
        try StoreSemantics.validate(numbers, partner: partner)
        self.state.withLock { state in
            state.controlNumbers[partner] = numbers
            state.audit.append(StoreSemantics.controlNumbersSet(numbers, partner: partner, at: at))
        }
    }

    // MARK: History

    public func auditLog(subject: String?, limit: Int) async throws(StoreError) -> [AuditEntry] {
        self.state.withLock { state in
            Self.newestFirst(state.audit.filter { subject == nil || $0.subject == subject }, at: \.at, limit: limit)
        }
    }

    public func trackingEvents(orderNumber: String) async throws(StoreError) -> [TrackingEvent] {
        self.state.withLock { state in
            // A stable sort keeps the order of recording among events at the same time.
            state.tracking.events.filter { $0.orderNumber == orderNumber }.sorted { $0.at < $1.at }
        }
    }

    public func duplicates(limit: Int) async throws(StoreError) -> [DuplicateRecord] {
        self.state.withLock { Self.newestFirst($0.duplicates, at: \.at, limit: limit) }
    }

    public func controlNumberGaps(limit: Int) async throws(StoreError) -> [ControlNumberGap] {
        self.state.withLock { Self.newestFirst($0.gaps, at: \.at, limit: limit) }
    }

    public func sweep(before date: Date) async throws(StoreError) -> Int {
        self.state.withLock { state in state.sweep(before: date) }
    }

    // MARK: Tracking

    public func track<T: Sendable>(_ body: @Sendable (any TrackingSession) throws(StoreError) -> T)
        async throws(StoreError) -> T
    {
        try self.state.withLock { (state) throws(StoreError) in
            try state.runTracking { session throws(StoreError) in try body(session) }
        }
    }

    public func trackedOrders(number: String) async throws(StoreError) -> [TrackedOrder] {
        self.state.withLock { state in
            state.tracking.orders.values.filter { $0.orderNumber == number }.sorted { $0.partner < $1.partner }
        }
    }

    public func orderVersions(number: String) async throws(StoreError) -> [OrderVersion] {
        self.state.withLock { state in
            state.tracking.versions.filter { $0.key.orderNumber == number }.values.flatMap(\.values)
                .sorted { ($0.partner, $0.version) < ($1.partner, $1.version) }
        }
    }

    public func documents(orderNumber: String) async throws(StoreError) -> [StoredDocument] {
        self.state.withLock { state in
            let found = state.fileOrder.flatMap { claim -> [StoredDocument] in
                guard let file = state.files[claim] else { return [] }
                return (state.documents[claim] ?? []).filter { $0.orderNumber == orderNumber }.map {
                    StoredDocument(record: $0, claim: claim, receivedAt: file.receivedAt)
                }
            }
            // A stable sort keeps commit order among documents received at the same time.
            return found.sorted { $0.receivedAt < $1.receivedAt }
        }
    }

    public func openAlerts(orderNumbers: [String]) async throws(StoreError) -> [Alert] {
        let numbers = Set(orderNumbers)
        return self.state.withLock { state in
            state.tracking.alerts.values.filter { $0.isOpen && $0.orderNumber.map(numbers.contains) ?? false }
                .sorted { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
        }
    }

    public func alerts(openOnly: Bool, limit: Int) async throws(StoreError) -> [Alert] {
        self.state.withLock { state in
            Array(
                state.tracking.alerts.values.filter { !openOnly || $0.isOpen }
                    .sorted { ($0.raisedAt, $0.id) > ($1.raisedAt, $1.id) }
                    .prefix(max(limit, 0)))
        }
    }

    public func alertEvents(after sequence: Int64, limit: Int) async throws(StoreError) -> [AlertEvent] {
        self.state.withLock { state in
            Array(state.tracking.alertEvents.filter { $0.sequence > sequence }.prefix(max(limit, 0)))
        }
    }

    public func exportedAlertSequence() async throws(StoreError) -> Int64 {
        self.state.withLock { $0.tracking.exportedSequence }
    }

    public func setExportedAlertSequence(_ sequence: Int64) async throws(StoreError) {
        self.state.withLock { $0.tracking.exportedSequence = sequence }
    }

    public func statusReport() async throws(StoreError) -> StatusReport {
        self.state.withLock { $0.statusReport() }
    }

    // MARK: Helpers

    /// Newest first by date; among equal dates, the last recorded first.
    private static func newestFirst<T>(_ items: [T], at date: (T) -> Date, limit: Int) -> [T] {
        Array(items.reversed().sorted { date($0) > date($1) }.prefix(max(limit, 0)))
    }
}

// MARK: - State

extension InMemoryGatewayStore {
    /// A message with what the protocol does not show: when it became delivered or dead (for the sweep).
    struct StoredMessage {
        var message: OutboundMessage
        var finishedAt: Date?

        /// When it can be claimed: `nextAttemptAt` while pending, the lease's end while in flight.
        var dueAt: Date? {
            switch self.message.state {
            case .pending: self.message.nextAttemptAt
            case .inFlight: self.message.leaseUntil
            case .delivered, .dead: nil
            }
        }
    }

    /// The control numbers a commit's allocator hands out from; written back only when the commit succeeds.
    final class Counters {
        var numbers: [String: ControlNumbers]

        init(_ numbers: [String: ControlNumbers]) { self.numbers = numbers }

        func next(partner: String, kind: ControlNumberAllocator.Kind) -> Int {
            var numbers = self.numbers[partner] ?? ControlNumbers(interchange: 0, group: 0)
            switch kind {
            case .interchange: numbers.interchange = ControlNumberAllocator.successor(of: numbers.interchange)
            case .group: numbers.group = ControlNumberAllocator.successor(of: numbers.group)
            }
            self.numbers[partner] = numbers
            return kind == .interchange ? numbers.interchange : numbers.group
        }
    }

    struct State {
        var files: [String: InboundFile] = [:]
        /// Claims in commit order (the first file with a content hash is the first here).
        var fileOrder: [String] = []
        var documents: [String: [DocumentRecord]] = [:]
        /// Interchange key -> claim of the file that carried it.
        var interchanges: [InterchangeKey: String] = [:]
        var payloadIDs: [String: String] = [:]
        var inboundControlNumbers: [String: Int] = [:]
        var controlNumbers: [String: ControlNumbers] = [:]
        var messages: [Int64: StoredMessage] = [:]
        var lastMessageID: Int64 = 0
        var attempts: [Int64: [DeliveryAttempt]] = [:]
        var duplicates: [DuplicateRecord] = []
        var gaps: [ControlNumberGap] = []
        var tracking = Tracking()
        var audit: [AuditEntry] = []

        /// Applies one commit, all or nothing: it can only fail before the first change (a conflict, or `build`
        /// throwing while its control numbers are still apart in `Counters`).
        mutating func apply(_ commit: InboundCommit) -> InboundCommitResult {
            let file = commit.file
            let conflict = StoreSemantics.conflict(
                in: commit, claimExists: { self.files[$0] != nil },
                interchangeExists: { self.interchanges[$0] != nil }, payloadIDExists: { self.payloadIDs[$0] != nil })
            if let conflict { return .failed(reason: conflict) }
            let drafts: [OutboundDraft]
            let counters = Counters(self.controlNumbers)
            do {
                drafts = try commit.build(ControlNumberAllocator(allocate: counters.next))
            } catch {
                return .failed(reason: StoreSemantics.buildFailure(error, claim: file.claim))
            }
            let session = Session(self.tracking)
            session.tracking.events += commit.events
            if let track = commit.track {
                do {
                    try track(session, drafts)
                } catch {
                    return .failed(reason: StoreSemantics.trackFailure(error, claim: file.claim))
                }
            }
            self.tracking = session.tracking
            self.controlNumbers = counters.numbers
            self.files[file.claim] = file
            self.fileOrder.append(file.claim)
            self.documents[file.claim] = commit.documents.isEmpty ? nil : commit.documents
            for key in commit.interchanges { self.interchanges[key] = file.claim }
            for id in commit.payloadIDs { self.payloadIDs[id] = file.claim }
            if let partner = file.partner, let highest = commit.inboundControlNumbers.max() {
                self.inboundControlNumbers[partner] = max(self.inboundControlNumbers[partner] ?? highest, highest)
            }
            self.duplicates += commit.duplicates
            self.gaps += commit.gaps
            self.audit.append(StoreSemantics.fileCommitted(commit, messages: drafts.count))
            var ids: [Int64] = []
            for draft in drafts {
                self.lastMessageID += 1
                let id = self.lastMessageID
                ids.append(id)
                var stored = draft
                stored.groupControlNumber = nil  // not stored with the message
                self.messages[id] = StoredMessage(
                    message: OutboundMessage(
                        id: id, draft: stored, state: .pending, attempts: 0, createdAt: file.receivedAt,
                        nextAttemptAt: file.receivedAt, leaseUntil: nil, deliveredAt: nil, lastError: nil,
                        sourceClaim: file.claim))
                self.audit.append(StoreSemantics.enqueued(id, draft, at: file.receivedAt))
            }
            return .committed(messageIDs: ids)
        }

        /// Leases a message to a worker until `until` and counts the attempt; nil for an unknown id.
        mutating func claim(_ id: Int64, at now: Date, until: Date) -> OutboundMessage? {
            guard var stored = self.messages[id] else { return nil }
            stored.message.state = .inFlight
            stored.message.attempts += 1
            stored.message.leaseUntil = until
            self.messages[id] = stored
            self.audit.append(StoreSemantics.claimed(id, attempt: stored.message.attempts, leaseUntil: until, at: now))
            return stored.message
        }

        /// Applies one attempt's outcome. It throws only before its first change (an unknown id, or a tracking hook
        /// that threw, whose changes ``runTracking(_:)`` discards).
        mutating func record(_ outcome: AttemptOutcome) throws(StoreError) {
            let (id, at) = (outcome.messageID, outcome.at)
            guard var stored = self.messages[id] else { throw StoreSemantics.unknownMessage(id) }
            let attempt = stored.message.attempts
            switch outcome.result {
            case .delivered(let detail):
                let wasDelivered = stored.message.state == .delivered
                stored.message.state = .delivered
                stored.message.deliveredAt = at
                stored.message.leaseUntil = nil
                stored.finishedAt = at
                if let track = outcome.track, !wasDelivered {
                    var message = stored.message
                    message.draft.payload = Data()
                    try self.runTracking { session throws(StoreError) in try track(session, message) }
                }
                self.messages[id] = stored
                self.attempts[id, default: []].append(
                    DeliveryAttempt(messageID: id, number: attempt, at: at, result: "delivered", detail: detail))
                self.audit.append(StoreSemantics.delivered(id, attempt: attempt, detail: detail, at: at))
            case .failed(let reason, let retryAt):
                if stored.message.state != .delivered {
                    stored.message.lastError = reason
                    stored.message.leaseUntil = nil
                    if let retryAt {
                        stored.message.state = .pending
                        stored.message.nextAttemptAt = retryAt
                        stored.finishedAt = nil
                    } else {
                        stored.message.state = .dead
                        stored.finishedAt = at
                    }
                    if let track = outcome.track {
                        var message = stored.message
                        message.draft.payload = Data()
                        try self.runTracking { session throws(StoreError) in try track(session, message) }
                    }
                    self.messages[id] = stored
                }
                self.attempts[id, default: []].append(
                    DeliveryAttempt(
                        messageID: id, number: attempt, at: at, result: StoreSemantics.failureResult(retryAt: retryAt),
                        detail: reason))
                self.audit.append(
                    StoreSemantics.failed(id, attempt: attempt, reason: reason, retryAt: retryAt, at: at))
            }
        }

        /// Runs `body` on a copy of the tracking state, kept only if `body` returns.
        mutating func runTracking<T>(_ body: (Session) throws(StoreError) -> T) throws(StoreError) -> T {
            let session = Session(self.tracking)
            let result = try body(session)
            self.tracking = session.tracking
            return result
        }

        mutating func retry(_ id: Int64, at: Date) -> Bool {
            guard var stored = self.messages[id], [.dead, .pending].contains(stored.message.state) else { return false }
            let previous = stored.message.state
            stored.message.state = .pending
            stored.message.nextAttemptAt = at
            stored.finishedAt = nil
            self.messages[id] = stored
            self.audit.append(StoreSemantics.retried(id, from: previous, at: at))
            return true
        }

        mutating func sweep(before date: Date) -> Int {
            var removed = 0
            let finished = self.messages.values.filter { stored in
                stored.finishedAt.map { $0 < date } ?? false
            }.map(\.message.id)
            for id in finished {
                removed += 1 + (self.attempts.removeValue(forKey: id)?.count ?? 0)
                self.messages[id] = nil
            }
            removed += Self.removeAll(from: &self.audit) { $0.at < date }
            let claimsWithMessages = Set(self.messages.values.map(\.message.sourceClaim))
            let oldFiles = self.fileOrder.filter { claim in
                guard let file = self.files[claim] else { return false }
                return file.receivedAt < date && !claimsWithMessages.contains(claim)
            }
            for claim in oldFiles {
                removed += 1 + (self.documents.removeValue(forKey: claim)?.count ?? 0)
                self.files[claim] = nil
            }
            self.fileOrder.removeAll { self.files[$0] == nil }
            removed += Self.removeAll(from: &self.duplicates) { $0.at < date }
            removed += Self.removeAll(from: &self.gaps) { $0.at < date }
            removed += self.tracking.sweep(before: date)
            return removed
        }

        private static func removeAll<T>(from items: inout [T], where old: (T) -> Bool) -> Int {
            let before = items.count
            items.removeAll(where: old)
            return before - items.count
        }
    }
}
