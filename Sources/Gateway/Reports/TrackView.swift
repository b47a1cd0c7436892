public import Foundation
public import Orders
public import Store

/// What `porter track NUMBER` shows: an order's legs (one per supplier, and the legs of a split order), its
/// timeline, its versions, each leg's lines side by side (ordered, confirmed, shipped, released), the inbound
/// documents about it and its open alerts.
///
/// Split orders: the router numbers the parts of a split order `{number}-{sequence}` (`Mappings/routes.yaml`), so
/// the legs are the order's own (``Store/GatewayStore/trackedOrders(number:)``) plus those of `NUMBER-1`,
/// `NUMBER-2`, … up to the first sequence that has none. Another numbering rule needs the leg's own number.
///
/// JSON:
/// ```json
/// {"orderNumber":"BO-1","generatedAt":"…",
///  "legs":[{"orderNumber":"BO-1-1","partner":"ironbridge-fastener","status":"acknowledged","version":1,
///    "distributedAt":"…","deliveredAt":"…","acknowledgedAt":"…","acknowledgmentDue":"…","discrepancyCount":0,
///    "lines":[{"lineNumber":"1","items":[…],"unit":"box","ordered":"40","unitPrice":"38.6","confirmed":"40",
///      "status":"accepted","shipped":"20"}],"discrepancies":[…]}],
///  "timeline":[{"at":"…","orderNumber":"BO-1-1","partner":"…","kind":"distributed","detail":"…"}],
///  "versions":[{"orderNumber":"BO-1-1","partner":"…","version":1,"kind":"original","at":"…"}],
///  "documents":[{"kind":"orderAcknowledgment","partner":"…","orderNumber":"…","controlReference":"…",
///    "status":"recorded","claim":"…","receivedAt":"…"}],
///  "alerts":[AlertItem…]}
/// ```
public struct TrackView: Hashable, Sendable, Codable {
    /// One order leg: the order as sent to one supplier.
    public struct Leg: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var partner: String
        public var buyer: String?
        /// ``Store/OrderStatus`` raw value.
        public var status: String
        public var version: Int
        public var isBlanket: Bool
        public var distributedAt: Date
        public var updatedAt: Date
        public var deliveredAt: Date?
        public var acknowledgedAt: Date?
        public var confirmedAt: Date?
        public var shippedAt: Date?
        public var acknowledgmentDue: Date?
        public var confirmationDue: Date?
        public var acknowledgedOnTime: Bool?
        /// GS06 the order was sent in.
        public var groupControlNumber: String?
        /// ISA13 or cXML payloadID.
        public var controlReference: String?
        public var discrepancyCount: Int
        /// The lines: from the tracker's reconciliation once an 855 or 856 arrived, else as ordered.
        public var lines: [OrderReconciliation.Line]
        public var discrepancies: [Discrepancy]

        public init(_ order: TrackedOrder) {
            self.orderNumber = order.orderNumber
            self.partner = order.partner
            self.buyer = order.buyer
            self.status = order.status.rawValue
            self.version = order.version
            self.isBlanket = order.isBlanket
            self.distributedAt = order.distributedAt
            self.updatedAt = order.updatedAt
            self.deliveredAt = order.deliveredAt
            self.acknowledgedAt = order.acknowledgedAt
            self.confirmedAt = order.confirmedAt
            self.shippedAt = order.shippedAt
            self.acknowledgmentDue = order.acknowledgmentDue
            self.confirmationDue = order.confirmationDue
            self.acknowledgedOnTime = order.acknowledgedOnTime
            self.groupControlNumber = order.groupControlNumber
            self.controlReference = order.controlReference
            self.discrepancyCount = order.discrepancyCount
            let reconciliation = OrderReconciliation(of: order)
            self.lines = reconciliation?.lines ?? []
            self.discrepancies = reconciliation?.discrepancies ?? []
        }
    }

    /// One timeline entry.
    public struct Event: Hashable, Sendable, Codable {
        public var at: Date
        public var orderNumber: String
        public var partner: String?
        public var kind: String
        public var detail: String
    }

    /// One version of a leg (the documents themselves are left out).
    public struct Version: Hashable, Sendable, Codable {
        public var orderNumber: String
        public var partner: String
        public var version: Int
        /// "original", "change", "cancellation", "replace".
        public var kind: String
        public var at: Date
    }

    /// An inbound document about the order (855, 856, 997 with an order number…).
    public struct Document: Hashable, Sendable, Codable {
        /// `BusinessDocument.Kind` raw value.
        public var kind: String
        public var partner: String?
        public var orderNumber: String?
        public var controlReference: String
        /// "routed", "held", "rejected", "recorded" or "duplicate".
        public var status: String
        /// Why it was held or rejected.
        public var reason: String?
        /// The claim of the file it came in.
        public var claim: String
        public var receivedAt: Date
    }

    /// The number asked for.
    public var orderNumber: String
    public var generatedAt: Date
    public var legs: [Leg]
    /// Every event of the number and of its legs, oldest first.
    public var timeline: [Event]
    public var versions: [Version]
    public var documents: [Document]
    /// Open alerts about the order or its legs, oldest first.
    public var alerts: [AlertItem]

    /// Whether the store knows nothing at all about the number.
    public var isEmpty: Bool {
        self.legs.isEmpty && self.timeline.isEmpty && self.documents.isEmpty && self.versions.isEmpty
    }

    /// Gathers everything `store` holds about `number`; `nil` when it holds nothing (an unknown order).
    public static func load(
        number: String, from store: any GatewayStore, now: Date
    ) async throws(StoreError) -> TrackView? {
        var legs = try await store.trackedOrders(number: number)
        var numbers = [number]
        var sequence = 1
        while true {
            let part = "\(number)-\(sequence)"
            let found = try await store.trackedOrders(number: part)
            if found.isEmpty { break }
            legs += found
            numbers.append(part)
            sequence += 1
        }
        var timeline: [Event] = []
        var versions: [Version] = []
        var documents: [Document] = []
        var seenDocuments: Set<String> = []
        for each in numbers {
            timeline += try await store.trackingEvents(orderNumber: each).map {
                Event(at: $0.at, orderNumber: $0.orderNumber, partner: $0.partner, kind: $0.kind, detail: $0.detail)
            }
            versions += try await store.orderVersions(number: each).map {
                Version(orderNumber: $0.orderNumber, partner: $0.partner, version: $0.version, kind: $0.kind, at: $0.at)
            }
            for stored in try await store.documents(orderNumber: each) {
                let key = "\(stored.claim)|\(stored.record.controlReference)|\(stored.record.kind)"
                guard seenDocuments.insert(key).inserted else { continue }
                documents.append(Document(stored))
            }
        }
        let allNumbers = numbers
        let alerts = try await store.openAlerts(orderNumbers: allNumbers)
        let view = TrackView(
            orderNumber: number, generatedAt: now, legs: legs.map(Leg.init),
            timeline: Self.stableSorted(timeline, by: \.at), versions: versions,
            documents: Self.stableSorted(documents, by: \.receivedAt),
            alerts: Self.stableSorted(alerts.map { AlertItem($0, now: now) }, by: \.raisedAt))
        return view.isEmpty ? nil : view
    }

    public init(
        orderNumber: String, generatedAt: Date, legs: [Leg], timeline: [Event], versions: [Version],
        documents: [Document], alerts: [AlertItem]
    ) {
        self.orderNumber = orderNumber
        self.generatedAt = generatedAt
        self.legs = legs
        self.timeline = timeline
        self.versions = versions
        self.documents = documents
        self.alerts = alerts
    }

    /// `items` sorted by a date, keeping the given order among equal dates.
    static func stableSorted<T>(_ items: [T], by date: (T) -> Date) -> [T] {
        items.enumerated().sorted { (date($0.element), $0.offset) < (date($1.element), $1.offset) }.map(\.element)
    }

    /// The plain-text form: legs, lines per leg, timeline, versions, documents, alerts.
    public var text: String {
        var lines = ["Order \(ReportText.clean(self.orderNumber))"]
        func section(_ title: String, _ table: TextTable) {
            lines += ["", title, table.render(indent: "  ")]
        }
        section(
            "Legs:",
            TextTable(
                headers: ["ORDER", "SUPPLIER", "STATUS", "VERSION", "DELIVERED", "997", "855", "SHIPPED", "DUE"],
                rows: self.legs.map { leg in
                    [
                        leg.orderNumber, leg.partner, leg.status, String(leg.version),
                        ReportText.timestamp(leg.deliveredAt), ReportText.timestamp(leg.acknowledgedAt),
                        ReportText.timestamp(leg.confirmedAt), ReportText.timestamp(leg.shippedAt),
                        Self.due(leg, now: self.generatedAt),
                    ]
                }, rightAligned: [3]
            ))
        for leg in self.legs where !leg.lines.isEmpty {
            section(
                "Lines of \(ReportText.clean(leg.orderNumber)) (\(ReportText.clean(leg.partner))):",
                TextTable(
                    headers: ["LINE", "ITEM", "UNIT", "ORDERED", "CONFIRMED", "SHIPPED", "RELEASED", "STATUS"],
                    rows: leg.lines.map { line in
                        [
                            line.lineNumber, line.items.first.map { "\($0.kind.rawValue) \($0.value)" } ?? "-",
                            line.unit?.rawValue ?? "-", line.ordered.text, line.confirmed?.text ?? "-",
                            line.shipped?.text ?? "-", line.released?.text ?? "-", line.status ?? "-",
                        ]
                    }, rightAligned: [3, 4, 5, 6]
                ))
            for discrepancy in leg.discrepancies {
                lines.append("  ! \(Self.describe(discrepancy))")
            }
        }
        section(
            "Timeline:",
            TextTable(
                headers: ["AT", "ORDER", "PARTNER", "EVENT", "DETAIL"],
                rows: self.timeline.map { event in
                    [
                        ReportText.timestamp(event.at), event.orderNumber, event.partner ?? "-", event.kind,
                        event.detail,
                    ]
                }
            ))
        if !self.versions.isEmpty {
            section(
                "Versions:",
                TextTable(
                    headers: ["ORDER", "SUPPLIER", "VERSION", "KIND", "AT"],
                    rows: self.versions.map {
                        [$0.orderNumber, $0.partner, String($0.version), $0.kind, ReportText.timestamp($0.at)]
                    }, rightAligned: [2]
                ))
        }
        if !self.documents.isEmpty {
            section(
                "Inbound documents:",
                TextTable(
                    headers: ["RECEIVED", "KIND", "FROM", "ORDER", "CONTROL", "STATUS"],
                    rows: self.documents.map { document in
                        [
                            ReportText.timestamp(document.receivedAt), document.kind, document.partner ?? "-",
                            document.orderNumber ?? "-", document.controlReference,
                            document.reason.map { "\(document.status): \($0)" } ?? document.status,
                        ]
                    }
                ))
        }
        lines.append("")
        if self.alerts.isEmpty {
            lines.append("No open alerts.")
        } else {
            lines.append("Open alerts:")
            lines.append(AlertItem.table(self.alerts).render(indent: "  "))
        }
        return lines.joined(separator: "\n")
    }

    /// The pending deadline of a leg: `997 in 1h 12m`, `855 overdue 3h`, or `-`.
    static func due(_ leg: Leg, now: Date) -> String {
        let pending = [("997", leg.acknowledgmentDue), ("855", leg.confirmationDue)].compactMap { name, date in
            date.map { (name, $0) }
        }
        guard let (name, date) = pending.min(by: { $0.1 < $1.1 }) else { return "-" }
        let left = date.timeIntervalSince(now)
        return left >= 0
            ? "\(name) in \(ReportText.duration(left))" : "\(name) overdue \(ReportText.duration(left))"
    }

    /// `line 2 quantity: ordered 36, confirmed 30`.
    static func describe(_ discrepancy: Discrepancy) -> String {
        func value(_ value: Discrepancy.Value?) -> String? {
            switch value {
            case .quantity(let quantity, let unit)?: "\(quantity.text)\(unit.map { " \($0.rawValue)" } ?? "")"
            case .price(let price)?: price.text
            case .date(let date)?: date.date.description
            case nil: nil
            }
        }
        var parts: [String] = []
        if let ordered = value(discrepancy.ordered) { parts.append("ordered \(ordered)") }
        if let confirmed = value(discrepancy.confirmed) { parts.append("confirmed \(confirmed)") }
        if let shipped = value(discrepancy.shipped) { parts.append("shipped \(shipped)") }
        let line = discrepancy.lineNumber.map { "line \($0) " } ?? ""
        return ReportText.clean(
            "\(line)\(discrepancy.kind.rawValue)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
    }
}

extension TrackView.Document {
    init(_ stored: StoredDocument) {
        let status: String
        var reason: String?
        switch stored.record.status {
        case .routed: status = "routed"
        case .held(let why):
            status = "held"
            reason = why
        case .rejected(let why):
            status = "rejected"
            reason = why
        case .recorded: status = "recorded"
        case .duplicate: status = "duplicate"
        }
        self.init(
            kind: stored.record.kind, partner: stored.record.partner, orderNumber: stored.record.orderNumber,
            controlReference: stored.record.controlReference, status: status, reason: reason, claim: stored.claim,
            receivedAt: stored.receivedAt)
    }
}
