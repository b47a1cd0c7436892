import ArgumentParser
import Foundation
import X12

/// `porter-bench tokenize FILE`: X12Reader over a file with envelope checks, nothing else.
///
/// Every segment is handed out as a view and its id looked at (as any consumer does); the
/// reader itself splits every element and checks every envelope. The best of `--runs` runs
/// is reported, with the process's peak RSS.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure X12 tokenizing with envelope checks (MB/s, peak RSS).")

    @Argument(help: "The X12 file to read.")
    var file: String

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    @Option(help: "Bytes pulled from the file at a time.")
    var chunkSize: Int = 64 * 1024

    @Flag(
        help:
            "Load the file into memory first and read it from there: measures the reader alone, without the disk (peak RSS then includes the file)."
    )
    var inMemory = false

    func run() throws {
        guard let size = fileSize(self.file) else {
            printToStandardError("porter-bench: cannot read \(self.file)")
            throw ExitCode(2)
        }
        let contents: [UInt8]? = self.inMemory ? try Self.load(self.file, size: size) : nil
        var best = Double.infinity
        var segments = 0
        var elements = 0
        var findings = 0
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            var configuration = X12Reader.Configuration(sourceName: self.file)
            configuration.chunkSize = self.chunkSize
            let source: any ByteSource = try contents.map { MemoryByteSource($0) } ?? FileByteSource(path: self.file)
            var reader = X12Reader(source: source, configuration: configuration)
            segments = 0
            elements = 0
            findings = 0
            while let event = try reader.next() {
                switch event {
                case .segment(let segment):
                    segments &+= 1
                    elements &+= segment.elementCount
                case .finding:
                    findings &+= 1
                default:
                    break
                }
            }
            best = min(best, monotonicSeconds() - start)
        }
        print(
            "tokenize\(self.inMemory ? " (in memory)" : "") \(self.file): \(groupingThousands(size)) bytes, \(groupingThousands(segments)) segments, "
                + "\(groupingThousands(elements)) elements, \(findings) findings; best of \(self.runs): "
                + "\(formatted(best, decimals: 3)) s = \(throughput(size, best)); peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB"
        )
    }

    static func load(_ path: String, size: Int) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(filePath: path)))
    }
}
