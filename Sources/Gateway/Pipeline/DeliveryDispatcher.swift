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

    /// Delivers the messages due now (up to `concurrency * 16`); returns how many attempts were made.
    ///
    /// Messages for folders are written together (``DirectoryChannel/deliver(_:)``: one flush for the batch) and their
    /// outcomes recorded together, in one store transaction, as soon as they are written. HTTP posts run
    /// `concurrency` at a time alongside, each recorded as it completes, so a slow endpoint holds up neither the
    /// folder deliveries nor the other posts. A crash between a delivery and its record leaves the message leased,
    /// and it is delivered again, under the same name and control numbers, once the lease expires: at least once.
    @discardableResult
    public func deliverDue() async throws(StoreError) -> Int {
        let messages = try await self.claimDue()
        try await self.deliver(messages)
        return messages.count
    }

    /// How many messages one delivery pass takes: `concurrency * 16`.
    public var passSize: Int { self.concurrency * 16 }

    /// Claims the messages due now (up to ``passSize``), leased for ``lease``.
    public func claimDue() async throws(StoreError) -> [OutboundMessage] {
        try await self.store.claimDueMessages(now: self.clock(), limit: self.passSize, lease: self.lease)
    }

    /// Delivers claimed messages and records their outcomes (``deliverDue()`` without the claim); throws the first
    /// failure to record.
    public func deliver(_ messages: [OutboundMessage]) async throws(StoreError) {
        guard !messages.isEmpty else { return }
        var files: [(folder: String, message: OutboundMessage)] = []
        var posts: [(url: String, message: OutboundMessage)] = []
        for message in messages {
            switch message.draft.target {
            case .directory(let folder): files.append((self.folderPath(folder), message))
            case .http(let url): posts.append((url, message))
            }
        }
        async let fileFailure = self.write(files)
        let postFailure = await self.post(posts)
        if let failure = await fileFailure ?? postFailure { throw failure }
    }

    /// Writes the folder deliveries as one batch and records their outcomes in one transaction; the first failure
    /// to record, if any.
    private func write(_ files: [(folder: String, message: OutboundMessage)]) async -> StoreError? {
        guard !files.isEmpty else { return nil }
        let written = await DirectoryChannel.deliver(files.map { ($0.folder, Self.delivery(of: $0.message)) })
        return await self.record(zip(files, written).map { self.outcome($1, of: $0.message) })
    }

    /// Posts `concurrency` at a time, recording each outcome as it comes; the first failure to record, if any.
    private func post(_ posts: [(url: String, message: OutboundMessage)]) async -> StoreError? {
        await withTaskGroup(of: StoreError?.self) { group in
            var iterator = posts.makeIterator()
            var running = 0
            while running < self.concurrency, let (url, message) = iterator.next() {
                group.addTask { await self.record([await self.post(message, to: url)]) }
                running += 1
            }
            var failure: StoreError?
            while let result = await group.next() {
                failure = failure ?? result
                if let (url, message) = iterator.next() {
                    group.addTask { await self.record([await self.post(message, to: url)]) }
                }
            }
            return failure
        }
    }

    /// Records outcomes in one transaction; the first failure, if any.
    private func record(_ outcomes: [AttemptOutcome]) async -> StoreError? {
        do {
            return try await self.store.record(outcomes).lazy.compactMap { $0 }.first
        } catch {
            return error
        }
    }

    private func post(_ message: OutboundMessage, to url: String) async -> AttemptOutcome {
        let channel = HTTPChannel(url: url, client: self.httpClient)
        return self.outcome(await channel.deliver(Self.delivery(of: message)), of: message)
    }

    private static func delivery(of message: OutboundMessage) -> OutboundDelivery {
        OutboundDelivery(
            messageID: message.id, fileName: message.draft.fileName, payload: message.draft.payload,
            format: message.draft.format, attempt: message.attempts)
    }

    /// What to record of one attempt.
    private func outcome(_ outcome: DeliveryOutcome, of message: OutboundMessage) -> AttemptOutcome {
        let now = self.clock()
        switch outcome {
        case .delivered(let detail):
            return AttemptOutcome(
                messageID: message.id, at: now, result: .delivered(detail: detail),
                track: { session, delivered throws(StoreError) in
                    try OrderTracker().delivered(delivered, at: now, session: session)
                })
        case .retry(let reason):
            var generator = SystemRandomNumberGenerator()
            let delay = self.retry.delay(afterAttempt: message.attempts, using: &generator)
            let retryAt = delay.map { now.addingTimeInterval($0.timeInterval) }
            let text = retryAt == nil ? "\(reason) (no attempt left after \(message.attempts))" : reason
            return AttemptOutcome(
                messageID: message.id, at: now, result: .failed(reason: text, retryAt: retryAt),
                track: Self.deadLetterTracking(at: now))
        case .dead(let reason):
            return AttemptOutcome(
                messageID: message.id, at: now, result: .failed(reason: reason, retryAt: nil),
                track: Self.deadLetterTracking(at: now))
        }
    }

    /// Raises the dead-letter alert when an attempt leaves the message dead.
    private static func deadLetterTracking(at now: Date) -> DeliveryTracking {
        { session, message throws(StoreError) in try OrderTracker().dead(message, at: now, session: session) }
    }

    /// A directory target's path: relative paths are inside the workspace.
    private func folderPath(_ folder: String) -> String {
        folder.hasPrefix("/") ? folder : self.workspace.root + "/" + folder
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = self.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
