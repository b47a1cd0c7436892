import ArgumentParser
import Foundation
import X12

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
        print(
            "cat \(self.file) > /dev/null: best of \(self.runs): \(formatted(best, decimals: 3)) s = \(throughput(size, best))"
        )
        // cat may splice to /dev/null without reading; read(2) in 64 KiB chunks is the
        // ceiling any reader of this file has in this run.
        var bestRead = Double.infinity
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 64)
        defer { buffer.deallocate() }
        for _ in 0..<max(self.runs, 1) {
            let start = monotonicSeconds()
            let source = try FileByteSource(path: self.file)
            while try source.read(into: buffer) > 0 {}
            bestRead = min(bestRead, monotonicSeconds() - start)
        }
        print(
            "read(2) \(self.file) in 64 KiB chunks: best of \(self.runs): \(formatted(bestRead, decimals: 3)) s = \(throughput(size, bestRead))"
        )
    }
}
