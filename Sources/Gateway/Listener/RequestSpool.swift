@preconcurrency import Glibc
import Hummingbird

/// A request body being written to a hidden temporary file in `work/` (`.http-<claim>.part`): chunks are appended as
/// they arrive, so a body is never held whole in memory; once checked, the file is flushed and renamed to its claimed
/// name in one step.
///
/// Blocking calls: run them off the cooperative pool. A temporary file a killed process left behind is removed when
/// the listener starts (``removeAbandoned(in:)``); its name is never taken for a claimed file.
struct RequestSpool: Sendable {
    /// The temporary file.
    let path: String
    private let descriptor: Int32

    static let prefix = ".http-"
    static let suffix = ".part"

    /// Creates the temporary file for `claim` in `folder`.
    static func create(in folder: String, claim: String) throws(IntakeError) -> RequestSpool {
        let path = folder + "/" + Self.prefix + claim + Self.suffix
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemCalls.failure(errno, "cannot create the file", path) }
        return RequestSpool(path: path, descriptor: descriptor)
    }

    /// Appends `buffer`'s readable bytes.
    func write(_ buffer: ByteBuffer) throws(IntakeError) {
        let failure: Int32? = buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(self.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    return code
                }
                offset += written
            }
            return nil
        }
        if let failure { throw FileSystemCalls.failure(failure, "cannot write the file", self.path) }
    }

    /// Flushes the file to disk and closes it.
    func finish() throws(IntakeError) {
        defer { close(self.descriptor) }
        guard fsync(self.descriptor) == 0 else {
            throw FileSystemCalls.failure(errno, "cannot flush the file", self.path)
        }
    }

    /// Closes (when still open) and removes the file: the request was refused.
    func discard(closing: Bool) {
        if closing { close(self.descriptor) }
        unlink(self.path)
    }

    /// Renames the finished file to `destination`, which must not exist, and flushes the folder, so the name
    /// survives a crash.
    func persist(as destination: String, folder: String) throws(IntakeError) {
        guard try FileSystemCalls.renameWithoutReplacing(self.path, destination) else {
            throw IntakeError(.io, "the claimed name is taken already", path: destination)
        }
        try FileSystemCalls.synchronizeFolder(folder)
    }

    /// Removes the temporary files of requests a killed process was receiving; returns how many.
    static func removeAbandoned(in folder: String) -> Int {
        guard let entries = try? FileSystemCalls.entries(of: folder) else { return 0 }
        var removed = 0
        for entry in entries where entry.valid && entry.name.hasPrefix(Self.prefix) && entry.name.hasSuffix(Self.suffix)
        {
            if unlink(folder + "/" + entry.name) == 0 { removed += 1 }
        }
        return removed
    }
}
