import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `porter mappings check`, run as a process: the examples pass, problems are reported as file:line:column with
/// exit 1, JUnit and JSON reports, and the exit codes for a missing folder and a usage error.
@Suite struct MappingsCheckTests {
    static func withFolder(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-mappings-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try body(folder)
    }

    @Test func theExampleMappingsPass() throws {
        let result = try PorterProcess.run(["mappings", "check"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix("mappings check: 5 partners, 7 files, 0 errors, 0 warnings; golden tests: ")
        )
        #expect(result.standardOutput.hasSuffix(" passed, 0 failed\n"))
    }

    static let badProfile = """
        version: 1
        partner: acme
        name: Acme
        role: weBuyFromThem
        identity:
          x12: { qualifier: ZZ, id: ACME }
        documnets: {}
        rules:
          requiredFields: [references.departmnet]
        """

    @Test func problemsAreLocatedWithHints() throws {
        try Self.withFolder(["acme/partner.yaml": Self.badProfile]) { folder in
            let result = try PorterProcess.run(["mappings", "check", folder.path])
            #expect(result.status == 1)
            let lines = result.standardOutput.split(separator: "\n").map(String.init)
            #expect(
                lines.contains(
                    "\(folder.path)/acme/partner.yaml:7:1: error: unknown key \"documnets\" at the top of the file (did you mean \"documents\"?)"
                ))
            #expect(
                lines.contains(
                    "\(folder.path)/acme/partner.yaml:9:20: error: no field \"references.departmnet\" (did you mean \"references.department\"?)"
                ))
            #expect(
                lines.last
                    == "mappings check: 1 partner, 1 file, 2 errors, 0 warnings; golden tests: 0 passed, 0 failed")
        }
    }

    @Test func jsonReport() throws {
        try Self.withFolder(["acme/partner.yaml": Self.badProfile]) { folder in
            let result = try PorterProcess.run(["mappings", "check", folder.path, "--json"])
            #expect(result.status == 1)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            #expect(findings.count == 2)
            #expect(findings.first?["line"] as? Int == 7)
            #expect(findings.first?["column"] as? Int == 1)
            #expect(findings.first?["code"] as? String == "unknownKey")
            #expect(findings.first?["severity"] as? String == "error")
            #expect((json["summary"] as? [String: Any])?["errors"] as? Int == 2)
        }
    }

    @Test func junitReportIsWritten() throws {
        try Self.withFolder(["acme/partner.yaml": Self.badProfile]) { folder in
            let junit = folder.appending(path: "report.xml")
            let result = try PorterProcess.run(["mappings", "check", folder.path, "--junit", junit.path])
            #expect(result.status == 1)
            let xml = try String(contentsOf: junit, encoding: .utf8)
            #expect(xml.contains("<testsuites name=\"porter mappings check\" tests=\"1\" failures=\"1\" errors=\"0\">"))
            #expect(xml.contains("<failure message=\"\(folder.path)/acme/partner.yaml:7:1: error: unknown key"))
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse())
        }
    }

    @Test func theExamplesJUnitListsEveryGoldenTest() throws {
        try Self.withFolder([:]) { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let junit = folder.appending(path: "report.xml")
            let result = try PorterProcess.run(["mappings", "check", "Mappings", "--junit", junit.path])
            #expect(result.status == 0, "\(result.standardOutput)")
            let xml = try String(contentsOf: junit, encoding: .utf8)
            #expect(xml.contains("failures=\"0\""))
            #expect(
                xml.contains(
                    "<testcase classname=\"mappings.golden.tidewater-kitchenworks\" name=\"order-adds-vendor-number (outbound)\""
                ))
            #expect(
                xml.contains(
                    "<testcase classname=\"mappings.files\" name=\"Mappings/routes.yaml\" file=\"Mappings/routes.yaml\"/>"
                ))
        }
    }

    @Test func aMissingFolderCannotRun() throws {
        let result = try PorterProcess.run(["mappings", "check", "/nonexistent/mappings"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/nonexistent/mappings is not a folder"))
    }

    @Test func aUsageErrorIs64() throws {
        let result = try PorterProcess.run(["mappings", "check", "--no-such-flag"])
        #expect(result.status == 64)
    }
}
