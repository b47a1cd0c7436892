import ArgumentParser
import X12

/// `porter-bench validate FILE`: full schema validation (X12Validator over X12Reader).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure full X12 schema validation (MB/s, peak RSS).")

    @Argument(help: "The X12 file to validate.")
    var file: String

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    func run() throws {
        guard let size = fileSize(self.file) else {
            printToStandardError("porter-bench: cannot read \(self.file)")
            throw ExitCode(2)
        }
        var best = Double.infinity
        var segments = 0
        var findings: [X12Finding.Severity: Int] = [:]
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            var validator = X12Validator(
                reader: X12Reader(source: try FileByteSource(path: self.file)), sourceName: self.file)
            segments = 0
            findings = [:]
            while let event = try validator.next() {
                switch event {
                case .segment: segments &+= 1
                case .finding(let finding): findings[finding.severity, default: 0] += 1
                default: break
                }
            }
            best = min(best, monotonicSeconds() - start)
        }
        let summary = X12Finding.Severity.allCases.map { "\(findings[$0, default: 0]) \($0.rawValue)" }.joined(
            separator: ", ")
        print(
            "validate \(self.file): \(groupingThousands(size)) bytes, \(groupingThousands(segments)) segments, "
                + "findings: \(summary); best of \(self.runs): \(formatted(best, decimals: 3)) s = "
                + "\(throughput(size, best)); peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB")
    }
}
