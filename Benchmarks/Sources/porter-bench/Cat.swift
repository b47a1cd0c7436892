import ArgumentParser
import Foundation

/// `porter-bench cat FILE`: how fast `cat FILE > /dev/null` reads the same file, the
/// baseline printed beside the X12 numbers in the same run.
struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time `cat FILE > /dev/null` (the I/O baseline).")

    @Argument(help: "The file to read.")
    var file: String

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    func run() throws {
        guard let size = fileSize(self.file) else {
            printToStandardError("porter-bench: cannot read \(self.file)")
            throw ExitCode(2)
        }
        var best = Double.infinity
        for _ in 0..<max(self.runs, 1) {
            let process = Process()
            process.executableURL = URL(filePath: "/bin/cat")
            process.arguments = [self.file]
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            let start = monotonicSeconds()
            try process.run()
            process.waitUntilExit()
            best = min(best, monotonicSeconds() - start)
        }
        print("cat \(self.file) > /dev/null: best of \(self.runs): \(formatted(best, decimals: 3)) s = \(throughput(size, best))")
    }
}
