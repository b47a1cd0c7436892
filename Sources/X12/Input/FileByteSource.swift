import Glibc

/// A byte source that reads a file descriptor with `read(2)`.
///
/// The source either owns its descriptor (``init(path:)``, or
/// ``init(fileDescriptor:closeOnDeinit:)`` with `closeOnDeinit: true`) and closes it when
/// it is released, or borrows one that stays open (``standardInput()``). Each call to
/// ``read(into:)`` is one `read(2)` (retried after `EINTR`), so memory stays constant
/// whatever the size of the file.
///
/// A `FileByteSource` is deliberately not `Sendable`: it stands for a file position that
/// one reader moves forward.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let closeOnDeinit: Bool
    /// How errors name the input: the path, or a description of the descriptor.
    private let name: String

    /// Opens the file at `path` for reading; the source closes it when released.
    ///
    /// Calls `open(2)` with `O_RDONLY | O_CLOEXEC`, then `fstat(2)` to refuse a directory
    /// at once rather than at the first read.
    ///
    /// - Parameter path: The file to read.
    /// - Throws: ``X12Error`` with code `.io` if the file cannot be opened or is a
    ///   directory; the message names `path` and the reason.
    public init(path: String) throws(X12Error) {
        let descriptor: Int32
        do {
            descriptor = try retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        } catch {
            throw X12Error(.io, "\(path): \(error)")
        }
        var status = stat()
        do {
            _ = try retryingInterrupts { fstat(descriptor, &status) }
        } catch {
            close(descriptor)
            throw X12Error(.io, "\(path): \(error)")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw X12Error(.io, "\(path): is a directory, not a file")
        }
        self.descriptor = descriptor
        self.closeOnDeinit = true
        self.name = path
    }

    /// Reads from a file descriptor that is already open.
    ///
    /// - Parameters:
    ///   - fileDescriptor: An open descriptor, readable with `read(2)`.
    ///   - closeOnDeinit: Whether the source owns `fileDescriptor` and closes it when
    ///     released.
    public init(fileDescriptor: Int32, closeOnDeinit: Bool) {
        self.descriptor = fileDescriptor
        self.closeOnDeinit = closeOnDeinit
        self.name = fileDescriptor == STDIN_FILENO ? "standard input" : "file descriptor \(fileDescriptor)"
    }

    /// Returns a source that reads the process's standard input (descriptor 0).
    ///
    /// The descriptor is borrowed: releasing the source does not close it.
    public static func standardInput() -> FileByteSource {
        FileByteSource(fileDescriptor: STDIN_FILENO, closeOnDeinit: false)
    }

    deinit {
        // A failed close(2) of a descriptor opened read-only loses no data; there is
        // nobody to report it to, and retrying after EINTR is wrong on Linux.
        if self.closeOnDeinit { close(self.descriptor) }
    }

    /// Reads up to `buffer.count` bytes with one `read(2)`.
    ///
    /// - Parameter buffer: Where to put the bytes; never empty.
    /// - Returns: The number of bytes read, `0` at the end of the file.
    /// - Throws: ``X12Error`` with code `.io`, naming the input and the reason.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        do {
            return try retryingInterrupts { Glibc.read(self.descriptor, buffer.baseAddress, buffer.count) }
        } catch {
            throw X12Error(.io, "\(self.name): \(error)")
        }
    }
}

/// The `errno` of a failed system call, captured before any other code could change it.
private struct SystemCallError: Error, CustomStringConvertible {
    let code: Int32

    /// The system's sentence for the error, from `strerror(3)`.
    var description: String { String(cString: strerror(self.code)) }
}

/// Calls `body` until it returns something other than `-1` or fails with an error other
/// than `EINTR`.
///
/// `errno` is read immediately after the failing call, before any other Swift code (and
/// its ARC traffic) could overwrite it; hence `@inline(never)`, as in NIO's `System.swift`.
///
/// - Parameter body: The system call, returning `-1` and setting `errno` on failure.
/// - Returns: What `body` returned.
/// - Throws: The `errno` of the failure.
@inline(never)
private func retryingInterrupts<Result: FixedWidthInteger>(
    _ body: () -> Result
) throws(SystemCallError) -> Result {
    while true {
        let result = body()
        guard result == -1 else { return result }
        let code = errno
        if code == EINTR { continue }
        throw SystemCallError(code: code)
    }
}
