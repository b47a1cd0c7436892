public import Foundation
public import Store

#if canImport(Glibc)
    import Glibc
#endif

/// Raises the overdue alerts whose deadlines passed, and appends every alert raise and close to
/// `alerts/alerts.jsonl` for other tools (monitoring, ticketing).
///
/// The export is at least once: lines are appended and flushed, then the store records the last sequence written.
/// A crash between the two writes those lines again on the next run; a reader drops lines whose `sequence` it has
/// seen.
public struct AlertMonitor: Sendable {
    public var store: any GatewayStore
    public var workspace: Workspace
    /// The clock (injected so tests of deadlines never sleep).
    public var clock: @Sendable () -> Date

    public init(store: any GatewayStore, workspace: Workspace, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.workspace = workspace
        self.clock = clock
    }

    /// The alerts file.
    public var alertsFile: String { self.workspace.alerts + "/alerts.jsonl" }

    /// Sweeps deadlines, then exports. Returns the overdue alerts raised and the lines written.
    @discardableResult
    public func check() async throws(AlertMonitorError) -> (raised: Int, exported: Int) {
        let raised: Int
        do {
            raised = try await self.sweepDeadlines()
        } catch {
            throw AlertMonitorError(message: "deadline sweep: \(error)")
        }
        return (raised, try await self.export())
    }

    /// Raises the 997/999 and 855 overdue alerts of every order leg whose deadline is at or before now.
    public func sweepDeadlines() async throws(StoreError) -> Int {
        let now = self.clock()
        return try await self.store.track { session throws(StoreError) in
            try OrderTracker().sweepDeadlines(now: now, session: session)
        }
    }

    /// Appends the alert events not yet exported to `alerts/alerts.jsonl`; returns how many.
    public func export() async throws(AlertMonitorError) -> Int {
        var written = 0
        do {
            var last = try await self.store.exportedAlertSequence()
            while true {
                let events = try await self.store.alertEvents(after: last, limit: 500)
                guard let final = events.last else { return written }
                var text = ""
                for event in events { text += Self.line(event) + "\n" }
                try self.append(text)
                try await self.store.setExportedAlertSequence(final.sequence)
                last = final.sequence
                written += events.count
            }
        } catch let error as AlertMonitorError {
            throw error
        } catch {
            throw AlertMonitorError(message: "alert export: \(error)")
        }
    }

    /// One line: `{"alert":{...},"at":"...","change":"raised","sequence":N}` with the evidence as an object.
    static func line(_ event: AlertEvent) -> String {
        let alert = event.alert
        var object: [String: Any] = [
            "id": alert.id, "kind": alert.kind.rawValue, "key": alert.key, "message": alert.message,
            "raisedAt": alert.raisedAt.formatted(.iso8601),
            "evidence": (try? JSONSerialization.jsonObject(with: Data(alert.evidence.utf8))) ?? alert.evidence,
        ]
        if let partner = alert.partner { object["partner"] = partner }
        if let number = alert.orderNumber { object["orderNumber"] = number }
        if let closed = alert.closedAt { object["closedAt"] = closed.formatted(.iso8601) }
        if let reason = alert.closedBecause { object["closedBecause"] = reason }
        let line: [String: Any] = [
            "sequence": event.sequence, "change": event.change.rawValue, "at": event.at.formatted(.iso8601),
            "alert": object,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func append(_ text: String) throws(AlertMonitorError) {
        try? FileManager.default.createDirectory(atPath: self.workspace.alerts, withIntermediateDirectories: true)
        let path = self.alertsFile
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AlertMonitorError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AlertMonitorError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(count)
        }
        guard fsync(descriptor) == 0 else {
            throw AlertMonitorError(message: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// The alert monitor could not sweep or export.
public struct AlertMonitorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { self.message }
}
