import ArgumentParser
import Foundation
import Gateway
import Logging
import Store

/// `porter-bench gateway`: drop-to-delivered throughput and latency of the running gateway.
///
/// Runs the gateway in-process (the same services as `porter run`, inotify mode) on a fresh workspace with the
/// repository's `Mappings/`, drops small X12 850s from our ERP into the inbox (written under a dot-name, then renamed),
/// and waits until every order has been delivered to its supplier (X12, directory channel) and to finance (JSON).
/// Latency is per order: from its rename into the inbox to the supplier delivery being recorded.
struct GatewayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway", abstract: "Drop-to-delivered throughput and latency of the gateway.")

    @Option(help: "How many files to drop.") var files = 10_000
    @Option(help: "Files per second to drop at; without it, all at once (a burst).") var rate: Double?
    @Option(help: "The workspace (removed and created again).") var workspace = "/tmp/porter-gateway-bench"
    @Option(help: "Files per store transaction (group commit).") var batchSize = 64
    @Option(help: "Deliveries at once.") var concurrency = 4

    func run() async throws {
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        try? FileManager.default.removeItem(atPath: self.workspace)
        var configuration = GatewayConfiguration.defaults(
            workspace: self.workspace, mappings: repository.appending(path: "Mappings").path)
        configuration.intake.batchSize = self.batchSize
        configuration.intake.rescanIntervalSeconds = 2
        configuration.delivery.concurrency = self.concurrency
        let runtime = try GatewayRuntime(configuration: configuration)
        let template = try String(
            contentsOf: repository.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"), encoding: .utf8)
        let texts = (1...self.files).map { Data(Self.order(template, number: $0).utf8) }
        let inbox = runtime.workspace.inbox
        var silent = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        silent.logLevel = .critical
        let logger = silent
        let service = Task { try await runtime.run(poll: false, logger: logger) }
        try await Task.sleep(for: .milliseconds(500))

        var dropped: [Date] = []
        dropped.reserveCapacity(self.files)
        let start = Date()
        for (index, text) in texts.enumerated() {
            let temporary = inbox + "/.order-\(index + 1).tmp"
            // As an SFTP server or a copy does: write under a dot-name, then rename (no fsync).
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            rename(temporary, inbox + "/order-\(index + 1).edi")
            dropped.append(Date())
            if let rate = self.rate {
                let due = start.addingTimeInterval(Double(index + 1) / rate)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            }
        }
        let droppedAll = Date()
        let deadline = Date().addingTimeInterval(600)
        // Polled every 50 ms: the count walks an index entry per message (20,000 here), so polling every 20 ms took
        // ~3 % of the machine's CPU from the gateway it measures; the end is known to within 50 ms (< 1 % of a run).
        while try await runtime.store.messageCounts()[.delivered, default: 0] < 2 * self.files, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let end = Date()
        service.cancel()
        _ = try? await service.value

        var latencies: [Double] = []
        for message in try await runtime.store.messages(state: .delivered, limit: 4 * self.files)
        where message.draft.partner == "tidewater-kitchenworks" {
            guard let order = message.draft.orderNumber, let number = Int(order.dropFirst(3)),
                let delivered = message.deliveredAt
            else { continue }
            latencies.append(delivered.timeIntervalSince(dropped[number - 1]))
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1000
        }
        let seconds = end.timeIntervalSince(start)
        print(
            """
            files \(self.files), \(self.rate.map { "dropped at \(Int($0))/s" } ?? "burst") (dropping took \
            \(String(format: "%.2f", droppedAll.timeIntervalSince(start))) s)
            delivered \(latencies.count) orders (\(2 * latencies.count) messages) in \(String(format: "%.2f", seconds)) s: \
            \(String(format: "%.0f", Double(self.files) / seconds)) files/s
            latency drop -> delivered: median \(String(format: "%.1f", percentile(0.5))) ms, \
            p99 \(String(format: "%.1f", percentile(0.99))) ms, max \(String(format: "%.1f", percentile(1)))
            """)
    }

    /// The retail 850 with its own ISA13, GS06 and order number.
    ///
    /// Replaced byte by byte: `String.replacingOccurrences` (through NSString) made the 10,000 texts of a burst in
    /// ~13 % of the whole run's CPU, which `/usr/bin/time` counted as the gateway's.
    static func order(_ template: String, number: Int) -> String {
        var bytes = Array(template.utf8)
        for (target, replacement) in [
            ("000004172", String(format: "%09d", number)), ("*4172*", "*\(number)*"),
            ("GE*1*4172~", "GE*1*\(number)~"), ("BO-7734210", "BO-\(number)"),
        ] {
            bytes = Self.replacing(Array(target.utf8), with: Array(replacement.utf8), in: bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes` with every occurrence of `target` replaced, left to right, as `replacingOccurrences` does.
    static func replacing(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            if index + target.count <= bytes.count, bytes[index..<index + target.count].elementsEqual(target) {
                result += replacement
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
