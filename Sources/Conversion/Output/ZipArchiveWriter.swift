import Foundation
import ZIPFoundation

/// Writes a `.zip` archive entry by entry (deflate), each entry streamed from memory or from a file in 64 KiB
/// chunks: ZIPFoundation's provider API, behind a type that owns the archive.
///
/// The archive is written under a temporary name beside `path` and linked to `path` by ``close()``, which fails if
/// `path` exists: nothing is overwritten, and an archive never closed is removed. Not thread-safe.
///
/// - Note: ZIPFoundation rewrites the central directory after each entry, so adding *n* entries costs O(*n*²)
///   bytes of I/O in the directory (about 4 GB of page-cache writes for 10,000 entries); README, "Benchmarks".
public final class ZipArchiveWriter {
    private var archive: Archive?
    private let temporaryPath: String
    /// The archive's final path.
    public let path: String

    /// Starts an archive that will be named `path`.
    ///
    /// - Throws: ``ConversionError`` (`.outputExists`, `.io`).
    public init(path: String) throws(ConversionError) {
        if FileManager.default.fileExists(atPath: path) {
            throw ConversionError(.outputExists, path: path, "already exists; Porter never overwrites a file")
        }
        let url = URL(filePath: path)
        self.path = path
        self.temporaryPath = UniqueFile.temporaryPath(
            in: url.deletingLastPathComponent().path, for: url.lastPathComponent)
        do {
            let archive = try Archive(url: URL(filePath: self.temporaryPath), accessMode: .create)
            self.archive = archive
        } catch {
            throw ConversionError(.io, path: path, "cannot create the archive (\(error))")
        }
    }

    /// Adds an entry named `name` holding `bytes`.
    public func add(name: String, bytes: [UInt8]) throws(ConversionError) {
        try self.add(name: name, size: Int64(bytes.count)) { position, size in
            Data(bytes[Int(position)..<Int(position) + size])
        }
    }

    /// Adds an entry named `name` holding the file at `file`, read in chunks.
    public func add(name: String, file: String) throws(ConversionError) {
        do {
            let handle = try FileHandle(forReadingFrom: URL(filePath: file))
            defer { try? handle.close() }
            let size = Int64(try handle.seekToEnd())
            try self.add(name: name, size: size) { position, size in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: size) ?? Data()
            }
        } catch let error as ConversionError {
            throw error
        } catch {
            throw ConversionError(.io, path: file, "cannot read it (\(error))")
        }
    }

    private func add(
        name: String, size: Int64, provider: (_ position: Int64, _ size: Int) throws -> Data
    ) throws(ConversionError) {
        guard let archive = self.archive else {
            preconditionFailure("ZipArchiveWriter.add after close")
        }
        do {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: size, compressionMethod: .deflate,
                bufferSize: 64 * 1024, provider: provider)
        } catch {
            throw ConversionError(.io, path: self.path, "cannot add \(name) to the archive (\(error))")
        }
    }

    /// Finishes the archive and gives it its name.
    ///
    /// - Throws: ``ConversionError`` (`.outputExists` when `path` appeared meanwhile, `.io`).
    public func close() throws(ConversionError) {
        self.archive = nil  // ZIPFoundation closes the file when the archive is released
        defer { unlink(self.temporaryPath) }
        if link(self.temporaryPath, self.path) != 0 {
            let code = errno
            if code == EEXIST {
                throw ConversionError(.outputExists, path: self.path, "already exists; Porter never overwrites a file")
            }
            throw ConversionError(.io, path: self.path, String(cString: strerror(code)))
        }
    }

    deinit {
        if self.archive != nil {
            self.archive = nil
            unlink(self.temporaryPath)
        }
    }
}
