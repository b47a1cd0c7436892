import Foundation
import Synchronization

/// What every store implementation decides the same way: why a commit conflicts, what the audit log says, and how
/// enums are spelled in storage. Kept in one place so the implementations cannot drift apart.
enum StoreSemantics {
    /// The reason an ``InboundCommit`` cannot be stored because one of its unique keys exists already (in the store
    /// or earlier in the same commit), or nil when it can. The lookups read the store as it is inside the
    /// transaction.
    static func conflict<E: Error>(
        in commit: InboundCommit, claimExists: (String) throws(E) -> Bool,
        interchangeExists: (InterchangeKey) throws(E) -> Bool, payloadIDExists: (String) throws(E) -> Bool
    ) throws(E) -> String? {
        if try claimExists(commit.file.claim) {
            return "the file claimed as \(commit.file.claim) was already committed"
        }
        var interchanges = Set<InterchangeKey>()
        for key in commit.interchanges {
            guard interchanges.insert(key).inserted else {
                return "interchange \(Self.describe(key)) appears twice in the file claimed as \(commit.file.claim)"
            }
            if try interchangeExists(key) {
                return "interchange \(Self.describe(key)) was already received"
            }
        }
        var payloadIDs = Set<String>()
        for id in commit.payloadIDs {
            guard payloadIDs.insert(id).inserted else {
                return "payloadID \(id) appears twice in the file claimed as \(commit.file.claim)"
            }
            if try payloadIDExists(id) {
                return "payloadID \(id) was already received"
            }
        }
        return nil
    }

    /// The reason recorded when a commit's build closure throws.
    static func buildFailure(_ error: any Error, claim: String) -> String {
        "building the messages of the file claimed as \(claim) failed: \(error)"
    }

    /// Checks a seeded control number is in 0...999_999_999.
    static func validate(_ numbers: ControlNumbers, partner: String) throws(StoreError) {
        for (name, value) in [("interchange", numbers.interchange), ("group", numbers.group)]
        where !(0...999_999_999).contains(value) {
            throw .invalid(
                "the \(name) control number \(value) for partner \(partner) is outside 0...999999999")
        }
    }

    /// The error for marking a message the queue does not have.
    static func unknownMessage(_ id: Int64) -> StoreError { .invalid("there is no message \(id) in the queue") }

    /// "sender/receiver/ISA13", the key of an interchange in duplicate records and messages.
    static func describe(_ key: InterchangeKey) -> String {
        "\(key.sender)/\(key.receiver)/\(key.controlNumber)"
    }

    /// `2026-11-23T07:10:42Z`: UTC to the whole second (truncated), as `Date.formatted(.iso8601)` writes it. The
    /// format style runs once per day (the date part is kept); the time of day is written here: audit entries carry
    /// two of these per queued message, and the format style cost more than the rest of the entry.
    static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 253_402_300_800 else { return date.formatted(.iso8601) }
        let (day, second) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
        let prefix = Self.datePrefix.withLock { cached in
            if cached.day != day {
                cached = (day, String(Date(timeIntervalSince1970: Double(day) * 86_400).formatted(.iso8601).prefix(11)))
            }
            return cached.prefix
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(prefix)\(two(second / 3_600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    /// The date part (`2026-11-23T`) of the last day ``timestamp(_:)`` wrote.
    private static let datePrefix = Mutex((day: -1, prefix: ""))
}

// MARK: - Audit entries

extension StoreSemantics {
    static func fileSubject(_ claim: String) -> String { "file:\(claim)" }
    static func messageSubject(_ id: Int64) -> String { "message:\(id)" }
    static func partnerSubject(_ partner: String) -> String { "partner:\(partner)" }

    /// The entry for a committed file, dated when it was received.
    static func fileCommitted(_ commit: InboundCommit, messages: Int) -> AuditEntry {
        let file = commit.file
        let event: String
        var detail = "\(file.originalName) -> \(file.storedPath)"
        switch file.outcome {
        case .processed: event = "archived"
        case .duplicate: event = "duplicate"
        case .failed(let reason):
            event = "failed"
            detail += ": \(reason)"
        case .quarantined(let reason):
            event = "quarantined"
            detail += ": \(reason)"
        }
        detail += "; \(commit.documents.count) documents, \(messages) messages"
        return AuditEntry(at: file.receivedAt, subject: Self.fileSubject(file.claim), event: event, detail: detail)
    }

    static func enqueued(_ id: Int64, _ draft: OutboundDraft, at: Date) -> AuditEntry {
        AuditEntry(
            at: at, subject: Self.messageSubject(id), event: "enqueued",
            detail: "\(draft.documentKind) (\(draft.format)) for \(draft.partner) to \(Self.describe(draft.target))"
                + " as \(draft.fileName)")
    }

    /// A message as a claim returns it, claimed as it was enqueued: in flight on its first attempt.
    static func claimedMessage(
        _ id: Int64, _ draft: OutboundDraft, source: String, at: Date, leaseUntil: Date
    ) -> OutboundMessage {
        var stored = draft
        stored.groupControlNumber = nil  // not stored with the message
        return OutboundMessage(
            id: id, draft: stored, state: .inFlight, attempts: 1, createdAt: at, nextAttemptAt: at,
            leaseUntil: leaseUntil, deliveredAt: nil, lastError: nil, sourceClaim: source)
    }

    static func claimed(_ id: Int64, attempt: Int, leaseUntil: Date, at: Date) -> AuditEntry {
        AuditEntry(
            at: at, subject: Self.messageSubject(id), event: "claimed",
            detail: "attempt \(attempt), leased until \(Self.timestamp(leaseUntil))")
    }

    static func delivered(_ id: Int64, attempt: Int, detail: String, at: Date) -> AuditEntry {
        AuditEntry(
            at: at, subject: Self.messageSubject(id), event: "delivered", detail: "attempt \(attempt): \(detail)")
    }

    static func failed(_ id: Int64, attempt: Int, reason: String, retryAt: Date?, at: Date) -> AuditEntry {
        if let retryAt {
            return AuditEntry(
                at: at, subject: Self.messageSubject(id), event: "attempt.failed",
                detail: "attempt \(attempt): \(reason); retry at \(Self.timestamp(retryAt))")
        }
        return AuditEntry(
            at: at, subject: Self.messageSubject(id), event: "dead", detail: "attempt \(attempt): \(reason)")
    }

    static func retried(_ id: Int64, from state: OutboundMessage.State, at: Date) -> AuditEntry {
        AuditEntry(at: at, subject: Self.messageSubject(id), event: "retried", detail: "was \(state.rawValue)")
    }

    static func controlNumbersSet(_ numbers: ControlNumbers, partner: String, at: Date) -> AuditEntry {
        AuditEntry(
            at: at, subject: Self.partnerSubject(partner), event: "controlNumbers.set",
            detail: "interchange \(numbers.interchange), group \(numbers.group)")
    }

    /// The result recorded for an attempt that failed.
    static func failureResult(retryAt: Date?) -> String { retryAt == nil ? "dead" : "retry" }
}

// MARK: - Stored spellings

extension StoreSemantics {
    static func describe(_ target: DeliveryTarget) -> String {
        switch target {
        case .directory(let path): "directory \(path)"
        case .http(let url): url
        }
    }

    /// (kind, value) columns of a delivery target.
    static func columns(_ target: DeliveryTarget) -> (kind: String, value: String) {
        switch target {
        case .directory(let path): ("directory", path)
        case .http(let url): ("http", url)
        }
    }

    static func target(kind: String, value: String) throws(StoreError) -> DeliveryTarget {
        switch kind {
        case "directory": return .directory(value)
        case "http": return .http(value)
        default: throw .database("unknown delivery target kind '\(kind)' in the messages table")
        }
    }

    /// (kind, reason) columns of an inbound outcome.
    static func columns(_ outcome: InboundOutcome) -> (kind: String, reason: String?) {
        switch outcome {
        case .processed: ("processed", nil)
        case .duplicate: ("duplicate", nil)
        case .failed(let reason): ("failed", reason)
        case .quarantined(let reason): ("quarantined", reason)
        }
    }

    static func outcome(kind: String, reason: String?) throws(StoreError) -> InboundOutcome {
        switch kind {
        case "processed": return .processed
        case "duplicate": return .duplicate
        case "failed": return .failed(reason: reason ?? "")
        case "quarantined": return .quarantined(reason: reason ?? "")
        default: throw .database("unknown inbound outcome '\(kind)' in the inbound_files table")
        }
    }

    /// (kind, reason) columns of a document status.
    static func columns(_ status: DocumentRecord.Status) -> (kind: String, reason: String?) {
        switch status {
        case .routed: ("routed", nil)
        case .held(let reason): ("held", reason)
        case .rejected(let reason): ("rejected", reason)
        case .recorded: ("recorded", nil)
        case .duplicate: ("duplicate", nil)
        }
    }

    static func status(kind: String, reason: String?) throws(StoreError) -> DocumentRecord.Status {
        switch kind {
        case "routed": return .routed
        case "held": return .held(reason: reason ?? "")
        case "rejected": return .rejected(reason: reason ?? "")
        case "recorded": return .recorded
        case "duplicate": return .duplicate
        default: throw .database("unknown document status '\(kind)' in the documents table")
        }
    }
}
