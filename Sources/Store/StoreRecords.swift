public import Foundation

/// Identifies one X12 interchange for duplicate detection: the sender and receiver (qualifier:id) and ISA13.
public struct InterchangeKey: Hashable, Sendable, Codable {
    public var sender: String
    public var receiver: String
    public var controlNumber: String

    public init(sender: String, receiver: String, controlNumber: String) {
        self.sender = sender
        self.receiver = receiver
        self.controlNumber = controlNumber
    }
}

/// What became of an inbound file.
public enum InboundOutcome: Hashable, Sendable, Codable {
    /// Decoded and routed (possibly with some sets rejected); archived.
    case processed
    /// Every document already seen (same content, interchange or payloadID); archived, not distributed again.
    case duplicate
    /// Could not be processed; moved to `error/` with the reason.
    case failed(reason: String)
    /// From an unknown sender; moved to `quarantine/` with the reason.
    case quarantined(reason: String)
}

/// The stored row of one inbound file.
public struct InboundFile: Hashable, Sendable, Codable {
    /// Unique claim id given when the file was renamed into `work/`.
    public var claim: String
    /// The name the file had in the inbox (relative to `inbox/`).
    public var originalName: String
    /// SHA-256 of the content, lowercase hex.
    public var contentHash: String
    public var size: Int64
    /// The partner the file came from, when identified.
    public var partner: String?
    public var receivedAt: Date
    public var outcome: InboundOutcome
    /// Where the original went (relative to the workspace root): `archive/...`, `error/...`, `quarantine/...`.
    public var storedPath: String

    public init(
        claim: String, originalName: String, contentHash: String, size: Int64, partner: String?, receivedAt: Date,
        outcome: InboundOutcome, storedPath: String
    ) {
        self.claim = claim
        self.originalName = originalName
        self.contentHash = contentHash
        self.size = size
        self.partner = partner
        self.receivedAt = receivedAt
        self.outcome = outcome
        self.storedPath = storedPath
    }
}

/// One business document read from an inbound file (stored for tracking and reprocessing).
public struct DocumentRecord: Hashable, Sendable, Codable {
    public enum Status: Hashable, Sendable, Codable {
        /// Routed; its outbound messages are queued.
        case routed
        /// Held by a partner's accuracy rule; not sent.
        case held(reason: String)
        /// Rejected by validation (the 997/999 says so).
        case rejected(reason: String)
        /// Recorded only (acknowledgments and documents with no route).
        case recorded
        /// Already received before.
        case duplicate
    }

    /// `BusinessDocument.Kind` raw value ("purchaseOrder", "functionalAcknowledgment", ...).
    public var kind: String
    public var partner: String?
    /// The order it belongs to, when it has one.
    public var orderNumber: String?
    /// ISA13/GS06/ST02 or the cXML payloadID.
    public var controlReference: String
    public var isTest: Bool
    public var status: Status
    /// The canonical JSON form of the document.
    public var json: Data

    public init(
        kind: String, partner: String?, orderNumber: String?, controlReference: String, isTest: Bool,
        status: Status, json: Data
    ) {
        self.kind = kind
        self.partner = partner
        self.orderNumber = orderNumber
        self.controlReference = controlReference
        self.isTest = isTest
        self.status = status
        self.json = json
    }
}

/// Where a message goes.
public enum DeliveryTarget: Hashable, Sendable, Codable {
    /// A folder (absolute, or relative to the workspace root).
    case directory(String)
    /// An HTTP(S) URL the payload is POSTed to.
    case http(String)
}

/// A message to enqueue, returned by an ``InboundCommit``'s build closure.
public struct OutboundDraft: Hashable, Sendable {
    public var partner: String
    /// `BusinessDocument.Kind` raw value, or "acknowledgment" for 997/999/TA1 Porter writes.
    public var documentKind: String
    /// "x12", "cxml" or "json".
    public var format: String
    public var target: DeliveryTarget
    /// The file name in an outbox (unique per message).
    public var fileName: String
    public var payload: Data
    /// ISA13 or payloadID: a resend carries the same one.
    public var controlReference: String
    public var orderNumber: String?
    public var isTest: Bool
    public var isCopy: Bool
    /// GS06 of the X12 group the message carries (for correlating the recipient's 997); not stored with the
    /// message.
    public var groupControlNumber: String?

    public init(
        partner: String, documentKind: String, format: String, target: DeliveryTarget, fileName: String,
        payload: Data, controlReference: String, orderNumber: String?, isTest: Bool, isCopy: Bool,
        groupControlNumber: String? = nil
    ) {
        self.groupControlNumber = groupControlNumber
        self.partner = partner
        self.documentKind = documentKind
        self.format = format
        self.target = target
        self.fileName = fileName
        self.payload = payload
        self.controlReference = controlReference
        self.orderNumber = orderNumber
        self.isTest = isTest
        self.isCopy = isCopy
    }
}

/// A queued message.
public struct OutboundMessage: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case pending, inFlight, delivered, dead
    }

    public var id: Int64
    public var draft: OutboundDraft
    public var state: State
    /// Attempts started so far.
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    public var leaseUntil: Date?
    public var deliveredAt: Date?
    public var lastError: String?
    /// The claim of the inbound file that produced it.
    public var sourceClaim: String

    public init(
        id: Int64, draft: OutboundDraft, state: State, attempts: Int, createdAt: Date, nextAttemptAt: Date,
        leaseUntil: Date?, deliveredAt: Date?, lastError: String?, sourceClaim: String
    ) {
        self.id = id
        self.draft = draft
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.leaseUntil = leaseUntil
        self.deliveredAt = deliveredAt
        self.lastError = lastError
        self.sourceClaim = sourceClaim
    }
}

/// One delivery attempt.
public struct DeliveryAttempt: Hashable, Sendable {
    public var messageID: Int64
    public var number: Int
    public var at: Date
    /// "delivered", "retry" or "dead".
    public var result: String
    public var detail: String

    public init(messageID: Int64, number: Int, at: Date, result: String, detail: String) {
        self.messageID = messageID
        self.number = number
        self.at = at
        self.result = result
        self.detail = detail
    }
}

/// The last interchange (ISA13) and group (GS06) control numbers handed out for a partner.
public struct ControlNumbers: Hashable, Sendable, Codable {
    public var interchange: Int
    public var group: Int

    public init(interchange: Int, group: Int) {
        self.interchange = interchange
        self.group = group
    }
}

/// Hands out control numbers inside a commit's transaction. Numbers run 1...999_999_999 and roll over to 1.
public struct ControlNumberAllocator {
    public enum Kind: String, Sendable, Hashable { case interchange, group }

    private let allocate: (String, Kind) throws(StoreError) -> Int

    /// For store implementations: `allocate` reads, increments and writes the partner's counter in the
    /// current transaction.
    public init(allocate: @escaping (String, Kind) throws(StoreError) -> Int) { self.allocate = allocate }

    /// The next number of `kind` for `partner`.
    public func next(_ kind: Kind, partner: String) throws(StoreError) -> Int { try self.allocate(partner, kind) }

    /// The largest control number (nine digits); the one after it is 1.
    public static let largest = 999_999_999

    /// The number after `last`, rolling ``largest`` over to 1.
    public static func successor(of last: Int) -> Int { last >= Self.largest ? 1 : last + 1 }
}

/// A duplicate seen on intake.
public struct DuplicateRecord: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case content, interchange, payloadID }

    public var kind: Kind
    /// The content hash, "sender/receiver/ISA13", or the payloadID.
    public var key: String
    /// The claim of the file that repeated it.
    public var claim: String
    public var partner: String?
    public var at: Date

    public init(kind: Kind, key: String, claim: String, partner: String?, at: Date) {
        self.kind = kind
        self.key = key
        self.claim = claim
        self.partner = partner
        self.at = at
    }
}

/// An inbound interchange control number that skipped numbers after the partner's previous one.
public struct ControlNumberGap: Hashable, Sendable, Codable {
    public var partner: String
    public var previous: Int
    public var received: Int
    public var claim: String
    public var at: Date

    public init(partner: String, previous: Int, received: Int, claim: String, at: Date) {
        self.partner = partner
        self.previous = previous
        self.received = received
        self.claim = claim
        self.at = at
    }
}

/// An event in an order's life (issue 8 builds the timeline on these).
public struct TrackingEvent: Hashable, Sendable, Codable {
    public var orderNumber: String
    public var partner: String?
    /// "distributed", "delivered", "acknowledged", "confirmed", "changed", "shipped", "cancelled", ...
    public var kind: String
    public var at: Date
    /// Free text or JSON with the evidence.
    public var detail: String

    public init(orderNumber: String, partner: String?, kind: String, at: Date, detail: String) {
        self.orderNumber = orderNumber
        self.partner = partner
        self.kind = kind
        self.at = at
        self.detail = detail
    }
}

/// One state change, for the audit log.
public struct AuditEntry: Hashable, Sendable {
    public var at: Date
    /// "file:CLAIM", "message:ID", "partner:NAME".
    public var subject: String
    /// "received", "archived", "enqueued", "attempt.failed", "delivered", "dead", "retried", "controlNumbers.set"...
    public var event: String
    public var detail: String

    public init(at: Date, subject: String, event: String, detail: String) {
        self.at = at
        self.subject = subject
        self.event = event
        self.detail = detail
    }
}

/// Everything one inbound file produced, committed all-or-nothing.
public struct InboundCommit: Sendable {
    public var file: InboundFile
    /// Interchanges it held (their keys become known: a later file repeating one is a duplicate).
    public var interchanges: [InterchangeKey]
    /// The partner's inbound interchange control numbers it carried (for gap detection: recorded, highest kept).
    public var inboundControlNumbers: [Int]
    public var payloadIDs: [String]
    public var documents: [DocumentRecord]
    public var duplicates: [DuplicateRecord]
    public var gaps: [ControlNumberGap]
    public var events: [TrackingEvent]
    /// Runs inside the transaction: allocates control numbers, encodes, returns the messages to enqueue.
    public var build: @Sendable (ControlNumberAllocator) throws -> [OutboundDraft]
    /// Runs inside the transaction after the messages are inserted: updates order tracking and raises or closes
    /// alerts. If it throws, the commit fails like a throwing `build`.
    public var track: CommitTracking?

    public init(
        file: InboundFile, interchanges: [InterchangeKey] = [], inboundControlNumbers: [Int] = [],
        payloadIDs: [String] = [], documents: [DocumentRecord] = [], duplicates: [DuplicateRecord] = [],
        gaps: [ControlNumberGap] = [], events: [TrackingEvent] = [],
        build: @escaping @Sendable (ControlNumberAllocator) throws -> [OutboundDraft] = { _ in [] },
        track: CommitTracking? = nil
    ) {
        self.track = track
        self.file = file
        self.interchanges = interchanges
        self.inboundControlNumbers = inboundControlNumbers
        self.payloadIDs = payloadIDs
        self.documents = documents
        self.duplicates = duplicates
        self.gaps = gaps
        self.events = events
        self.build = build
    }
}

/// The result of one ``InboundCommit``.
public enum InboundCommitResult: Hashable, Sendable {
    /// Stored, with the ids of the messages enqueued.
    case committed(messageIDs: [Int64])
    /// Nothing stored; why.
    case failed(reason: String)
}

/// A store failure.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database could not be opened, migrated or written (the underlying message).
    case database(String)
    /// A value out of range (e.g. a control number above 999999999).
    case invalid(String)

    public var description: String {
        switch self {
        case .database(let message): "store: \(message)"
        case .invalid(let message): "store: \(message)"
        }
    }
}
