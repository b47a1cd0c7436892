public import AsyncHTTPClient
public import Delivery
public import Foundation
public import Store

/// Takes due messages from the queue and delivers them through their channels, with bounded concurrency; records
/// each attempt's outcome (delivered, retry at a backed-off time, or dead letter).
///
/// At-least-once: a message is leased while it is being delivered; a worker that dies leaves the lease to expire and
/// the message is delivered again with the same file name, control numbers or payloadID.
public struct DeliveryDispatcher: Sendable {
    public var store: any GatewayStore
    public var workspace: Workspace
    public var retry: RetryPolicy
    /// How long a claimed message is reserved for its worker.
    public var lease: TimeInterval
    /// Deliveries at once.
    public var concurrency: Int
    public var httpClient: HTTPClient
    public var clock: @Sendable () -> Date

    public init(
        store: any GatewayStore, workspace: Workspace, retry: RetryPolicy = RetryPolicy(), lease: TimeInterval = 300,
        concurrency: Int = 4, httpClient: HTTPClient, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.workspace = workspace
        self.retry = retry
        self.lease = lease
        self.concurrency = max(1, concurrency)
        self.httpClient = httpClient
        self.clock = clock
    }

    /// Delivers the messages due now (up to a few batches of `concurrency`); returns how many attempts were made.
    @discardableResult
    public func deliverDue() async throws(StoreError) -> Int {
        let messages = try await self.store.claimDueMessages(
            now: self.clock(), limit: self.concurrency * 4, lease: self.lease)
        guard !messages.isEmpty else { return 0 }
        var failures: [StoreError] = []
        await withTaskGroup(of: StoreError?.self) { group in
            var iterator = messages.makeIterator()
            var running = 0
            while running < self.concurrency, let message = iterator.next() {
                group.addTask { await self.deliver(message) }
                running += 1
            }
            while let failure = await group.next() {
                if let failure { failures.append(failure) }
                if let message = iterator.next() { group.addTask { await self.deliver(message) } }
            }
        }
        if let failure = failures.first { throw failure }
        return messages.count
    }

    /// One attempt, recorded.
    private func deliver(_ message: OutboundMessage) async -> StoreError? {
        let channel = self.channel(for: message.draft.target)
        let outcome = await channel.deliver(
            OutboundDelivery(
                messageID: message.id, fileName: message.draft.fileName, payload: message.draft.payload,
                format: message.draft.format, attempt: message.attempts))
        let now = self.clock()
        do {
            switch outcome {
            case .delivered(let detail):
                try await self.store.markDelivered(
                    message.id, at: now, detail: detail,
                    track: { session, delivered throws(StoreError) in
                        try OrderTracker().delivered(delivered, at: now, session: session)
                    })
            case .retry(let reason):
                var generator = SystemRandomNumberGenerator()
                let delay = self.retry.delay(afterAttempt: message.attempts, using: &generator)
                let retryAt = delay.map { now.addingTimeInterval($0.timeInterval) }
                let text = retryAt == nil ? "\(reason) (no attempt left after \(message.attempts))" : reason
                try await self.store.markFailed(
                    message.id, at: now, reason: text, retryAt: retryAt, track: Self.deadLetterTracking(at: now))
            case .dead(let reason):
                try await self.store.markFailed(
                    message.id, at: now, reason: reason, retryAt: nil, track: Self.deadLetterTracking(at: now))
            }
        } catch {
            return error
        }
        return nil
    }

    /// Raises the dead-letter alert when an attempt leaves the message dead.
    private static func deadLetterTracking(at now: Date) -> DeliveryTracking {
        { session, message throws(StoreError) in try OrderTracker().dead(message, at: now, session: session) }
    }

    /// The channel of a target: a folder (relative paths are inside the workspace) or an HTTP endpoint.
    func channel(for target: DeliveryTarget) -> any DeliveryChannel {
        switch target {
        case .directory(let folder):
            let path = folder.hasPrefix("/") ? folder : self.workspace.root + "/" + folder
            return DirectoryChannel(folder: path)
        case .http(let url):
            return HTTPChannel(url: url, client: self.httpClient)
        }
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = self.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
