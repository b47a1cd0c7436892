import Foundation
import PorterTestSupport
import Testing

/// `porter run`, `porter queue`, `porter control-numbers` and `porter reprocess` as users run them: the built binary
/// on a real workspace, a real SQLite file and the repository's Mappings.
@Suite("porter run and the gateway commands")
struct GatewayRunTests {
    @Test("porter run --once processes the inbox, delivers, and porter queue lists what went out")
    func runOnceAndQueue() throws {
        let site = try GatewaySite()
        try site.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "order.edi")
        try site.drop(Data("not an order\n".utf8), as: "junk.txt")
        let run = try site.porter(["run", "--once", "--json"])
        #expect(run.status == 1, "a file went to error/: exit 1")
        #expect(run.standardOutput.contains(#""file":"order.edi","disposition":"archived""#))
        #expect(run.standardOutput.contains(#""file":"junk.txt","disposition":"failed""#))
        #expect(site.files(in: "error") == ["junk.txt", "junk.txt.error.json"])

        let queue = try site.porter(["queue", "list", "--json"])
        #expect(queue.status == 0)
        #expect(queue.standardOutput.components(separatedBy: #""state":"delivered""#).count == 3)
        let one = try site.porter(["queue", "show", "1"])
        #expect(one.status == 0)
        #expect(one.standardOutput.contains("attempt 1"))
        let missing = try site.porter(["queue", "show", "99"])
        #expect(missing.status == 1)
    }

    @Test("porter control-numbers set seeds a partner; show reads it back; the next order continues from it")
    func controlNumbers() throws {
        let site = try GatewaySite()
        let set = try site.porter(["control-numbers", "set", "tidewater-kitchenworks", "--interchange", "41000"])
        #expect(set.status == 0)
        let show = try site.porter(["control-numbers", "show", "tidewater-kitchenworks", "--json"])
        #expect(show.standardOutput.contains(#""interchange":41000"#))
        let bad = try site.porter(["control-numbers", "set", "tidewater-kitchenworks", "--interchange", "1000000000"])
        #expect(bad.status == 64)
        try site.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "order.edi")
        #expect(try site.porter(["run", "--once"]).status == 0)
        #expect(site.files(in: "outbox/tidewater-kitchenworks") == ["purchaseOrder-BO-7734210-000041001.x12"])
    }

    @Test("porter reprocess moves a quarantined file back; after its partner is added it goes through")
    func reprocess() throws {
        let site = try GatewaySite()
        try site.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "order.edi")
        // Without the ERP's profile the sender is unknown.
        try FileManager.default.removeItem(at: site.mappings.appending(path: "erp-orders"))
        #expect(try site.porter(["run", "--once"]).status == 1)
        #expect(site.files(in: "quarantine") == ["order.edi", "order.edi.error.json"])
        try FileManager.default.copyItem(
            at: PorterProcess.packageRoot.appending(path: "Mappings/erp-orders"),
            to: site.mappings.appending(path: "erp-orders"))
        let back = try site.porter(["reprocess", "order.edi"])
        #expect(back.status == 0)
        #expect(site.files(in: "quarantine").isEmpty)
        #expect(try site.porter(["run", "--once"]).status == 0)
        #expect(site.files(in: "outbox/tidewater-kitchenworks").count == 1)
    }

    @Test("a bad porter.yaml is refused with its line and column (exit 2)")
    func badConfiguration() throws {
        let site = try GatewaySite(extra: "delivery:\n  concurrency: 2\n  rety: {}\n")
        let run = try site.porter(["run", "--once"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("porter.yaml:"))
        #expect(run.standardError.contains("did you mean"))
    }
}

/// A workspace with its porter.yaml and a copy of the repository's Mappings, in a temporary folder.
final class GatewaySite {
    let root: URL
    var mappings: URL { self.root.appending(path: "Mappings") }
    var workspace: URL { self.root.appending(path: "workspace") }
    var configuration: URL { self.root.appending(path: "porter.yaml") }

    init(extra: String = "") throws {
        self.root = FileManager.default.temporaryDirectory.appending(path: "porter-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PorterProcess.packageRoot.appending(path: "Mappings"), to: self.mappings)
        let yaml = """
            version: 1
            workspace: workspace
            mappings: Mappings
            intake:
              stableForSeconds: 0.2
              rescanIntervalSeconds: 1

            """ + extra
        try yaml.write(to: self.configuration, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: self.root) }

    func porter(_ arguments: [String]) throws -> PorterProcess.Result {
        try PorterProcess.run(arguments + ["--config", self.configuration.path])
    }

    func drop(_ bytes: Data, as name: String) throws {
        let inbox = self.workspace.appending(path: "inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let temporary = inbox.appending(path: ".\(name).tmp")
        try bytes.write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: inbox.appending(path: name))
    }

    func drop(fixture: String, as name: String) throws {
        try self.drop(Data(contentsOf: PorterProcess.packageRoot.appending(path: fixture)), as: name)
    }

    /// Regular files under a workspace folder, relative to it, sorted.
    func files(in folder: String) -> [String] {
        TestMappings.regularFiles(under: self.workspace.appending(path: folder).path)
    }
}
