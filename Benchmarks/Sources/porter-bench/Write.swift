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

    func run() throws {
        // The template's sets, as owned segments, without their ST/SE (the writer makes those).
        var sets: [(identifier: String, segments: [X12OwnedSegment])] = []
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
                sets.append((identifier, current))
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
                    for segment in set.segments { try writer.writeSegment(segment) }
                    try writer.endTransaction()
                }
                try writer.endGroup()
                try writer.endInterchange()
            }
            written = writer.byteCount
            best = min(best, monotonicSeconds() - start)
        }
        print(
            "write \(groupingThousands(written)) bytes (\(sets.count) sets per interchange from \(self.template)); "
                + "best of \(self.runs): \(formatted(best, decimals: 3)) s = \(throughput(written, best)); "
                + "peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB")
    }
}
