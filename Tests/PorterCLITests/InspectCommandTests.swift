import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func printsTheTreeOfAValidFile() throws {
        let result = try PorterProcess.run(["inspect", "Fixtures/x12/shapes/multi-interchange-delimiters.edi"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("total: 3 interchanges, 3 groups, 3 transaction sets"))
        #expect(result.standardOutput.contains("delimiters: element '|'"))
        #expect(result.standardOutput.contains("findings: none"))
    }

    @Test func jsonIsOneObjectPerFileWithCountsAndLocatedFindings() throws {
        let result = try PorterProcess.run([
            "inspect", "--json", "Fixtures/x12/envelope-errors/se01-count.edi",
            "Fixtures/x12/850/004010-retail-sdq.edi",
        ])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        try #require(lines.count == 2)
        let bad = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(bad["path"] as? String == "Fixtures/x12/envelope-errors/se01-count.edi")
        #expect(bad["valid"] as? Bool == false)
        #expect(bad["transactionCount"] as? Int == 1)
        let findings = try #require(bad["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["code"] as? String == "segmentCountMismatch" })
        #expect(finding["severity"] as? String == "error")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["segmentId"] as? String == "SE")
        #expect(location["element"] as? Int == 1)
        #expect(location["transaction"] as? String != nil)
        #expect((finding["acknowledgment"] as? [String: Any])?["element"] as? String == "AK502")

        let good = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(good["valid"] as? Bool == true)
        let interchanges = try #require(good["interchanges"] as? [[String: Any]])
        let groups = try #require(interchanges.first?["groups"] as? [[String: Any]])
        let sets = try #require(groups.first?["transactions"] as? [[String: Any]])
        #expect(sets.first?["identifier"] as? String == "850")
    }

    @Test func readsStandardInput() throws {
        let bytes = try Data(
            contentsOf: PorterProcess.packageRoot.appending(path: "Fixtures/x12/855/004010-accepted.edi"))
        let result = try PorterProcess.run(["inspect", "-"], standardInput: bytes)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("-\n"))
        #expect(result.standardOutput.contains("855 "))
    }

    @Test func notX12ExitsOneWithAFinding() throws {
        let result = try PorterProcess.run(["inspect", "Fixtures/x12/shapes/not-x12.txt"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("[notX12]"))
    }

    @Test func missingFileExitsTwoAndOtherFilesAreStillInspected() throws {
        let result = try PorterProcess.run(["inspect", "does-not-exist.edi", "Fixtures/x12/850/004010-dropship.edi"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("does-not-exist.edi: No such file or directory"))
        #expect(result.standardOutput.contains("Fixtures/x12/850/004010-dropship.edi"))
    }

    @Test func transcodesWithAnExplicitEncoding() throws {
        let result = try PorterProcess.run(["inspect", "--encoding", "ISO-8859-1", "Fixtures/x12/shapes/latin1.edi"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("findings: none"))
    }

    @Test func usageErrorExits64() throws {
        let result = try PorterProcess.run(["inspect", "--no-such-flag", "x.edi"])
        #expect(result.status == 64)
    }
}
