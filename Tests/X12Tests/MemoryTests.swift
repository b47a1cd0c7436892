import Foundation
import Testing
import X12

/// Memory does not grow with the input: a ~40 MB file read through `FileByteSource` keeps
/// the resident set within a few megabytes of where it started.
///
/// The measurement runs in a child process (an exit test), so that other tests running in
/// parallel in this process cannot move its resident set size.
@Suite struct MemoryTests {
    // Linux only (VmRSS in /proc/self/status); no skip: a missing measurement fails below.
    @Test func readingALargeFileDoesNotGrowMemory() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            try MemoryTests.writeAndReadLargeFile()
        }
        // The child names its file after this process: remove it even if the child crashed.
        try? FileManager.default.removeItem(atPath: MemoryTests.path(parent: getpid()))
        // The child reports what it measured: proof that it got as far as measuring.
        let report = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        #expect(report.contains("VmRSS"), "\(report)")
    }

    static let targetBytes = 40 * 1024 * 1024
    /// The largest growth of VmRSS allowed while reading, in kB.
    static let allowedGrowth = 24 * 1024

    static func path(parent: Int32) -> String {
        FileManager.default.temporaryDirectory.appending(path: "porter-memory-\(parent).edi").path
    }

    /// Runs in the child process.
    static func writeAndReadLargeFile() throws {
        let path = Self.path(parent: getppid())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = try Self.writeFile(at: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size >= Self.targetBytes)
        #expect(size < Self.targetBytes + 1024 * 1024)

        let before = try #require(residentSetKilobytes())
        var peak = before
        var reader = X12Reader(source: try FileByteSource(path: path))
        var sets = 0
        var segments = 0
        var problems = 0
        var lastTransactionCount = 0
        while let event = try reader.next() {
            switch event {
            case .segment:
                segments += 1
                if segments % 50_000 == 0, let now = residentSetKilobytes() { peak = max(peak, now) }
            case .transactionStart:
                sets += 1
            case .transactionEnd(_, let count):
                lastTransactionCount = count
            case .finding(let finding) where finding.severity != .info:
                problems += 1
            default:
                break
            }
        }
        peak = max(peak, residentSetKilobytes() ?? peak)
        Self.report(
            "read \(size) bytes, \(sets) sets, \(segments) segments; VmRSS \(before) kB before, \(peak) kB at most")
        #expect(problems == 0)
        #expect(sets == written.sets)
        #expect(segments == written.segments)
        #expect(lastTransactionCount == written.segmentsPerSet)
        #expect(
            peak - before < Self.allowedGrowth,
            "VmRSS grew from \(before) kB to \(peak) kB reading \(size) bytes")
    }

    /// Writes a line to standard output at once (unbuffered), for the parent to see.
    static func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes 850s until the file holds `targetBytes`.
    ///
    /// - Returns: the sets written, the segments in the file (envelopes included) and the
    ///   segments in each set (ST and SE included).
    static func writeFile(at path: String) throws -> (sets: Int, segments: Int, segmentsPerSet: Int) {
        var writer = try X12Writer(
            sink: try FileByteSink(path: path), delimiters: .standard, lineEnding: .lf,
            controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "ZZ", senderID: "BUYER", receiverQualifier: "ZZ", receiverID: "SUPPLIER",
                date: "240301", time: "1200"))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "PO", senderCode: "BUYER", receiverCode: "SUPPLIER", date: "20240301",
                time: "1200", version: "004010"))
        let header: [X12OwnedSegment] = [
            X12OwnedSegment("CUR", ["BY", "USD"]),
            X12OwnedSegment("REF", ["DP", "038"]),
            X12OwnedSegment("PER", ["BD", "Pat Buyer", "TE", "5555550100", "EM", "pat.buyer@example.com"]),
            X12OwnedSegment("FOB", ["PP"]),
            X12OwnedSegment("ITD", ["01", "3", "2", "", "10", "", "30"]),
            X12OwnedSegment("DTM", ["002", "20240315"]),
            X12OwnedSegment("TD5", ["", "2", "UPSN", "", "UPS Ground"]),
            X12OwnedSegment("N1", ["ST", "Ferndale Market Co-op", "92", "STORE3"]),
            X12OwnedSegment("N3", ["72 Alder Street", "Loading dock B"]),
            X12OwnedSegment("N4", ["Bellingham", "WA", "98225", "US"]),
        ]
        var lines: [X12OwnedSegment] = []
        for line in 1...20 {
            lines.append(
                X12OwnedSegment(
                    "PO1",
                    [
                        .simple("\(line)"), "12", "EA", "6.75", "PE", "VP", .simple("OB-SRD-\(800 + line)"), "UP",
                        "012345678905",
                    ]))
            lines.append(X12OwnedSegment("PID", ["F", "", "", "", .simple("Sourdough boule \(line), 800 g, sliced")]))
            lines.append(X12OwnedSegment("SAC", ["C", "D240", "", "", "150"]))
        }
        let trailer = [X12OwnedSegment("CTT", ["20", "240"]), X12OwnedSegment("AMT", ["TT", "1620.00"])]
        let segmentsPerSet = 2 + 1 + header.count + lines.count + trailer.count
        var sets = 0
        // IEA, GE and their end-of-line: what is left to write after the last set.
        while writer.byteCount < Self.targetBytes - 64 {
            sets += 1
            try writer.beginTransaction("850")
            try writer.writeSegment("BEG", ["00", "SA", .simple("PO-\(sets)"), "", "20240301"])
            for segment in header { try writer.writeSegment(segment) }
            for segment in lines { try writer.writeSegment(segment) }
            for segment in trailer { try writer.writeSegment(segment) }
            try writer.endTransaction()
        }
        try writer.endGroup()
        try writer.endInterchange()
        return (sets, sets * segmentsPerSet + 4, segmentsPerSet)
    }
}
