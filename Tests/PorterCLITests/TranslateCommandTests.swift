import Foundation
import Testing

/// `porter translate`, run as a process: X12 to JSON and back, skipped sets, output folders and exit codes.
@Suite struct TranslateCommandTests {
    static let retail = "Fixtures/x12/850/004010-retail-sdq.edi"
    static let retailJSON = "Fixtures/json/850/004010-retail-sdq.json"
    static let acknowledgment = "Fixtures/x12/855/004010-accepted.edi"

    static func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-translate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: PorterProcess.packageRoot.appending(path: path))
    }

    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func x12ToJSONMatchesTheFixture() throws {
        let result = try PorterProcess.run(["translate", Self.retail, "--to", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let expected = String(decoding: try Self.fixture(Self.retailJSON), as: UTF8.self)
        #expect(result.standardOutput == expected)
        #expect(result.standardOutput.split(separator: "\n").count == 1)
    }

    @Test func jsonToX12AndBackGivesTheSameJSON() throws {
        try Self.withTemporaryFolder { folder in
            let x12 = try PorterProcess.run(["translate", Self.retailJSON, "--to", "x12"])
            #expect(x12.status == 0, "\(x12.standardError)")
            #expect(x12.standardOutput.hasPrefix("ISA*"))
            #expect(x12.standardOutput.contains("ST*850*"))
            let file = folder.appending(path: "order.x12")
            try Data(x12.standardOutput.utf8).write(to: file)
            let json = try PorterProcess.run(["translate", file.path, "--to", "json"])
            #expect(json.status == 0, "\(json.standardError)")
            #expect(json.standardOutput == String(decoding: try Self.fixture(Self.retailJSON), as: UTF8.self))
        }
    }

    @Test func standardInputIsRead() throws {
        let result = try PorterProcess.run(
            ["translate", "-", "--to", "json"], standardInput: try Self.fixture(Self.retail))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == String(decoding: try Self.fixture(Self.retailJSON), as: UTF8.self))
    }

    /// An interchange holding one 810 (an invoice, which Porter does not translate).
    static let invoice = """
        ISA*00*          *00*          *ZZ*SUPPLIER       *ZZ*BUYER          *240102*0653*U*00401*000000077*0*P*>~
        GS*IN*SUPPLIER*BUYER*20240102*0653*77*X*004010~
        ST*810*0001~
        BIG*20240102*INV-1~
        TDS*1000~
        SE*4*0001~
        GE*1*77~
        IEA*1*000000077~

        """

    @Test func unsupportedSetsAreWarningsNotFailures() throws {
        try Self.withTemporaryFolder { folder in
            let mixed = folder.appending(path: "mixed.edi")
            try (try Self.fixture(Self.retail) + Data(Self.invoice.utf8)).write(to: mixed)
            let result = try PorterProcess.run(["translate", mixed.path, "--to", "json"])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.split(separator: "\n").count == 1)
            #expect(result.standardError.contains("810"))
            #expect(result.standardError.contains("not supported yet"))
        }
    }

    /// A supported set: its fixture, its golden JSON, and a segment its X12 form must hold.
    struct BothWays: CustomTestStringConvertible, Sendable {
        var x12: String
        var json: String
        var marker: String
        var testDescription: String { self.x12 }
    }

    @Test(arguments: [
        BothWays(
            x12: "Fixtures/x12/855/004010-changes.edi", json: "Fixtures/json/855/004010-changes.json", marker: "BAK*"),
        BothWays(
            x12: "Fixtures/x12/860/004010-change.edi", json: "Fixtures/json/860/004010-change.json", marker: "BCH*"),
        BothWays(
            x12: "Fixtures/x12/997/005010-partial.edi", json: "Fixtures/json/997/005010-partial.json", marker: "AK9*"),
    ])
    func translatesBothWays(_ set: BothWays) throws {
        try Self.withTemporaryFolder { folder in
            let json = try PorterProcess.run(["translate", set.x12, "--to", "json"])
            #expect(json.status == 0, "\(json.standardError)")
            #expect(json.standardOutput == String(decoding: try Self.fixture(set.json), as: UTF8.self))
            let jsonFile = folder.appending(path: "document.jsonl")
            try Data(json.standardOutput.utf8).write(to: jsonFile)
            let x12 = try PorterProcess.run(["translate", jsonFile.path, "--to", "x12"])
            #expect(x12.status == 0, "\(x12.standardError)")
            #expect(x12.standardOutput.contains(set.marker))
            let x12File = folder.appending(path: "document.x12")
            try Data(x12.standardOutput.utf8).write(to: x12File)
            let again = try PorterProcess.run(["translate", x12File.path, "--to", "json"])
            #expect(again.standardOutput == json.standardOutput)
        }
    }

    @Test func multiSetFileGivesJSONLines() throws {
        let result = try PorterProcess.run(["translate", "Fixtures/x12/850/005010-multi-set.edi", "--to", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.hasPrefix("{") && line.contains("\"document\":\"purchaseOrder\"")) }
    }

    @Test func outputFolderGetsUniqueNamesAndNeverOverwrites() throws {
        try Self.withTemporaryFolder { folder in
            let out = folder.appending(path: "out").path + "/"
            for _ in 0..<2 {
                let result = try PorterProcess.run(["translate", Self.retailJSON, "--to", "x12", "-o", out])
                #expect(result.status == 0, "\(result.standardError)")
                #expect(result.standardOutput.isEmpty)
            }
            let names = try Self.files(in: URL(filePath: out))
            #expect(names == ["004010-retail-sdq-BO-7734210-2.x12", "004010-retail-sdq-BO-7734210.x12"])
            let first = try String(contentsOf: URL(filePath: out + names[1]), encoding: .utf8)
            let second = try String(contentsOf: URL(filePath: out + names[0]), encoding: .utf8)
            #expect(first == second)

            let json = try PorterProcess.run(["translate", Self.retail, "--to", "json", "-o", out])
            #expect(json.status == 0, "\(json.standardError)")
            #expect(try Self.files(in: URL(filePath: out)).contains("004010-retail-sdq-BO-7734210.json"))
        }
    }

    @Test func outputFileIsOneFileAndNeverOverwritten() throws {
        try Self.withTemporaryFolder { folder in
            let out = folder.appending(path: "orders.jsonl").path
            let result = try PorterProcess.run([
                "translate", Self.retail, "Fixtures/x12/850/005010-multi-set.edi", "--to", "json", "-o", out,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let lines = try String(contentsOf: URL(filePath: out), encoding: .utf8).split(separator: "\n")
            #expect(lines.count > 2)
            let again = try PorterProcess.run(["translate", Self.retail, "--to", "json", "-o", out])
            #expect(again.status == 2)
            #expect(again.standardError.contains("never overwrites"))
            #expect(try String(contentsOf: URL(filePath: out), encoding: .utf8).split(separator: "\n") == lines)
        }
    }

    @Test func senderAndVersionOverridesShowInTheEnvelope() throws {
        let result = try PorterProcess.run([
            "translate", Self.retailJSON, "--to", "x12", "--sender", "ZZ:ACME", "--receiver", "12:5555550100",
            "--version", "005010",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let isa = result.standardOutput.split(separator: "~").first.map(String.init) ?? ""
        let elements = isa.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        #expect(elements.count == 17)
        if elements.count == 17 {
            #expect(elements[5] == "ZZ")
            #expect(elements[6] == "ACME           ")
            #expect(elements[7] == "12")
            #expect(elements[8] == "5555550100     ")
            #expect(elements[12] == "00501")
        }
        #expect(result.standardOutput.contains("GS*PO*ACME*5555550100*"))
        #expect(result.standardOutput.contains("*X*005010~"))
    }

    struct ExitCase: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var testDescription: String { self.arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        ExitCase(arguments: ["does-not-exist.edi", "--to", "json"], status: 2),
        ExitCase(arguments: ["Fixtures/x12", "--to", "json"], status: 2),
        ExitCase(arguments: ["Fixtures/x12/shapes/not-x12.txt", "--to", "json"], status: 1),
        ExitCase(arguments: [TranslateCommandTests.retail, "does-not-exist.edi", "--to", "json"], status: 2),
        ExitCase(
            arguments: ["--encoding", "NO-SUCH-CHARSET", TranslateCommandTests.retail, "--to", "json"], status: 2),
        ExitCase(arguments: [TranslateCommandTests.retail], status: 64),
        ExitCase(arguments: [TranslateCommandTests.retail, "--to", "xml"], status: 64),
        ExitCase(arguments: [TranslateCommandTests.retail, "--to", "json", "--sender", "ZZ:ACME"], status: 64),
        ExitCase(arguments: [TranslateCommandTests.retailJSON, "--to", "x12", "--sender", "ACME"], status: 64),
        ExitCase(arguments: [TranslateCommandTests.retailJSON, "--to", "x12", "--version", "003040"], status: 64),
    ])
    func exitStatus(_ exit: ExitCase) throws {
        let result = try PorterProcess.run(["translate"] + exit.arguments)
        #expect(result.status == exit.status, "\(result.standardOutput)\(result.standardError)")
        #expect(!result.standardError.isEmpty)
    }

    @Test func badJSONExitsOne() throws {
        try Self.withTemporaryFolder { folder in
            let file = folder.appending(path: "bad.json")
            try Data(#"{"document":"purchaseOrder","schemaVersion":1}"#.utf8).write(to: file)
            let result = try PorterProcess.run(["translate", file.path, "--to", "x12"])
            #expect(result.status == 1)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("bad.json"))
        }
    }

    @Test func aBrokenSetFailsButTheOthersAreWritten() throws {
        try Self.withTemporaryFolder { folder in
            // The second 850 has no BEG, so it cannot be decoded; the first still is.
            let good = String(decoding: try Self.fixture(Self.retail), as: UTF8.self)
            let broken = good.replacingOccurrences(of: "BEG*", with: "REF*ZZ*")
            let file = folder.appending(path: "two.edi")
            try Data((good + broken).utf8).write(to: file)
            let result = try PorterProcess.run(["translate", file.path, "--to", "json"])
            #expect(result.status == 1, "\(result.standardError)")
            #expect(result.standardOutput.split(separator: "\n").count == 1)
            #expect(!result.standardError.isEmpty)
        }
    }
}
