import Foundation
import Testing

/// `porter demo` from a folder that is not the repository: it must find its mappings and documents in the
/// resources built with it.
@Suite("porter demo")
struct DemoCommandTests {
    @Test("porter demo --json from an empty folder: what the day produced, exit 0")
    func demoJSON() throws {
        try Self.inEmptyFolder { folder in
            let run = try Self.porter(["demo", "--json"], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            #expect(
                report["ordersPerSupplier"] as? [String: Int]
                    == ["tidewater-kitchenworks": 4, "ironbridge-fastener": 2, "copperleaf-office": 1])
            #expect(report["copies"] as? [String: Int] == ["finance-ledger": 5])
            #expect(report["httpRequests"] as? Int == 1)
            let split = try #require(report["split"] as? [String: Any])
            let legs = try #require(split["legs"] as? [[String: String]])
            #expect(legs.map { $0["orderNumber"] } == ["BO-8100003-1", "BO-8100003-2"])
            #expect(legs.map { $0["partner"] } == ["tidewater-kitchenworks", "ironbridge-fastener"])
            #expect(report["acknowledgmentsSent"] as? Int == 4)
            #expect(report["acknowledgedLegs"] as? Int == 4)
            #expect(report["confirmationDiscrepancies"] as? Int == 2)
            #expect(report["shortShipments"] as? Int == 1)
            #expect(report["duplicates"] as? Int == 1)
            #expect(report["errorFiles"] as? Int == 1)
            #expect(report["files"] as? [String: Int] == ["archived": 13, "failed": 1])
            let open = try #require(report["openAlerts"] as? [String: Int])
            #expect(open["acknowledgmentOverdue"] == 1)
            #expect(open["discrepancy"] == 2)
            #expect(open["confirmationRejected"] == 1)
            #expect(open["duplicate"] == 1)
            #expect(open["failedFile"] == 1)
            #expect(report["workspace"] == nil)
            #expect((report["track"] as? [String: Any])?["orderNumber"] as? String == "BO-8100001")
            // Nothing is left behind in the folder it ran from.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test("porter demo --keep DIR prints the status, a timeline and the open alerts, and leaves the workspace")
    func demoKeep() throws {
        try Self.inEmptyFolder { folder in
            let kept = folder.appending(path: "kept")
            let run = try Self.porter(["demo", "--keep", kept.path], in: folder)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.contains("== porter status"))
            #expect(run.standardOutput.contains("== porter track BO-8100001"))
            #expect(run.standardOutput.contains("acknowledgmentOverdue"))
            let errors = try FileManager.default.contentsOfDirectory(atPath: kept.path + "/workspace/error")
            #expect(errors.sorted() == ["garbled-upload.txt", "garbled-upload.txt.error.json"])
            #expect(FileManager.default.fileExists(atPath: kept.path + "/workspace/porter.sqlite"))
            // The kept workspace answers the other commands.
            let track = try Self.porter(
                ["track", "BO-8100003-1", "--config", kept.path + "/porter.yaml"], in: folder, configure: kept)
            #expect(track.status == 0, "\(track.standardError)")
            // A folder that is not empty is refused.
            #expect(try Self.porter(["demo", "--keep", kept.path], in: folder).status == 2)
        }
    }

    // MARK: Support

    static func inEmptyFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-demo-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Runs `porter` in `folder` (not the repository); with `configure`, first writes a porter.yaml there pointing at
    /// the kept demo's workspace and mappings.
    static func porter(_ arguments: [String], in folder: URL, configure kept: URL? = nil) throws -> PorterProcess.Result
    {
        if let kept {
            try "version: 1\nworkspace: workspace\nmappings: Mappings\n".write(
                to: kept.appending(path: "porter.yaml"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = PorterProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errorFile = FileManager.default.temporaryDirectory.appending(
            path: "porter-demo-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PorterProcess.Result(
            status: process.terminationStatus, standardOutput: String(decoding: data, as: UTF8.self),
            standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}
