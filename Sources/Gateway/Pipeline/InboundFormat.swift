import Foundation

/// The format of an inbound file, told from its first bytes.
enum InboundFormat: String, Sendable {
    case x12
    case cxml
    case json

    /// Reads at most the first 4 KiB of `path`: skips a UTF-8 byte-order mark and white space, then `ISA` is X12, `<`
    /// is cXML and `{` or `[` is Porter JSON.
    static func detect(path: String) throws(PipelineError) -> InboundFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PipelineError(stage: .read, "cannot open \(path)")
        }
        defer { try? handle.close() }
        let head: Data
        do {
            head = try handle.read(upToCount: 4096) ?? Data()
        } catch {
            throw PipelineError(stage: .read, "cannot read \(path): \(error.localizedDescription)")
        }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            bytes = bytes.dropFirst()
        }
        if bytes.starts(with: Array("ISA".utf8)) { return .x12 }
        switch bytes.first {
        case UInt8(ascii: "<"): return .cxml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default: return nil
        }
    }
}
