public import Foundation
public import Orders

/// Something a person should look at.
public struct Alert: Hashable, Sendable, Codable {
    /// What kind of exception.
    public struct Kind: CodedValue {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No 997/999 within the partner's allowance after delivery (default 2 h).
        public static let acknowledgmentOverdue: Self = "acknowledgmentOverdue"
        /// No 855 within the partner's allowance after delivery (default 24 h).
        public static let confirmationOverdue: Self = "confirmationOverdue"
        /// A 997/999 rejected the set (or the group).
        public static let acknowledgmentRejected: Self = "acknowledgmentRejected"
        /// An 855 rejected the order or some of its lines.
        public static let confirmationRejected: Self = "confirmationRejected"
        /// An 855 or 856 differs from the order (quantity, price, date, unknown item, short or over shipment,
        /// missing line).
        public static let discrepancy: Self = "discrepancy"
        /// A message could not be delivered and is in the dead-letter state.
        public static let deadLetter: Self = "deadLetter"
        /// An interchange (or payloadID, or whole file) arrived again.
        public static let duplicate: Self = "duplicate"
        /// An inbound interchange control number skipped numbers.
        public static let controlNumberGap: Self = "controlNumberGap"
        /// A partner's accuracy rule held a document back.
        public static let accuracyHold: Self = "accuracyHold"
        /// A file from an unknown sender was quarantined.
        public static let quarantined: Self = "quarantined"
        /// A file failed and went to `error/`.
        public static let failedFile: Self = "failedFile"

        public static let namedValues: [Self] = [
            .acknowledgmentOverdue, .confirmationOverdue, .acknowledgmentRejected, .confirmationRejected, .discrepancy,
            .deadLetter, .duplicate, .controlNumberGap, .accuracyHold, .quarantined, .failedFile,
        ]
    }

    /// Store-assigned, increasing.
    public var id: Int64
    public var kind: Kind
    /// What the alert is about, unique among the open alerts of its kind ("PO-1001@acme", "message:12", a file's
    /// claim): raising it again while it is open does nothing; closing names it.
    public var key: String
    public var partner: String?
    public var orderNumber: String?
    /// A sentence a person understands.
    public var message: String
    /// The evidence, as a JSON object (control numbers, the values compared, file names).
    public var evidence: String
    public var raisedAt: Date
    public var closedAt: Date?
    /// Why it was closed ("997 received (ISA 000000123)", "retried by hand").
    public var closedBecause: String?

    public var isOpen: Bool { self.closedAt == nil }

    public init(
        id: Int64, kind: Kind, key: String, partner: String?, orderNumber: String?, message: String, evidence: String,
        raisedAt: Date, closedAt: Date? = nil, closedBecause: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.key = key
        self.partner = partner
        self.orderNumber = orderNumber
        self.message = message
        self.evidence = evidence
        self.raisedAt = raisedAt
        self.closedAt = closedAt
        self.closedBecause = closedBecause
    }
}

/// An alert to raise (the store gives it its id and date).
public struct AlertDraft: Hashable, Sendable {
    public var kind: Alert.Kind
    public var key: String
    public var partner: String?
    public var orderNumber: String?
    public var message: String
    /// A JSON object.
    public var evidence: String

    public init(
        kind: Alert.Kind, key: String, partner: String?, orderNumber: String?, message: String, evidence: String = "{}"
    ) {
        self.kind = kind
        self.key = key
        self.partner = partner
        self.orderNumber = orderNumber
        self.message = message
        self.evidence = evidence
    }
}

/// A raise or a close, in the order they were stored: `alerts/alerts.jsonl` is written from these.
public struct AlertEvent: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable, Codable { case raised, closed }

    /// Increasing across raises and closes.
    public var sequence: Int64
    public var change: Change
    public var at: Date
    /// The alert as it was after the change.
    public var alert: Alert

    public init(sequence: Int64, change: Change, at: Date, alert: Alert) {
        self.sequence = sequence
        self.change = change
        self.at = at
        self.alert = alert
    }
}
