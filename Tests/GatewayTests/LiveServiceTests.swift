import Foundation
import Gateway
import Glibc
import Logging
import Store
import Testing

/// The gateway's services running as `porter run` runs them (intake, delivery, retention in one ServiceGroup), fed
/// by writers that behave like real senders.
@Suite("Gateway live services")
struct LiveServiceTests {
    @Test("2,000 orders dropped in one burst are all archived once and delivered once to each recipient")
    func burstOfTwoThousand() async throws {
        let count = 2_000
        let gateway = try TestGateway(configure: {
            // A lost inotify event (queue overflow) is made good by the next rescan.
            $0.intake.rescanIntervalSeconds = 0.5
            $0.intake.stableForSeconds = 0.2
        })
        let orders = try (1...count).map { try retailOrder(number: 20_000 + $0) }
        try await Self.withServices(gateway) {
            for (index, order) in orders.enumerated() {
                try gateway.drop(order, as: String(format: "po-%05d.edi", index + 1))
            }
            let done = try await eventually(timeout: .seconds(120), interval: .milliseconds(200)) {
                try await gateway.store.messageCounts()[.delivered] == 2 * count
            }
            #expect(done)
        }
        #expect(try await gateway.store.messageCounts() == [.delivered: 2 * count])
        #expect(gateway.files(in: "archive").count == count)
        #expect(gateway.files(in: "inbox").isEmpty)
        #expect(gateway.files(in: "work").isEmpty)
        #expect(gateway.files(in: "error").isEmpty)
        let expected = Set((1...count).map { "BO-\(20_000 + $0)" })
        let supplier = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(supplier.count == count)
        #expect(Set(supplier.map(Self.orderNumber)) == expected)
        let finance = gateway.files(in: "outbox/finance")
        #expect(finance.count == count)
        #expect(Set(finance.map(Self.orderNumber)) == expected)
    }

    @Test("polling mode: a file appended to over 1.5 s under its final name is taken only once complete")
    func slowWriterWhilePolling() async throws {
        let gateway = try TestGateway(configure: {
            $0.intake.poll = true
            $0.intake.pollIntervalSeconds = 0.1
            $0.intake.stableForSeconds = 0.75
        })
        try await Self.slowWriterIsTakenWhole(gateway, pause: .milliseconds(100))
    }

    @Test("inotify mode: a file written slowly in place is taken only after it is closed")
    func slowWriterWithInotify() async throws {
        let gateway = try TestGateway(configure: {
            // Only the close can make it ready: a file no event announced would wait this long.
            $0.intake.stableForSeconds = 3_600
            $0.intake.rescanIntervalSeconds = 0.1
        })
        try await Self.slowWriterIsTakenWhole(gateway, pause: .milliseconds(100))
    }

    // MARK: Support

    /// Writes an order slowly into the inbox (under its final name, in 15 pieces, `pause` apart, then closed) while
    /// the services run; the file must still be in the inbox after every piece, and end archived whole, once.
    static func slowWriterIsTakenWhole(_ gateway: TestGateway, pause: Duration) async throws {
        let order = try retailOrder(number: 30_001)
        let path = gateway.workspace.inbox + "/slow-po.edi"
        try await Self.withServices(gateway) {
            let stayed = try await SlowWriter.write(order, to: path, pieces: 15, pause: pause)
            #expect(stayed, "the file was claimed before its writer closed it")
            // A generous deadline: the whole suite shares two cores with the 2,000-file burst above.
            let done = try await eventually(timeout: .seconds(120)) {
                try await gateway.store.messageCounts()[.delivered] == 2
            }
            #expect(done)
        }
        let archived = gateway.files(in: "archive")
        try #require(archived.count == 1)
        #expect(try Data(contentsOf: URL(filePath: gateway.workspace.archive + "/" + archived[0])) == order)
        #expect(gateway.files(in: "error").isEmpty)
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
    }

    /// Runs the gateway's services (inotify or polling, as configured) around `body`, then cancels them and waits
    /// until they stopped.
    static func withServices(_ gateway: TestGateway, _ body: () async throws -> Void) async throws {
        let runtime = gateway.runtime
        let logger = Logger(label: "porter.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let services = Task { try await runtime.run(poll: false, logger: logger) }
        // Files written before the watcher exists are not announced: start once it watches.
        #expect(await eventually(timeout: .seconds(60)) { runtime.isWatchingInbox })
        var failure: (any Error)?
        do { try await body() } catch { failure = error }
        services.cancel()
        _ = await services.result
        if let failure { throw failure }
    }

    /// `BO-20001` from `purchaseOrder-BO-20001-000000001.x12` or a finance copy's name.
    static func orderNumber(_ name: String) -> String {
        let parts = name.split(separator: "-")
        return parts.count > 2 ? "\(parts[1])-\(parts[2])" : name
    }
}

/// A sender that writes a file in pieces with pauses, on a thread of its own (not the cooperative pool the gateway
/// runs on), keeping the file open until the last piece.
enum SlowWriter {
    /// Writes `data` to `path` in `pieces`, `pause` apart, then closes it; returns whether the file was still at
    /// `path` after every piece (not claimed meanwhile).
    static func write(_ data: Data, to path: String, pieces: Int, pause: Duration) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try Self.writeBlocking(data, to: path, pieces: pieces, pause: pause) })
            }
            thread.start()
        }
    }

    private static func writeBlocking(_ data: Data, to path: String, pieces: Int, pause: Duration) throws -> Bool {
        // One open for the whole file: a create-then-reopen would close it (and announce it) while still empty.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = [UInt8](data)
        let size = (bytes.count + pieces - 1) / pieces
        var stayed = true
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            let written = bytes[offset..<end].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written == end - offset else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset = end
            if !FileManager.default.fileExists(atPath: path) { stayed = false }
            if offset < bytes.count { Thread.sleep(forTimeInterval: pause.seconds) }
        }
        return stayed
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: TimeInterval {
        let parts = self.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
