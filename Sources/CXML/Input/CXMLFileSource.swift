#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte source that reads a file descriptor with `read(2)`.
///
/// The source either owns its descriptor (``init(path:)``, or
/// ``init(fileDescriptor:closeOnDeinit:)`` with `closeOnDeinit: true`) and closes it when
/// released, or borrows one that stays open. Each read is one `read(2)`, retried after
/// `EINTR`.
///
/// Deliberately not `Sendable`: it stands for a file position that one reader moves forward.
public final class CXMLFileSource: CXMLByteSource {
    private let descriptor: Int32
    private let closeOnDeinit: Bool
    /// How errors name the input: the path, or a description of the descriptor.
    private let name: String
    /// The size of a regular file opened by path, or `nil` (a descriptor may be a pipe, or
    /// positioned past its start).
    public let byteCount: Int?

    /// Opens the file at `path` for reading (`open(2)` with `O_RDONLY | O_CLOEXEC`).
    ///
    /// - Parameter path: The file to read.
    /// - Throws: ``CXMLError`` with code `.io`, naming `path` and the reason, when the file
    ///   cannot be opened or is a directory.
    public init(path: String) throws(CXMLError) {
        let descriptor = try Self.check(path) { open(path, O_RDONLY | O_CLOEXEC) }
        var status = stat()
        do {
            _ = try Self.check(path) { fstat(descriptor, &status) }
        } catch {
            close(descriptor)
            throw error
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw CXMLError(.io, "\(path): is a directory, not a file")
        }
        self.descriptor = descriptor
        self.closeOnDeinit = true
        self.name = path
        self.byteCount = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }

    /// Reads from a descriptor that is already open.
    ///
    /// - Parameters:
    ///   - fileDescriptor: An open descriptor, readable with `read(2)`.
    ///   - closeOnDeinit: Whether the source owns `fileDescriptor` and closes it when released.
    public init(fileDescriptor: Int32, closeOnDeinit: Bool) {
        self.descriptor = fileDescriptor
        self.closeOnDeinit = closeOnDeinit
        self.name = "file descriptor \(fileDescriptor)"
        self.byteCount = nil
    }

    deinit {
        // A failed close(2) of a descriptor read from loses no data, and there is nobody to tell.
        if self.closeOnDeinit { close(self.descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CXMLError) -> Int {
        try Self.check(self.name) { systemRead(self.descriptor, buffer.baseAddress, buffer.count) }
    }

    /// Calls `body` until it succeeds or fails with an error other than `EINTR`.
    ///
    /// `errno` is read right after the failing call, before other code can change it; hence
    /// `@inline(never)`, as in NIO's `System.swift`.
    @inline(never)
    private static func check<Result: FixedWidthInteger>(
        _ name: String, _ body: () -> Result
    ) throws(CXMLError) -> Result {
        while true {
            let result = body()
            guard result == -1 else { return result }
            let code = errno
            if code == EINTR { continue }
            throw CXMLError(.io, "\(name): \(String(cString: strerror(code)))")
        }
    }
}

/// `read(2)`, named apart from ``CXMLFileSource/read(into:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}
