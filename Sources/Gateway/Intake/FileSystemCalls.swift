import Foundation
@preconcurrency import Glibc

// `struct stat` is also declared through CDispatch (its umbrella header includes <sys/stat.h>). Once files of this
// module import Hummingbird (and so NIO and Dispatch), the compiler may name CDispatch as the defining module of
// `stat`'s members, which MemberImportVisibility then requires to be imported here.
#if canImport(CDispatch)
    internal import CDispatch
#endif
import X12

/// The system calls intake is built on, each turning `errno` into an ``IntakeError`` right after the call.
enum FileSystemCalls {
    /// What a directory entry is, from `lstat` (links are not followed).
    enum Kind: Equatable {
        case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, unknown
    }

    struct Status: Equatable {
        var kind: Kind
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    /// `lstat(2)`; `nil` when the entry does not exist (or cannot be seen).
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .unknown
        }
        return Status(
            kind: kind, size: Int64(info.st_size), modifiedSeconds: info.st_mtim.tv_sec,
            modifiedNanoseconds: info.st_mtim.tv_nsec)
    }

    /// What ``readSmallFile(_:limit:)`` found.
    enum SmallFile {
        /// The whole content.
        case bytes([UInt8])
        /// Larger than the limit (nothing read).
        case tooLarge
    }

    /// Reads a whole regular file of at most `limit` bytes with `open`, `fstat` and (usually) one `read`, straight
    /// into the array returned: no `lstat` first, no `Data` or `URL`, no copy. Reads the size `fstat` gave (a claimed
    /// file in `work/` no longer changes), stopping early at the end of the file. A symbolic link is not followed and
    /// a FIFO does not block the open (`O_NOFOLLOW`, `O_NONBLOCK`): either is refused as not a regular file.
    static func readSmallFile(_ path: String, limit: Int) throws(IntakeError) -> SmallFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw self.failure(errno, "cannot open it", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw self.failure(errno, "cannot read it", path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw IntakeError(.io, "not a regular file", path: path) }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge }
        var code: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    code = errno
                    return
                }
            }
        }
        guard code == 0 else { throw self.failure(code, "cannot read it", path) }
        return .bytes(bytes)
    }

    /// The names in `folder` (without `.` and `..`), each with whether it is valid UTF-8 (an invalid one is given
    /// with replacement characters and cannot be opened by that name).
    static func entries(of folder: String) throws(IntakeError) -> [(name: String, valid: Bool)] {
        guard let stream = opendir(folder) else { throw self.failure(errno, "cannot list the folder", folder) }
        defer { closedir(stream) }
        var names: [(name: String, valid: Bool)] = []
        while let entry = readdir(stream) {
            // The name is read where it lies, up to its NUL: a record is only as long as its name (`d_reclen`), so
            // copying the declared 256-byte `d_name` read past the last record of glibc's buffer (AddressSanitizer:
            // heap-buffer-overflow; a SIGSEGV once in a crash test when that buffer ended a mapping).
            let start = UnsafeRawPointer(entry) + Self.nameOffset
            let bytes = UnsafeRawBufferPointer(start: start, count: strlen(start.assumingMemoryBound(to: CChar.self)))
            let valid = String(validating: bytes, as: UTF8.self)
            let name = valid ?? String(decoding: bytes, as: UTF8.self)
            if name != "." && name != ".." { names.append((name, valid != nil)) }
        }
        return names
    }

    /// Where `d_name` starts in a `dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// `rename(2)` that never replaces an existing entry: `false` when `destination` exists.
    ///
    /// Uses `renameat2(RENAME_NOREPLACE)` where the kernel and file system have it; otherwise `link` + `unlink`
    /// (atomic refusal too, for files and symbolic links); on a file system with neither, a check then `rename`.
    static func renameWithoutReplacing(_ source: String, _ destination: String) throws(IntakeError) -> Bool {
        if let renameat2 = Self.renameat2 {
            if renameat2(AT_FDCWD, source, AT_FDCWD, destination, 1 /* RENAME_NOREPLACE */) == 0 { return true }
            let code = errno
            if code == EEXIST { return false }
            if code != EINVAL && code != ENOSYS { throw self.failure(code, "cannot move it to \(destination)", source) }
        }
        if link(source, destination) == 0 {
            guard unlink(source) == 0 else {
                let code = errno
                unlink(destination)
                throw self.failure(code, "cannot move it to \(destination)", source)
            }
            return true
        }
        let code = errno
        if code == EEXIST { return false }
        if code == ENOENT { throw self.failure(code, "cannot move it to \(destination)", source) }
        // No hard links here (some network shares): the destination is checked, then renamed onto.
        if Self.status(destination) != nil { return false }
        guard rename(source, destination) == 0 else {
            throw self.failure(errno, "cannot move it to \(destination)", source)
        }
        return true
    }

    /// `renameat2` looked up at run time: Glibc's Swift module does not export it (it is behind `_GNU_SOURCE`).
    private static let renameat2:
        (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
        }()

    /// `fsync(2)` on a folder, so the renames and creations in it survive a crash.
    static func synchronizeFolder(_ folder: String) throws(IntakeError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw self.failure(errno, "cannot open the folder to flush it", folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            let code = errno
            // Some file systems cannot flush a folder; the data was still written.
            if code == EINVAL || code == EROFS { return }
            throw self.failure(code, "cannot flush the folder", folder)
        }
    }

    /// `mkdir -p`, flushing the parent of each folder it creates.
    static func makeFolders(_ folder: String) throws(IntakeError) {
        if let status = Self.status(folder) {
            guard status.kind == .directory else { throw IntakeError(.io, "exists and is not a folder", path: folder) }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder && !parent.isEmpty { try self.makeFolders(parent) }
        if mkdir(folder, 0o755) != 0 {
            let code = errno
            if code != EEXIST { throw self.failure(code, "cannot create the folder", folder) }
            return
        }
        try self.synchronizeFolder(parent.isEmpty ? "/" : parent)
    }

    /// Writes `data` to a file at `path` (a fresh, unique name) and flushes it to disk; removed again on failure.
    static func writeDurably(_ data: Data, to path: String) throws(IntakeError) {
        do throws(X12Error) {
            let sink = try FileByteSink(path: path)
            // `withUnsafeBytes` rethrows untyped errors: the sink's error is carried out by hand.
            var failure: X12Error?
            data.withUnsafeBytes { buffer in
                do throws(X12Error) { try sink.write(buffer) } catch { failure = error }
            }
            if let failure { throw failure }
            try sink.synchronize()
        } catch {
            unlink(path)
            throw IntakeError(.io, "cannot write \(error.message)")  // the sink's message starts with the path
        }
    }

    /// Removes a file (not a folder); a file already gone is fine.
    static func remove(_ path: String) throws(IntakeError) {
        guard unlink(path) == 0 else {
            let code = errno
            if code == ENOENT { return }
            throw self.failure(code, "cannot remove the file", path)
        }
    }

    /// An error for `errno` `code`: `.notFound` for `ENOENT`, `.io` otherwise, with the system's words.
    static func failure(_ code: Int32, _ what: String, _ path: String) -> IntakeError {
        IntakeError(
            code == ENOENT ? .notFound : .io, "\(what): \(String(cString: strerror(code)))", path: path,
            errorNumber: code)
    }

    /// `name` shortened (its stem cut, its extension kept) so that `reserve` more bytes still fit in a file name
    /// (255 bytes): room for an ordinal and a report suffix.
    static func fitting(_ name: String, reserve: Int) -> String {
        let limit = 255 - reserve
        guard name.utf8.count > limit else { return name }
        let pathExtension = (name as NSString).pathExtension
        let suffix = pathExtension.isEmpty || pathExtension.utf8.count > 16 ? "" : "." + pathExtension
        var stem = Substring(suffix.isEmpty ? name : String(name.dropLast(suffix.count)))
        while stem.utf8.count + suffix.utf8.count > limit { stem = stem.dropLast() }
        return stem + suffix
    }

    /// `name`, or `name` with an ordinal before its extension (`po-2.edi`) from 2 on.
    static func name(_ name: String, ordinal: Int) -> String {
        guard ordinal > 1 else { return name }
        let stem = (name as NSString).deletingPathExtension
        let pathExtension = (name as NSString).pathExtension
        return pathExtension.isEmpty || stem.isEmpty ? "\(name)-\(ordinal)" : "\(stem)-\(ordinal).\(pathExtension)"
    }
}
