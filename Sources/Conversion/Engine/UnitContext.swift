import Foundation
import X12
import ZIPFoundation

/// What one worker keeps between inputs: its own handle on each archive (a ZIPFoundation `Archive` reads through one
/// `FILE*` and is not shared between threads), and how much of the current input's output is held in memory.
final class UnitContext {
    private let spoolFolder: String
    private let memberInMemoryLimit: Int
    private let outputInMemoryLimit: Int
    private var archives: [String: Archive] = [:]
    private var heldBytes = 0

    init(spoolFolder: String, options: ConversionOptions) {
        self.spoolFolder = spoolFolder
        self.memberInMemoryLimit = options.memberInMemoryLimit
        self.outputInMemoryLimit = options.outputInMemoryLimit
    }

    func startUnit() { self.heldBytes = 0 }

    /// The bytes of `unit`, as a stream.
    ///
    /// - Throws: ``X12Error`` (`.io`) when the file or the member cannot be read.
    func open(_ unit: ConversionUnit) throws(X12Error) -> UnitByteSource {
        switch unit.location {
        case .file(let path):
            return .file(try FileByteSource(path: path))
        case .zipMember(let path, let member):
            do {
                let archive = try self.archives[path] ?? Archive(url: URL(filePath: path), accessMode: .read)
                self.archives[path] = archive
                if member.entry.uncompressedSize <= UInt64(self.memberInMemoryLimit) {
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(Int(member.entry.uncompressedSize))
                    _ = try archive.extract(member.entry) { bytes.append(contentsOf: $0) }
                    return .memory(MemoryByteSource(bytes))
                }
                let temporary = URL(filePath: self.spoolFolder).appending(path: "member-\(UUID().uuidString)")
                defer { unlink(temporary.path) }  // the open file stays readable until it is closed
                guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                    throw X12Error(.io, "\(temporary.path): cannot create a temporary file")
                }
                let handle = try FileHandle(forWritingTo: temporary)
                defer { try? handle.close() }
                _ = try archive.extract(member.entry, bufferSize: 64 * 1024) { try handle.write(contentsOf: $0) }
                return .file(try FileByteSource(path: temporary.path))
            } catch let error as X12Error {
                throw error
            } catch {
                throw X12Error(.io, "\(unit.displayName): cannot extract the member (\(error))")
            }
        }
    }

    /// One document's output: in memory while the input's outputs are small, else in a spool file.
    func keep(_ bytes: [UInt8], name: String) throws(X12Error) -> PendingOutput {
        self.heldBytes += bytes.count
        if self.heldBytes <= self.outputInMemoryLimit { return PendingOutput(name: name, content: .bytes(bytes)) }
        let path = URL(filePath: self.spoolFolder).appending(path: "output-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw X12Error(.io, "\(path): cannot write a spool file")
        }
        return PendingOutput(name: name, content: .spooled(path: path))
    }
}
