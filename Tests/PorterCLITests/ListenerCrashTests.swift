import AsyncHTTPClient
import Foundation
import PorterTestSupport
import NIOCore
import NIOHTTP1
import Store
import Testing

/// `porter run --listen` as users run it: the built binary, a real port on 127.0.0.1, a real workspace and SQLite
/// file. With the test-only fault `PORTER_FAULT=crash-after-persist` the process kills itself right after a document
/// is persisted: the sender sees the connection drop, and the next start processes the document exactly once.
@Suite("porter run --listen")
struct ListenerCrashTests {
    static let secret = "cli-listener-secret"

    @Test("killed after persisting: the connection drops, the restart processes the document exactly once")
    func crashAfterPersist() async throws {
        let site = try GatewaySite()
        try Self.prepare(site)
        let payloadID = "crash-1@erp.example"
        let body = try Self.orderRequest(payloadID: payloadID)

        let crashing = try ListeningPorter(site: site, environment: ["PORTER_FAULT": "crash-after-persist"])
        let url = try #require(crashing.url, "no listening line: \(crashing.standardError())")
        await #expect(throws: (any Error).self) { _ = try await Self.post(body, to: url) }
        #expect(GatewayCrashTests.reap(crashing.process.processIdentifier), "porter did not die of SIGKILL")
        let left = site.files(in: "work")
        #expect(left.count == 1 && left[0].hasSuffix("~http%2Fcrash-1_erp.example.xml"), "\(left)")
        #expect(site.files(in: "archive").isEmpty)

        let once = try site.porter(["run", "--once", "--json"])
        #expect(once.status == 0, "\(once.standardError)")
        #expect(once.standardOutput.contains(#""file":"http/crash-1_erp.example.xml","disposition":"archived""#))
        #expect(site.files(in: "work").isEmpty)
        #expect(site.files(in: "archive").count == 1)
        let store = try SQLiteGatewayStore(path: site.workspace.appending(path: "porter.sqlite").path)
        #expect(try await store.receivedPayloadIDs([payloadID]) == [payloadID])
        #expect(try await store.duplicates(limit: 10).isEmpty)
        let messages = try await store.messages(state: nil, limit: 10)
        #expect(!messages.isEmpty)
        #expect(Set(messages.map(\.draft.partner)).count == messages.count, "one message per recipient")
        try store.close()

        // Running again, without the fault: the same payloadID is a conflict, and SIGTERM stops it gracefully.
        let running = try ListeningPorter(site: site, environment: [:])
        let again = try #require(running.url, "no listening line: \(running.standardError())")
        let reply = try await Self.post(body, to: again)
        #expect(reply.status == 409)
        #expect(reply.text.contains(#"<Status code="409" text="Conflict">"#))
        kill(running.process.processIdentifier, SIGTERM)
        #expect(running.exitStatus() == 0, "\(running.standardError())")
        #expect(site.files(in: "archive").count == 1)
    }

    @Test("--listen must be HOST:PORT, and cannot go with --once (usage errors)")
    func listenIsChecked() throws {
        let site = try GatewaySite()
        #expect(try site.porter(["run", "--listen", "nowhere"]).status == 64)
        #expect(try site.porter(["run", "--once", "--listen", "127.0.0.1:0"]).status == 64)
    }

    /// The ERP sends cXML orders (DUNS 804417263) with a shared secret from a file.
    static func prepare(_ site: GatewaySite) throws {
        let secretFile = site.root.appending(path: "shared.secret")
        try Self.secret.write(to: secretFile, atomically: true, encoding: .utf8)
        try TestMappings.erpSendsCXML(in: site.mappings, secretFile: secretFile.path, copperleafToo: false)
    }

    /// Copperleaf's golden OrderRequest sent by the ERP for production, with `payloadID` and the shared secret.
    static func orderRequest(payloadID: String) throws -> [UInt8] {
        var text = try String(
            contentsOf: PorterProcess.packageRoot.appending(
                path: "Mappings/copperleaf-office/tests/order-to-cxml.expected.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "golden-order-to-cxml@porter.invalid", with: payloadID)
            .replacingOccurrences(of: #"<Request deploymentMode="test">"#, with: "<Request>")
        if let sender = text.range(of: "<Sender>"),
            let end = text.range(of: "</Credential>", range: sender.upperBound..<text.endIndex)
        {
            text.insert(contentsOf: "<SharedSecret>\(Self.secret)</SharedSecret>", at: end.lowerBound)
        }
        return Array(text.utf8)
    }

    static func post(_ body: [UInt8], to url: String) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml")
        request.body = .bytes(body)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: data))
    }
}

/// `porter run --listen 127.0.0.1:0` in the background; ``url`` is read from its `listening on` line.
final class ListeningPorter {
    let process = Process()
    private let errorFile: URL
    /// `http://127.0.0.1:PORT/cxml`, or `nil` when the process ended (or took 60 s) without saying it.
    private(set) var url: String?

    init(site: GatewaySite, environment: [String: String]) throws {
        self.errorFile = site.root.appending(path: "stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: self.errorFile.path, contents: nil)
        self.process.executableURL = PorterProcess.executable
        self.process.arguments = ["run", "--config", site.configuration.path, "--listen", "127.0.0.1:0"]
        self.process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        self.process.standardOutput = output
        self.process.standardError = try FileHandle(forWritingTo: self.errorFile)
        try self.process.run()
        // Reads standard output until the listening line (or the end); the rest is left in the pipe.
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !text.contains("/cxml\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
            self.url = String(line.dropFirst("listening on ".count))
        }
    }

    deinit {
        if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
    }

    /// Waits (up to 60 s) for the process to exit and returns its exit status (`nil`: it did not exit, or was
    /// killed by a signal). waitpid, not Process.waitUntilExit, which can miss a child's exit.
    func exitStatus() -> Int32? {
        let pid = self.process.processIdentifier
        let deadline = Date().addingTimeInterval(60)
        var status: Int32 = 0
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil }
            // Foundation reaped it first; its status is readable once Foundation has marked the process ended
            // (reading it sooner traps, as a CI run found).
            if result == -1, errno == ECHILD, !self.process.isRunning {
                return self.process.terminationReason == .exit ? self.process.terminationStatus : nil
            }
            if result == -1, errno != ECHILD { return nil }
            usleep(5_000)
        }
        return nil
    }

    func standardError() -> String { (try? String(contentsOf: self.errorFile, encoding: .utf8)) ?? "" }
}
