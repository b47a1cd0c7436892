#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a writer's bytes go.
public protocol ByteSink {
    /// Writes all of `bytes`.
    ///
    /// - Throws: ``X12Error`` with code `.io`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(X12Error)
}

/// A sink that collects the bytes in memory.
///
/// A class, so the caller keeps a reference to read the bytes after a writer has used it.
public final class MemoryByteSink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(X12Error) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The bytes decoded as UTF-8.
    public var string: String { String(decoding: self.bytes, as: UTF8.self) }
}

/// A sink that writes to a file descriptor with write(2), retrying interrupted and short
/// writes.
public final class FileByteSink: ByteSink {
    private let descriptor: Int32
    private let closeOnDeinit: Bool
    private let name: String

    /// Creates (or truncates) a file.
    public init(path: String, permissions: UInt32 = 0o644) throws(X12Error) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(permissions))
        if descriptor < 0 {
            let code = errno
            throw X12Error(.io, "\(path): \(String(cString: strerror(code)))")
        }
        self.descriptor = descriptor
        self.closeOnDeinit = true
        self.name = path
    }

    /// Writes to an open descriptor, such as standard output (1).
    public init(fileDescriptor: Int32, closeOnDeinit: Bool = false, name: String = "-") {
        self.descriptor = fileDescriptor
        self.closeOnDeinit = closeOnDeinit
        self.name = name
    }

    /// Standard output.
    public static func standardOutput() -> FileByteSink { FileByteSink(fileDescriptor: 1, name: "standard output") }

    deinit {
        if self.closeOnDeinit { close(self.descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(X12Error) {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(self.descriptor, pointer, remaining)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw X12Error(.io, "\(self.name): \(String(cString: strerror(code)))")
            }
            pointer += written
            remaining -= written
        }
    }

    /// Flushes the file's data to storage (fsync(2)).
    public func synchronize() throws(X12Error) {
        if fsync(self.descriptor) != 0 {
            let code = errno
            throw X12Error(.io, "\(self.name): \(String(cString: strerror(code)))")
        }
    }
}
