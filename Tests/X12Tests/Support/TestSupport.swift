import Foundation
import X12

/// Paths of the project's and the shared fixtures.
enum FixturePaths {
    /// The package root (three levels above this file).
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let x12 = root.appending(path: "Fixtures/x12")
    /// `../shared/fixtures/public`, read in place.
    static let sharedPublic = root.deletingLastPathComponent().appending(path: "shared/fixtures/public")
    static let sharedX12 = sharedPublic.appending(path: "x12")

    static func sharedX12Files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sharedX12.path).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// Everything a reader produced, in a form tests can compare.
struct ReadResult: Equatable {
    var interchanges = 0
    var groups = 0
    var transactions = 0
    var segments: [X12OwnedSegment] = []
    var findings: [X12Finding] = []
    /// One line per event, with positions: identical for any chunking of the same input.
    var trace: [String] = []

    var errorCodes: Set<String> { Set(self.findings.filter { $0.severity == .error }.map(\.code.rawValue)) }
    var warningCodes: Set<String> { Set(self.findings.filter { $0.severity == .warning }.map(\.code.rawValue)) }
    func findings(_ code: X12Finding.Code) -> [X12Finding] { self.findings.filter { $0.code == code } }
}

func read(
    _ source: some ByteSource, name: String? = nil, configuration: X12Reader.Configuration? = nil,
    keepSegments: Bool = true
) throws -> ReadResult {
    var configuration = configuration ?? X12Reader.Configuration()
    configuration.sourceName = name
    var reader = X12Reader(source: source, configuration: configuration)
    var result = ReadResult()
    while let event = try reader.next() {
        switch event {
        case .interchangeStart(let header):
            result.interchanges += 1
            result.trace.append("ISA \(header.controlNumber) \(header.delimiters) @\(header.byteOffset):\(header.line)")
        case .groupStart(let header):
            result.groups += 1
            result.trace.append("GS \(header.controlNumber) @\(header.byteOffset)")
        case .transactionStart(let header):
            result.transactions += 1
            result.trace.append("ST \(header.identifier) \(header.controlNumber) @\(header.byteOffset)")
        case .segment(let segment):
            let copy = segment.copy()
            if keepSegments { result.segments.append(copy) }
            result.trace.append("\(copy) #\(segment.position) @\(segment.byteOffset):\(segment.line)")
        case .transactionEnd(let header, let count):
            result.trace.append("end ST \(header.controlNumber) \(count)")
        case .groupEnd(let header, let count):
            result.trace.append("end GS \(header.controlNumber) \(count)")
        case .interchangeEnd(let header, let count):
            result.trace.append("end ISA \(header.controlNumber) \(count)")
        case .finding(let finding):
            result.findings.append(finding)
            result.trace.append("finding \(finding)")
        }
    }
    return result
}

func read(file url: URL, encoding: String? = nil, chunkSize: Int? = nil) throws -> ReadResult {
    let source = try X12Input.open(path: url.path, encoding: encoding)
    var configuration = X12Reader.Configuration()
    if let chunkSize { configuration.chunkSize = chunkSize }
    return try read(source, name: url.lastPathComponent, configuration: configuration)
}

func read(_ text: String, chunkSize: Int = 65536) throws -> ReadResult {
    try read(ChunkingByteSource(MemoryByteSource(text), chunkSize: chunkSize))
}
