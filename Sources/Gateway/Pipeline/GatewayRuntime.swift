import AsyncHTTPClient
import Delivery
public import Foundation
public import Logging
public import Partners
import ServiceLifecycle
import Synchronization
public import Store
import UnixSignals

/// The gateway, assembled from a configuration: workspace, store, mappings, pipeline and delivery.
///
/// `run()` is `porter run`: intake, delivery and retention services in one ServiceGroup that shuts down gracefully
/// on SIGINT/SIGTERM. `runOnce()` processes what is in the inbox and delivers until nothing is due (tests,
/// `porter run --once`).
public final class GatewayRuntime: Sendable {
    public let configuration: GatewayConfiguration
    public let workspace: Workspace
    public let store: any GatewayStore
    public let catalog: MappingsCatalog
    public let identity: GatewayIdentity
    public let clock: @Sendable () -> Date
    let httpClient: HTTPClient
    /// Rung when a commit queued messages: wakes the delivery service.
    let doorbell = Doorbell()
    /// Messages claimed by their commit for the running delivery service (``DeliveryHandoff``).
    let handoff: DeliveryHandoff
    let watching = Mutex(false)
    /// Claims of documents the listener has persisted in `work/` and is processing: the intake leaves them alone.
    let listenerClaims = ClaimsInFlight()

    /// Whether the intake service of ``run(poll:logger:)`` is watching the inbox (its watcher is set up): from then
    /// on a file closed after writing or renamed in is announced.
    public var isWatchingInbox: Bool { self.watching.withLock { $0 } }

    /// Opens the workspace (creating its folders), the store and the mappings.
    ///
    /// - Throws: ``GatewayError`` when the mappings have errors, or the workspace or store cannot be opened.
    public init(
        configuration: GatewayConfiguration, store: (any GatewayStore)? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GatewayError) {
        self.configuration = configuration
        self.identity = configuration.identity
        self.clock = clock
        self.workspace = Workspace(root: configuration.workspace)
        // Eight delivery passes' worth may wait (a few MB at most): a group commit of 64 files queues 128 or more
        // messages, two passes, so with less room every other commit's messages went to the store for a claim.
        self.handoff = DeliveryHandoff(
            capacity: 8 * max(1, configuration.delivery.concurrency) * 16, lease: configuration.delivery.leaseSeconds)
        do {
            try self.workspace.create()
        } catch {
            throw GatewayError("workspace \(configuration.workspace): \(error)")
        }
        let catalog: MappingsCatalog
        do {
            catalog = try MappingsLoader(directory: configuration.mappings).load()
        } catch {
            throw GatewayError("mappings \(configuration.mappings): \(error)")
        }
        if let problem = catalog.findings.first(where: { $0.severity == .error }) {
            throw GatewayError(
                "mappings \(configuration.mappings) have errors (run `porter mappings check \(configuration.mappings)`): \(problem)"
            )
        }
        self.catalog = catalog
        if let store {
            self.store = store
        } else {
            do {
                self.store = try GatewayRuntime.openStore(configuration)
            } catch {
                throw GatewayError("store: \(error)")
            }
        }
        // The process-wide client: its event loops are shared, and it never needs a shutdown.
        self.httpClient = HTTPClient.shared
    }

    /// The store the configuration names.
    public static func openStore(_ configuration: GatewayConfiguration) throws(StoreError) -> any GatewayStore {
        switch configuration.store {
        case .sqlite(let path):
            return try SQLiteGatewayStore(path: path)
        }
    }

    /// Stops waking the delivery service. Call once, after the last delivery.
    public func shutdown() async {
        self.doorbell.close()
    }

    var processor: FileProcessor {
        FileProcessor(
            context: FileProcessor.Context(
                workspace: self.workspace, catalog: self.catalog, store: self.store, identity: self.identity,
                clock: self.clock, handoff: self.handoff))
    }

    var dispatcher: DeliveryDispatcher {
        let settings = self.configuration.delivery
        return DeliveryDispatcher(
            store: self.store, workspace: self.workspace,
            retry: RetryPolicy(
                maxAttempts: settings.retry.maxAttempts, initialDelay: settings.retry.initialDelay,
                maxDelay: settings.retry.maxDelay, jitter: settings.retry.jitter),
            lease: settings.leaseSeconds, concurrency: settings.concurrency,
            httpClient: self.httpClient, clock: self.clock)
    }

    /// Raises overdue alerts and writes `alerts/alerts.jsonl`.
    public var alertMonitor: AlertMonitor {
        AlertMonitor(store: self.store, workspace: self.workspace, clock: self.clock)
    }

    // MARK: Start-up

    /// Clears what a killed process left half-done outside the store: temporary files of deliveries interrupted
    /// mid-write in every outbox folder (their messages are still queued and are written again). Files left in
    /// `work/` are finished by the next ``processInbox(stable:logger:)``. Call at start-up.
    @discardableResult
    public func recover(logger: Logger = Logger(label: "porter")) -> Int {
        // The outbox and its folders, walked with readdir and lstat (links not followed): Foundation's directory
        // enumerator also asked for the attributes of every delivered file on the way.
        var folders: Set<String> = []
        var pending = FileSystemCalls.status(self.workspace.outbox)?.kind == .directory ? [self.workspace.outbox] : []
        while let folder = pending.popLast() {
            folders.insert(folder)
            for entry in (try? FileSystemCalls.entries(of: folder)) ?? [] where entry.valid {
                let path = folder + "/" + entry.name
                if FileSystemCalls.status(path)?.kind == .directory { pending.append(path) }
            }
        }
        for profile in self.catalog.profiles.values {
            for exchange in profile.documents.values {
                if case .outbox(let folder)? = exchange.outbound?.channel {
                    folders.insert(folder.hasPrefix("/") ? folder : self.workspace.root + "/" + folder)
                }
            }
        }
        let removed = folders.reduce(0) { $0 + DirectoryChannel(folder: $1).removeAbandonedTemporaryFiles() }
        if removed > 0 { logger.info("removed \(removed) temporary file(s) of interrupted deliveries") }
        return removed
    }

    // MARK: One pass

    /// Finishes files left in `work/` by a previous run, then claims and processes what the inbox holds (refusing
    /// symlinks and special files). `stable` filters which files are complete (polling mode); by default every file
    /// the scan lists is taken.
    public func processInbox(
        stable: ([InboxFile]) -> [InboxFile] = { $0 },
        logger: Logger = Logger(label: "porter.intake", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async -> [FileProcessor.Result] {
        // Claims are not flushed one by one: see FileMover.synchronizesMoves.
        let mover = FileMover(workspace: self.workspace, synchronizesMoves: false)
        let scanner = InboxScanner(workspace: self.workspace)
        // Listing, refusing and claiming are file-system calls (rename, fsync): off the cooperative pool.
        let (left, scanned) = await offThePool {
            let left = Result { () throws(IntakeError) in try mover.claimedFilesInWork() }
            let scanned = Result { () throws(IntakeError) in try scanner.scan() }
            var refusals: [String] = []
            if case .success(let scan) = scanned {
                for (file, reason) in scan.refused {
                    do {
                        let path = try FileMover(workspace: mover.workspace).refuse(file, reason: reason)
                        refusals.append("refused \(file.relativeName): \(reason); moved to \(path)")
                    } catch {
                        refusals.append("cannot move refused \(file.relativeName) to error/: \(error)")
                    }
                }
            }
            return (left, scanned.map { ($0.files, refusals) })
        }
        var claimed: [ClaimedFile] = []
        switch left {
        case .success(let files): claimed = files.filter { !self.listenerClaims.holds($0.claim) }
        case .failure(let error): logger.error("cannot list work/: \(error)")
        }
        switch scanned {
        case .success(let (files, refusals)):
            for refusal in refusals { logger.warning("\(refusal)") }
            let ready = stable(files)
            let claims = await offThePool {
                ready.map { file in Result { () throws(IntakeError) in try mover.claim(file) } }
            }
            for (file, claim) in zip(ready, claims) {
                switch claim {
                case .success(let file): claimed.append(file)
                // Another worker took it, or it vanished: not ours.
                case .failure(let error): logger.debug("not claimed \(file.relativeName): \(error)")
                }
            }
        case .failure(let error):
            logger.error("cannot scan the inbox: \(error)")
        }
        var results: [FileProcessor.Result] = []
        let batchSize = max(1, self.configuration.intake.batchSize)
        let batches = stride(from: 0, to: claimed.count, by: batchSize).map {
            Array(claimed[$0..<min($0 + batchSize, claimed.count)])
        }
        let processor = self.processor
        // Pipelined: the next batch is read and planned while this one commits (an fsync), and this one's originals
        // move while the next one commits.
        var next: FileProcessor.PreparedBatch? = batches.isEmpty ? nil : await processor.prepare(batches[0])
        var position = 0
        var moving: Task<[FileProcessor.Result], Never>?
        func log(_ processed: [FileProcessor.Result]) {
            for result in processed {
                switch result.disposition {
                case .archived:
                    logger.info(
                        "\(result.originalName): archived\(result.reason.map { " (\($0))" } ?? ""), \(result.messageIDs.count) message(s) queued"
                    )
                case .failed: logger.warning("\(result.originalName): error: \(result.reason ?? "")")
                case .quarantined: logger.warning("\(result.originalName): quarantined: \(result.reason ?? "")")
                case .deferred: logger.error("\(result.originalName): left in work/: \(result.reason ?? "")")
                }
            }
            results += processed
            // A file retried alone after the batch committed (``FileProcessor/move(_:)``) may have queued messages.
            if processed.contains(where: { !$0.messageIDs.isEmpty }) { self.doorbell.ring() }
        }
        while let current = next {
            position += 1
            let following = position < batches.count ? batches[position] : nil
            async let upcoming: FileProcessor.PreparedBatch? =
                if let following { await processor.prepare(following) } else { nil }
            let committed = await processor.commit(current)
            if committed.queuedMessages { self.doorbell.ring() }
            // The store could not commit, or an original could not move (full disk): stop taking files; they wait
            // in work/ for the next pass (a prepared batch changed nothing; a committed one only has its move left).
            var stop = committed.results.contains { $0?.disposition == .deferred }
            if let moving {
                let moved = await moving.value
                log(moved)
                stop = stop || moved.contains { $0.disposition == .deferred }
            }
            moving = Task { await processor.move(committed) }
            let prepared = await upcoming
            if stop { break }
            next = prepared
        }
        if let moving { log(await moving.value) }
        return results
    }

    /// Delivers until no message is due now (messages waiting for a later retry stay queued). Returns the attempts.
    @discardableResult
    public func deliverUntilIdle() async throws(StoreError) -> Int {
        var attempts = 0
        while true {
            let made = try await self.dispatcher.deliverDue()
            if made == 0 { return attempts }
            attempts += made
        }
    }

    // MARK: Services

    /// `porter run`: every service in one group, until SIGINT or SIGTERM (graceful: work in hand finishes; a file
    /// being processed is committed or left in `work/`, never half-done). With ``GatewayConfiguration/listener``
    /// set, the cXML listener runs too; `onListening` is called once it is bound.
    public func run(
        poll: Bool, logger: Logger, onListening: @escaping @Sendable (ListenerAddress) async -> Void = { _ in }
    ) async throws {
        try await self.run(poll: poll, logger: logger, onListening: onListening, afterPersist: nil)
    }

    /// ``run(poll:logger:onListening:)`` with the listener's test-only fault injection (`PORTER_FAULT`).
    package func run(
        poll: Bool, logger: Logger, onListening: @escaping @Sendable (ListenerAddress) async -> Void,
        afterPersist: (@Sendable (ClaimedFile) -> Void)?
    ) async throws {
        self.recover(logger: logger)
        let intake = IntakeService(runtime: self, poll: poll, logger: logger)
        let delivery = DeliveryService(runtime: self, logger: logger)
        let retention = RetentionService(runtime: self, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: intake), .init(service: delivery), .init(service: retention),
            .init(service: AlertService(runtime: self, logger: logger)),
        ]
        if let settings = self.configuration.listener {
            // Last in the group: a graceful shutdown stops it first, while intake and delivery still run.
            var listener = CXMLListener(runtime: self, settings: settings, logger: logger, onListening: onListening)
            listener.afterPersist = afterPersist
            services.append(.init(service: listener))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// A gateway that cannot start.
public struct GatewayError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { self.message }
}
