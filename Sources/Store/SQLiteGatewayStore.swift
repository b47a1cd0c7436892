public import Foundation
import GRDB

/// The embedded ``GatewayStore``: one SQLite file (GRDB `DatabasePool`), beside the workspace.
///
/// - Durability: WAL journal with `synchronous = FULL`, so a commit that returned is on disk (fsynced) before
///   anyone is told; ``commit(_:)`` is a group commit (one transaction and one fsync for many files, a savepoint
///   for each so one failing file does not take the others with it).
/// - Concurrency: writes are serialized by GRDB's writer; reads run in parallel from WAL snapshots. A claim reads
///   and updates in one write transaction, so two claimers never take the same message.
/// - Schema: append-only migrations (``migrator``), applied when the file is opened.
public final class SQLiteGatewayStore: GatewayStore {
    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) and migrates the store at `path`. A second store may open the same file (even
    /// from another process): SQLite's locks and the busy timeout (10 s) keep them apart.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "Porter store"
        configuration.prepareDatabase { db in
            // Each file's outcome is a savepoint inside a group commit: SQLite journals the pages a savepoint
            // changes in a statement journal, which by default spills to a temporary file after 64 KiB (two
            // `pwrite`s per page, half of all the store's writes). In memory it is a copy; it is never needed
            // after a crash (the WAL holds the committed state), so nothing durable is lost.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // 16 MiB of page cache per connection (the default is 2 MiB): a group commit of 64 files touches
            // more pages than 2 MiB holds, and every miss is a `pread` of the WAL or the database.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Checkpoint when the WAL holds 10,000 pages (40 MiB), not SQLite's 1,000: a group commit of 64 files
            // writes ~700 pages, so the writer checkpointed every other batch, copying the same hot index pages
            // again each time, inside the commit (intake commits spent ~30 % less time committing in the gateway
            // benchmark). The WAL file stays at that size once reached.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
        }
        do {
            self.pool = try DatabasePool(path: path, configuration: configuration)
            // WAL alone fsyncs only at checkpoints; FULL fsyncs the WAL at every commit: acknowledged means durable,
            // even on power loss. Set on the writer, the only connection that commits, once the pool is open: GRDB
            // turns WAL on with `synchronous = NORMAL` there after `prepareDatabase` has run (setting it in
            // `prepareDatabase` left every commit unsynced).
            try self.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(self.pool)
        } catch {
            throw Self.storeError(error, while: "opening the store at \(path)")
        }
    }

    /// Closes the database; later calls fail with ``StoreError/database(_:)``.
    public func close() throws(StoreError) {
        do { try self.pool.close() } catch { throw Self.storeError(error, while: "closing the store at \(self.path)") }
    }

    /// Runs SQLite's `integrity_check` and `foreign_key_check`: the problems found, empty when the file is sound.
    public func integrityCheck() async throws(StoreError) -> [String] {
        try await self.reading("checking the integrity of \(self.path)") { db in
            let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") refers to a missing \(row[2] as String? ?? "?") row"
            }
            return problems + orphans
        }
    }

    /// The value of a pragma on the writer, the connection that commits (`journal_mode`, `synchronous`,
    /// `foreign_keys`...).
    func pragma(_ name: String) async throws(StoreError) -> String? {
        do {
            return try await self.pool.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
        } catch {
            throw Self.storeError(error, while: "reading PRAGMA \(name)")
        }
    }

    /// The names of the migrations, in the order they run (append-only: a shipped name never changes or moves).
    static var migrationNames: [String] { Self.migrator.migrations }

    /// SQLite's plan for a query (the `detail` column of `EXPLAIN QUERY PLAN`), to check indexes are used. Its
    /// parameters (`?`) are bound to `"x"` (a plan does not depend on their values).
    func queryPlan(_ sql: String) async throws(StoreError) -> [String] {
        let arguments = StatementArguments(Array(repeating: "x", count: sql.count { $0 == "?" }))
        return try await self.reading("explaining a query") { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] }
        }
    }

    // MARK: Inbound files

    public func inboundFile(claim: String) async throws(StoreError) -> InboundFile? {
        try await self.reading("reading the file claimed as \(claim)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM inbound_files WHERE claim = ?"), arguments: [claim])
                .map(Self.inboundFile)
        }
    }

    public func inboundFile(contentHash: String) async throws(StoreError) -> InboundFile? {
        try await self.reading("looking up the content hash \(contentHash)") { db in
            try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT * FROM inbound_files WHERE content_hash = ? AND outcome = 'processed' ORDER BY id LIMIT 1"
                ),
                arguments: [contentHash]
            ).map(Self.inboundFile)
        }
    }

    public func receivedInterchanges(_ keys: [InterchangeKey]) async throws(StoreError) -> Set<InterchangeKey> {
        try await self.reading("looking up interchanges") { db in
            try Set(keys.filter { try Self.interchangeExists($0, db) })
        }
    }

    public func receivedPayloadIDs(_ ids: [String]) async throws(StoreError) -> Set<String> {
        try await self.reading("looking up payloadIDs") { db in
            try Set(ids.filter { try Self.payloadIDExists($0, db) })
        }
    }

    public func lookUp(_ lookup: IntakeLookup) async throws(StoreError) -> IntakeLookup.Answer {
        try await self.reading("looking up the files of a batch") { db in
            var answer = IntakeLookup.Answer()
            let byClaim = try db.cachedStatement(sql: "SELECT * FROM inbound_files WHERE claim = ?")
            for claim in lookup.claims {
                if let row = try Row.fetchOne(byClaim, arguments: [claim]) {
                    answer.committed[claim] = try Self.inboundFile(row)
                }
            }
            let byHash = try db.cachedStatement(
                sql: "SELECT * FROM inbound_files WHERE content_hash = ? AND outcome = 'processed' ORDER BY id LIMIT 1")
            for hash in Set(lookup.contentHashes) {
                if let row = try Row.fetchOne(byHash, arguments: [hash]) {
                    answer.processed[hash] = try Self.inboundFile(row)
                }
            }
            answer.receivedInterchanges = try Set(lookup.interchanges.filter { try Self.interchangeExists($0, db) })
            answer.receivedPayloadIDs = try Set(lookup.payloadIDs.filter { try Self.payloadIDExists($0, db) })
            return answer
        }
    }

    public func lastInboundControlNumber(partner: String) async throws(StoreError) -> Int? {
        try await self.reading("reading the inbound control number of \(partner)") { db in
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT highest FROM inbound_control_numbers WHERE partner = ?"),
                arguments: [partner])
        }
    }

    public func documents(claim: String) async throws(StoreError) -> [DocumentRecord] {
        try await self.reading("reading the documents of the file claimed as \(claim)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM documents WHERE claim = ? ORDER BY id"), arguments: [claim]
            )
            .map(Self.document)
        }
    }

    public func commit(_ commits: [InboundCommit]) async throws(StoreError) -> [InboundCommitResult] {
        try await self.writing("committing \(commits.count) files") { db in
            var claimed: [OutboundMessage] = []
            return try commits.map { try Self.apply($0, lease: nil, claimed: &claimed, db) }
        }
    }

    public func commit(_ commits: [InboundCommit], claimingAt now: Date, lease: TimeInterval) async throws(StoreError)
        -> (results: [InboundCommitResult], claimed: [OutboundMessage])
    {
        try await self.writing("committing \(commits.count) files") { db in
            var claimed: [OutboundMessage] = []
            let lease = Lease(at: now, until: now.addingTimeInterval(lease))
            let results = try commits.map { try Self.apply($0, lease: lease, claimed: &claimed, db) }
            return (results, claimed)
        }
    }

    // MARK: Queue

    public func claimDueMessages(now: Date, limit: Int, lease: TimeInterval) async throws(StoreError)
        -> [OutboundMessage]
    {
        try await self.writingRedoable("claiming due messages") { db in
            let ids = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM messages WHERE due_at <= ? ORDER BY due_at, id LIMIT ?"),
                arguments: [now.storeSeconds, max(limit, 0)])
            let leaseUntil = now.addingTimeInterval(lease)
            return try ids.map { id in
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            UPDATE messages SET state = 'inFlight', attempts = attempts + 1, lease_until = ?
                            WHERE id = ? RETURNING \(Self.messageColumns)
                            """),
                    arguments: [leaseUntil.storeSeconds, id])
                guard let row else { throw StoreSemantics.unknownMessage(id) }
                let message = try Self.messageWithPayload(row, db)
                try Self.insert(
                    StoreSemantics.claimed(id, attempt: message.attempts, leaseUntil: leaseUntil, at: now), db)
                return message
            }
        }
    }

    public func nextDueDate() async throws(StoreError) -> Date? {
        try await self.reading("reading the next due date") { db in
            try Double.fetchOne(db.cachedStatement(sql: "SELECT MIN(due_at) FROM messages WHERE due_at IS NOT NULL"))
                .map(Date.init(storeSeconds:))
        }
    }

    public func record(_ outcomes: [AttemptOutcome]) async throws(StoreError) -> [StoreError?] {
        try await self.writingRedoable("recording \(outcomes.count) delivery attempt(s)") { db in
            try outcomes.map { outcome in
                var failure: StoreError?
                try db.inSavepoint {
                    do {
                        try Self.record(outcome, db)
                        return .commit
                    } catch {
                        failure = Self.storeError(error, while: "recording an attempt of message \(outcome.messageID)")
                        return .rollback
                    }
                }
                return failure
            }
        }
    }

    /// One attempt's outcome (inside its savepoint).
    private static func record(_ outcome: AttemptOutcome, _ db: Database) throws {
        let (id, at) = (outcome.messageID, outcome.at)
        switch outcome.result {
        case .delivered(let detail):
            let attempt: Int
            // The usual case, a message not delivered before, in one statement: the update's row gives the attempt
            // number (a delivery does not change it) and the message its tracking hook is given.
            if let updated = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        UPDATE messages SET state = 'delivered', delivered_at = ?, finished_at = ?, lease_until = NULL
                        WHERE id = ? AND state <> 'delivered' RETURNING \(Self.messageColumns)
                        """),
                arguments: [at.storeSeconds, at.storeSeconds, id])
            {
                let message = try Self.message(updated)
                attempt = message.attempts
                try outcome.track?(Session(db, claim: nil), message)
            } else {
                // Delivered before (a resend after a lost record; its tracking has run), or unknown (throws): the
                // times become this attempt's.
                attempt = try Self.attemptCount(id, db)
                try db.cachedStatement(
                    sql: """
                        UPDATE messages SET state = 'delivered', delivered_at = ?, finished_at = ?, lease_until = NULL
                        WHERE id = ?
                        """
                ).execute(arguments: [at.storeSeconds, at.storeSeconds, id])
            }
            try Self.insert(
                DeliveryAttempt(messageID: id, number: attempt, at: at, result: "delivered", detail: detail), db)
            try Self.insert(StoreSemantics.delivered(id, attempt: attempt, detail: detail, at: at), db)
        case .failed(let reason, let retryAt):
            let attempt = try Self.attemptCount(id, db)
            let result = StoreSemantics.failureResult(retryAt: retryAt)
            try Self.insert(DeliveryAttempt(messageID: id, number: attempt, at: at, result: result, detail: reason), db)
            try Self.insert(StoreSemantics.failed(id, attempt: attempt, reason: reason, retryAt: retryAt, at: at), db)
            let changed =
                if let retryAt {
                    try Row.fetchOne(
                        db.cachedStatement(
                            sql: """
                                UPDATE messages SET state = 'pending', next_attempt_at = ?, finished_at = NULL,
                                  lease_until = NULL, last_error = ?
                                WHERE id = ? AND state <> 'delivered' RETURNING \(Self.messageColumns)
                                """),
                        arguments: [retryAt.storeSeconds, reason, id])
                } else {
                    try Row.fetchOne(
                        db.cachedStatement(
                            sql: """
                                UPDATE messages SET state = 'dead', finished_at = ?, lease_until = NULL, last_error = ?
                                WHERE id = ? AND state <> 'delivered' RETURNING \(Self.messageColumns)
                                """),
                        arguments: [at.storeSeconds, reason, id])
                }
            if let track = outcome.track, let changed {
                try track(Session(db, claim: nil), try Self.message(changed))
            }
        }
    }

    public func retry(_ id: Int64, at: Date) async throws(StoreError) -> Bool {
        try await self.writing("retrying message \(id)") { db in try Self.retry(id, at: at, db) }
    }

    public func retryAllDead(at: Date) async throws(StoreError) -> Int {
        try await self.writing("retrying dead messages") { db in
            let dead = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM messages WHERE state = 'dead' ORDER BY id"))
            return try dead.filter { try Self.retry($0, at: at, db) }.count
        }
    }

    public func messages(state: OutboundMessage.State?, limit: Int) async throws(StoreError) -> [OutboundMessage] {
        try await self.reading("listing messages") { db in
            let rows =
                if let state {
                    try Row.fetchAll(
                        db.cachedStatement(
                            sql: "SELECT \(Self.messageColumns) FROM messages WHERE state = ? ORDER BY id DESC LIMIT ?"),
                        arguments: [state.rawValue, max(limit, 0)])
                } else {
                    try Row.fetchAll(
                        db.cachedStatement(sql: "SELECT \(Self.messageColumns) FROM messages ORDER BY id DESC LIMIT ?"),
                        arguments: [max(limit, 0)])
                }
            return try rows.map { row throws(StoreError) in try Self.message(row) }
        }
    }

    public func message(_ id: Int64) async throws(StoreError) -> OutboundMessage? {
        try await self.reading("reading message \(id)") { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.messageColumns) FROM messages WHERE id = ?"), arguments: [id]
            )
            .map { row in try Self.messageWithPayload(row, db) }
        }
    }

    public func attempts(message id: Int64) async throws(StoreError) -> [DeliveryAttempt] {
        try await self.reading("reading the attempts of message \(id)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM attempts WHERE message_id = ? ORDER BY id"), arguments: [id]
            )
            .map { row in
                DeliveryAttempt(
                    messageID: row["message_id"], number: row["number"], at: Date(storeSeconds: row["at"]),
                    result: row["result"], detail: row["detail"])
            }
        }
    }

    public func messageCounts() async throws(StoreError) -> [OutboundMessage.State: Int] {
        try await self.reading("counting messages") { db in
            var counts: [OutboundMessage.State: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: "SELECT state, COUNT(*) AS count FROM messages GROUP BY state"))
            {
                counts[try Self.state(row["state"])] = row["count"]
            }
            return counts
        }
    }

    // MARK: Control numbers

    public func controlNumbers(partner: String) async throws(StoreError) -> ControlNumbers? {
        try await self.reading("reading the control numbers of \(partner)") { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT interchange, group_number FROM control_numbers WHERE partner = ?"),
                arguments: [partner]
            ).map { ControlNumbers(interchange: $0["interchange"], group: $0["group_number"]) }
        }
    }

    public func setControlNumbers(_ numbers: ControlNumbers, partner: String, at: Date) async throws(StoreError) {
        try StoreSemantics.validate(numbers, partner: partner)
        try await self.writing("setting the control numbers of \(partner)") { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO control_numbers (partner, interchange, group_number, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (partner) DO UPDATE SET
                      interchange = excluded.interchange, group_number = excluded.group_number,
                      updated_at = excluded.updated_at
                    """
            ).execute(arguments: [partner, numbers.interchange, numbers.group, at.storeSeconds])
            try Self.insert(StoreSemantics.controlNumbersSet(numbers, partner: partner, at: at), db)
        }
    }

    // MARK: History

    public func auditLog(subject: String?, limit: Int) async throws(StoreError) -> [AuditEntry] {
        try await self.reading("reading the audit log") { db in
            let rows =
                if let subject {
                    try Row.fetchAll(
                        db.cachedStatement(
                            sql: "SELECT * FROM audit_log WHERE subject = ? ORDER BY at DESC, id DESC LIMIT ?"),
                        arguments: [subject, max(limit, 0)])
                } else {
                    try Row.fetchAll(
                        db.cachedStatement(sql: "SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?"),
                        arguments: [max(limit, 0)])
                }
            return rows.map { row in
                AuditEntry(
                    at: Date(storeSeconds: row["at"]), subject: row["subject"], event: row["event"],
                    detail: row["detail"])
            }
        }
    }

    public func trackingEvents(orderNumber: String) async throws(StoreError) -> [TrackingEvent] {
        try await self.reading("reading the events of order \(orderNumber)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: TrackingSQL.events),
                arguments: [orderNumber]
            ).map { row in
                TrackingEvent(
                    orderNumber: row["order_number"], partner: row["partner"], kind: row["kind"],
                    at: Date(storeSeconds: row["at"]), detail: row["detail"])
            }
        }
    }

    public func duplicates(limit: Int) async throws(StoreError) -> [DuplicateRecord] {
        try await self.reading("reading duplicates") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM duplicates ORDER BY at DESC, id DESC LIMIT ?"),
                arguments: [max(limit, 0)]
            )
            .map { row throws(StoreError) in
                guard let kind = DuplicateRecord.Kind(rawValue: row["kind"]) else {
                    throw .database("unknown duplicate kind '\(row["kind"] as String)' in the duplicates table")
                }
                return DuplicateRecord(
                    kind: kind, key: row["key"], claim: row["claim"], partner: row["partner"],
                    at: Date(storeSeconds: row["at"]))
            }
        }
    }

    public func controlNumberGaps(limit: Int) async throws(StoreError) -> [ControlNumberGap] {
        try await self.reading("reading control-number gaps") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM control_number_gaps ORDER BY at DESC, id DESC LIMIT ?"),
                arguments: [max(limit, 0)]
            ).map { row in
                ControlNumberGap(
                    partner: row["partner"], previous: row["previous"], received: row["received"],
                    claim: row["claim"], at: Date(storeSeconds: row["at"]))
            }
        }
    }

    public func sweep(before date: Date) async throws(StoreError) -> Int {
        try await self.writing("sweeping history before \(StoreSemantics.timestamp(date))") { db in
            let before = date.storeSeconds
            let statements = [
                """
                DELETE FROM attempts WHERE message_id IN (
                  SELECT id FROM messages WHERE state IN ('delivered', 'dead') AND finished_at < ?)
                """,
                "DELETE FROM messages WHERE state IN ('delivered', 'dead') AND finished_at < ?",
                "DELETE FROM audit_log WHERE at < ?",
                """
                DELETE FROM documents WHERE claim IN (
                  SELECT claim FROM inbound_files AS f WHERE received_at < ?
                  AND NOT EXISTS (SELECT 1 FROM messages WHERE source_claim = f.claim))
                """,
                """
                DELETE FROM inbound_files AS f WHERE received_at < ?
                AND NOT EXISTS (SELECT 1 FROM messages WHERE source_claim = f.claim)
                """,
                "DELETE FROM duplicates WHERE at < ?",
                "DELETE FROM control_number_gaps WHERE at < ?",
                """
                DELETE FROM alert_events WHERE alert_id IN (
                  SELECT id FROM alerts WHERE closed_at IS NOT NULL AND closed_at < ?)
                """,
                "DELETE FROM alerts WHERE closed_at IS NOT NULL AND closed_at < ?",
                """
                DELETE FROM order_versions WHERE (order_number, partner) IN (
                  SELECT order_number, partner FROM orders
                  WHERE status IN ('closed', 'cancelled') AND updated_at < ?)
                """,
                "DELETE FROM orders WHERE status IN ('closed', 'cancelled') AND updated_at < ?",
                // Timelines go with their orders: old events of an order number no leg is left for.
                """
                DELETE FROM tracking_events WHERE at < ?
                  AND NOT EXISTS (SELECT 1 FROM orders WHERE orders.order_number = tracking_events.order_number)
                """,
            ]
            // The groups and documents of the legs about to go (not counted: parts of the legs, not history).
            for table in ["order_groups", "order_documents"] {
                try db.cachedStatement(
                    sql: """
                        DELETE FROM \(table) WHERE (order_number, partner) IN (
                          SELECT order_number, partner FROM orders
                          WHERE status IN ('closed', 'cancelled') AND updated_at < ?)
                        """
                ).execute(arguments: [before])
            }
            var removed = 0
            for sql in statements {
                try db.cachedStatement(sql: sql).execute(arguments: [before])
                removed += db.changesCount
            }
            return removed
        }
    }
}

// MARK: - Access and errors

extension SQLiteGatewayStore {
    func reading<T: Sendable>(_ action: String, _ body: @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do { return try await self.pool.read(body) } catch { throw Self.storeError(error, while: action) }
    }

    func writing<T: Sendable>(_ action: String, _ body: @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do { return try await self.pool.write(body) } catch { throw Self.storeError(error, while: action) }
    }

    /// A write whose loss in a power failure only means doing the work again: a claim or an attempt's outcome (the
    /// message is delivered again, which at-least-once delivery allows). It commits without waiting for the disk
    /// (`synchronous = NORMAL` for this one transaction: WAL keeps the file consistent, and the next fsynced commit
    /// makes it durable with everything before it); every other write waits for its fsync.
    func writingRedoable<T: Sendable>(_ action: String, _ body: @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do {
            return try await self.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                let result = Result { () throws -> T in
                    var value: T?
                    try db.inTransaction {
                        value = try body(db)
                        return .commit
                    }
                    return value!
                }
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try result.get()
            }
        } catch {
            throw Self.storeError(error, while: action)
        }
    }

    /// A ``StoreError`` thrown inside stays as it is; SQLite's errors become ``StoreError/database(_:)`` saying
    /// what was being done.
    static func storeError(_ error: any Error, while action: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError:
            let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            return .database("\(action): \(message) (SQLite error \(error.extendedResultCode.rawValue))")
        default:
            return .database("\(action): \(error)")
        }
    }
}

extension Date {
    /// How dates are stored: seconds since Foundation's reference date (exact round trip).
    var storeSeconds: Double { self.timeIntervalSinceReferenceDate }

    init(storeSeconds: Double) { self.init(timeIntervalSinceReferenceDate: storeSeconds) }
}
