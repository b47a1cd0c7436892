import ArgumentParser
import X12

/// `porter-bench write --template FILE --size 1GB`: X12Writer throughput.
///
/// The transaction sets of the template's first interchange are copied into owned segments
/// once; then the writer writes them again and again, each batch as a new interchange with
/// its own envelopes, control numbers and counts, into `/dev/null` (or `-o FILE`), until
/// `--size` bytes are written. What is measured is the writer: checks, delimiters, trailers
/// and buffering, not building the data.
struct Write: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure X12 writing (MB/s, peak RSS).")

    @Option(help: "An X12 file whose first interchange's sets are written over and over.")
    var template: String

    @Option(help: "Bytes to write, e.g. 100MB, 1GB.")
    var size: ByteCount

    @Option(name: [.short, .customLong("output")], help: "Where to write.")
    var output: String = "/dev/null"

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    @Option(
        help:
            "How segments are handed to the writer: bytes (element by element from UTF-8 bytes, as an encoder formatting into bytes does), strings (element by element from String values), values (writeSegment with arrays of X12Value)."
    )
    var mode: Mode = .bytes

    enum Mode: String, ExpressibleByArgument {
        case bytes, strings, values
    }

    func run() throws {
        // The template's sets, as owned segments, without their ST/SE (the writer makes those).
        var sets: [TemplateSet] = []
        var blob: [UInt8] = []
        var reader = X12Reader(source: try FileByteSource(path: self.template))
        var current: [X12OwnedSegment] = []
        var identifier = ""
        loop: while let event = try reader.next() {
            switch event {
            case .transactionStart(let header):
                identifier = header.identifier
                current = []
            case .segment(let segment) where segment.position > 0:
                if segment.id != .st && segment.id != .se { current.append(segment.copy()) }
            case .transactionEnd:
                sets.append(TemplateSet(identifier: identifier, segments: current, blob: &blob))
            case .interchangeEnd:
                break loop
            default:
                break
            }
        }
        guard !sets.isEmpty else {
            printToStandardError("porter-bench: no transaction sets in \(self.template)")
            throw ExitCode(2)
        }
        let target = Int(self.size.bytes)
        // The template's bytes in one stable buffer for the whole run.
        let blobBytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(blob.count, 1), alignment: 16)
        defer { blobBytes.deallocate() }
        blob.withUnsafeBytes { blobBytes.copyMemory(from: $0) }
        var best = Double.infinity
        var written = 0
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            var writer = try X12Writer(
                sink: try FileByteSink(path: self.output), delimiters: .standard, lineEnding: .lf,
                controlNumbers: SequentialControlNumbers())
            while writer.byteCount < target {
                try writer.beginInterchange(
                    X12InterchangeEnvelope(
                        senderQualifier: "ZZ", senderID: "BENCHBUYER", receiverQualifier: "ZZ",
                        receiverID: "BENCHSUPPLIER", date: "250301", time: "1200", version: "00501"))
                try writer.beginGroup(
                    X12GroupEnvelope(
                        functionalIdentifier: "PO", senderCode: "BENCHBUYER", receiverCode: "BENCHSUPPLIER",
                        date: "20250301", time: "1200", version: "005010"))
                for set in sets {
                    try writer.beginTransaction(set.identifier)
                    switch self.mode {
                    case .values:
                        for segment in set.segments { try writer.writeSegment(segment) }
                    case .strings:
                        for segment in set.segments {
                            try writer.beginSegment(segment.id)
                            for element in segment.elements { writer.appendElement(element) }
                            try writer.endSegment()
                        }
                    case .bytes:
                        for segment in set.bytes {
                            try writer.beginSegment(segment.id)
                            // Plain integers per element: iterating them costs no reference counting.
                            for element in set.elements[segment.elements] {
                                if element.value < 0 {
                                    writer.appendElement(
                                        bytes: UnsafeRawBufferPointer(
                                            rebasing: blobBytes[Int(element.start)..<Int(element.end)]))
                                } else {
                                    writer.appendElement(set.values[Int(element.value)])
                                }
                            }
                            try writer.endSegment()
                        }
                    }
                    try writer.endTransaction()
                }
                try writer.endGroup()
                try writer.endInterchange()
            }
            written = writer.byteCount
            best = min(best, monotonicSeconds() - start)
        }
        print(
            "write (\(self.mode.rawValue)) \(groupingThousands(written)) bytes (\(sets.count) sets per interchange from \(self.template)); "
                + "best of \(self.runs): \(formatted(best, decimals: 3)) s = \(throughput(written, best)); "
                + "peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB")
    }
}

/// One template transaction set, as owned segments and as byte ranges into one blob.
struct TemplateSet {
    /// A simple element as a byte range of the blob, or (`value` >= 0) an index into `values`.
    struct Element {
        var start: Int32
        var end: Int32
        var value: Int32
    }

    var identifier: String
    var segments: [X12OwnedSegment]
    /// Per segment: its id and its range in `elements`.
    var bytes: [(id: String, elements: Range<Int>)]
    var elements: [Element]
    var values: [X12Value]

    init(identifier: String, segments: [X12OwnedSegment], blob: inout [UInt8]) {
        self.identifier = identifier
        self.segments = segments
        var bytes: [(id: String, elements: Range<Int>)] = []
        var elements: [Element] = []
        var values: [X12Value] = []
        for segment in segments {
            let first = elements.count
            for value in segment.elements {
                if value.repetitions.count == 1, value.repetitions[0].count == 1 {
                    let start = blob.count
                    blob.append(contentsOf: value.repetitions[0][0].utf8)
                    elements.append(Element(start: Int32(start), end: Int32(blob.count), value: -1))
                } else {
                    elements.append(Element(start: 0, end: 0, value: Int32(values.count)))
                    values.append(value)
                }
            }
            bytes.append((segment.id, first..<elements.count))
        }
        self.bytes = bytes
        self.elements = elements
        self.values = values
    }
}
