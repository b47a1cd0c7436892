import Synchronization

/// Names held by one part of the gateway while it works on them, so that another part leaves them alone: the claims
/// of documents the listener has persisted in `work/` and is processing (the intake skips them), and the payloadIDs
/// of requests being accepted (a second request with the same one is a conflict).
final class ClaimsInFlight: Sendable {
    private let names = Mutex<Set<String>>([])

    /// Takes `name`; `false` when it is already held.
    func take(_ name: String) -> Bool { self.names.withLock { $0.insert(name).inserted } }

    /// Gives `name` back.
    func release(_ name: String) { _ = self.names.withLock { $0.remove(name) } }

    /// Whether `name` is held.
    func holds(_ name: String) -> Bool { self.names.withLock { $0.contains(name) } }
}
