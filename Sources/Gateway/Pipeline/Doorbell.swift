import Synchronization

/// Wakes a waiting service when there is new work (a commit queued messages, inotify saw a file); rings coalesce,
/// and a ring while nobody waits is kept for the next wait.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var closed = false
        /// The one waiter, with a token so a late timeout cannot wake a later wait.
        var waiter: (token: UInt64, continuation: CheckedContinuation<Void, Never>)?
        var nextToken: UInt64 = 0
        /// A wait whose timeout fired before it started waiting.
        var expired: UInt64?
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Waits for a ring, `timeout`, or the task's cancellation, whichever comes first.
    func wait(timeout: Duration) async {
        let token = self.state.withLock { state -> UInt64? in
            if state.rung || state.closed {
                state.rung = false
                return nil
            }
            state.nextToken += 1
            return state.nextToken
        }
        guard let token else { return }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.wake(token)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = self.state.withLock { state -> Bool in
                    if state.rung || state.closed || state.expired == token || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    state.waiter = (token, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.wake(token)
        }
        timer.cancel()
    }

    /// Ends the wait with this token, if it is still the one waiting.
    private func wake(_ token: UInt64) {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter, waiter.token == token else {
                if state.nextToken == token { state.expired = token }
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Every later wait returns at once.
    func close() {
        self.state.withLock { $0.closed = true }
        self.ring()
    }
}
