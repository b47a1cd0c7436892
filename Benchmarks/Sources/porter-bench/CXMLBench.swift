import ArgumentParser
import CXML
import Dispatch
import Orders
import Synchronization
import Translation

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `porter-bench cxml FILE`: cXML `OrderRequest`s as an HTTP endpoint receives them, one byte array per document,
/// read with `CXMLReader` (parse only), decoded to the canonical model with `CXMLDocumentDecoder`, and the decoded
/// documents written back with `CXMLDocumentEncoder`.
struct CXMLBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cxml",
        abstract: "Measure reading, decoding and encoding cXML documents (MB/s, documents/s, peak RSS).",
        discussion: """
            FILE is a stream of cXML documents written by generate-cxml; FILE.offsets says where \
            each starts (without it, a document starts at each '<?xml' at the start of a line). \
            The documents are read into memory once, each into its own byte array, before anything \
            is timed. Measured, each the best of --runs: parse (CXMLReader, every event handed \
            out), decode (CXMLDocumentDecoder: reader + element tree + model) and encode \
            (CXMLDocumentEncoder over the decoded documents; MB/s of cXML written). Peak RSS is \
            the process's so far, after each measurement.
            """)

    enum Phase: String, CaseIterable, ExpressibleByArgument {
        case all, parse, decode, encode
    }

    @Argument(help: "The stream of cXML documents.")
    var file: String

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 3

    @Option(help: "What to measure: all, parse, decode or encode (encode decodes once first, untimed).")
    var phase: Phase = .all

    @Option(
        help:
            "Decode with this many threads, each taking the next document as it is free (as the listener decodes concurrent requests)."
    )
    var threads: Int = 1

    func run() throws {
        let documents: [[UInt8]]
        do {
            documents = try Self.load(self.file)
        } catch {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }
        let inputBytes = documents.reduce(0) { $0 + $1.count }
        let runs = max(self.runs, 1)
        print(
            "cxml \(self.file): \(groupingThousands(inputBytes)) bytes in \(counted(documents.count, "document")) "
                + "(one array each); peak RSS after loading \(formatted(peakResidentMiB(), decimals: 1)) MiB")

        if self.phase == .all || self.phase == .parse {
            var best = Double.infinity
            var counts = ParseCounts()
            for _ in 0..<runs {
                let start = monotonicSeconds()
                counts = try Self.parseAll(documents)
                best = min(best, monotonicSeconds() - start)
            }
            self.report(
                "parse (CXMLReader)", bytes: inputBytes, documents: documents.count, seconds: best,
                details: "\(groupingThousands(counts.events)) events, \(groupingThousands(counts.elements)) elements, "
                    + "\(groupingThousands(counts.attributes)) attributes, \(groupingThousands(counts.textBytes)) "
                    + "bytes of text")
        }

        if self.phase == .all || self.phase == .decode {
            var best = Double.infinity
            var outcome = DecodeOutcome()
            for _ in 0..<runs {
                let start = monotonicSeconds()
                outcome =
                    self.threads > 1
                    ? try Self.decodeConcurrently(documents, threads: self.threads)
                    : try Self.decodeAll(documents, keeping: false)
                best = min(best, monotonicSeconds() - start)
            }
            let threads = self.threads > 1 ? ", \(self.threads) threads" : ""
            self.report(
                "decode (CXMLDocumentDecoder, to the model\(threads))", bytes: inputBytes, documents: documents.count,
                seconds: best,
                details: "\(counted(outcome.orders, "purchase order")), \(groupingThousands(outcome.lines)) lines; "
                    + outcome.findingSummary)
        }

        if self.phase == .all || self.phase == .encode {
            let decoded = try Self.decodeAll(documents, keeping: true).kept
            var best = Double.infinity
            var written = 0
            for _ in 0..<runs {
                let start = monotonicSeconds()
                written = try Self.encodeAll(decoded)
                best = min(best, monotonicSeconds() - start)
            }
            self.report(
                "encode (CXMLDocumentEncoder, model to cXML)", bytes: written, documents: decoded.count, seconds: best,
                details: "\(groupingThousands(written)) bytes of cXML written")
        }
    }

    private func report(_ what: String, bytes: Int, documents: Int, seconds: Double, details: String) {
        print(
            "\(what): best of \(max(self.runs, 1)): \(formatted(seconds, decimals: 3)) s = "
                + "\(throughput(bytes, seconds)), \(groupingThousands(Int(Double(documents) / seconds))) documents/s; "
                + "peak RSS \(formatted(peakResidentMiB(), decimals: 1)) MiB (\(details))")
    }

    // MARK: Measurements (not inlined, so that callgrind can count each alone with --toggle-collect)

    struct ParseCounts {
        var events = 0
        var elements = 0
        var attributes = 0
        var textBytes = 0
    }

    @inline(never)
    static func parseAll(_ documents: [[UInt8]]) throws -> ParseCounts {
        var counts = ParseCounts()
        for document in documents {
            let reader = CXMLReader(bytes: document)
            while let event = try reader.next() {
                counts.events += 1
                switch event {
                case .elementStart(_, let attributes, _):
                    counts.elements += 1
                    counts.attributes += attributes.count
                case .text(let text, _): counts.textBytes += text.utf8.count
                case .documentType, .elementEnd: break
                }
            }
        }
        return counts
    }

    struct DecodeOutcome {
        var orders = 0
        var lines = 0
        var kept: [BusinessDocument] = []
        var findings: [CXMLFinding.Severity: Int] = [:]
        var codes: [String: Int] = [:]

        /// `0 errors, 12 warnings (unknownElement 10, …), 3 infos`.
        var findingSummary: String {
            let counts = CXMLFinding.Severity.allCases.map { "\(self.findings[$0] ?? 0) \($0.rawValue)s" }
            let common = self.codes.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key) \($0.value)" }
            return "findings: " + counts.joined(separator: ", ")
                + (common.isEmpty ? "" : " (" + common.joined(separator: ", ") + ")")
        }
    }

    @inline(never)
    static func decodeAll(_ documents: [[UInt8]], keeping: Bool) throws -> DecodeOutcome {
        var outcome = DecodeOutcome()
        let decoder = CXMLDocumentDecoder(sourceName: nil)
        for document in documents {
            let result = try decoder.decode(CXMLReader(bytes: document))
            if case .document(let business)? = result.content {
                outcome.orders += 1
                if case .purchaseOrder(let order) = business { outcome.lines += order.lines.count }
                if keeping { outcome.kept.append(business) }
            }
            for finding in result.findings {
                outcome.findings[finding.severity, default: 0] += 1
                if finding.severity != .info {
                    outcome.codes["\(finding.severity.rawValue) \(finding.code.rawValue)", default: 0] += 1
                }
            }
        }
        return outcome
    }

    /// ``decodeAll(_:keeping:)`` on `threads` threads, each with its own decoder taking the next document not yet
    /// taken; the outcomes added up.
    @inline(never)
    static func decodeConcurrently(_ documents: [[UInt8]], threads: Int) throws -> DecodeOutcome {
        let next = Atomic<Int>(0)
        let outcomes = Mutex<[Result<DecodeOutcome, any Error>]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let result = Result { () throws -> DecodeOutcome in
                var outcome = DecodeOutcome()
                let decoder = CXMLDocumentDecoder(sourceName: nil)
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < documents.count else { break }
                    let result = try decoder.decode(CXMLReader(bytes: documents[index]))
                    if case .document(let business)? = result.content {
                        outcome.orders += 1
                        if case .purchaseOrder(let order) = business { outcome.lines += order.lines.count }
                    }
                    for finding in result.findings {
                        outcome.findings[finding.severity, default: 0] += 1
                        if finding.severity != .info {
                            outcome.codes["\(finding.severity.rawValue) \(finding.code.rawValue)", default: 0] += 1
                        }
                    }
                }
                return outcome
            }
            outcomes.withLock { $0.append(result) }
        }
        var total = DecodeOutcome()
        for result in outcomes.withLock({ $0 }) {
            let outcome = try result.get()
            total.orders += outcome.orders
            total.lines += outcome.lines
            total.findings.merge(outcome.findings, uniquingKeysWith: +)
            total.codes.merge(outcome.codes, uniquingKeysWith: +)
        }
        return total
    }

    @inline(never)
    static func encodeAll(_ documents: [BusinessDocument]) throws -> Int {
        let encoder = CXMLDocumentEncoder(options: CXMLEncodingOptions())
        var written = 0
        for document in documents {
            written += try encoder.encode(document).bytes.count
        }
        return written
    }

    // MARK: Loading

    /// Each document of the stream in its own array, read from the file one document at a time.
    static func load(_ path: String) throws -> [[UInt8]] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(call: "open", path: path, errorNumber: errno) }
        defer { close(descriptor) }
        guard let size = fileSize(path) else { throw SystemCallError(call: "stat", path: path, errorNumber: errno) }
        let offsets = try self.readOffsets(path + ".offsets", streamSize: size) ?? self.scanOffsets(descriptor, size)
        var documents: [[UInt8]] = []
        documents.reserveCapacity(offsets.count)
        for (start, end) in zip(offsets, offsets.dropFirst()) where end > start {
            let document = try [UInt8](unsafeUninitializedCapacity: end - start) { buffer, count in
                var done = 0
                while done < end - start {
                    let got = pread(descriptor, buffer.baseAddress! + done, end - start - done, off_t(start + done))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { throw SystemCallError(call: "read", path: path, errorNumber: errno) }
                    done += got
                }
                count = done
            }
            documents.append(document)
        }
        return documents
    }

    /// The offsets in `path` (one decimal number a line, the file's size last), or `nil` if there is no such file.
    private static func readOffsets(_ path: String, streamSize: Int) throws -> [Int]? {
        guard let size = fileSize(path) else { return nil }
        let text = try self.contents(path, size: size)
        var offsets: [Int] = []
        var value = 0
        var digits = 0
        for byte in text {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte == UInt8(ascii: "\n") && digits > 0 {
                offsets.append(value)
                value = 0
                digits = 0
            }
        }
        if digits > 0 { offsets.append(value) }
        guard offsets.allSatisfy({ $0 <= streamSize }), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else {
            throw SystemCallError(
                call: "offsets (not ascending, or past the end of the stream)", path: path, errorNumber: 0)
        }
        if offsets.last != streamSize { offsets.append(streamSize) }
        return offsets
    }

    /// The first `size` bytes of the file at `path`.
    private static func contents(_ path: String, size: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(call: "open", path: path, errorNumber: errno) }
        defer { close(descriptor) }
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = read(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { throw SystemCallError(call: "read", path: path, errorNumber: errno) }
                if got == 0 { break }
                done += got
            }
            count = done
        }
    }

    /// Offsets found by looking for `<?xml` at the start of the stream or of a line.
    private static func scanOffsets(_ descriptor: Int32, _ size: Int) throws -> [Int] {
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = pread(descriptor, buffer.baseAddress!, size, 0)
            if count < 0 { count = 0 }
        }
        let marker = Array("<?xml".utf8)
        var offsets: [Int] = []
        var index = 0
        while index + marker.count <= bytes.count {
            if (index == 0 || bytes[index - 1] == UInt8(ascii: "\n")) && bytes[index] == UInt8(ascii: "<")
                && Array(bytes[index..<index + marker.count]) == marker
            {
                offsets.append(index)
            }
            index += 1
        }
        offsets.append(size)
        return offsets
    }
}
