#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Puts a file into a folder so that its final name only ever holds complete, durable contents.
///
/// The bytes go to a temporary dot-name in the same folder (names starting with `.` are ignored by Porter's
/// watchers), are flushed with `fsync`, and the file is renamed over the final name; then the folder itself is
/// flushed so the rename survives a crash. A failure at any step removes the temporary file. Blocking: call it off
/// the cooperative pool (``DirectoryChannel`` does).
struct AtomicFileWriter {
    /// Temporary files are `.porter-<random hex>.tmp`.
    static let temporaryPrefix = ".porter-"
    static let temporarySuffix = ".tmp"

    /// The folder the file goes into; it is created, with its missing parents, when absent.
    var folder: String

    /// Writes `payload` as `fileName` in ``folder``, replacing a file of that name.
    ///
    /// - Returns: The final path.
    /// - Throws: ``FileSystemFailure`` for the step that failed.
    func write(_ payload: Data, as fileName: String) throws(FileSystemFailure) -> String {
        try Self.makeFolder(self.folder)
        let temporary = self.path(
            of: Self.temporaryPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 16) + Self.temporarySuffix)
        let final = self.path(of: fileName)
        let descriptor = try FileSystemFailure.call("create", temporary) {
            open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        var isOpen = true
        var renamed = false
        defer {
            if isOpen { close(descriptor) }
            if !renamed { unlink(temporary) }
        }
        try Self.writeAll(payload, to: descriptor, path: temporary)
        try FileSystemFailure.call("flush", temporary) { fsync(descriptor) }
        isOpen = false
        // Linux closes the descriptor even when close(2) fails, so it is never retried.
        try FileSystemFailure.call("close", temporary, retryingInterrupts: false) { close(descriptor) }
        try FileSystemFailure.call("rename \(temporary) to", final) { rename(temporary, final) }
        renamed = true
        try Self.syncFolder(self.folder)
        return final
    }

    private func path(of name: String) -> String {
        self.folder.hasSuffix("/") ? self.folder + name : self.folder + "/" + name
    }

    private static func writeAll(_ payload: Data, to descriptor: Int32, path: String) throws(FileSystemFailure) {
        let code: Int32? = payload.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                let code = errno
                if code != EINTR { return code }
            }
            return nil
        }
        if let code { throw FileSystemFailure(operation: "write", path: path, code: code) }
    }

    /// Creates `folder` and its missing parents (`mkdir -p`), flushing each parent that gains an entry.
    static func makeFolder(_ folder: String) throws(FileSystemFailure) {
        var status = stat()
        if stat(folder, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return }
            throw FileSystemFailure(operation: "use the folder", path: folder, code: ENOTDIR)
        }
        let code = errno
        guard code == ENOENT else { throw FileSystemFailure(operation: "use the folder", path: folder, code: code) }
        let parent = Self.parent(of: folder)
        if parent != folder { try self.makeFolder(parent) }
        if mkdir(folder, 0o755) != 0 {
            let code = errno
            if code == EEXIST { return }  // made by someone else meanwhile
            throw FileSystemFailure(operation: "create the folder", path: folder, code: code)
        }
        try self.syncFolder(parent)
    }

    /// Flushes a folder's entries (a rename or a new entry in it) to disk.
    static func syncFolder(_ folder: String) throws(FileSystemFailure) {
        let descriptor = try FileSystemFailure.call("open the folder", folder) {
            open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        defer { close(descriptor) }
        try FileSystemFailure.call("flush the folder", folder) { fsync(descriptor) }
    }

    /// The folder holding `path`: `.` for a bare name, `/` for a child of the root.
    private static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }
}

/// write(2), under a name the writer's own method does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
