#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system call that failed, with the `errno` it set.
struct FileSystemFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done, as a verb phrase: `create`, `write`, `rename … to`.
    var operation: String
    /// The path it was done to.
    var path: String
    /// The `errno` value.
    var code: Int32

    /// `cannot write /out/.porter-1f.tmp: No space left on device (errno 28)`.
    var description: String {
        "cannot \(self.operation) \(self.path): \(String(cString: strerror(self.code))) (errno \(self.code))"
    }

    /// Runs a system call that returns -1 on failure and throws its `errno` at once, before other code can change
    /// it (the reason NIO's syscall wrappers are `@inline(never)`).
    @inline(never)
    @discardableResult
    static func call(
        _ operation: String, _ path: String, retryingInterrupts: Bool = true, _ body: () -> Int32
    ) throws(FileSystemFailure) -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR && retryingInterrupts { continue }
            throw FileSystemFailure(operation: operation, path: path, code: code)
        }
    }
}
