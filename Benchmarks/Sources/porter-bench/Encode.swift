import ArgumentParser
import Orders
import Translation
import X12

/// `porter-bench encode --template FILE --size 100MB`: canonical model → X12 (codec + writer).
///
/// The template's first transaction sets (up to `--documents`) are decoded once; then they are encoded again and
/// again, each batch in a new interchange and group, into `/dev/null` (or `-o FILE`) until `--size` bytes are
/// written. What is measured is the encoder and the writer, not decoding.
struct Encode: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure encoding the canonical model to X12 (MB/s of X12 written, documents/s, peak RSS).")

    @Option(help: "An X12 file whose first purchase orders are encoded over and over.")
    var template: String

    @Option(help: "Bytes to write, e.g. 100MB, 1GB.")
    var size: ByteCount

    @Option(help: "How many orders of the template to keep (100 keeps peak RSS under 32 MB).")
    var documents: Int = 100

    @Option(name: [.short, .customLong("output")], help: "Where to write.")
    var output: String = "/dev/null"

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    func run() throws {
        // Read one set at a time and stop at `documents`: decoding the whole template first held all its orders.
        var orders: [PurchaseOrder] = []
        var reader = X12DocumentReader(source: try FileByteSource(path: self.template))
        while orders.count < self.documents, let event = try reader.next() {
            guard case .document(let set) = event, case .purchaseOrder(let order)? = set.document else { continue }
            orders.append(order)
        }
        guard !orders.isEmpty else {
            printToStandardError("porter-bench: no purchase orders in \(self.template)")
            throw ExitCode(2)
        }
        let target = Int(self.size.bytes)
        let encoder = X12PurchaseOrderEncoder(version: "005010")
        var best = Double.infinity
        var written = 0
        var count = 0
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            count = 0
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
                for order in orders {
                    try encoder.write(order, to: &writer, controlNumber: nil)
                    count += 1
                }
                try writer.endGroup()
                try writer.endInterchange()
            }
            try writer.flush()
            written = writer.byteCount
            best = min(best, monotonicSeconds() - start)
        }
        print(
            "encode \(groupingThousands(written)) bytes (\(orders.count) orders from \(self.template), "
                + "\(groupingThousands(count)) written); best of \(self.runs): \(formatted(best, decimals: 3)) s = "
                + "\(throughput(written, best)), \(groupingThousands(Int(Double(count) / best))) documents/s; "
                + "peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB")
    }
}
