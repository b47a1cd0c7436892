public import Foundation
import Logging
import Partners
import Store
import X12

/// `porter demo`: a day of a buyer's purchase orders through the whole gateway, in a temporary workspace, on the
/// bundled `Mappings/`, in about a second.
///
/// The gateway runs in-process (``GatewayRuntime`` with a SQLite store in the workspace) on a clock the script
/// moves, so timings and overdue acknowledgments come without waiting; Copperleaf's cXML endpoint is a real HTTP
/// server on 127.0.0.1. The script, from 08:00 UTC on 2025-03-04:
///
/// | time | what arrives | what it shows |
/// |---|---|---|
/// | 08:00 | five orders from our ERP (Porter JSON in `inbox/erp-orders/`) | X12 004010 to Tidewater, X12 005010 to Ironbridge, cXML over HTTP to Copperleaf, a JSON copy to finance; `BO-8100003` holds items of two suppliers and is split into `BO-8100003-1` and `-2` |
/// | 08:40 | the suppliers' 997/999s for every order but `BO-8100003-2` | written by Porter's acknowledgment generator from each supplier's identity, naming the GS06 the gateway used |
/// | 09:30 | Tidewater's 855 for `BO-8100001` | line 2 confirmed at 30 of 36, line 3 rejected |
/// | 10:00 | the same 855 interchange again (CRLF line endings) | a duplicate: recorded, not processed twice |
/// | 11:00 | the ERP cancels `BO-8100005` | a cancellation goes to Tidewater |
/// | 11:30 | `garbled-upload.txt` | not EDI: `error/` with its reason |
/// | 12:00 | Tidewater's 856 for `BO-8100001` | line 2 short: 24 shipped of 30 |
/// | 14:00 | nothing | `BO-8100003-2`'s 999 is overdue (Ironbridge's profile allows 4 h after delivery) |
///
/// The demo's copy of the mappings differs from the bundled one in two ways: Copperleaf's URL points at the local
/// endpoint, and Tidewater gets an item cross-reference (`items.csv`) so the split can tell its items from
/// Ironbridge's.
public enum GatewayDemo {
    /// The morning the demo's day starts.
    public static let start = Date(timeIntervalSince1970: 1_741_075_200)  // 2025-03-04T08:00:00Z

    /// Runs the demo in `keep` (a new or empty folder, left in place) or in a temporary folder removed afterwards.
    public static func run(keep: String? = nil) async throws -> DemoReport {
        let root: URL
        if let keep {
            root = URL(filePath: keep, directoryHint: .isDirectory)
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            guard existing.isEmpty else { throw DemoError("\(keep) is not empty: give a new or empty folder") }
        } else {
            root = FileManager.default.temporaryDirectory.appending(path: "porter-demo-\(UUID().uuidString)")
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw DemoError("cannot create \(root.path): \(error.localizedDescription)")
        }
        defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
        return try await DemoSupplierEndpoint.with { endpoint in
            var report = try await Self.day(in: root, endpoint: endpoint)
            report.workspace = keep.map { _ in root.appending(path: "workspace").path }
            return report
        }
    }

    /// The script.
    static func day(in root: URL, endpoint: DemoSupplierEndpoint) async throws -> DemoReport {
        let mappings = root.appending(path: "Mappings")
        try Self.prepareMappings(at: mappings, copperleafURL: endpoint.url)
        // Copperleaf's profile reads its cXML shared secret from the environment; a demo value unless one is set.
        setenv("PORTER_COPPERLEAF_SECRET", "demo-shared-secret", 0)
        let configuration = GatewayConfiguration.defaults(
            workspace: root.appending(path: "workspace").path, mappings: mappings.path)
        let clock = DemoClock(Self.start)
        let runtime = try GatewayRuntime(configuration: configuration, clock: { clock.read() })
        let documents = DemoDocuments(mappings: mappings)
        let script = DemoScript(runtime: runtime, clock: clock)

        // 08:00 our ERP's orders.
        let tidewater = try documents.tidewaterOrder("BO-8100001", control: 810_001)
        let cancelled = try documents.tidewaterOrder("BO-8100005", control: 810_005)
        try script.drop(DemoDocuments.json(tidewater), as: "po-BO-8100001.json", folder: "erp-orders")
        try script.drop(
            DemoDocuments.json(try documents.ironbridgeOrder("CF-PO-8100002", control: 810_002)),
            as: "po-CF-PO-8100002.json", folder: "erp-orders")
        try script.drop(
            DemoDocuments.json(try documents.splitOrder("BO-8100003", control: 810_003)), as: "po-BO-8100003.json",
            folder: "erp-orders")
        try script.drop(
            DemoDocuments.json(try documents.copperleafOrder("BO-8100004", control: 810_004)),
            as: "po-BO-8100004.json", folder: "erp-orders")
        try script.drop(DemoDocuments.json(cancelled), as: "po-BO-8100005.json", folder: "erp-orders")
        try await script.process(at: "08:00")

        // 08:40 the suppliers' functional acknowledgments, except for the Ironbridge leg of the split order.
        var acknowledgments = 0
        for (partner, folder, kind) in [
            ("tidewater-kitchenworks", "outbox/tidewater-kitchenworks", X12AcknowledgmentOptions.Kind.fa997),
            ("ironbridge-fastener", "outbox/ironbridge", .ia999),
        ] {
            guard let profile = runtime.catalog.profiles[partner] else { continue }
            for name in script.files(in: folder) where name.hasPrefix("purchaseOrder-") {
                if name.contains(Self.unacknowledgedLeg) { continue }
                acknowledgments += 1
                let bytes = try DemoDocuments.acknowledgment(
                    of: runtime.workspace.root + "/\(folder)/\(name)", from: profile, kind: kind,
                    interchange: 900 + acknowledgments, at: script.time("08:40"))
                let ack = kind == .ia999 ? "999" : "997"
                try script.drop(bytes, as: "\(partner)-\(ack)-\(acknowledgments).edi")
            }
        }
        try await script.process(at: "08:40")

        // 09:30 Tidewater confirms BO-8100001 with changes; 10:00 the same interchange arrives again.
        let confirmation = try DemoDocuments.bundled("tidewater-855-changed.edi")
        try script.drop(confirmation, as: "tidewater-855-BO-8100001.edi")
        try await script.process(at: "09:30")
        let resent = String(decoding: confirmation, as: UTF8.self).replacingOccurrences(of: "~\n", with: "~\r\n")
        try script.drop(Data(resent.utf8), as: "tidewater-855-BO-8100001-resent.edi")
        try await script.process(at: "10:00")

        // 11:00 the ERP cancels BO-8100005; 11:30 a stray upload; 12:00 Tidewater ships BO-8100001 short.
        try script.drop(
            DemoDocuments.json(DemoDocuments.cancellation(of: cancelled, control: 810_006)),
            as: "po-BO-8100005-cancel.json", folder: "erp-orders")
        try await script.process(at: "11:00")
        try script.drop(try DemoDocuments.bundled("garbled-upload.txt"), as: "garbled-upload.txt")
        try await script.process(at: "11:30")
        try script.drop(try DemoDocuments.bundled("tidewater-856-short.edi"), as: "tidewater-856-BO-8100001.edi")
        try await script.process(at: "12:00")

        // 14:00 nothing arrives: the 999 for BO-8100003-2 (due at 12:00) is overdue.
        try await script.process(at: "14:00")
        await runtime.shutdown()

        return try await DemoReport.make(
            runtime: runtime, script: script, acknowledgments: acknowledgments, httpRequests: endpoint.requests.count,
            now: clock.read())
    }

    /// The leg left without a 997/999, to show an overdue acknowledgment.
    static let unacknowledgedLeg = "BO-8100003-2"

    /// The order whose timeline the demo prints.
    public static let trackedOrder = "BO-8100001"

    /// The order split between two suppliers.
    public static let splitOrder = "BO-8100003"

    /// Copies the bundled mappings to `folder`, points Copperleaf at the local endpoint and gives Tidewater an item
    /// cross-reference.
    static func prepareMappings(at folder: URL, copperleafURL: String) throws {
        let files = FileManager.default
        try files.copyItem(at: URL(filePath: BundledSamples.mappings), to: folder)
        // Resources may be read-only (an installed bundle): make the copy writable.
        if let enumerator = files.enumerator(atPath: folder.path) {
            while let name = enumerator.nextObject() as? String {
                try? files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/" + name)
            }
        }
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let copperleaf = folder.appending(path: "copperleaf-office/partner.yaml")
        let profile = try String(contentsOf: copperleaf, encoding: .utf8)
        try profile.replacingOccurrences(of: "https://punchout.copperleaf.example/cxml/orders", with: copperleafURL)
            .write(to: copperleaf, atomically: true, encoding: .utf8)
        let tidewater = folder.appending(path: "tidewater-kitchenworks")
        try """
        buyerPart,vendorPart,gtin
        3301178,TKW-SK10,084512300018
        3301185,TKW-DO55,084512300025
        3301192,TKW-TR12,084512300032

        """.write(to: tidewater.appending(path: "items.csv"), atomically: true, encoding: .utf8)
        let tidewaterProfile = tidewater.appending(path: "partner.yaml")
        let text = try String(contentsOf: tidewaterProfile, encoding: .utf8)
        try text.replacingOccurrences(of: "\ndefaults:\n", with: "\nitemCrossReference: items.csv\ndefaults:\n")
            .write(to: tidewaterProfile, atomically: true, encoding: .utf8)
    }
}

/// Drops files into the demo's inbox and runs the gateway at the script's times.
final class DemoScript {
    let runtime: GatewayRuntime
    let clock: DemoClock
    private(set) var results: [FileProcessor.Result] = []

    init(runtime: GatewayRuntime, clock: DemoClock) {
        self.runtime = runtime
        self.clock = clock
    }

    /// The demo day's `HH:MM` (UTC).
    func time(_ text: String) -> Date {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return GatewayDemo.start.addingTimeInterval(TimeInterval((parts[0] - 8) * 3600 + parts[1] * 60))
    }

    /// Writes a file into the inbox (or `inbox/<folder>/`) under a temporary name, then renames it in.
    func drop(_ bytes: Data, as name: String, folder: String? = nil) throws {
        let directory = URL(filePath: self.runtime.workspace.inbox).appending(path: folder ?? "")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appending(path: ".\(name).tmp")
        try bytes.write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: directory.appending(path: name))
    }

    /// Moves the clock to `time`, processes the inbox, delivers what is due and runs the alert monitor (overdue
    /// deadlines, `alerts/alerts.jsonl`).
    func process(at time: String) async throws {
        self.clock.move(to: self.time(time))
        self.results += await self.runtime.processInbox()
        try await self.runtime.deliverUntilIdle()
        _ = try await self.runtime.alertMonitor.check()
    }

    /// Regular files directly in a workspace folder, sorted.
    func files(in folder: String) -> [String] {
        let path = self.runtime.workspace.root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }
}
