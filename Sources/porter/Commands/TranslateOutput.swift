import Foundation

/// Where `porter translate` writes (DESIGN.md, "CLI conventions"): standard output; one file for every document; or
/// one file per document in a folder (`-o DIR/` or an existing folder), with unique names. Nothing is ever
/// overwritten: each file is written under a temporary name and linked to its final name, which fails if the name
/// is taken. The single output file is written as the documents come (memory does not grow with the input) and
/// appears under its name only when the run ends.
final class TranslateOutput {
    /// A failure to write (exit 2), as opposed to a document that cannot be translated (exit 1).
    struct WriteError: Error, CustomStringConvertible {
        var message: String
        var description: String { self.message }
    }

    private enum Mode {
        case standardOutput
        case file(String)
        case folder(String)
    }

    private let mode: Mode
    private let format: TranslateFormat
    private var written = 0
    /// Set when a second cXML document was refused: the single output file is then not written at all.
    private var refusedSeveral = false
    private var console = StandardOutput()
    /// The single output file, under its temporary name, once the first document is written.
    private var pending: PendingFile?

    init(path: String?, format: TranslateFormat) throws {
        self.format = format
        guard let path else {
            self.mode = .standardOutput
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if path.hasSuffix("/") || (exists && isDirectory.boolValue) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw WriteError(message: "\(path): cannot create the folder: \(error.localizedDescription)")
            }
            self.mode = .folder(path)
        } else {
            if exists { throw WriteError(message: "\(path) already exists; Porter never overwrites a file") }
            self.mode = .file(path)
        }
    }

    /// Writes one document's bytes; `name` is its file name when writing into a folder.
    func write(_ bytes: [UInt8], name: String) throws {
        if self.format == .cxml, self.written > 0 {
            if case .folder = self.mode {
            } else {
                self.refusedSeveral = true
                throw WriteError(
                    message:
                        "\(name): a cXML file holds one document and this run has several; give -o FOLDER/ for one file each"
                )
            }
        }
        self.written += 1
        switch self.mode {
        case .standardOutput:
            self.console.write(bytes: bytes)
        case .file(let path):
            if self.pending == nil { self.pending = try PendingFile(finalPath: path) }
            try self.pending?.append(bytes)
        case .folder(let folder):
            try Self.publish(bytes, in: folder, name: name)
        }
    }

    /// Flushes standard output, or writes the single output file.
    func close() throws {
        switch self.mode {
        case .standardOutput: self.console.flush()
        case .folder: break
        case .file(let path):
            if self.refusedSeveral {
                self.pending = nil  // released: its temporary file is removed
                printError("porter translate: \(path) not written: it would hold only the first cXML document")
                return
            }
            guard let pending = self.pending else {
                printError("porter translate: nothing to write; \(path) not written")
                return
            }
            self.pending = nil
            try pending.publish()
        }
    }

    /// Writes `bytes` to a temporary file in `folder`, then links it as `name`, or `name` with an ordinal before its
    /// extension (`name-2.x12`) when the name is taken.
    private static func publish(_ bytes: [UInt8], in folder: String, name: String) throws {
        let folderURL = URL(filePath: folder.isEmpty ? "." : folder)
        let temporary = folderURL.appending(path: ".\(name).\(UUID().uuidString).tmp").path
        do {
            try Data(bytes).write(to: URL(filePath: temporary), options: .withoutOverwriting)
        } catch {
            throw WriteError(message: "\(temporary): \(error.localizedDescription)")
        }
        defer { unlink(temporary) }
        let stem = (name as NSString).deletingPathExtension
        let pathExtension = (name as NSString).pathExtension
        var ordinal = 1
        while true {
            let candidateName =
                ordinal == 1 ? name : "\(stem)-\(ordinal)" + (pathExtension.isEmpty ? "" : ".\(pathExtension)")
            let candidate = folderURL.appending(path: candidateName).path
            if link(temporary, candidate) == 0 { return }
            let code = errno
            if code == EEXIST {
                ordinal += 1
                continue
            }
            throw WriteError(message: "\(candidate): \(String(cString: strerror(code)))")
        }
    }

    /// The input's file name without its extension, for output names (`stdin` for `-`).
    static func sourceName(_ file: String) -> String {
        if file == "-" { return "stdin" }
        let name = URL(filePath: file).deletingPathExtension().lastPathComponent
        return name.isEmpty ? "input" : self.safeName(name)
    }

    /// `text` with anything but letters, digits, `.`, `-` and `_` replaced by `_`, for a file name.
    static func safeName(_ text: String) -> String {
        let safe = String(
            text.map { character in
                character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                    ? character : "_"
            })
        if safe.isEmpty || safe.allSatisfy({ $0 == "." }) { return "_" }
        return safe
    }
}

/// A file written piece by piece under a temporary name beside its final path, then linked into place.
///
/// Released without ``publish()`` (a failed run), the temporary file is removed: nothing half-written is left.
private final class PendingFile {
    private let finalPath: String
    private let temporaryPath: String
    private var descriptor: Int32

    init(finalPath: String) throws {
        let url = URL(filePath: finalPath)
        self.finalPath = finalPath
        self.temporaryPath =
            url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        self.descriptor = open(self.temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if self.descriptor < 0 {
            throw TranslateOutput.WriteError(message: "\(self.temporaryPath): \(String(cString: strerror(errno)))")
        }
    }

    func append(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(self.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw TranslateOutput.WriteError(
                    message: "\(self.temporaryPath): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Makes the file durable and gives it its final name; fails if that name is taken.
    func publish() throws {
        if fsync(self.descriptor) != 0 || close(self.descriptor) != 0 {
            self.descriptor = -1
            throw TranslateOutput.WriteError(message: "\(self.temporaryPath): \(String(cString: strerror(errno)))")
        }
        self.descriptor = -1
        if link(self.temporaryPath, self.finalPath) != 0 {
            let code = errno
            if code == EEXIST {
                throw TranslateOutput.WriteError(
                    message: "\(self.finalPath) already exists; Porter never overwrites a file")
            }
            throw TranslateOutput.WriteError(message: "\(self.finalPath): \(String(cString: strerror(code)))")
        }
    }

    deinit {
        if self.descriptor >= 0 { close(self.descriptor) }
        unlink(self.temporaryPath)
    }
}
