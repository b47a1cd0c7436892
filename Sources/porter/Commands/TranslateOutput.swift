import Foundation

/// Where `porter translate` writes (DESIGN.md, "CLI conventions"): standard output; one file for every document; or
/// one file per document in a folder (`-o DIR/` or an existing folder), with unique names. Nothing is ever
/// overwritten: each file is written under a temporary name and linked to its final name, which fails if the name
/// is taken.
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
    private var console = StandardOutput()
    /// Everything for the single output file, written when the run ends.
    private var pending: [UInt8] = []
    private var wroteAny = false

    init(path: String?, format: TranslateFormat) throws {
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
        self.wroteAny = true
        switch self.mode {
        case .standardOutput:
            self.console.write(String(decoding: bytes, as: UTF8.self))
        case .file:
            self.pending.append(contentsOf: bytes)
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
            guard self.wroteAny else {
                printError("porter translate: nothing to write; \(path) not written")
                return
            }
            let url = URL(filePath: path)
            try Self.publish(
                self.pending, in: url.deletingLastPathComponent().path, name: url.lastPathComponent, unique: false)
            self.pending = []
        }
    }

    /// Writes `bytes` to a temporary file in `folder`, then links it as `name` (or `name` with an ordinal before
    /// its extension, `name-2.x12`, when `unique` and the name is taken).
    private static func publish(_ bytes: [UInt8], in folder: String, name: String, unique: Bool = true) throws {
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
            if code == EEXIST && unique {
                ordinal += 1
                continue
            }
            if code == EEXIST {
                throw WriteError(message: "\(candidate) already exists; Porter never overwrites a file")
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
