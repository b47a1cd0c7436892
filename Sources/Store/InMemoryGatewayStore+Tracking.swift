import Foundation

extension InMemoryGatewayStore {
    /// An order leg's key.
    struct LegKey: Hashable {
        var orderNumber: String
        var partner: String
    }

    /// A partner's group control number.
    struct GroupKey: Hashable {
        var partner: String
        var group: String
    }

    /// Order legs, versions, timeline events and alerts. A value: a session works on a copy that replaces the
    /// store's only when its transaction succeeds.
    struct Tracking {
        var orders: [LegKey: TrackedOrder] = [:]
        var versions: [LegKey: [Int: OrderVersion]] = [:]
        /// Every group (partner, GS06) each leg was sent in.
        var groups: [GroupKey: Set<String>] = [:]
        var events: [TrackingEvent] = []
        /// By id (ids increase in raise order).
        var alerts: [Int64: Alert] = [:]
        var lastAlertID: Int64 = 0
        /// Each event holds the alert as it was after the change.
        var alertEvents: [AlertEvent] = []
        var lastSequence: Int64 = 0
        var exportedSequence: Int64 = 0

        mutating func sweep(before date: Date) -> Int {
            var removed = 0
            let closed = Set(
                self.alerts.values.filter { alert in alert.closedAt.map { $0 < date } ?? false }.map(\.id))
            for id in closed { self.alerts[id] = nil }
            let events = self.alertEvents.count
            self.alertEvents.removeAll { closed.contains($0.alert.id) }
            removed += closed.count + events - self.alertEvents.count
            let finished = self.orders.filter { _, order in
                StoreSemantics.finishedStatuses.contains(order.status) && order.updatedAt < date
            }.keys
            for key in finished {
                for group in self.groups.keys where group.partner == key.partner {
                    self.groups[group]?.remove(key.orderNumber)
                }
                self.orders[key] = nil
                removed += 1 + (self.versions.removeValue(forKey: key)?.count ?? 0)
            }
            // Timelines go with their orders: old events of an order number no leg is left for.
            let numbers = Set(self.orders.keys.map(\.orderNumber))
            let timeline = self.events.count
            self.events.removeAll { $0.at < date && !numbers.contains($0.orderNumber) }
            removed += timeline - self.events.count
            return removed
        }
    }

    /// A ``TrackingSession`` over a copy of the tracking state; the caller keeps the copy when the transaction
    /// succeeds.
    final class Session: TrackingSession {
        var tracking: Tracking

        init(_ tracking: Tracking) { self.tracking = tracking }

        func order(_ number: String, partner: String) throws(StoreError) -> TrackedOrder? {
            self.tracking.orders[LegKey(orderNumber: number, partner: partner)]
        }

        func orders(number: String) throws(StoreError) -> [TrackedOrder] {
            self.tracking.orders.values.filter { $0.orderNumber == number }.sorted { $0.partner < $1.partner }
        }

        func orders(partner: String, groupControlNumber: String) throws(StoreError) -> [TrackedOrder] {
            (self.tracking.groups[GroupKey(partner: partner, group: groupControlNumber)] ?? []).sorted()
                .compactMap { self.tracking.orders[LegKey(orderNumber: $0, partner: partner)] }
        }

        func orders(dueBy date: Date, limit: Int) throws(StoreError) -> [TrackedOrder] {
            Array(
                self.tracking.orders.values
                    .compactMap { order in order.nextDue.flatMap { $0 <= date ? (due: $0, order: order) : nil } }
                    .sorted {
                        ($0.due, $0.order.orderNumber, $0.order.partner) < (
                            $1.due, $1.order.orderNumber, $1.order.partner
                        )
                    }
                    .prefix(max(limit, 0))
                    .map(\.order))
        }

        func save(_ order: TrackedOrder) throws(StoreError) {
            self.tracking.orders[LegKey(orderNumber: order.orderNumber, partner: order.partner)] = order
            if let group = order.groupControlNumber {
                self.tracking.groups[GroupKey(partner: order.partner, group: group), default: []].insert(
                    order.orderNumber)
            }
        }

        func addVersion(_ version: OrderVersion) throws(StoreError) {
            self.tracking.versions[LegKey(orderNumber: version.orderNumber, partner: version.partner), default: [:]][
                version.version] = version
        }

        func record(_ event: TrackingEvent) throws(StoreError) {
            self.tracking.events.append(event)
        }

        func raise(_ draft: AlertDraft, at: Date) throws(StoreError) -> Alert? {
            let isOpen = self.tracking.alerts.values.contains {
                $0.isOpen && $0.kind == draft.kind && $0.key == draft.key
            }
            guard !isOpen else { return nil }
            self.tracking.lastAlertID += 1
            let alert = Alert(
                id: self.tracking.lastAlertID, kind: draft.kind, key: draft.key, partner: draft.partner,
                orderNumber: draft.orderNumber, message: draft.message, evidence: draft.evidence, raisedAt: at)
            self.tracking.alerts[alert.id] = alert
            self.append(.raised, at: at, alert)
            return alert
        }

        func closeAlerts(kind: Alert.Kind, key: String, at: Date, because reason: String) throws(StoreError)
            -> [Alert]
        {
            let open = self.tracking.alerts.values.filter { $0.isOpen && $0.kind == kind && $0.key == key }
            return open.sorted { $0.id < $1.id }.map { alert in
                var closed = alert
                closed.closedAt = at
                closed.closedBecause = reason
                self.tracking.alerts[alert.id] = closed
                self.append(.closed, at: at, closed)
                return closed
            }
        }

        func openAlerts(orderNumber: String) throws(StoreError) -> [Alert] {
            self.tracking.alerts.values.filter { $0.isOpen && $0.orderNumber == orderNumber }
                .sorted { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
        }

        func openAlerts(kind: Alert.Kind, partner: String) throws(StoreError) -> [Alert] {
            self.tracking.alerts.values.filter { $0.isOpen && $0.kind == kind && $0.partner == partner }
                .sorted { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
        }

        private func append(_ change: AlertEvent.Change, at: Date, _ alert: Alert) {
            self.tracking.lastSequence += 1
            self.tracking.alertEvents.append(
                AlertEvent(sequence: self.tracking.lastSequence, change: change, at: at, alert: alert))
        }
    }
}

// MARK: - Status report

extension InMemoryGatewayStore.State {
    /// The same figures as ``SQLiteGatewayStore``'s report, computed by walking everything.
    func statusReport() -> StatusReport {
        var report = StatusReport()
        for stored in self.messages.values { report.messages[stored.message.state.rawValue, default: 0] += 1 }
        let legs = Array(self.tracking.orders.values)
        for leg in legs { report.orders[leg.status.rawValue, default: 0] += 1 }
        let files = self.files.values
        for file in files { report.files[StoreSemantics.columns(file.outcome).kind, default: 0] += 1 }
        let open = self.tracking.alerts.values.filter(\.isOpen)
        for alert in open { report.openAlerts[alert.kind.rawValue, default: 0] += 1 }
        let partners = Set(legs.map(\.partner)).union(files.compactMap(\.partner))
        report.partners = partners.sorted().map { partner in
            let legs = legs.filter { $0.partner == partner }
            let files = files.filter { $0.partner == partner }
            let acknowledgments = legs.compactMap(StoreSemantics.acknowledgmentOutcome)
            let reconciled = legs.filter(StoreSemantics.isReconciled)
            let failed = files.filter { StoreSemantics.columns($0.outcome).kind == "failed" }
            return PartnerStatistics(
                partner: partner, orders: legs.count,
                acknowledgmentLatency: StoreSemantics.latency(
                    sorted: legs.compactMap { StoreSemantics.latency(from: $0.deliveredAt, to: $0.acknowledgedAt) }
                        .sorted()),
                confirmationLatency: StoreSemantics.latency(
                    sorted: legs.compactMap { StoreSemantics.latency(from: $0.deliveredAt, to: $0.confirmedAt) }
                        .sorted()),
                onTimeAcknowledgmentRate: StoreSemantics.rate(
                    acknowledgments.filter { $0 }.count, of: acknowledgments.count),
                changeOrderRate: StoreSemantics.rate(legs.filter { $0.version > 1 }.count, of: legs.count),
                discrepancyRate: StoreSemantics.rate(
                    reconciled.filter { $0.discrepancyCount > 0 }.count, of: reconciled.count),
                errorRate: StoreSemantics.rate(failed.count, of: files.count), files: files.count,
                oldestOpenAlert: open.filter { $0.partner == partner }
                    .min { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) })
        }
        return report
    }
}
