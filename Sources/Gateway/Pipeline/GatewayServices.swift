import Foundation
import Logging
import ServiceLifecycle

/// Watches the inbox (inotify wake-ups, rescans, or polling) and runs the pipeline on what arrives.
struct IntakeService: Service {
    let runtime: GatewayRuntime
    let poll: Bool
    let logger: Logger

    func run() async throws {
        let settings = self.runtime.configuration.intake
        let watcher = try InboxWatcher(
            workspace: self.runtime.workspace,
            pollInterval: self.poll || settings.poll ? .seconds(settings.pollIntervalSeconds) : nil,
            rescanInterval: .seconds(settings.rescanIntervalSeconds))
        defer { watcher.stop() }
        let tracker = StabilityTracker(stableFor: .seconds(settings.stableForSeconds))
        let polling = self.poll || settings.poll
        for await _ in watcher.wakeUps().cancelOnGracefulShutdown() {
            _ = await self.runtime.processInbox(
                stable: { files in polling ? tracker.stableFiles(files) : files }, logger: self.logger)
        }
    }
}

/// Delivers queued messages as they become due.
struct DeliveryService: Service {
    let runtime: GatewayRuntime
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await self.runtime.dispatcher.deliverDue() > 0 { continue }
            } catch {
                self.logger.error("delivery: \(error)")
            }
            var wait = Duration.seconds(5)
            if let due = try? await self.runtime.store.nextDueDate() {
                let seconds = max(0.01, min(5, due.timeIntervalSince(self.runtime.clock())))
                wait = .milliseconds(Int(seconds * 1000))
            }
            await self.runtime.doorbell.wait(timeout: wait)
        }
    }
}

/// Once a day: removes store history and archived files older than the retention settings.
struct RetentionService: Service {
    let runtime: GatewayRuntime
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await self.runtime.sweep(logger: self.logger)
            try? await Task.sleep(for: .seconds(86_400))
        }
    }
}

extension GatewayRuntime {
    /// Deletes store history older than `historyDays` and archive files older than `archiveDays`.
    func sweep(logger: Logger) async {
        let retention = self.configuration.retention
        let now = self.clock()
        do {
            let removed = try await self.store.sweep(before: now.addingTimeInterval(-Double(retention.historyDays) * 86_400))
            if removed > 0 { logger.info("retention: \(removed) store rows older than \(retention.historyDays) days removed") }
        } catch {
            logger.error("retention: \(error)")
        }
        let cutoff = now.addingTimeInterval(-Double(retention.archiveDays) * 86_400)
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: self.workspace.archive) else { return }
        var removed = 0
        while let name = enumerator.nextObject() as? String {
            let path = self.workspace.archive + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date, modified < cutoff
            else { continue }
            if (try? manager.removeItem(atPath: path)) != nil { removed += 1 }
        }
        if removed > 0 { logger.info("retention: \(removed) archived files older than \(retention.archiveDays) days removed") }
    }
}
