#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an ``OutputBuffer`` sends its bytes when it is full.
protocol ByteSink: AnyObject {
    /// Writes all of `bytes`, or throws.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// An I/O failure, with the C call, the path and `errno`.
struct SystemCallError: Error, CustomStringConvertible {
    var call: String
    var path: String
    var errorNumber: Int32

    var description: String {
        "\(self.call) \(self.path): \(String(cString: strerror(self.errorNumber)))"
    }
}

/// A file (or standard output) written with `write(2)`.
final class FileDescriptorSink: ByteSink {
    private var descriptor: Int32
    private let path: String
    private let ownsDescriptor: Bool

    /// Opens `path` for writing, creating or truncating it (`open(2)`); `-` is standard output.
    init(path: String) throws {
        self.path = path
        if path == "-" {
            self.descriptor = STDOUT_FILENO
            self.ownsDescriptor = false
        } else {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw SystemCallError(call: "open", path: path, errorNumber: errno) }
            self.descriptor = descriptor
            self.ownsDescriptor = true
        }
    }

    deinit {
        if self.ownsDescriptor && self.descriptor >= 0 { _ = systemClose(self.descriptor) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(self.descriptor, next, remaining)
            if written < 0 {
                let error = errno
                if error == EINTR { continue }
                throw SystemCallError(call: "write", path: self.path, errorNumber: error)
            }
            next += written
            remaining -= written
        }
    }

    /// Closes the file (`close(2)`), reporting a late write error such as a full disk.
    func close() throws {
        guard self.ownsDescriptor && self.descriptor >= 0 else { return }
        let descriptor = self.descriptor
        self.descriptor = -1
        if systemClose(descriptor) != 0 {
            throw SystemCallError(call: "close", path: self.path, errorNumber: errno)
        }
    }
}

/// Collects everything in memory: for benchmarks that parse generated data without a file.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes)
    }
}

// The methods above are named `write` and `close`, so the C functions get file-scope aliases.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
