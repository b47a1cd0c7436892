import Crypto
import Foundation
import Translation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
// `struct stat`'s members may be attributed to CDispatch (see FileSystemCalls.swift).
#if canImport(CDispatch)
    internal import CDispatch
#endif

/// One claimed file read through: its content hash and size, and what it holds (or why it could not be read).
///
/// A file up to ``wholeFileLimit`` is read from disk once, into memory, and hashed, recognised, validated and
/// decoded from there (inbox files are single interchanges of a few kilobytes; four reads of each cost more system
/// time than the parsing). A larger one streams from its path, once to hash it and again to analyse it, in constant
/// memory.
struct InboundRead: Sendable {
    /// SHA-256 of the content, lowercase hex ("" when the file could not be read).
    var hash: String
    var size: Int64
    var analysis: Result<InboundAnalysis, PipelineError>

    /// Files up to this size are read into memory once.
    static let wholeFileLimit = 4 << 20

    static func of(path: String, name: String) -> InboundRead {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return InboundRead(failure: PipelineError(stage: .read, "cannot open \(path): \(Self.reason(errno))"))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return InboundRead(failure: PipelineError(stage: .read, "cannot read \(path): \(Self.reason(code))"))
        }
        guard Int(status.st_size) <= Self.wholeFileLimit else {
            close(descriptor)
            return Self.streaming(path: path, name: name)
        }
        let bytes: [UInt8]
        do {
            bytes = try Self.readAll(descriptor, expected: Int(status.st_size))
            close(descriptor)
        } catch {
            close(descriptor)
            return InboundRead(failure: PipelineError(stage: .read, "cannot read \(path): \(error.message)"))
        }
        let hash = ContentHash.of(bytes: bytes)
        let analysis = Result { () throws(PipelineError) -> InboundAnalysis in
            guard let format = InboundFormat.detect(prefix: bytes.prefix(InputFormat.probeLength)) else {
                throw PipelineError.unknownFormat
            }
            return InboundAnalysis.read(.bytes(bytes), name: name, format: format)
        }
        return InboundRead(hash: hash, size: Int64(bytes.count), analysis: analysis)
    }

    /// A large file: hashed in one pass, analysed in another, both streaming.
    private static func streaming(path: String, name: String) -> InboundRead {
        let hashed: (hash: String, size: Int64)
        do { hashed = try ContentHash.of(path: path) } catch { return InboundRead(failure: error) }
        let analysis = Result { () throws(PipelineError) -> InboundAnalysis in
            guard let format = try InboundFormat.detect(path: path) else { throw PipelineError.unknownFormat }
            return InboundAnalysis.read(.path(path), name: name, format: format)
        }
        return InboundRead(hash: hashed.hash, size: hashed.size, analysis: analysis)
    }

    private init(hash: String, size: Int64, analysis: Result<InboundAnalysis, PipelineError>) {
        self.hash = hash
        self.size = size
        self.analysis = analysis
    }

    private init(failure: PipelineError) {
        self.init(hash: "", size: 0, analysis: .failure(failure))
    }

    private struct ReadFailure: Error {
        var message: String
    }

    /// The whole file; it may have grown or shrunk since `fstat` (a writer that did not finish is not our file to
    /// judge): read to the end whatever its size.
    private static func readAll(_ descriptor: Int32, expected: Int) throws(ReadFailure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(message: Self.reason(errno))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

extension PipelineError {
    static let unknownFormat = PipelineError(
        stage: .read, "not X12 (no ISA at the start), not cXML (no <) and not Porter JSON ({ or [)")
}
