public import Foundation
public import Store
import Synchronization

/// Messages claimed as they were enqueued (``GatewayStore/commit(_:claimingAt:lease:)``), waiting in memory for the
/// delivery service: a commit's messages reach their channel without a claim transaction of their own.
///
/// Only while the delivery service runs does the intake hand messages over (it opens the handoff when it starts
/// and closes it when it stops), and only while fewer than ``capacity`` wait: beyond that, new messages are queued
/// `pending` in the store as before and claimed from there. The messages are leased in the store, so a process
/// that dies with some still here leaves their leases to expire, and they are claimed and delivered again, as a
/// claimed message would be.
public final class DeliveryHandoff: Sendable {
    private struct State {
        var isOpen = false
        var messages: [OutboundMessage] = []
        var start = 0
        var count: Int { self.messages.count - self.start }
    }

    /// How many messages may wait before commits stop handing theirs over.
    public let capacity: Int
    /// How long a handed-over message is leased for (the delivery settings' lease).
    public let lease: TimeInterval
    private let state = Mutex(State())

    public init(capacity: Int, lease: TimeInterval) {
        self.capacity = max(1, capacity)
        self.lease = lease
    }

    /// Whether a commit should claim its messages for the delivery service now.
    public var wantsMessages: Bool {
        self.state.withLock { $0.isOpen && $0.count < self.capacity }
    }

    /// Hands over messages a commit claimed; false (nothing taken) when the handoff is closed, in which case the
    /// caller leaves them to their leases.
    @discardableResult
    public func put(_ messages: [OutboundMessage]) -> Bool {
        guard !messages.isEmpty else { return true }
        return self.state.withLock { state in
            guard state.isOpen else { return false }
            state.messages += messages
            return true
        }
    }

    /// Up to `limit` waiting messages, oldest first. With `now`, a message whose lease ends within `margin` of it is
    /// dropped instead (counted in the limit): its lease may run out before it is written, and a claim could then
    /// deliver it a second time; left alone, it is claimed from the store once the lease ends, as a message whose
    /// worker died. Messages wait here only when delivery is slower than intake (a slow HTTP endpoint).
    public func take(_ limit: Int, now: Date? = nil, margin: TimeInterval = 0) -> [OutboundMessage] {
        self.state.withLock { state in
            let end = min(state.messages.count, state.start + max(0, limit))
            var taken = Array(state.messages[state.start..<end])
            if let now {
                let fresh = now.addingTimeInterval(margin)
                taken.removeAll { ($0.leaseUntil ?? .distantFuture) <= fresh }
            }
            state.start = end
            if state.start == state.messages.count {
                state.messages.removeAll(keepingCapacity: true)
                state.start = 0
            } else if state.start >= 1_024 {
                state.messages.removeFirst(state.start)
                state.start = 0
            }
            return taken
        }
    }

    /// Starts accepting messages (the delivery service is running).
    func open() {
        self.state.withLock { $0.isOpen = true }
    }

    /// Stops accepting messages; returns those still waiting, for the service to deliver before it stops.
    func close() -> [OutboundMessage] {
        self.state.withLock { state in
            state.isOpen = false
            let left = Array(state.messages[state.start...])
            state.messages = []
            state.start = 0
            return left
        }
    }
}
