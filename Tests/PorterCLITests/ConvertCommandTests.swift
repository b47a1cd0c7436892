import Foundation
import Testing

/// `porter convert`, run as a process over real fixtures copied into a temporary folder.
@Suite struct ConvertCommandTests {
    /// Mixed documents: good X12 and cXML, a bad set, a wrapped cXML order, two interchanges in one file, duplicate
    /// control numbers, a public sample, and a file that is no document.
    static let members: [(String, String)] = [
        ("good/dropship.edi", "Fixtures/x12/850/004010-dropship.edi"),
        ("good/order.xml", "Fixtures/cxml/OrderRequest/new-release.xml"),
        ("bad-850.edi", "Fixtures/convert/bad-850.edi"),
        ("wrapped/sap-combined.xml", "Fixtures/cxml/OrderRequest/sap-combined.xml"),
        ("two-interchanges.edi", "Fixtures/convert/two-interchanges.edi"),
        ("duplicate-isa13.edi", "Fixtures/x12/envelope-errors/duplicate-isa13.edi"),
        ("public/nx12-850.edi", "../shared/fixtures/public/x12/nx12__850.edi"),
        ("not-a-document.txt", "Fixtures/convert/not-a-document.txt"),
    ]

    static let converted = [
        "bad-850-000000803-803-0001", "dropship-000000918-918-0001", "duplicate-isa13-000000731-731-0001",
        "duplicate-isa13-000000731-732-0001", "nx12-850-000003438-1421-000000010", "order-HME-BR-20931",
        "sap-combined-4500012345", "two-interchanges-000000801-801-0001", "two-interchanges-000000801-801-0002",
        "two-interchanges-000000802-802-0001",
    ]

    static func withInputFolder<T>(_ body: (_ folder: String, _ input: String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-convert-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, fixture) in self.members {
            let target = folder.appending(path: "in/" + name)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: PorterProcess.packageRoot.appending(path: fixture), to: target)
        }
        return try body(folder.path, folder.path + "/in")
    }

    static func errors(_ path: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: path))) as? [String: Any]
        return try #require(object?["errors"] as? [[String: Any]])
    }

    @Test func aFolderOfMixedDocumentsConvertsWithASummaryAndAnErrorReport() throws {
        try Self.withInputFolder { folder, input in
            let result = try PorterProcess.run(["convert", input, "--to", "json", "--out", folder + "/out"])
            #expect(result.status == 1, "\(result.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
            #expect(files == (Self.converted.map { $0 + ".json" } + ["errors.json"]).sorted())
            #expect(result.standardOutput.contains("purchaseOrder"))
            #expect(result.standardOutput.contains("total"))
            #expect(result.standardOutput.contains("errors.json"))
            let errors = try Self.errors(folder + "/out/errors.json")
            let sources = Set(errors.compactMap { $0["source"] as? String })
            #expect(
                sources == [input + "/bad-850.edi", input + "/duplicate-isa13.edi", input + "/not-a-document.txt"])
            for error in errors {
                let finding = try #require(error["finding"] as? [String: Any])
                #expect(Set(finding.keys) == ["severity", "code", "message", "value", "acknowledgment", "location"])
            }
        }
    }

    @Test func aZipInAndAZipOutGiveTheSameNamesWithOneJobOrTwo() throws {
        try Self.withInputFolder { folder, input in
            // The folder to an archive of X12 interchanges, then that archive back to JSON.
            let first = try PorterProcess.run([
                "convert", input, "--to", "x12", "--out", folder + "/x12.zip", "--jobs", "2",
            ])
            #expect(first.status == 1)
            #expect(FileManager.default.fileExists(atPath: folder + "/errors.json"), "beside the archive")
            var names: [[String]] = []
            for jobs in ["1", "2"] {
                let out = folder + "/json-\(jobs)"
                let result = try PorterProcess.run([
                    "convert", folder + "/x12.zip", "--to", "json", "--out", out, "--jobs", jobs, "--json",
                ])
                #expect(result.status == 0, "\(result.standardError)")
                let summary = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
                let total = try #require(summary?["total"] as? [String: Any])
                #expect(total["converted"] as? Int == Self.converted.count)
                #expect(total["failed"] as? Int == 0)
                #expect(try Self.errors(out + "/errors.json").isEmpty)
                names.append(try FileManager.default.contentsOfDirectory(atPath: out).sorted())
            }
            #expect(names[0] == names[1])
            #expect(names[0].count == Self.converted.count + 1)
            #expect(names[0].contains("dropship-000000918-918-0001-000000918-918-0001.json"))
        }
    }

    @Test func aRunWhoseOutputIsNoTerminalPrintsNoControlCharacters() throws {
        try Self.withInputFolder { folder, input in
            let result = try PorterProcess.run(["convert", input, "--to", "cxml", "--out", folder + "/out"])
            #expect(result.status == 1)
            for text in [result.standardOutput, result.standardError] {
                let controls = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
                #expect(controls.isEmpty, "\(text.debugDescription)")
            }
        }
    }

    @Test func aPartnerProfileHoldsWhatFailsItsRules() throws {
        try Self.withInputFolder { folder, _ in
            let input = "Mappings/tidewater-kitchenworks/tests"
            let result = try PorterProcess.run([
                "convert", input + "/order-held-no-department.json", input + "/order-adds-vendor-number.json",
                "--to", "x12", "--out", folder + "/out", "--partner", "tidewater-kitchenworks",
            ])
            #expect(result.status == 1, "\(result.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/out")
            #expect(files.contains { $0.hasPrefix("order-adds-vendor-number-") })
            #expect(!files.contains { $0.hasPrefix("order-held-no-department-") })
            let errors = try Self.errors(folder + "/out/errors.json")
            let held = try #require(errors.first)
            #expect((held["source"] as? String)?.hasSuffix("order-held-no-department.json") == true)
            let finding = try #require(held["finding"] as? [String: Any])
            #expect(finding["code"] as? String == "requiredField")
            let location = try #require(finding["location"] as? [String: Any])
            #expect(location["rule"] as? String == "Mappings/tidewater-kitchenworks/partner.yaml:45:3")
        }
    }

    @Test func whatCannotRunExitsTwo() throws {
        try Self.withInputFolder { folder, input in
            _ = FileManager.default.createFile(atPath: folder + "/old.tar.gz", contents: Data("x".utf8))
            let tar = try PorterProcess.run(["convert", folder + "/old.tar.gz", "--to", "json", "--out", folder + "/o"])
            #expect(tar.status == 2)
            #expect(tar.standardError.contains("old.tar.gz"))
            #expect(tar.standardError.contains("extract it first"))

            _ = FileManager.default.createFile(atPath: folder + "/taken", contents: Data())
            let taken = try PorterProcess.run(["convert", input, "--to", "json", "--out", folder + "/taken"])
            #expect(taken.status == 2)
            #expect(taken.standardError.contains("is a file"))

            let missing = try PorterProcess.run([
                "convert", folder + "/nothing", "--to", "json", "--out", folder + "/o",
            ])
            #expect(missing.status == 2)
            #expect(!FileManager.default.fileExists(atPath: folder + "/o"))

            let usage = try PorterProcess.run(["convert", input, "--to", "json", "--out", folder + "/o", "--jobs", "0"])
            #expect(usage.status == 64)
        }
    }
}
