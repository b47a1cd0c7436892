import Foundation
import ZIPFoundation

/// One converted document waiting to be written: its preferred name and its bytes, in memory or in a spool file.
struct PendingOutput {
    enum Content {
        case bytes([UInt8])
        /// A file in the run's spool folder (on the output's file system), `size` bytes long.
        case spooled(path: String, size: Int64)
    }

    var name: String
    var content: Content
}

/// Where `porter convert` writes: a folder (one file per document) or a `.zip` archive (one entry per document),
/// plus `errors.json` in the folder or beside the archive.
///
/// Names are given in the order documents are committed (input order, whatever the number of jobs), so they are
/// the same from one run to the next: a taken name gets an ordinal before its extension (`name-2.json`). Nothing is
/// overwritten: folder files are linked into place (failing on a taken name), the archive is built under a temporary
/// name and linked to its name at the end. Not thread-safe: the engine commits under its lock.
final class ConversionOutput {
    private enum Mode {
        case folder(String)
        case archive(Archive, temporaryPath: String, finalPath: String, names: Set<String>)
    }

    private var mode: Mode
    /// Where documents too large to keep in memory wait for their turn (removed at the end).
    let spoolFolder: String
    /// Where `errors.json` goes.
    private let errorsFolder: String
    private let errors: PendingFile
    private var errorCount = 0

    /// The folder or archive path given with `--out`.
    let path: String

    /// Opens `path`: an archive when it ends in `.zip` (which must not exist), a folder otherwise (created if
    /// missing; must not be a file).
    init(path: String) throws(ConversionError) {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let folder: String
        if path.lowercased().hasSuffix(".zip") {
            if exists {
                throw ConversionError(.outputExists, path: path, "already exists; Porter never overwrites a file")
            }
            let url = URL(filePath: path)
            folder = url.deletingLastPathComponent().path.isEmpty ? "." : url.deletingLastPathComponent().path
            try Self.createFolder(folder)
            let temporary = UniqueFile.temporaryPath(in: folder, for: url.lastPathComponent)
            do {
                let archive = try Archive(url: URL(filePath: temporary), accessMode: .create)
                self.mode = .archive(archive, temporaryPath: temporary, finalPath: path, names: [])
            } catch {
                throw ConversionError(.io, path: path, "cannot create the archive (\(error))")
            }
        } else {
            if exists, !isDirectory.boolValue {
                throw ConversionError(
                    .outputExists, path: path, "is a file; --out takes a folder, or an archive name ending in .zip")
            }
            folder = path
            try Self.createFolder(folder)
            self.mode = .folder(path)
        }
        self.errorsFolder = folder
        self.spoolFolder = URL(filePath: folder).appending(path: ".porter-convert-\(UUID().uuidString)").path
        try Self.createFolder(self.spoolFolder)
        self.errors = try PendingFile(finalPath: URL(filePath: folder).appending(path: "errors.json").path)
        try self.errors.append("{\"errors\":[")
    }

    private static func createFolder(_ path: String) throws(ConversionError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ConversionError(.io, path: path, "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Writes one document under `output.name` (or the same with an ordinal).
    ///
    /// - Returns: The name it got.
    func write(_ output: PendingOutput) throws(ConversionError) -> String {
        switch self.mode {
        case .folder(let folder):
            switch output.content {
            case .bytes(let bytes): return try UniqueFile.publish(bytes, in: folder, name: output.name)
            case .spooled(let spooled, _):
                defer { unlink(spooled) }
                return try UniqueFile.link(spooled, in: folder, name: output.name)
            }
        case .archive(let archive, let temporary, let finalPath, var names):
            var ordinal = 1
            while names.contains(UniqueFile.name(output.name, ordinal: ordinal)) { ordinal += 1 }
            let name = UniqueFile.name(output.name, ordinal: ordinal)
            names.insert(name)
            self.mode = .archive(archive, temporaryPath: temporary, finalPath: finalPath, names: names)
            do {
                switch output.content {
                case .bytes(let bytes):
                    try archive.addEntry(
                        with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
                    ) { position, size in
                        Data(bytes[Int(position)..<Int(position) + size])
                    }
                case .spooled(let spooled, let size):
                    defer { unlink(spooled) }
                    let handle = try FileHandle(forReadingFrom: URL(filePath: spooled))
                    defer { try? handle.close() }
                    try archive.addEntry(
                        with: name, type: .file, uncompressedSize: size, compressionMethod: .deflate,
                        bufferSize: 64 * 1024
                    ) { position, size in
                        try handle.seek(toOffset: UInt64(position))
                        return try handle.read(upToCount: size) ?? Data()
                    }
                }
            } catch {
                throw ConversionError(.io, path: finalPath, "cannot add \(name) to the archive (\(error))")
            }
            return name
        }
    }

    /// Adds one entry to `errors.json`: `{"source", "document", "finding"}` (the finding is JSON text already).
    func recordError(source: String, document: String, finding: String) throws(ConversionError) {
        let entry = JSONText.object([
            ("source", JSONText.string(source)), ("document", JSONText.string(document)), ("finding", finding),
        ])
        try self.errors.append((self.errorCount == 0 ? "\n" : ",\n") + entry)
        self.errorCount += 1
    }

    /// Finishes `errors.json` and the archive and gives them their names.
    ///
    /// - Returns: The path of `errors.json` (`errors-2.json` when the name was taken).
    func finish() throws(ConversionError) -> String {
        defer { self.removeSpool() }
        try self.errors.append(self.errorCount == 0 ? "]}\n" : "\n]}\n")
        if case .archive(_, let temporary, let finalPath, _) = self.mode {
            self.mode = .folder(self.errorsFolder)  // releases the archive: ZIPFoundation closes its file
            defer { unlink(temporary) }
            if link(temporary, finalPath) != 0 {
                let code = errno
                if code == EEXIST {
                    throw ConversionError(
                        .outputExists, path: finalPath, "already exists; Porter never overwrites a file")
                }
                throw ConversionError(.io, path: finalPath, String(cString: strerror(code)))
            }
        }
        return try self.errors.publish(unique: true)
    }

    /// Removes what an unfinished run wrote to temporary names (the archive, the spool).
    func abandon() {
        if case .archive(_, let temporary, _, _) = self.mode {
            self.mode = .folder(self.errorsFolder)
            unlink(temporary)
        }
        self.removeSpool()
    }

    private func removeSpool() { try? FileManager.default.removeItem(atPath: self.spoolFolder) }
}
