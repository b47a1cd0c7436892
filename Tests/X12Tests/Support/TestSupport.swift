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
    /// The interchange headers, in order.
    var headers: [X12InterchangeHeader] = []
    /// One line per event, with positions: identical for any chunking of the same input.
    var trace: [String] = []

    var errorCodes: Set<String> { Set(self.findings.filter { $0.severity == .error }.map(\.code.rawValue)) }
    var warningCodes: Set<String> { Set(self.findings.filter { $0.severity == .warning }.map(\.code.rawValue)) }
    func findings(_ code: X12Finding.Code) -> [X12Finding] { self.findings.filter { $0.code == code } }
}

func read(
    _ source: some ByteSource, name: String? = nil, configuration: X12Reader.Configuration? = nil,
    keepSegments: Bool = true, splittingRepetitions: Bool = false
) throws -> ReadResult {
    var configuration = configuration ?? X12Reader.Configuration()
    configuration.sourceName = name
    var reader = X12Reader(source: source, configuration: configuration)
    var result = ReadResult()
    while let event = try reader.next() {
        switch event {
        case .interchangeStart(let header):
            result.interchanges += 1
            result.headers.append(header)
            result.trace.append("ISA \(header.controlNumber) \(header.delimiters) @\(header.byteOffset):\(header.line)")
        case .groupStart(let header):
            result.groups += 1
            result.trace.append("GS \(header.controlNumber) @\(header.byteOffset)")
        case .transactionStart(let header):
            result.transactions += 1
            result.trace.append("ST \(header.identifier) \(header.controlNumber) @\(header.byteOffset)")
        case .segment(let segment):
            let copy = segment.copy(splittingRepetitions: splittingRepetitions)
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

/// Reads bytes with the reader pulling `chunkSize` bytes at a time from a source that hands
/// out at most `chunkSize` bytes per read.
func read(
    bytes: [UInt8], chunkSize: Int = 65536, configuration: X12Reader.Configuration = X12Reader.Configuration(),
    name: String? = nil, splittingRepetitions: Bool = false
) throws -> ReadResult {
    var configuration = configuration
    configuration.chunkSize = chunkSize
    return try read(
        ChunkingByteSource(MemoryByteSource(bytes), chunkSize: chunkSize), name: name, configuration: configuration,
        splittingRepetitions: splittingRepetitions)
}

/// Calls `body` with every segment view the reader hands out (valid only inside `body`).
func forEachSegment(
    in bytes: [UInt8], configuration: X12Reader.Configuration = X12Reader.Configuration(),
    _ body: (X12Segment) throws -> Void
) throws {
    var reader = X12Reader(source: MemoryByteSource(bytes), configuration: configuration)
    while let event = try reader.next() {
        if case .segment(let segment) = event { try body(segment) }
    }
}

// MARK: - Small documents

/// A small X12 document built from templates, with any delimiters.
///
/// Templates are written with `*` for the element separator, `:` for the component
/// separator and `^` for the repetition separator; each is replaced by the byte in force, so
/// the data in a template must not use those three characters.
struct TestDocument {
    var element = UInt8(ascii: "*")
    var component: UInt8? = UInt8(ascii: ":")
    /// ISA11: `U`, or the repetition separator.
    var isa11 = UInt8(ascii: "U")
    var terminator: [UInt8] = [UInt8(ascii: "~")]
    /// Bytes after every terminator.
    var suffix: [UInt8] = [0x0A]
    var version = "00401"
    var controlNumber = "000000001"
    /// ISA02 and ISA04 (10 characters once padded).
    var authorization = ""
    var security = ""
    var senderID = "SENDER"
    var receiverID = "RECEIVER"
    var date = "240301"
    /// Pads the fixed-width ISA fields (a space unless space is a delimiter).
    var padding = UInt8(ascii: " ")

    /// The 106-byte (or longer, for a multi-byte terminator) `ISA` segment with its suffix.
    func isa() -> [UInt8] {
        func padded(_ value: String, _ width: Int) -> [UInt8] {
            let bytes = Array(value.utf8)
            return bytes + [UInt8](repeating: self.padding, count: max(0, width - bytes.count))
        }
        let fields: [[UInt8]] = [
            Array("00".utf8), padded(self.authorization, 10), Array("00".utf8), padded(self.security, 10),
            Array("ZZ".utf8), padded(self.senderID, 15), Array("ZZ".utf8), padded(self.receiverID, 15),
            Array(self.date.utf8), Array("1200".utf8), [self.isa11], Array(self.version.utf8),
            Array(self.controlNumber.utf8), Array("0".utf8), Array("P".utf8),
        ]
        var bytes = Array("ISA".utf8)
        for field in fields { bytes += [self.element] + field }
        bytes.append(self.element)
        if let component { bytes.append(component) }
        return bytes + self.terminator + self.suffix
    }

    /// Template segments with the delimiters put in, each followed by terminator and suffix.
    func segments(_ templates: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for template in templates {
            for byte in template.utf8 {
                switch byte {
                case UInt8(ascii: "*"): bytes.append(self.element)
                case UInt8(ascii: ":"): bytes.append(self.component ?? byte)
                case UInt8(ascii: "^"): bytes.append(self.isa11)
                default: bytes.append(byte)
                }
            }
            bytes += self.terminator + self.suffix
        }
        return bytes
    }

    /// GS08 of the same major version as ISA12.
    var groupVersion: String { self.version.hasPrefix("005") ? "005010" : "004010" }

    /// One 850 with two segments between ST and SE, inside GS/GE and IEA.
    static let body = ["BEG*00*SA*PO-1**20240301", "PO1*1*2*EA*9.5**VN*AB:CD"]

    /// ISA, GS, ST, `body`, SE, GE, IEA.
    func document(body: [String] = TestDocument.body) -> [UInt8] {
        self.isa() + self.segments(self.envelope(body: body))
    }

    /// The segments after the ISA, as templates.
    func envelope(body: [String]) -> [String] {
        ["GS*PO*SENDER*RECEIVER*20240301*1200*1*X*\(self.groupVersion)", "ST*850*0001"] + body
            + ["SE*\(body.count + 2)*0001", "GE*1*1", "IEA*1*\(self.controlNumber)"]
    }

    /// What the reader should hand out for template segments (components split on `:`,
    /// repetitions on `^` when `splittingRepetitions`).
    static func owned(_ templates: [String], splittingRepetitions: Bool = false) -> [X12OwnedSegment] {
        templates.map { template in
            let parts = template.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            return X12OwnedSegment(
                id: parts[0],
                elements: parts.dropFirst().map { element in
                    let repetitions =
                        splittingRepetitions
                        ? element.split(separator: "^", omittingEmptySubsequences: false).map(String.init) : [element]
                    return X12Value(
                        repetitions: repetitions.map {
                            $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                        })
                })
        }
    }
}

// MARK: - Randomness

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so a failing property
/// test can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Memory

/// The resident set size of this process in kB (`VmRSS` in `/proc/self/status`), or `nil`
/// where there is no `/proc`.
func residentSetKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    // "VmRSS:\t  123456 kB"
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.dropFirst("VmRSS:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
}
