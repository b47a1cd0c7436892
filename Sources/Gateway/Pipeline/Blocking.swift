import Dispatch

/// Runs blocking work (reading and hashing files, validating them, `rename` and `fsync`) on a Dispatch thread and
/// awaits it, so it never occupies a thread of Swift's cooperative pool, which has one thread per core and is shared
/// by every service of the gateway.
func offThePool<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .utility).async { continuation.resume(returning: body()) }
    }
}
