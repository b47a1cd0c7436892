import Foundation
import Translation

/// The format of an inbound file, told from its first bytes.
enum InboundFormat: String, Sendable {
    case x12
    case cxml
    case json

    /// Reads at most the first 4 KiB of `path` and recognises the format as `porter translate` and `porter convert`
    /// do (``InputFormat/detect(_:encoding:)``): X12 in ASCII, UTF-8, UTF-16 or EBCDIC, cXML, Porter JSON.
    static func detect(path: String) throws(PipelineError) -> InboundFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PipelineError(stage: .read, "cannot open \(path)")
        }
        defer { try? handle.close() }
        let head: Data
        do {
            head = try handle.read(upToCount: InputFormat.probeLength) ?? Data()
        } catch {
            throw PipelineError(stage: .read, "cannot read \(path): \(error.localizedDescription)")
        }
        return Self.detect(prefix: head)
    }

    /// The format of a file that starts with `prefix` (its first ``InputFormat/probeLength`` bytes, or all of a
    /// shorter file).
    static func detect(prefix: some Collection<UInt8>) -> InboundFormat? {
        switch InputFormat.detect(Array(prefix)) {
        case .x12: return .x12
        case .cxml: return .cxml
        case .json: return .json
        case .unknown: return nil
        }
    }
}
