#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CFileSync
import Foundation

/// Puts files into folders so that a final name only ever holds complete, durable contents.
///
/// The bytes go to a temporary dot-name in the same folder (names starting with `.` are ignored by Porter's
/// watchers), are flushed with `fsync`, and the file is renamed over the final name; then the folder itself is
/// flushed so the rename survives a crash. A failure at any step removes the temporary file. Blocking: call it off
/// the cooperative pool (``DirectoryChannel`` does).
///
/// Several files are written together in phases (``write(_:)``): every file is written and its write-back started,
/// then each is `fsync`ed, then all are renamed, then each folder is `fsync`ed once. On ext4 the first `fsync` then
/// commits the journal for the whole batch, and the others find their blocks already on disk; one folder flush
/// covers every rename into it. Each file still gets its own `fsync` before its rename, so the guarantee is the same
/// as writing them one by one.
enum AtomicFileWriter {
    /// Temporary files are `.porter-<random hex>.tmp`.
    static let temporaryPrefix = ".porter-"
    static let temporarySuffix = ".tmp"

    /// One file to put: `payload` as `fileName` in `folder` (created, with its missing parents, when absent).
    struct Item {
        var folder: String
        var fileName: String
        var payload: Data
    }

    /// Writes every item, each replacing a file of its name; a failure of one leaves the others whole.
    ///
    /// - Returns: For each item, in order, its final path or the failure of the step that stopped it (a folder
    ///   whose flush failed fails every item renamed into it: their renames may not survive a crash).
    static func write(_ items: [Item]) -> [Result<String, FileSystemFailure>] {
        var pending = items.map { Pending(item: $0) }
        var made = FolderSteps(Self.makeFolder)
        var flushed = FolderSteps(Self.syncFolder)
        // 1. Create, write and start the write-back of every file.
        for index in pending.indices {
            if let failure = made.failure(for: pending[index].item.folder) {
                pending[index].failure = failure
            } else {
                pending[index].create()
            }
        }
        // 2. Flush each file; 3. rename it over its final name.
        for index in pending.indices where pending[index].failure == nil { pending[index].flush() }
        for index in pending.indices where pending[index].failure == nil { pending[index].rename() }
        // 4. Flush each folder that gained a name, once.
        for index in pending.indices where pending[index].renamed {
            if let failure = flushed.failure(for: pending[index].item.folder) { pending[index].failure = failure }
        }
        return pending.map { entry in
            if let failure = entry.failure { return .failure(failure) }
            return .success(entry.finalPath)
        }
    }

    /// A step done once per folder of a batch (making it, flushing it), remembering how it went.
    private struct FolderSteps {
        let step: (String) throws(FileSystemFailure) -> Void
        var outcomes: [String: FileSystemFailure?] = [:]

        init(_ step: @escaping (String) throws(FileSystemFailure) -> Void) { self.step = step }

        /// Runs the step on `folder` the first time it is asked; its failure, if it failed.
        mutating func failure(for folder: String) -> FileSystemFailure? {
            if let outcome = self.outcomes[folder] { return outcome }
            var failure: FileSystemFailure?
            do throws(FileSystemFailure) { try self.step(folder) } catch { failure = error }
            self.outcomes[folder] = failure
            return failure
        }
    }

    /// One file on its way: its temporary file, open until flushed.
    private struct Pending {
        var item: Item
        var temporary = ""
        var descriptor: Int32 = -1
        var renamed = false
        var failure: FileSystemFailure?

        init(item: Item) { self.item = item }

        var finalPath: String { AtomicFileWriter.path(of: self.item.fileName, in: self.item.folder) }

        mutating func create() {
            self.temporary = AtomicFileWriter.path(
                of: AtomicFileWriter.temporaryPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 16)
                    + AtomicFileWriter.temporarySuffix, in: self.item.folder)
            let temporary = self.temporary
            do throws(FileSystemFailure) {
                self.descriptor = try FileSystemFailure.call("create", temporary) {
                    open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                }
                try AtomicFileWriter.writeAll(self.item.payload, to: self.descriptor, path: temporary)
                // A hint: the fsync below is what makes the file durable.
                _ = porter_start_writeback(self.descriptor)
            } catch {
                self.abandon(error)
            }
        }

        mutating func flush() {
            let (descriptor, temporary) = (self.descriptor, self.temporary)
            do throws(FileSystemFailure) {
                try FileSystemFailure.call("flush", temporary) { fsync(descriptor) }
                self.descriptor = -1
                // Linux closes the descriptor even when close(2) fails, so it is never retried.
                try FileSystemFailure.call("close", temporary, retryingInterrupts: false) { close(descriptor) }
            } catch {
                self.abandon(error)
            }
        }

        mutating func rename() {
            let (temporary, final) = (self.temporary, self.finalPath)
            do throws(FileSystemFailure) {
                try FileSystemFailure.call("rename \(temporary) to", final) { systemRename(temporary, final) }
                self.renamed = true
            } catch {
                self.abandon(error)
            }
        }

        /// Records the failure, closes the descriptor and removes the temporary file.
        private mutating func abandon(_ failure: FileSystemFailure) {
            self.failure = failure
            if self.descriptor >= 0 { close(self.descriptor) }
            self.descriptor = -1
            if !self.temporary.isEmpty { unlink(self.temporary) }
        }
    }

    static func path(of name: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
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

/// rename(2), likewise.
private func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
