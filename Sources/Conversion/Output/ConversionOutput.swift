import Foundation

/// One converted document waiting to be written: its preferred name and its bytes, in memory or in a spool file.
struct PendingOutput {
    enum Content {
        case bytes([UInt8])
        /// A file in the run's spool folder (on the output's file system).
        case spooled(path: String)
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
        case archive(ZipArchiveWriter, names: Set<String>)
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
            let url = URL(filePath: path)
            folder = url.deletingLastPathComponent().path.isEmpty ? "." : url.deletingLastPathComponent().path
            try Self.createFolder(folder)
            self.mode = .archive(try ZipArchiveWriter(path: path), names: [])
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
            case .spooled(let spooled):
                defer { unlink(spooled) }
                return try UniqueFile.link(spooled, in: folder, name: output.name)
            }
        case .archive(let archive, var names):
            var ordinal = 1
            while names.contains(UniqueFile.name(output.name, ordinal: ordinal)) { ordinal += 1 }
            let name = UniqueFile.name(output.name, ordinal: ordinal)
            names.insert(name)
            self.mode = .archive(archive, names: names)
            switch output.content {
            case .bytes(let bytes): try archive.add(name: name, bytes: bytes)
            case .spooled(let spooled):
                defer { unlink(spooled) }
                try archive.add(name: name, file: spooled)
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
        if case .archive(let archive, _) = self.mode {
            self.mode = .folder(self.errorsFolder)
            try archive.close()
        }
        return try self.errors.publish(unique: true)
    }

    /// Removes what an unfinished run wrote to temporary names (the archive, the spool).
    func abandon() {
        self.mode = .folder(self.errorsFolder)  // an archive never closed is removed
        self.removeSpool()
    }

    private func removeSpool() { try? FileManager.default.removeItem(atPath: self.spoolFolder) }
}
