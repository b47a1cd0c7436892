import ArgumentParser
import Orders
import Translation
import X12

/// `porter-bench decode FILE`: X12 → canonical model, one transaction set at a time (reader + codec).
struct Decode: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure decoding X12 to the canonical model (MB/s of X12, documents/s, peak RSS).")

    @Argument(help: "The X12 file to decode.")
    var file: String

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    @Flag(help: "Also write each document as canonical JSON (into memory, discarded): decode + JSON.")
    var json = false

    func run() throws {
        guard let size = fileSize(self.file) else {
            printToStandardError("porter-bench: cannot read \(self.file)")
            throw ExitCode(2)
        }
        var best = Double.infinity
        var documents = 0
        var lines = 0
        var jsonBytes = 0
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            documents = 0
            lines = 0
            jsonBytes = 0
            var reader = X12DocumentReader(source: try FileByteSource(path: self.file))
            while let event = try reader.next() {
                guard case .document(let set) = event, let document = set.document else { continue }
                documents += 1
                if case .purchaseOrder(let order) = document { lines += order.lines.count }
                if self.json { jsonBytes += document.encodeCanonicalJSON().count + 1 }
            }
            best = min(best, monotonicSeconds() - start)
        }
        let what = self.json ? "decode+json" : "decode"
        print(
            "\(what) \(self.file): \(groupingThousands(size)) bytes, \(groupingThousands(documents)) documents, "
                + "\(groupingThousands(lines)) order lines"
                + (self.json ? ", \(groupingThousands(jsonBytes)) bytes of JSON" : "")
                + "; best of \(self.runs): \(formatted(best, decimals: 3)) s = \(throughput(size, best)), "
                + "\(groupingThousands(Int(Double(documents) / best))) documents/s; "
                + "peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB")
    }
}
