import Foundation
import Testing

/// `porter translate` streams: a large file of orders is translated one set at a time, so the process's resident
/// set stays flat however many orders the file holds.
@Suite struct TranslateStreamingTests {
    /// Orders in the generated file: about 4 MB of X12.
    static let orderCount = 4_000
    /// The most resident memory the translating process may reach, in kB. The previous, whole-file
    /// implementation held the input, every decoded order and the whole output at once (about 60 MB here);
    /// streaming stays under 30 MB in a debug build.
    static let allowedResidentKilobytes = 48 * 1024

    /// One interchange of `count` copies of the retail fixture's 850, each with its own ST02.
    static func largeInterchange(count: Int) throws -> Data {
        let fixture = String(
            decoding: try Data(
                contentsOf: PorterProcess.packageRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi")),
            as: UTF8.self)
        let segments = fixture.split(separator: "~").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let isa = segments[0]
        let gs = segments[1]
        guard let start = segments.firstIndex(where: { $0.hasPrefix("BEG*") }),
            let end = segments.firstIndex(where: { $0.hasPrefix("SE*") })
        else { throw CocoaError(.fileReadCorruptFile) }
        let body = segments[start..<end].joined(separator: "~\n") + "~\n"
        var text = "\(isa)~\n\(gs)~\n"
        text.reserveCapacity(count * (body.count + 40))
        for number in 1...count {
            let control = String(format: "%06d", number)
            text += "ST*850*\(control)~\n" + body + "SE*\(end - start + 2)*\(control)~\n"
        }
        text += "GE*\(count)*4172~\nIEA*1*000004172~\n"
        return Data(text.utf8)
    }

    @Test func aLargeFileIsTranslatedInConstantMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appending(path: "orders.edi")
        try Self.largeInterchange(count: Self.orderCount).write(to: input)
        let output = folder.appending(path: "orders.jsonl")

        let process = Process()
        process.executableURL = PorterProcess.executable
        process.arguments = ["translate", input.path, "--to", "json", "-o", output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Sample the child's resident set while it runs (a lower bound of its peak, taken often).
        var peak = 0
        var samples = 0
        while process.isRunning {
            if let now = Self.residentKilobytes(of: process.processIdentifier) {
                peak = max(peak, now)
                samples += 1
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(samples > 0, "the process ended before it could be measured")
        #expect(peak > 0 && peak < Self.allowedResidentKilobytes, "peak resident set \(peak) kB")

        // Every order came out, one JSON line each, in order.
        let lines = String(decoding: try Data(contentsOf: output), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == Self.orderCount)
        #expect(lines.first?.contains("\"transactionControlNumber\":\"000001\"") == true)
        #expect(
            lines.last?.contains("\"transactionControlNumber\":\"\(String(format: "%06d", Self.orderCount))\"") == true)
        // No temporary file is left beside the output.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["orders.edi", "orders.jsonl"])
    }

    /// VmRSS of a process from /proc, in kB.
    static func residentKilobytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
