import Foundation
import X12

/// Where `porter validate --ack` writes: one file for all inputs, or one file per input in a
/// folder (`-o DIR/`), never overwriting anything. Each file is written under a temporary
/// name and renamed when complete, so a failed run leaves no half-written acknowledgment.
struct AcknowledgmentOutput {
    let kind: AcknowledgmentKind
    let path: String
    let isFolder: Bool
    /// The single output file's sink, shared by all inputs.
    private var sharedSink: FileByteSink?
    private var sharedTemporary: String?
    private var currentTemporary: String?
    private var currentFinal: String?
    private var controlNumbers = SequentialControlNumbers()

    init(kind: AcknowledgmentKind, path: String, inputCount: Int) throws {
        self.kind = kind
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        self.isFolder = path.hasSuffix("/") || (exists && isDirectory.boolValue)
        if self.isFolder {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } else {
            if exists { throw X12Error(.io, "\(path) already exists; Porter never overwrites a file") }
            let temporary = Self.temporaryName(for: path)
            self.sharedSink = try FileByteSink(path: temporary)
            self.sharedTemporary = temporary
        }
    }

    /// A generator for one input file.
    mutating func generator(for input: String) throws -> X12AcknowledgmentGenerator {
        let sink: FileByteSink
        if let sharedSink {
            sink = sharedSink
        } else {
            let name = (input == "-" ? "stdin" : URL(filePath: input).lastPathComponent) + "." + self.kind.fileExtension
            let final = Self.uniquePath(in: self.path, name: name)
            let temporary = Self.temporaryName(for: final)
            sink = try FileByteSink(path: temporary)
            self.currentTemporary = temporary
            self.currentFinal = final
        }
        var options = X12AcknowledgmentOptions()
        switch self.kind {
        case .fa997: options.kind = .fa997
        case .ia999: options.kind = .ia999
        case .ta1:
            options.functionalAcknowledgments = false
            options.interchangeAcknowledgment = .always
        }
        return X12AcknowledgmentGenerator(sink: sink, controlNumbers: self.controlNumbers, options: options)
    }

    /// Keeps the generator's control numbers for the next input and completes a per-input file.
    mutating func finish(file: String, generator: borrowing X12AcknowledgmentGenerator) throws {
        if let numbers = generator.controlNumbers as? SequentialControlNumbers { self.controlNumbers = numbers }
        let wrote = generator.functionalAcknowledgmentCount + generator.interchangeAcknowledgmentCount > 0
        if wrote { self.wroteAny = true }
        if let temporary = self.currentTemporary, let final = self.currentFinal {
            if wrote {
                try Self.publish(temporary, as: final)
            } else {
                // Nothing to acknowledge (a 997, a TA1): no empty file.
                try? FileManager.default.removeItem(atPath: temporary)
                printError("porter validate: \(file): nothing to acknowledge (acknowledgments are never acknowledged)")
            }
            self.currentTemporary = nil
            self.currentFinal = nil
        }
    }

    /// Whether any input produced an acknowledgment.
    private var wroteAny = false

    /// Completes the single output file.
    mutating func close() throws {
        if let temporary = self.sharedTemporary {
            try self.sharedSink?.synchronize()
            self.sharedSink = nil
            if self.wroteAny {
                try Self.publish(temporary, as: self.path)
            } else {
                try? FileManager.default.removeItem(atPath: temporary)
                printError("porter validate: nothing to acknowledge; \(self.path) not written")
            }
            self.sharedTemporary = nil
        }
    }

    /// Removes what a failed run started.
    mutating func abandon() {
        for temporary in [self.currentTemporary, self.sharedTemporary].compactMap({ $0 }) {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    private static func temporaryName(for path: String) -> String {
        let url = URL(filePath: path)
        return url.deletingLastPathComponent().appending(path: "." + url.lastPathComponent + ".tmp").path
    }

    /// Renames without replacing: link(2) fails if the name is taken.
    private static func publish(_ temporary: String, as final: String) throws {
        if link(temporary, final) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw X12Error(.io, "\(final): \(String(cString: strerror(code)))")
        }
        unlink(temporary)
    }

    /// `name`, or `name.2`, `name.3`... when taken.
    private static func uniquePath(in folder: String, name: String) -> String {
        let base = URL(filePath: folder).appending(path: name).path
        var candidate = base
        var ordinal = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = base + ".\(ordinal)"
            ordinal += 1
        }
        return candidate
    }
}

extension AcknowledgmentKind {
    var fileExtension: String {
        switch self {
        case .fa997: "997"
        case .ia999: "999"
        case .ta1: "ta1"
        }
    }
}
