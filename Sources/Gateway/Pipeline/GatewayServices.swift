import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Store

/// Watches the inbox (inotify wake-ups and periodic rescans, or polling) and runs the pipeline on complete files.
///
/// A file inotify announced (closed after writing, or moved in) is taken at once; any other file a scan finds
/// (polling mode, files present at start-up, events lost in an overflow) is taken once its size and modification
/// time have stayed the same for `stableFor`.
struct IntakeService: Service {
    let runtime: GatewayRuntime
    let poll: Bool
    let logger: Logger

    func run() async throws {
        let settings = self.runtime.configuration.intake
        let polling = self.poll || settings.poll
        let watcher = try InboxWatcher(
            workspace: self.runtime.workspace, pollInterval: polling ? settings.pollInterval : nil,
            rescanInterval: settings.rescanInterval)
        self.runtime.watching.withLock { $0 = true }
        defer {
            watcher.stop()
            self.runtime.watching.withLock { $0 = false }
        }
        let bell = Doorbell()
        let forwarder = Task {
            for await _ in watcher.wakeUps() { bell.ring() }
            bell.close()
        }
        defer { forwarder.cancel() }
        var tracker = StabilityTracker(stableFor: settings.stableFor)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            _ = await self.runtime.processInbox(
                stable: { files in
                    tracker.announce(watcher.takeAnnouncedFiles())
                    return tracker.ready(from: files, at: .now)
                }, logger: self.logger)
            var wait = polling ? settings.pollInterval : settings.rescanInterval
            if let next = tracker.nextCheck {
                wait = min(wait, max(.milliseconds(10), ContinuousClock.now.duration(to: next)))
            }
            await bell.waitUnlessShuttingDown(timeout: wait)
        }
    }
}

/// Delivers queued messages as they become due.
///
/// A pass takes the messages new commits handed over (``DeliveryHandoff``: claimed in the commit's own
/// transaction); when none wait, and at least once a second, it claims due messages from the store (retries,
/// messages queued while the handoff was full, leases that expired). Two batches at most are in hand: while one is
/// written and its outcomes recorded, the next is taken and written, so the store's writer and the file system work
/// side by side instead of in turn.
struct DeliveryService: Service {
    let runtime: GatewayRuntime
    let logger: Logger

    func run() async throws {
        let dispatcher = self.runtime.dispatcher
        let handoff = self.runtime.handoff
        var delivering: Task<StoreError?, Never>?
        func finish(_ task: Task<StoreError?, Never>?) async {
            if let error = await task?.value { self.logger.error("delivery: \(error)") }
        }
        handoff.open()
        var nextClaim = ContinuousClock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // A message whose lease is nearly over is left to a claim (see DeliveryHandoff.take).
            var messages = handoff.take(
                dispatcher.passSize, now: self.runtime.clock(), margin: min(60, dispatcher.lease / 2))
            if messages.isEmpty || ContinuousClock.now >= nextClaim {
                nextClaim = ContinuousClock.now + .seconds(1)
                do {
                    messages += try await dispatcher.claimDue()
                } catch {
                    // The messages taken from the handoff are still delivered.
                    self.logger.error("delivery: \(error)")
                }
            }
            if !messages.isEmpty {
                let previous = delivering
                delivering = Task { () -> StoreError? in
                    do throws(StoreError) {
                        try await dispatcher.deliver(messages)
                        return nil
                    } catch {
                        return error
                    }
                }
                await finish(previous)
                continue
            }
            // Nothing due now: the batch in hand finishes before waiting (its outcomes may make messages due).
            if delivering != nil {
                await finish(delivering)
                delivering = nil
                continue
            }
            var wait = Duration.seconds(5)
            if let due = try? await self.runtime.store.nextDueDate() {
                let seconds = max(0.01, min(5, due.timeIntervalSince(self.runtime.clock())))
                wait = .milliseconds(Int(seconds * 1000))
            }
            await self.runtime.doorbell.waitUnlessShuttingDown(timeout: wait)
        }
        // A graceful shutdown lets the batch in hand finish: written and recorded, never cut short; so are the
        // messages handed over and not yet taken (at most the handoff's capacity and one commit's).
        await finish(delivering)
        let left = handoff.close()
        if !left.isEmpty {
            do {
                try await dispatcher.deliver(left)
            } catch {
                self.logger.error("delivery: \(error)")
            }
        }
    }
}

extension Doorbell {
    /// Waits like ``wait(timeout:)``, but a graceful shutdown rings the bell, so the wait ends at once.
    func waitUnlessShuttingDown(timeout: Duration) async {
        await withGracefulShutdownHandler {
            await self.wait(timeout: timeout)
        } onGracefulShutdown: {
            self.ring()
        }
    }
}

/// Every minute: raises overdue-acknowledgment alerts and appends alert changes to `alerts/alerts.jsonl`.
struct AlertService: Service {
    let runtime: GatewayRuntime
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let (raised, _) = try await self.runtime.alertMonitor.check()
                if raised > 0 { self.logger.warning("\(raised) acknowledgment(s) overdue: see `porter alerts --open`") }
            } catch {
                self.logger.error("alerts: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(60)) }
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
            // A graceful shutdown ends the day's wait at once (the group waits for this service to return).
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(86_400)) }
        }
    }
}

extension GatewayRuntime {
    /// Deletes store history older than `historyDays` and archive files older than `archiveDays`.
    func sweep(logger: Logger) async {
        let retention = self.configuration.retention
        let now = self.clock()
        do {
            let removed = try await self.store.sweep(
                before: now.addingTimeInterval(-Double(retention.historyDays) * 86_400))
            if removed > 0 {
                logger.info("retention: \(removed) store rows older than \(retention.historyDays) days removed")
            }
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
        if removed > 0 {
            logger.info("retention: \(removed) archived files older than \(retention.archiveDays) days removed")
        }
    }
}
