public import Foundation
public import Store

/// Closing alerts by hand (`porter alerts close`): for exceptions no document will close — a duplicate looked at, a
/// control-number gap the partner explained, a hold resolved another way.
public enum AlertClosing {
    /// Closes the open alerts with these ids, recording `reason` and `at`; returns the alerts closed. Ids of alerts
    /// that are closed already or unknown are returned in `notOpen`.
    public static func close(
        ids: [Int64], because reason: String, at: Date, store: any GatewayStore
    ) async throws(StoreError) -> (closed: [Alert], notOpen: [Int64]) {
        let open = try await store.alerts(openOnly: true, limit: Int.max)
        let wanted = Set(ids)
        let targets = open.filter { wanted.contains($0.id) }
        let found = Set(targets.map(\.id))
        let closed = try await store.track { session throws(StoreError) in
            var closed: [Alert] = []
            for alert in targets {
                closed += try session.closeAlerts(kind: alert.kind, key: alert.key, at: at, because: reason)
            }
            return closed
        }
        return (closed, ids.filter { !found.contains($0) })
    }
}
