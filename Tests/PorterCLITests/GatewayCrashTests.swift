import Foundation
import Store
import Testing

/// The gateway's crash safety: `porter run` is SIGKILLed at random moments while files keep arriving, and
/// restarted each time. Afterwards every input is archived, every expected output is in its outbox exactly once (by
/// order number and control number), and the SQLite file passes its integrity check.
///
/// `PORTER_CRASH_FILES` and `PORTER_CRASH_KILLS` make it longer (Benchmarks/crash-soak.sh runs 10,000 files
/// and 100 kills); the suite runs 2,000 and 20.
@Suite("porter run crash safety")
struct GatewayCrashTests {
    @Test("SIGKILL at random moments while files arrive: nothing lost, nothing delivered twice")
    func killLoop() async throws {
        let environment = ProcessInfo.processInfo.environment
        let fileCount = environment["PORTER_CRASH_FILES"].flatMap(Int.init) ?? 2_000
        let kills = environment["PORTER_CRASH_KILLS"].flatMap(Int.init) ?? 20
        let seed = environment["PORTER_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...1_000_000)
        var random = SeededGenerator(seed: seed)
        let site = try GatewaySite(extra: "delivery:\n  leaseSeconds: 1\n")
        let template = try String(
            contentsOf: PorterProcess.packageRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"),
            encoding: .utf8)
        let inbox = site.workspace.appending(path: "inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)

        // The sender drops every file (complete: written under a dot-name, then renamed) over a few seconds.
        let dropper = Task.detached {
            for number in 1...fileCount {
                let text = Self.order(template, number: number)
                let temporary = inbox.appending(path: ".order-\(number).tmp")
                try Data(text.utf8).write(to: temporary)
                try FileManager.default.moveItem(at: temporary, to: inbox.appending(path: "order-\(number).edi"))
                if number % 50 == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
        }
        for _ in 0..<kills {
            let process = try site.startRun()
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...700, using: &random)))
            let pid = process.processIdentifier
            kill(pid, SIGKILL)
            // waitpid, not Process.waitUntilExit: Foundation's run-loop wait can miss the exit of a killed child.
            #expect(Self.reap(pid), "seed \(seed): pid \(pid) did not die of SIGKILL")
        }
        try await dropper.value
        // Leases of messages a killed run was delivering expire after a second; then one last run finishes.
        try await Task.sleep(for: .milliseconds(1_200))
        let last = try site.porter(["run", "--once"])
        #expect(last.status == 0, "seed \(seed): \(last.standardError.suffix(2_000))")

        #expect(site.files(in: "inbox").isEmpty, "seed \(seed)")
        #expect(site.files(in: "work").isEmpty, "seed \(seed)")
        #expect(site.files(in: "error").isEmpty, "seed \(seed)")
        #expect(site.files(in: "archive").count == fileCount, "seed \(seed)")
        for (folder, suffix) in [("outbox/tidewater-kitchenworks", ".x12"), ("outbox/finance", ".json")] {
            let names = site.files(in: folder)
            #expect(names.allSatisfy { $0.hasSuffix(suffix) }, "seed \(seed): \(folder) holds temporary files")
            // One file per order: the order number is in each name.
            let orders = Set(names.compactMap { $0.split(separator: "-").dropFirst().prefix(2).joined(separator: "-") })
            #expect(names.count == fileCount, "seed \(seed): \(folder) has \(names.count) files")
            #expect(orders.count == fileCount, "seed \(seed): \(folder) has \(orders.count) orders")
        }
        let store = try SQLiteGatewayStore(path: site.workspace.appending(path: "porter.sqlite").path)
        #expect(try await store.integrityCheck().isEmpty, "seed \(seed)")
        #expect(try await store.messageCounts() == [.delivered: 2 * fileCount], "seed \(seed)")
        // Every ISA13 sent to the supplier is distinct.
        let sent = site.files(in: "outbox/tidewater-kitchenworks").map { $0.split(separator: "-").last ?? "" }
        #expect(Set(sent).count == fileCount, "seed \(seed)")
    }

    /// Waits (up to 30 s) until `pid` has exited; true when it died of SIGKILL or was already reaped by Foundation.
    static func reap(_ pid: Int32) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        var status: Int32 = 0
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status & 0x7F) == SIGKILL }
            if result == -1 { return errno == ECHILD }
            usleep(5_000)
        }
        return false
    }

    /// The retail 850 with its own ISA13, GS06 and order number.
    static func order(_ template: String, number: Int) -> String {
        let isa13 = String(format: "%09d", number)
        return
            template
            .replacingOccurrences(of: "000004172", with: isa13)
            .replacingOccurrences(of: "*4172*", with: "*\(number)*")
            .replacingOccurrences(of: "GE*1*4172~", with: "GE*1*\(number)~")
            .replacingOccurrences(of: "BO-7734210", with: "BO-\(number)")
    }
}

extension GatewaySite {
    /// `porter run` in the background, its output discarded.
    func startRun() throws -> Process {
        let process = Process()
        process.executableURL = PorterProcess.executable
        process.arguments = ["run", "--config", self.configuration.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// A small deterministic generator (SplitMix64), so a failing run can be replayed with its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
