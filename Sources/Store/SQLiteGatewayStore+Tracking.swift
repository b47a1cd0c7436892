import Foundation
import GRDB

// Order legs, versions, alerts and the status report.
extension SQLiteGatewayStore {
    public func track<T: Sendable>(_ body: @Sendable (any TrackingSession) throws(StoreError) -> T)
        async throws(StoreError) -> T
    {
        try await self.writing("tracking orders") { db in try body(Session(db, claim: nil)) }
    }

    public func trackedOrders(number: String) async throws(StoreError) -> [TrackedOrder] {
        try await self.reading("reading the legs of order \(number)") { db in
            try Session(db, claim: nil).orders(number: number)
        }
    }

    public func orderVersions(number: String) async throws(StoreError) -> [OrderVersion] {
        try await self.reading("reading the versions of order \(number)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: TrackingSQL.versions),
                arguments: [number]
            ).map { row in
                let document: Data = row["document"]
                let order: Data = row["order_json"]
                return OrderVersion(
                    orderNumber: row["order_number"], partner: row["partner"], version: row["version"],
                    kind: row["kind"], at: Date(storeSeconds: row["at"]), document: document,
                    order: order.isEmpty ? document : order)
            }
        }
    }

    public func documents(orderNumber: String) async throws(StoreError) -> [StoredDocument] {
        try await self.reading("reading the documents of order \(orderNumber)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: TrackingSQL.documents),
                arguments: [orderNumber]
            ).map { row in
                StoredDocument(
                    record: try Self.document(row), claim: row["claim"],
                    receivedAt: Date(storeSeconds: row["received_at"]))
            }
        }
    }

    public func openAlerts(orderNumbers: [String]) async throws(StoreError) -> [Alert] {
        try await self.reading("reading the open alerts of orders") { db in
            try orderNumbers.flatMap { number in
                try Row.fetchAll(db.cachedStatement(sql: TrackingSQL.openAlertsOfOrder), arguments: [number]).map(
                    Self.alert)
            }.sorted { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
        }
    }

    public func alerts(openOnly: Bool, limit: Int) async throws(StoreError) -> [Alert] {
        try await self.reading("listing alerts") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: openOnly ? TrackingSQL.openAlerts : TrackingSQL.alerts),
                arguments: [max(limit, 0)]
            ).map(Self.alert)
        }
    }

    public func alertEvents(after sequence: Int64, limit: Int) async throws(StoreError) -> [AlertEvent] {
        try await self.reading("reading alert events after \(sequence)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: TrackingSQL.alertEvents),
                arguments: [sequence, max(limit, 0)]
            ).map { row in
                guard let change = AlertEvent.Change(rawValue: row["change"]) else {
                    throw StoreError.database("unknown alert change '\(row["change"] as String)' in alert_events")
                }
                var alert = try Self.alert(row)
                if change == .raised {
                    // As it was when raised.
                    alert.closedAt = nil
                    alert.closedBecause = nil
                }
                return AlertEvent(
                    sequence: row["sequence"], change: change, at: Date(storeSeconds: row["change_at"]), alert: alert)
            }
        }
    }

    public func exportedAlertSequence() async throws(StoreError) -> Int64 {
        try await self.reading("reading the exported alert sequence") { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT sequence FROM alert_export WHERE id = 1")) ?? 0
        }
    }

    public func setExportedAlertSequence(_ sequence: Int64) async throws(StoreError) {
        try await self.writing("recording the exported alert sequence \(sequence)") { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO alert_export (id, sequence) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence
                    """
            ).execute(arguments: [sequence])
        }
    }

    /// Counts and per-partner figures, each read from an index (one read transaction, a consistent snapshot):
    ///
    /// - counts: messages by state (`messages_state`), legs by status (`orders_status`), files by outcome
    ///   (`inbound_files_partner_outcome`), open alerts by kind (`alerts_open_key`);
    /// - partners: found by skipping through `orders_group` and `inbound_files_partner_outcome` (one seek per
    ///   partner, not a scan);
    /// - per partner: legs (`orders_group`), latency count, median and 95th percentile (nearest rank:
    ///   `ORDER BY latency LIMIT 1 OFFSET ceil(p*n)-1` on `orders_ack_latency`, `orders_confirm_latency`), on-time
    ///   acknowledgments (`orders_ack_outcome`), change orders (`orders_changed`), discrepancies
    ///   (`orders_discrepant`), files and failures (`inbound_files_partner_outcome`), the oldest open alert
    ///   (`alerts_open_partner`).
    public func statusReport() async throws(StoreError) -> StatusReport {
        try await self.reading("computing the status report") { db in
            var report = StatusReport()
            report.messages = try Self.counts(Self.StatusSQL.messages, db)
            report.orders = try Self.counts(Self.StatusSQL.orders, db)
            report.files = try Self.counts(Self.StatusSQL.files, db)
            report.openAlerts = try Self.counts(Self.StatusSQL.openAlerts, db)
            let partners = try Set(String.fetchAll(db.cachedStatement(sql: Self.StatusSQL.orderPartners)))
                .union(String.fetchAll(db.cachedStatement(sql: Self.StatusSQL.filePartners)))
            report.partners = try partners.sorted().map { partner in try Self.statistics(partner, db) }
            return report
        }
    }

    /// The queries of tracking (the tests check their query plans).
    enum TrackingSQL {
        /// A leg's row with its documents (``SQLiteGatewayStore/version4``).
        static let legColumns = """
            \(LegColumn.allCases.map { ($0.rawValue < LegColumn.document.rawValue ? "orders." : "order_documents.") + $0.name }
                .joined(separator: ", ")) FROM orders
            JOIN order_documents ON order_documents.order_number = orders.order_number
              AND order_documents.partner = orders.partner
            """
        static let leg = "SELECT \(legColumns) WHERE orders.order_number = ? AND orders.partner = ?"
        /// A leg's row with empty documents (``Session/orderTracking(_:partner:)``): one row of `orders`, without
        /// the order's JSON (~4 KB, overflow pages) that a delivery or an acknowledgment does not need.
        static let legTracking = """
            SELECT \(LegColumn.allCases.map { $0.rawValue < LegColumn.document.rawValue ? "orders." + $0.name : "X''" }
                .joined(separator: ", ")) FROM orders WHERE orders.order_number = ? AND orders.partner = ?
            """
        static let legs = "SELECT \(legColumns) WHERE orders.order_number = ? ORDER BY orders.partner"
        static let group = """
            SELECT \(legColumns)
            JOIN order_groups ON orders.order_number = order_groups.order_number AND orders.partner = order_groups.partner
            WHERE order_groups.partner = ? AND order_groups.group_control_number = ?
            ORDER BY order_groups.order_number
            """
        static let due = """
            SELECT \(legColumns)
            WHERE orders.next_due IS NOT NULL AND orders.next_due <= ?
            ORDER BY orders.next_due, orders.order_number, orders.partner LIMIT ?
            """
        static let versions = "SELECT * FROM order_versions WHERE order_number = ? ORDER BY partner, version"
        static let documents = """
            SELECT d.*, f.received_at FROM documents AS d JOIN inbound_files AS f ON f.claim = d.claim
            WHERE d.order_number = ? ORDER BY f.received_at, d.id
            """
        static let events = "SELECT * FROM tracking_events WHERE order_number = ? ORDER BY at, id"
        static let alerts = "SELECT * FROM alerts ORDER BY raised_at DESC, id DESC LIMIT ?"
        static let openAlerts = "SELECT * FROM alerts WHERE closed_at IS NULL ORDER BY raised_at DESC, id DESC LIMIT ?"
        static let isOpen = "SELECT EXISTS (SELECT 1 FROM alerts WHERE kind = ? AND key = ? AND closed_at IS NULL)"
        static let openAlertsOfOrder = """
            SELECT * FROM alerts WHERE order_number = ? AND closed_at IS NULL ORDER BY raised_at, id
            """
        static let openAlertsOfPartner = """
            SELECT * FROM alerts WHERE partner = ? AND kind = ? AND closed_at IS NULL ORDER BY raised_at, id
            """
        static let alertEvents = """
            SELECT e.sequence, e.change, e.at AS change_at, a.* FROM alert_events AS e
            JOIN alerts AS a ON a.id = e.alert_id
            WHERE e.sequence > ? ORDER BY e.sequence LIMIT ?
            """
    }

    /// The statements of ``statusReport()`` (the tests check their query plans).
    enum StatusSQL {
        static let messages = "SELECT state, COUNT(*) FROM messages GROUP BY state"
        static let orders = "SELECT status, COUNT(*) FROM orders GROUP BY status"
        static let files = "SELECT outcome, COUNT(*) FROM inbound_files GROUP BY outcome"
        static let openAlerts = "SELECT kind, COUNT(*) FROM alerts WHERE closed_at IS NULL GROUP BY kind"
        /// Distinct partners by hopping from one to the next along an index.
        static let orderPartners = Self.distinct(column: "partner", table: "orders")
        static let filePartners = Self.distinct(column: "partner", table: "inbound_files")
        static let legs = "SELECT COUNT(*) FROM orders WHERE partner = ?"
        static let ackCount = "SELECT COUNT(*) FROM orders WHERE partner = ? AND ack_latency IS NOT NULL"
        static let ackRank = """
            SELECT ack_latency FROM orders WHERE partner = ? AND ack_latency IS NOT NULL
            ORDER BY ack_latency LIMIT 1 OFFSET ?
            """
        static let confirmCount = "SELECT COUNT(*) FROM orders WHERE partner = ? AND confirm_latency IS NOT NULL"
        static let confirmRank = """
            SELECT confirm_latency FROM orders WHERE partner = ? AND confirm_latency IS NOT NULL
            ORDER BY confirm_latency LIMIT 1 OFFSET ?
            """
        static let onTime = """
            SELECT COUNT(*), coalesce(SUM(ack_outcome), 0) FROM orders WHERE partner = ? AND ack_outcome IS NOT NULL
            """
        static let changed = "SELECT COUNT(*) FROM orders WHERE partner = ? AND version > 1"
        static let discrepant = """
            SELECT COUNT(*), coalesce(SUM(discrepant), 0) FROM orders WHERE partner = ? AND discrepant IS NOT NULL
            """
        static let partnerFiles = """
            SELECT COUNT(*), coalesce(SUM(outcome = 'failed'), 0) FROM inbound_files WHERE partner = ?
            """
        static let oldestOpenAlert = """
            SELECT * FROM alerts WHERE partner = ? AND closed_at IS NULL ORDER BY raised_at, id LIMIT 1
            """

        private static func distinct(column: String, table: String) -> String {
            """
            WITH RECURSIVE found(value) AS (
              SELECT (SELECT MIN(\(column)) FROM \(table))
              UNION ALL
              SELECT (SELECT MIN(\(column)) FROM \(table) WHERE \(column) > found.value) FROM found
              WHERE found.value IS NOT NULL
            )
            SELECT value FROM found WHERE value IS NOT NULL
            """
        }
    }

    private static func counts(_ sql: String, _ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: sql)) { counts[row[0]] = row[1] }
        return counts
    }

    private static func statistics(_ partner: String, _ db: Database) throws -> PartnerStatistics {
        func pair(_ sql: String) throws -> (Int, Int) {
            let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [partner])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
        func latency(count: String, rank: String) throws -> LatencySummary? {
            let count = try Int.fetchOne(db.cachedStatement(sql: count), arguments: [partner]) ?? 0
            guard count > 0 else { return nil }
            func value(_ percent: Int) throws -> TimeInterval {
                let offset = StoreSemantics.nearestRankIndex(percent: percent, count: count)
                return try Double.fetchOne(db.cachedStatement(sql: rank), arguments: [partner, offset]) ?? 0
            }
            return LatencySummary(count: count, median: try value(50), percentile95: try value(95))
        }
        let legs = try Int.fetchOne(db.cachedStatement(sql: StatusSQL.legs), arguments: [partner]) ?? 0
        let changed = try Int.fetchOne(db.cachedStatement(sql: StatusSQL.changed), arguments: [partner]) ?? 0
        let (acknowledgments, onTime) = try pair(StatusSQL.onTime)
        let (reconciled, discrepant) = try pair(StatusSQL.discrepant)
        let (files, failed) = try pair(StatusSQL.partnerFiles)
        return PartnerStatistics(
            partner: partner, orders: legs,
            acknowledgmentLatency: try latency(count: StatusSQL.ackCount, rank: StatusSQL.ackRank),
            confirmationLatency: try latency(count: StatusSQL.confirmCount, rank: StatusSQL.confirmRank),
            onTimeAcknowledgmentRate: StoreSemantics.rate(onTime, of: acknowledgments),
            changeOrderRate: StoreSemantics.rate(changed, of: legs),
            discrepancyRate: StoreSemantics.rate(discrepant, of: reconciled),
            errorRate: StoreSemantics.rate(failed, of: files), files: files,
            oldestOpenAlert: try Row.fetchOne(db.cachedStatement(sql: StatusSQL.oldestOpenAlert), arguments: [partner])
                .map(Self.alert))
    }
}

// MARK: - Session

extension SQLiteGatewayStore {
    /// A ``TrackingSession`` on the connection of the current write transaction (or read, for the readers that
    /// reuse its queries).
    struct Session: TrackingSession {
        let db: Database
        /// The claim of the file being committed, recorded with timeline events.
        let claim: String?

        init(_ db: Database, claim: String?) {
            self.db = db
            self.claim = claim
        }

        func order(_ number: String, partner: String) throws(StoreError) -> TrackedOrder? {
            try self.leg(TrackingSQL.leg, number, partner)
        }

        func orders(number: String) throws(StoreError) -> [TrackedOrder] {
            try self.run("reading the legs of order \(number)") { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: TrackingSQL.legs), arguments: [number]
                ).map(SQLiteGatewayStore.trackedOrder)
            }
        }

        func orders(partner: String, groupControlNumber: String) throws(StoreError) -> [TrackedOrder] {
            try self.run("reading the orders sent to \(partner) in group \(groupControlNumber)") { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: TrackingSQL.group),
                    arguments: [partner, groupControlNumber]
                ).map(SQLiteGatewayStore.trackedOrder)
            }
        }

        func orders(dueBy date: Date, limit: Int) throws(StoreError) -> [TrackedOrder] {
            try self.run("reading orders due by \(StoreSemantics.timestamp(date))") { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: TrackingSQL.due),
                    arguments: [date.storeSeconds, max(limit, 0)]
                ).map(SQLiteGatewayStore.trackedOrder)
            }
        }

        func orderTracking(_ number: String, partner: String) throws(StoreError) -> TrackedOrder? {
            try self.leg(TrackingSQL.legTracking, number, partner)
        }

        /// One leg by a query of order number and partner.
        private func leg(_ sql: String, _ number: String, _ partner: String) throws(StoreError) -> TrackedOrder? {
            try self.run("reading order \(number) for \(partner)") { db in
                try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [number, partner])
                    .map(SQLiteGatewayStore.trackedOrder)
            }
        }

        func save(_ order: TrackedOrder) throws(StoreError) {
            try self.run("saving order \(order.orderNumber) for \(order.partner)") { db in
                try Self.saveTracking(order, db)
                // The documents only when they changed (most saves change a date or a status).
                try db.cachedStatement(
                    sql: """
                        INSERT INTO order_documents (order_number, partner, document, reconciliation)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (order_number, partner) DO UPDATE SET
                          document = excluded.document, reconciliation = excluded.reconciliation
                        WHERE document IS NOT excluded.document OR reconciliation IS NOT excluded.reconciliation
                        """
                ).execute(arguments: [order.orderNumber, order.partner, order.document, order.reconciliation])
            }
        }

        func saveTracking(_ order: TrackedOrder) throws(StoreError) {
            try self.run("saving order \(order.orderNumber) for \(order.partner)") { db in
                try Self.saveTracking(order, db)
            }
        }

        /// The leg's row in `orders` and its group; not its documents.
        private static func saveTracking(_ order: TrackedOrder, _ db: Database) throws {
            try db.cachedStatement(
                sql: """
                    INSERT INTO orders (order_number, partner, buyer, status, version, is_blanket,
                      distributed_at, updated_at, delivered_at, acknowledged_at, confirmed_at, shipped_at,
                      acknowledgment_due, confirmation_due, acknowledgment_allowance, confirmation_allowance,
                      acknowledged_on_time, group_control_number, control_reference, discrepancy_count, next_due,
                      ack_latency, confirm_latency, ack_outcome, discrepant)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_number, partner) DO UPDATE SET
                      buyer = excluded.buyer, status = excluded.status, version = excluded.version,
                      is_blanket = excluded.is_blanket, distributed_at = excluded.distributed_at,
                      updated_at = excluded.updated_at, delivered_at = excluded.delivered_at,
                      acknowledged_at = excluded.acknowledged_at, confirmed_at = excluded.confirmed_at,
                      shipped_at = excluded.shipped_at, acknowledgment_due = excluded.acknowledgment_due,
                      confirmation_due = excluded.confirmation_due,
                      acknowledgment_allowance = excluded.acknowledgment_allowance,
                      confirmation_allowance = excluded.confirmation_allowance,
                      acknowledged_on_time = excluded.acknowledged_on_time,
                      group_control_number = excluded.group_control_number,
                      control_reference = excluded.control_reference,
                      discrepancy_count = excluded.discrepancy_count, next_due = excluded.next_due,
                      ack_latency = excluded.ack_latency, confirm_latency = excluded.confirm_latency,
                      ack_outcome = excluded.ack_outcome, discrepant = excluded.discrepant
                    """
            ).execute(arguments: [
                order.orderNumber, order.partner, order.buyer, order.status.rawValue, order.version,
                order.isBlanket, order.distributedAt.storeSeconds, order.updatedAt.storeSeconds,
                order.deliveredAt?.storeSeconds, order.acknowledgedAt?.storeSeconds,
                order.confirmedAt?.storeSeconds, order.shippedAt?.storeSeconds,
                order.acknowledgmentDue?.storeSeconds, order.confirmationDue?.storeSeconds,
                order.acknowledgmentAllowance, order.confirmationAllowance, order.acknowledgedOnTime,
                order.groupControlNumber, order.controlReference, order.discrepancyCount,
                order.nextDue?.storeSeconds,
                StoreSemantics.latency(from: order.deliveredAt, to: order.acknowledgedAt),
                StoreSemantics.latency(from: order.deliveredAt, to: order.confirmedAt),
                StoreSemantics.acknowledgmentOutcome(order),
                StoreSemantics.isReconciled(order) ? order.discrepancyCount > 0 : nil,
            ])
            if let group = order.groupControlNumber {
                try db.cachedStatement(
                    sql: """
                        INSERT OR IGNORE INTO order_groups (partner, group_control_number, order_number)
                        VALUES (?, ?, ?)
                        """
                ).execute(arguments: [order.partner, group, order.orderNumber])
            }
        }

        func addVersion(_ version: OrderVersion) throws(StoreError) {
            try self.run("saving version \(version.version) of order \(version.orderNumber)") { db in
                try db.cachedStatement(
                    sql: """
                        INSERT OR REPLACE INTO order_versions (order_number, partner, version, kind, at, document,
                          order_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    version.orderNumber, version.partner, version.version, version.kind, version.at.storeSeconds,
                    // An order's first version is the document itself: its JSON is kept once (an empty order_json
                    // means "the document"; an order's JSON is never empty).
                    version.document, version.order == version.document ? Data() : version.order,
                ])
            }
        }

        func record(_ event: TrackingEvent) throws(StoreError) {
            try self.run("recording a \(event.kind) event of order \(event.orderNumber)") { db in
                try SQLiteGatewayStore.insert(event, claim: self.claim, db)
            }
        }

        func raise(_ draft: AlertDraft, at: Date) throws(StoreError) -> Alert? {
            try self.run("raising a \(draft.kind.rawValue) alert about \(draft.key)") { db in
                let isOpen =
                    try Bool.fetchOne(
                        db.cachedStatement(sql: TrackingSQL.isOpen),
                        arguments: [draft.kind.rawValue, draft.key]) ?? false
                guard !isOpen else { return nil }
                try db.cachedStatement(
                    sql: """
                        INSERT INTO alerts (kind, key, partner, order_number, message, evidence, raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    draft.kind.rawValue, draft.key, draft.partner, draft.orderNumber, draft.message,
                    draft.evidence, at.storeSeconds,
                ])
                let alert = Alert(
                    id: db.lastInsertedRowID, kind: draft.kind, key: draft.key, partner: draft.partner,
                    orderNumber: draft.orderNumber, message: draft.message, evidence: draft.evidence, raisedAt: at)
                try Self.insertEvent(.raised, alert: alert.id, at: at, db)
                return alert
            }
        }

        func closeAlerts(kind: Alert.Kind, key: String, at: Date, because reason: String) throws(StoreError)
            -> [Alert]
        {
            try self.run("closing the \(kind.rawValue) alerts about \(key)") { db in
                let closed = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            UPDATE alerts SET closed_at = ?, closed_because = ?
                            WHERE kind = ? AND key = ? AND closed_at IS NULL RETURNING *
                            """),
                    arguments: [at.storeSeconds, reason, kind.rawValue, key]
                ).map(SQLiteGatewayStore.alert).sorted { $0.id < $1.id }
                for alert in closed { try Self.insertEvent(.closed, alert: alert.id, at: at, db) }
                return closed
            }
        }

        func openAlerts(orderNumber: String) throws(StoreError) -> [Alert] {
            try self.run("reading the open alerts of order \(orderNumber)") { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: TrackingSQL.openAlertsOfOrder),
                    arguments: [orderNumber]
                ).map(SQLiteGatewayStore.alert)
            }
        }

        func openAlerts(kind: Alert.Kind, partner: String) throws(StoreError) -> [Alert] {
            try self.run("reading the open \(kind.rawValue) alerts of \(partner)") { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: TrackingSQL.openAlertsOfPartner), arguments: [partner, kind.rawValue]
                ).map(SQLiteGatewayStore.alert)
            }
        }

        private static func insertEvent(_ change: AlertEvent.Change, alert id: Int64, at: Date, _ db: Database)
            throws
        {
            try db.cachedStatement(sql: "INSERT INTO alert_events (alert_id, change, at) VALUES (?, ?, ?)").execute(
                arguments: [id, change.rawValue, at.storeSeconds])
        }

        private func run<T>(_ action: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
            do { return try body(self.db) } catch { throw SQLiteGatewayStore.storeError(error, while: action) }
        }
    }

    // MARK: Rows to records

    /// The columns of a leg's row (``TrackingSQL/legColumns``), read by position.
    enum LegColumn: Int, PositionalColumn {
        case orderNumber, partner, buyer, status, version, isBlanket, distributedAt, updatedAt, deliveredAt
        case acknowledgedAt, confirmedAt, shippedAt, acknowledgmentDue, confirmationDue, acknowledgmentAllowance
        case confirmationAllowance, acknowledgedOnTime, groupControlNumber, controlReference, discrepancyCount
        /// From `order_documents`.
        case document, reconciliation
    }

    static func trackedOrder(_ row: Row) throws -> TrackedOrder {
        func value<Value: DatabaseValueConvertible>(_ column: LegColumn) -> Value { row[column.rawValue] }
        func optional<Value: DatabaseValueConvertible>(_ column: LegColumn) -> Value? { row[column.rawValue] }
        func date(_ column: LegColumn) -> Date? { (optional(column) as Double?).map(Date.init(storeSeconds:)) }
        let status: String = value(.status)
        guard let orderStatus = OrderStatus(rawValue: status) else {
            throw StoreError.database("unknown order status '\(status)' in the orders table")
        }
        return TrackedOrder(
            orderNumber: value(.orderNumber), partner: value(.partner), buyer: optional(.buyer), status: orderStatus,
            version: value(.version), isBlanket: value(.isBlanket),
            distributedAt: Date(storeSeconds: value(.distributedAt)), updatedAt: date(.updatedAt),
            deliveredAt: date(.deliveredAt), acknowledgedAt: date(.acknowledgedAt),
            confirmedAt: date(.confirmedAt), shippedAt: date(.shippedAt),
            acknowledgmentDue: date(.acknowledgmentDue), confirmationDue: date(.confirmationDue),
            acknowledgmentAllowance: value(.acknowledgmentAllowance),
            confirmationAllowance: value(.confirmationAllowance), acknowledgedOnTime: optional(.acknowledgedOnTime),
            groupControlNumber: optional(.groupControlNumber), controlReference: optional(.controlReference),
            discrepancyCount: value(.discrepancyCount), document: optional(.document) ?? Data(),
            reconciliation: optional(.reconciliation) ?? Data())
    }

    static func alert(_ row: Row) throws -> Alert {
        Alert(
            id: row["id"], kind: Alert.Kind(rawValue: row["kind"]), key: row["key"], partner: row["partner"],
            orderNumber: row["order_number"], message: row["message"], evidence: row["evidence"],
            raisedAt: Date(storeSeconds: row["raised_at"]),
            closedAt: (row["closed_at"] as Double?).map(Date.init(storeSeconds:)), closedBecause: row["closed_because"])
    }
}
