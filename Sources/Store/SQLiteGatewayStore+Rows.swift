import Foundation
import GRDB

// The SQL of one commit, and rows to records and back.
extension SQLiteGatewayStore {
    /// The lease of messages claimed as they are enqueued (``GatewayStore/commit(_:claimingAt:lease:)``).
    struct Lease {
        var at: Date
        var until: Date
    }

    /// Stores one commit inside its own savepoint of the group transaction; with a lease, its messages are stored
    /// claimed and appended to `claimed`.
    static func apply(
        _ commit: InboundCommit, lease: Lease?, claimed: inout [OutboundMessage], _ db: Database
    ) throws -> InboundCommitResult {
        var leased: [OutboundMessage] = []
        var result = InboundCommitResult.failed(reason: "the file claimed as \(commit.file.claim) was not stored")
        do {
            try db.inSavepoint {
                if let conflict = try StoreSemantics.conflict(
                    in: commit, claimExists: { try Self.claimExists($0, db) },
                    interchangeExists: { try Self.interchangeExists($0, db) },
                    payloadIDExists: { try Self.payloadIDExists($0, db) })
                {
                    result = .failed(reason: conflict)
                    return .rollback
                }
                let at = commit.file.receivedAt
                let allocator = ControlNumberAllocator { (partner, kind) throws(StoreError) in
                    do {
                        return try Self.allocate(kind, partner: partner, at: at, db)
                    } catch {
                        throw Self.storeError(error, while: "allocating a control number for \(partner)")
                    }
                }
                let drafts: [OutboundDraft]
                do {
                    drafts = try commit.build(allocator)
                } catch {
                    result = .failed(reason: StoreSemantics.buildFailure(error, claim: commit.file.claim))
                    return .rollback
                }
                try Self.insertRecords(of: commit, db)
                try Self.insert(StoreSemantics.fileCommitted(commit, messages: drafts.count), db)
                let ids = try drafts.map { draft in
                    let id = try Self.enqueue(draft, source: commit.file.claim, at: at, lease: lease, db)
                    try Self.insert(StoreSemantics.enqueued(id, draft, at: at), db)
                    if let lease {
                        try Self.insert(
                            StoreSemantics.claimed(id, attempt: 1, leaseUntil: lease.until, at: lease.at), db)
                        leased.append(
                            StoreSemantics.claimedMessage(
                                id, draft, source: commit.file.claim, at: at, leaseUntil: lease.until))
                    }
                    return id
                }
                if let track = commit.track {
                    do {
                        try track(Session(db, claim: commit.file.claim), drafts)
                    } catch {
                        result = .failed(reason: StoreSemantics.trackFailure(error, claim: commit.file.claim))
                        return .rollback
                    }
                }
                result = .committed(messageIDs: ids)
                claimed += leased
                return .commit
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // The checks above should have caught it; the schema's constraints are the backstop.
            return .failed(
                reason: "the file claimed as \(commit.file.claim) breaks a constraint: \(error.message ?? "")")
        }
        return result
    }

    private static func insertRecords(of commit: InboundCommit, _ db: Database) throws {
        let file = commit.file
        let at = file.receivedAt.storeSeconds
        let outcome = StoreSemantics.columns(file.outcome)
        try db.cachedStatement(
            sql: """
                INSERT INTO inbound_files (claim, original_name, content_hash, size, partner, received_at, outcome,
                  outcome_reason, stored_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            file.claim, file.originalName, file.contentHash, file.size, file.partner, at, outcome.kind,
            outcome.reason, file.storedPath,
        ])
        for document in commit.documents {
            let status = StoreSemantics.columns(document.status)
            try db.cachedStatement(
                sql: """
                    INSERT INTO documents (claim, kind, partner, order_number, control_reference, is_test, status,
                      status_reason, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                file.claim, document.kind, document.partner, document.orderNumber, document.controlReference,
                document.isTest, status.kind, status.reason, document.json,
            ])
        }
        for key in commit.interchanges {
            try db.cachedStatement(
                sql: """
                    INSERT INTO interchange_keys (sender, receiver, control_number, claim, received_at)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [key.sender, key.receiver, key.controlNumber, file.claim, at])
        }
        for id in commit.payloadIDs {
            try db.cachedStatement(sql: "INSERT INTO payload_ids (payload_id, claim, received_at) VALUES (?, ?, ?)")
                .execute(arguments: [id, file.claim, at])
        }
        if let partner = file.partner, let highest = commit.inboundControlNumbers.max() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO inbound_control_numbers (partner, highest, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (partner) DO UPDATE SET
                      highest = max(highest, excluded.highest), updated_at = excluded.updated_at
                    """
            ).execute(arguments: [partner, highest, at])
        }
        for duplicate in commit.duplicates {
            try db.cachedStatement(sql: "INSERT INTO duplicates (kind, key, claim, partner, at) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [
                    duplicate.kind.rawValue, duplicate.key, duplicate.claim, duplicate.partner,
                    duplicate.at.storeSeconds,
                ])
        }
        for gap in commit.gaps {
            try db.cachedStatement(
                sql: """
                    INSERT INTO control_number_gaps (partner, previous, received, claim, at) VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [gap.partner, gap.previous, gap.received, gap.claim, gap.at.storeSeconds])
        }
        for event in commit.events { try Self.insert(event, claim: file.claim, db) }
    }

    /// Inserts a message `pending`, or `inFlight` on its first attempt when claimed as it is enqueued.
    private static func enqueue(
        _ draft: OutboundDraft, source: String, at: Date, lease: Lease?, _ db: Database
    ) throws -> Int64 {
        let target = StoreSemantics.columns(draft.target)
        try db.cachedStatement(
            sql: """
                INSERT INTO messages (source_claim, partner, document_kind, format, target_kind, target, file_name,
                  control_reference, order_number, is_test, is_copy, state, attempts, created_at, next_attempt_at,
                  lease_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            source, draft.partner, draft.documentKind, draft.format, target.kind, target.value, draft.fileName,
            draft.controlReference, draft.orderNumber, draft.isTest, draft.isCopy,
            lease == nil ? "pending" : "inFlight", lease == nil ? 0 : 1, at.storeSeconds, at.storeSeconds,
            lease?.until.storeSeconds,
        ])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO message_payloads (message_id, payload) VALUES (?, ?)")
            .execute(arguments: [id, draft.payload])
        return id
    }

    /// Reads, increments and writes the partner's counter in the current transaction, in one statement (a partner
    /// without a row starts from 0): the successor as ``ControlNumberAllocator/successor(of:)`` has it, 999,999,999
    /// rolling over to 1.
    private static func allocate(
        _ kind: ControlNumberAllocator.Kind, partner: String, at: Date, _ db: Database
    ) throws -> Int {
        let statement =
            switch kind {
            case .interchange:
                try db.cachedStatement(sql: Self.allocationSQL(column: "interchange", first: "1, 0"))
            case .group:
                try db.cachedStatement(sql: Self.allocationSQL(column: "group_number", first: "0, 1"))
            }
        guard let next = try Int.fetchOne(statement, arguments: [partner, at.storeSeconds]) else {
            throw StoreError.database("allocating a control number for \(partner) returned no number")
        }
        return next
    }

    /// `first`: the new row's interchange and group numbers when the partner has none yet.
    private static func allocationSQL(column: String, first: String) -> String {
        """
        INSERT INTO control_numbers (partner, interchange, group_number, updated_at) VALUES (?, \(first), ?)
        ON CONFLICT (partner) DO UPDATE SET
          \(column) = CASE WHEN \(column) >= \(ControlNumberAllocator.largest) THEN 1 ELSE \(column) + 1 END,
          updated_at = excluded.updated_at
        RETURNING \(column)
        """
    }

    static func retry(_ id: Int64, at: Date, _ db: Database) throws -> Bool {
        guard
            let state = try String.fetchOne(
                db.cachedStatement(sql: "SELECT state FROM messages WHERE id = ?"), arguments: [id]),
            let previous = OutboundMessage.State(rawValue: state), [.dead, .pending].contains(previous)
        else { return false }
        try db.cachedStatement(
            sql: "UPDATE messages SET state = 'pending', next_attempt_at = ?, finished_at = NULL WHERE id = ?"
        ).execute(arguments: [at.storeSeconds, id])
        try Self.insert(StoreSemantics.retried(id, from: previous, at: at), db)
        return true
    }

    /// The attempts started on a message (the number of the attempt being recorded); throws for an unknown id.
    static func attemptCount(_ id: Int64, _ db: Database) throws -> Int {
        guard
            let attempts = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT attempts FROM messages WHERE id = ?"), arguments: [id])
        else { throw StoreSemantics.unknownMessage(id) }
        return attempts
    }

    static func claimExists(_ claim: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM inbound_files WHERE claim = ?)"), arguments: [claim])
            ?? false
    }

    static func interchangeExists(_ key: InterchangeKey, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM interchange_keys WHERE sender = ? AND receiver = ? AND control_number = ?)
                    """),
            arguments: [key.sender, key.receiver, key.controlNumber]) ?? false
    }

    static func payloadIDExists(_ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM payload_ids WHERE payload_id = ?)"), arguments: [id])
            ?? false
    }

    static func insert(_ entry: AuditEntry, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, subject, event, detail) VALUES (?, ?, ?, ?)").execute(
            arguments: [entry.at.storeSeconds, entry.subject, entry.event, entry.detail])
    }

    /// Appends a timeline event (`claim`: the file it came with, if any).
    static func insert(_ event: TrackingEvent, claim: String?, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO tracking_events (order_number, partner, kind, at, detail, claim) VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [event.orderNumber, event.partner, event.kind, event.at.storeSeconds, event.detail, claim])
    }

    static func insert(_ attempt: DeliveryAttempt, _ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO attempts (message_id, number, at, result, detail) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [
            attempt.messageID, attempt.number, attempt.at.storeSeconds, attempt.result, attempt.detail,
        ])
    }

    // MARK: Rows to records

    /// A message row with its payload (from `message_payloads`).
    static func messageWithPayload(_ row: Row, _ db: Database) throws -> OutboundMessage {
        var message = try Self.message(row)
        message.draft.payload =
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT payload FROM message_payloads WHERE message_id = ?"),
                arguments: [message.id]) ?? Data()
        return message
    }

    /// The columns of `messages` a message is read from, in the order of ``messageColumns``: rows are read by
    /// position, since a lookup by name lowercases the name and compares it with every column's, per value.
    enum MessageColumn: Int, PositionalColumn {
        case id, sourceClaim, partner, documentKind, format, targetKind, target, fileName, controlReference
        case orderNumber, isTest, isCopy, state, attempts, createdAt, nextAttemptAt, leaseUntil, deliveredAt
        case lastError
    }

    /// Every column of `messages` (the payload is in `message_payloads`; listings leave it out).
    static let messageColumns = MessageColumn.allCases.map(\.name).joined(separator: ", ")

    /// A message row (of ``messageColumns``), its payload left empty.
    static func message(_ row: Row) throws(StoreError) -> OutboundMessage {
        func value<Value: DatabaseValueConvertible>(_ column: MessageColumn) -> Value { row[column.rawValue] }
        func optional<Value: DatabaseValueConvertible>(_ column: MessageColumn) -> Value? { row[column.rawValue] }
        let draft = OutboundDraft(
            partner: value(.partner), documentKind: value(.documentKind), format: value(.format),
            target: try StoreSemantics.target(kind: value(.targetKind), value: value(.target)),
            fileName: value(.fileName), payload: Data(), controlReference: value(.controlReference),
            orderNumber: optional(.orderNumber), isTest: value(.isTest), isCopy: value(.isCopy))
        return OutboundMessage(
            id: value(.id), draft: draft, state: try Self.state(value(.state)), attempts: value(.attempts),
            createdAt: Date(storeSeconds: value(.createdAt)), nextAttemptAt: Date(storeSeconds: value(.nextAttemptAt)),
            leaseUntil: (optional(.leaseUntil) as Double?).map(Date.init(storeSeconds:)),
            deliveredAt: (optional(.deliveredAt) as Double?).map(Date.init(storeSeconds:)),
            lastError: optional(.lastError), sourceClaim: value(.sourceClaim))
    }

    static func state(_ value: String) throws(StoreError) -> OutboundMessage.State {
        guard let state = OutboundMessage.State(rawValue: value) else {
            throw .database("unknown message state '\(value)' in the messages table")
        }
        return state
    }

    static func inboundFile(_ row: Row) throws -> InboundFile {
        InboundFile(
            claim: row["claim"], originalName: row["original_name"], contentHash: row["content_hash"],
            size: row["size"], partner: row["partner"], receivedAt: Date(storeSeconds: row["received_at"]),
            outcome: try StoreSemantics.outcome(kind: row["outcome"], reason: row["outcome_reason"]),
            storedPath: row["stored_path"])
    }

    static func document(_ row: Row) throws -> DocumentRecord {
        DocumentRecord(
            kind: row["kind"], partner: row["partner"], orderNumber: row["order_number"],
            controlReference: row["control_reference"], isTest: row["is_test"],
            status: try StoreSemantics.status(kind: row["status"], reason: row["status_reason"]), json: row["json"])
    }
}

/// The columns of a query whose rows are read by position: a case per column, in the query's order, named as the
/// column in camel case.
protocol PositionalColumn: RawRepresentable<Int>, CaseIterable {}

extension PositionalColumn {
    /// The column's name: the case's name in snake case.
    var name: String {
        String(describing: self).reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }
}
