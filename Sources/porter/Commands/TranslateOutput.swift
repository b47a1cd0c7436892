import Conversion
import Foundation
import Orders

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
    /// Writes each document for `--to json`, reused: its buffer keeps the room of the largest document so far, and
    /// the bytes go to the output from there. Encoding into a new array per document allocated and copied the
    /// whole JSON twice more (the writer's bytes into an array of their exact size, then again to add the line
    /// feed), ~5 instructions per byte of X12.
    private var json = CanonicalJSONWriter(reservingCapacity: 64 * 1024)

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
        try bytes.withUnsafeBytes { try self.write(bytes: $0, name: name) }
    }

    /// Writes `document` as one line of canonical JSON (what ``DocumentOutputEncoder`` gives for `--to json`),
    /// straight from the writer's buffer.
    func writeJSON(_ document: BusinessDocument, name: String) throws {
        self.json.removeAll()
        self.json.write(document)
        try self.json.withUnsafeBytes { bytes throws in try self.write(bytes: bytes, name: name) }
    }

    /// Writes bytes valid during the call; `name` is the file name when writing into a folder.
    private func write(bytes: UnsafeRawBufferPointer, name: String) throws {
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
            try Self.writing { () throws(ConversionError) in
                if self.pending == nil { self.pending = try PendingFile(finalPath: path) }
                try self.pending?.append(bytes)
            }
        case .folder(let folder):
            try Self.writing { () throws(ConversionError) in
                try UniqueFile.publish(Array(bytes), in: folder, name: name)
            }
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
            try Self.writing { () throws(ConversionError) in try pending.publish() }
        }
    }

    /// Runs `body`, whose failures to write are ``WriteError``s (exit 2).
    private static func writing(_ body: () throws(ConversionError) -> Void) throws(WriteError) {
        do {
            try body()
        } catch {
            throw WriteError(message: error.description)
        }
    }
}
