import Crypto
import Foundation
import Translation

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
        let bytes: [UInt8]
        do {
            switch try FileSystemCalls.readSmallFile(path, limit: Self.wholeFileLimit) {
            case .bytes(let read): bytes = read
            case .tooLarge: return Self.streaming(path: path, name: name)
            }
        } catch  where error.code == .notFound {
            return InboundRead(failure: PipelineError(stage: .read, "cannot open \(path): it is no longer there"))
        } catch {
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
}

extension PipelineError {
    static let unknownFormat = PipelineError(
        stage: .read, "not X12 (no ISA at the start), not cXML (no <) and not Porter JSON ({ or [)")
}
