import Foundation
import Store

/// Builders of tracking records.
extension Sample {
    struct TrackFailure: Error, CustomStringConvertible {
        var description: String { "the tracker gave up" }
    }

    /// A leg delivered at t0 (unless told otherwise) with the given milestones, as seconds after t0.
    static func leg(
        _ number: String, partner: String = "ACME", status: OrderStatus = .delivered, version: Int = 1,
        delivered: TimeInterval? = 0, acknowledged: TimeInterval? = nil, onTime: Bool? = nil,
        confirmed: TimeInterval? = nil, shipped: TimeInterval? = nil, acknowledgmentDue: TimeInterval? = nil,
        confirmationDue: TimeInterval? = nil, allowance: TimeInterval = 7200, discrepancies: Int = 0,
        group: String? = nil, updated: TimeInterval = 0
    ) -> TrackedOrder {
        TrackedOrder(
            orderNumber: number, partner: partner, status: status, version: version, distributedAt: t0,
            updatedAt: at(updated), deliveredAt: delivered.map(at), acknowledgedAt: acknowledged.map(at),
            confirmedAt: confirmed.map(at), shippedAt: shipped.map(at), acknowledgmentDue: acknowledgmentDue.map(at),
            confirmationDue: confirmationDue.map(at), acknowledgmentAllowance: allowance,
            confirmationAllowance: 86_400, acknowledgedOnTime: onTime, groupControlNumber: group,
            discrepancyCount: discrepancies, document: Data(#"{"orderNumber":"\#(number)"}"#.utf8))
    }

    static func alert(
        _ key: String, kind: Alert.Kind = .acknowledgmentOverdue, partner: String? = "ACME",
        order: String? = nil
    ) -> AlertDraft {
        AlertDraft(
            kind: kind, key: key, partner: partner, orderNumber: order, message: "\(kind.rawValue) about \(key)",
            evidence: #"{"key":"\#(key)"}"#)
    }

    static func version(_ number: String, partner: String = "ACME", _ version: Int, at seconds: TimeInterval = 0)
        -> OrderVersion
    {
        // An original is the order itself (the SQLite store keeps its JSON once); a change differs from the order.
        OrderVersion(
            orderNumber: number, partner: partner, version: version, kind: version == 1 ? "original" : "change",
            at: at(seconds), document: Data("doc-\(version)".utf8),
            order: Data((version == 1 ? "doc-\(version)" : "order-\(version)").utf8))
    }
}

extension GatewayStore {
    /// Saves legs in one transaction.
    func save(_ legs: [TrackedOrder]) async throws {
        try await self.track { session throws(StoreError) in
            for leg in legs { try session.save(leg) }
        }
    }

    /// Raises one alert in its own transaction.
    func raise(_ draft: AlertDraft, at date: Date) async throws -> Alert? {
        try await self.track { session throws(StoreError) in try session.raise(draft, at: date) }
    }

    /// Closes alerts in their own transaction.
    @discardableResult
    func close(_ kind: Alert.Kind, key: String, at date: Date, because reason: String = "done") async throws
        -> [Alert]
    {
        try await self.track { session throws(StoreError) in
            try session.closeAlerts(kind: kind, key: key, at: date, because: reason)
        }
    }
}
