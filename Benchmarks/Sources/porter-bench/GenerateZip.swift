import ArgumentParser
import Conversion

/// `porter-bench generate-zip`: a `.zip` archive of many small X12 files, one document each, for `porter convert`.
///
/// Each member is one interchange holding one transaction set, from the same generator as `generate`; the same
/// transaction set, count and seed always give the same members. Members are compressed (deflate) and streamed into
/// the archive one at a time.
struct GenerateZip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-zip",
        abstract: "Write a .zip archive of many one-document X12 files (for porter convert benchmarks).",
        discussion: """
            Member names are NNNNN.edi (00001.edi, 00002.edi, ...). ISA13/GS06 count up from 1, so every \
            document has its own control numbers. The archive must not exist.
            """
    )

    @Argument(help: "The transaction set of the documents: 850 (purchase orders) or 856 (ship notices).")
    var transactionSet: TransactionSetKind = .purchaseOrder

    @Option(help: "How many members (documents) to write.")
    var documents: Int = 10_000

    @Option(name: [.short, .customLong("output")], help: "The archive to write (must not exist).")
    var output: String

    @Option(help: "Seed of the pseudo-random generator; the same seed gives the same members.")
    var seed: UInt64 = 1

    func validate() throws {
        guard self.documents > 0 else { throw ValidationError("--documents must be greater than zero.") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        var generator = X12FileGenerator(
            transactionSet: self.transactionSet, version: .v004010, seed: self.seed, setsPerGroup: 1)
        let width = max(5, String(self.documents).count)
        var bytes = 0
        do {
            let archive = try ZipArchiveWriter(path: self.output)
            for index in 1...self.documents {
                let sink = MemorySink()
                let buffer = OutputBuffer(capacity: 64 * 1024, sink: sink)
                generator.writeInterchange(to: SegmentWriter(buffer: buffer))
                buffer.flush()
                let number = String(index)
                let name = String(repeating: "0", count: max(0, width - number.count)) + number + ".edi"
                try archive.add(name: name, bytes: sink.bytes)
                bytes += sink.bytes.count
            }
            try archive.close()
        } catch {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }
        let elapsed = clock.now - started
        print("\(self.output): \(self.documents) members, \(bytes) bytes uncompressed, written in \(elapsed)")
    }
}
