import Foundation
import Testing

/// `porter validate`, run as a process: exit codes, text and JSON output, acknowledgment
/// files, standard input and secrets.
@Suite struct ValidateCommandTests {
    // MARK: Helpers

    /// A fresh folder under the system's temporary folder, removed by `body`'s end.
    static func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    static func contents(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static let valid = "Fixtures/x12/850/004010-dropship.edi"
    static let validToo = "Fixtures/x12/855/004010-accepted.edi"
    /// One warning (IEA02 not zero-padded), no error.
    static let warningOnly = "Fixtures/x12/envelope-errors/iea02-unpadded.edi"
    /// One info finding (a code outside Porter's partial unit list), no error.
    static let infoOnly = "Fixtures/x12/validation/invalid-code-open-list.x12"
    /// One error: N401 too short.
    static let invalid = "Fixtures/x12/validation/element-too-short.x12"

    // MARK: Exit codes

    struct ExitCase: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var testDescription: String { self.arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        ExitCase(arguments: [ValidateCommandTests.valid], status: 0),
        ExitCase(arguments: [ValidateCommandTests.warningOnly], status: 0),
        ExitCase(arguments: [ValidateCommandTests.infoOnly], status: 0),
        ExitCase(
            arguments: [ValidateCommandTests.valid, ValidateCommandTests.warningOnly, ValidateCommandTests.infoOnly],
            status: 0),
        ExitCase(arguments: [ValidateCommandTests.invalid], status: 1),
        ExitCase(arguments: [ValidateCommandTests.valid, ValidateCommandTests.invalid], status: 1),
        ExitCase(arguments: ["Fixtures/x12/shapes/not-x12.txt"], status: 1),
        ExitCase(arguments: ["does-not-exist.edi"], status: 2),
        ExitCase(arguments: ["Fixtures/x12"], status: 2),
        ExitCase(arguments: ["--encoding", "NO-SUCH-CHARSET", ValidateCommandTests.valid], status: 2),
        ExitCase(arguments: [ValidateCommandTests.invalid, "does-not-exist.edi"], status: 2),
        ExitCase(arguments: [], status: 64),
        ExitCase(arguments: ["--ack", "997", ValidateCommandTests.valid], status: 64),
        ExitCase(arguments: ["-o", "porter-test-never-written.997", ValidateCommandTests.valid], status: 64),
        ExitCase(
            arguments: ["--ack", "998", "-o", "porter-test-never-written.997", ValidateCommandTests.valid], status: 64),
        ExitCase(arguments: ["--no-such-flag", ValidateCommandTests.valid], status: 64),
    ])
    func exitStatus(_ exit: ExitCase) throws {
        let result = try PorterProcess.run(["validate"] + exit.arguments)
        #expect(result.status == exit.status, "\(result.standardOutput)\(result.standardError)")
        if exit.status == 64 {
            #expect(result.standardOutput.isEmpty)
            #expect(!result.standardError.isEmpty)
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: PorterProcess.packageRoot.appending(path: "porter-test-never-written.997").path))
    }

    @Test func ackWithoutOutputSaysWhatIsMissing() throws {
        let result = try PorterProcess.run(["validate", "--ack", "997", Self.valid])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--ack needs -o OUT"))
    }

    @Test func unreadableFileIsReportedAndTheOthersAreStillValidated() throws {
        let result = try PorterProcess.run(["validate", "does-not-exist.edi", Self.valid])
        #expect(result.status == 2)
        #expect(result.standardError.contains("does-not-exist.edi: No such file or directory"))
        #expect(result.standardOutput.contains("\(Self.valid): valid: 0 errors, 0 warnings"))
    }

    // MARK: Text

    @Test func textIsOneLinePerFindingThenASummary() throws {
        let result = try PorterProcess.run(["validate", Self.invalid])
        #expect(result.status == 1)
        #expect(
            result.standardOutput
                == """
                \(Self.invalid):9: error: N401 City Name 'B' is too short: 1 character, at least 2 \
                (ISA13 000000114, GS06 1141, ST02 0001, segment 7 N401, loop N1[1], byte 293) [elementTooShort]
                \(Self.invalid): invalid: 1 error, 0 warnings; 1 interchange, 1 group, 1 transaction set

                """)
        #expect(result.standardError.isEmpty)
    }

    @Test func warningsAreShownAndStillValid() throws {
        let result = try PorterProcess.run(["validate", Self.warningOnly])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("warning: IEA02 '457' and ISA13 '000000457'"))
        #expect(result.standardOutput.contains("\(Self.warningOnly): valid: 0 errors, 1 warning;"))
    }

    @Test func informationIsCountedAndShownWithVerbose() throws {
        let quiet = try PorterProcess.run(["validate", Self.infoOnly])
        #expect(quiet.status == 0)
        #expect(!quiet.standardOutput.contains("[invalidCode]"))
        #expect(quiet.standardOutput.contains("valid: 0 errors, 0 warnings, 1 note (-v shows them);"))
        let verbose = try PorterProcess.run(["validate", "-v", Self.infoOnly])
        #expect(verbose.status == 0)
        #expect(verbose.standardOutput.contains("info: PO103 Unit or Basis for Measurement Code 'XX'"))
        #expect(verbose.standardOutput.contains("valid: 0 errors, 0 warnings, 1 note;"))
    }

    // MARK: JSON

    static let topLevelKeys: Set<String> = ["path", "valid", "interchanges", "groups", "transactions", "findings"]
    static let findingKeys: Set<String> = ["severity", "code", "message", "value", "acknowledgment", "location"]
    static let locationKeys: Set<String> = [
        "byteOffset", "line", "interchange", "group", "transaction", "segmentPosition", "segmentId", "element",
        "component", "loop",
    ]

    static func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func jsonIsOneObjectPerFileInJSONLines() throws {
        let result = try PorterProcess.run(["validate", "--json", Self.invalid, Self.infoOnly, Self.valid])
        #expect(result.status == 1)
        #expect(result.standardOutput.hasSuffix("\n"))
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == 3)
        for line in lines {
            let object = try Self.object(line)
            #expect(Set(object.keys) == Self.topLevelKeys)
            // Counts are JSON integers, `valid` a JSON boolean.
            for key in ["interchanges", "groups", "transactions"] {
                #expect(line.contains("\"\(key)\":1"), "\(key) in \(line)")
            }
            #expect(line.contains("\"valid\":true") || line.contains("\"valid\":false"))
            for finding in try #require(object["findings"] as? [[String: Any]]) {
                #expect(Set(finding.keys) == Self.findingKeys)
                let location = try #require(finding["location"] as? [String: Any])
                #expect(Set(location.keys) == Self.locationKeys)
            }
        }

        let bad = try Self.object(lines[0])
        #expect(bad["path"] as? String == Self.invalid)
        #expect(bad["valid"] as? Bool == false)
        let findings = try #require(bad["findings"] as? [[String: Any]])
        try #require(findings.count == 1)
        let finding = findings[0]
        #expect(finding["severity"] as? String == "error")
        #expect(finding["code"] as? String == "elementTooShort")
        #expect(finding["message"] as? String == "N401 City Name 'B' is too short: 1 character, at least 2")
        #expect(finding["value"] as? String == "B")
        let acknowledgment = try #require(finding["acknowledgment"] as? [String: Any])
        #expect(acknowledgment["element"] as? String == "AK403")
        #expect(acknowledgment["code"] as? String == "4")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["byteOffset"] as? Int == 293)
        #expect(location["line"] as? Int == 9)
        #expect(location["interchange"] as? String == "000000114")
        #expect(location["group"] as? String == "1141")
        #expect(location["transaction"] as? String == "0001")
        #expect(location["segmentPosition"] as? Int == 7)
        #expect(location["segmentId"] as? String == "N4")
        #expect(location["element"] as? Int == 1)
        #expect(location["component"] is NSNull)
        #expect(location["loop"] as? String == "N1[1]")

        let info = try Self.object(lines[1])
        #expect(info["valid"] as? Bool == true)
        #expect((info["findings"] as? [[String: Any]])?.first?["severity"] as? String == "info")

        let good = try Self.object(lines[2])
        #expect(good["valid"] as? Bool == true)
        #expect((good["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonOfOneFileIsOneLine() throws {
        let result = try PorterProcess.run(["validate", "--json", Self.warningOnly])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        try #require(lines.count == 1)
        let object = try Self.object(lines[0])
        #expect(object["valid"] as? Bool == true)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["warning"])
        #expect(findings.first?["acknowledgment"] is NSNull)
    }

    @Test func jsonLeavesUnreadableFilesToStandardError() throws {
        let result = try PorterProcess.run(["validate", "--json", "does-not-exist.edi", Self.valid])
        #expect(result.status == 2)
        #expect(result.standardError.contains("does-not-exist.edi"))
        let lines = result.standardOutput.split(separator: "\n")
        try #require(lines.count == 1)
        #expect(try Self.object(lines[0])["path"] as? String == Self.valid)
    }

    // MARK: Acknowledgment files

    @Test func ackToAFileWritesOneInterchangePerInputIntoOneFile() throws {
        try Self.withTemporaryFolder { folder in
            let output = folder.appending(path: "answers.997")
            let result = try PorterProcess.run([
                "validate", "--ack", "997", "-o", output.path, Self.invalid, Self.valid,
            ])
            #expect(result.status == 1)
            #expect(try Self.files(in: folder) == ["answers.997"])
            let text = try Self.contents(output)
            #expect(text.components(separatedBy: "\nISA*").count == 2, "two interchanges")
            #expect(text.contains("*000000001*0*P*>~\n"))
            #expect(text.contains("*000000002*0*P*>~\n"), "control numbers go on across inputs")
            #expect(text.contains("AK3*N4*7*N1*8~\nAK4*1*19*4*B~\nAK5*R*5~\nAK9*R*1*1*0~\n"))
            #expect(text.contains("AK1*PO*918~\nAK2*850*0001~\nAK5*A~\nAK9*A*1*1*1~\n"))
        }
    }

    @Test func ackToAnExistingFileIsRefusedAndTheFileIsKept() throws {
        try Self.withTemporaryFolder { folder in
            let output = folder.appending(path: "answers.997")
            let first = try PorterProcess.run(["validate", "--ack", "997", "-o", output.path, Self.valid])
            #expect(first.status == 0)
            let before = try Self.contents(output)
            let second = try PorterProcess.run(["validate", "--ack", "997", "-o", output.path, Self.validToo])
            #expect(second.status == 2)
            #expect(second.standardError.contains("already exists"))
            #expect(try Self.contents(output) == before)
            #expect(try Self.files(in: folder) == ["answers.997"], "no temporary file left behind")
        }
    }

    @Test func ackToAFolderWritesOneFilePerInputAndNeverOverwrites() throws {
        try Self.withTemporaryFolder { folder in
            let output = folder.appending(path: "acks").path + "/"
            let first = try PorterProcess.run(["validate", "--ack", "997", "-o", output, Self.valid, Self.validToo])
            #expect(first.status == 0)
            let acks = folder.appending(path: "acks")
            #expect(try Self.files(in: acks) == ["004010-accepted.edi.997", "004010-dropship.edi.997"])
            let before = try Self.contents(acks.appending(path: "004010-dropship.edi.997"))

            // Again, into the existing folder named without a slash: `.2` names, nothing replaced.
            let second = try PorterProcess.run(["validate", "--ack", "997", "-o", acks.path, Self.valid])
            #expect(second.status == 0)
            #expect(
                try Self.files(in: acks) == [
                    "004010-accepted.edi.997", "004010-dropship.edi.997", "004010-dropship.edi.997.2",
                ])
            #expect(try Self.contents(acks.appending(path: "004010-dropship.edi.997")) == before)
            let third = try PorterProcess.run(["validate", "--ack", "997", "-o", output, Self.valid])
            #expect(third.status == 0)
            #expect(try Self.files(in: acks).contains("004010-dropship.edi.997.3"))
        }
    }

    @Test func ack999AndTA1() throws {
        try Self.withTemporaryFolder { folder in
            let result = try PorterProcess.run([
                "validate", "--ack", "999", "-o", folder.path + "/", "Fixtures/x12/envelope-errors/se01-count.edi",
            ])
            #expect(result.status == 1)
            let ack = try Self.contents(folder.appending(path: "se01-count.edi.999"))
            #expect(ack.contains("ST*999*0001*005010X231~\nAK1*PO*5101*004010~\nAK2*850*0001~\nIK5*R*4~\n"))

            let ta1 = folder.appending(path: "answer.ta1")
            let broken = try PorterProcess.run([
                "validate", "--ack", "ta1", "-o", ta1.path, "Fixtures/x12/envelope-errors/isa-iea-control-mismatch.edi",
            ])
            #expect(broken.status == 1)
            let text = try Self.contents(ta1)
            #expect(text.contains("\nTA1*000005107*250306*0915*R*001~\nIEA*0*"))
            #expect(!text.contains("GS*"))
        }
    }

    /// A 997 is never acknowledged, so there is nothing to write for it: an empty `.997` file
    /// would be picked up and sent as if it were an acknowledgment.
    @Test func inputThatNeedsNoAcknowledgmentGetsNoEmptyFile() throws {
        try Self.withTemporaryFolder { folder in
            let result = try PorterProcess.run([
                "validate", "--ack", "997", "-o", folder.path + "/", "Fixtures/x12/997/004010-accepted.edi",
            ])
            #expect(result.status == 0)
            let written = try Self.files(in: folder)
            #expect(written == [])
            #expect(result.standardError.contains("nothing to acknowledge"))
        }
    }

    // MARK: Standard input

    @Test func readsStandardInput() throws {
        let bytes = try Data(contentsOf: PorterProcess.packageRoot.appending(path: Self.invalid))
        let text = try PorterProcess.run(["validate", "-"], standardInput: bytes)
        #expect(text.status == 1)
        #expect(text.standardOutput.hasPrefix("-:9: error: N401 City Name 'B' is too short"))
        #expect(text.standardOutput.contains("\n-: invalid: 1 error, 0 warnings;"))

        let json = try PorterProcess.run(["validate", "--json", "-"], standardInput: bytes)
        #expect(json.status == 1)
        let object = try Self.object(try #require(json.standardOutput.split(separator: "\n").first))
        #expect(object["path"] as? String == "-")
        #expect(object["valid"] as? Bool == false)
    }

    @Test func standardInputAcknowledgmentIsNamedStdin() throws {
        try Self.withTemporaryFolder { folder in
            let bytes = try Data(contentsOf: PorterProcess.packageRoot.appending(path: Self.valid))
            let result = try PorterProcess.run(
                ["validate", "--ack", "997", "-o", folder.path + "/", "-"], standardInput: bytes)
            #expect(result.status == 0)
            #expect(try Self.files(in: folder) == ["stdin.997"])
            #expect(try Self.contents(folder.appending(path: "stdin.997")).contains("AK1*PO*918~"))
        }
    }

    // MARK: Secrets

    /// ISA02 `SECRETAUTH` and ISA04 `PASSWORD01`, an envelope error (IEA02), a TA1 request
    /// and a bad date: every output path is exercised.
    static let secretDocument = """
        ISA*01*SECRETAUTH*01*PASSWORD01*ZZ*BUYER          *ZZ*SELLER         *250401*0900*U*00401*000000777*1*P*>~
        GS*PO*BUYER*SELLER*20250401*0900*777*X*004010~
        ST*850*0001~
        BEG*00*SA*PO-1**20250231~
        PO1*1*2*EA*9.5~
        SE*4*0001~
        GE*1*777~
        IEA*1*000000778~

        """
    /// The same secrets in a broken header: ISA02 holds the terminator, ISA04 a U+00A0.
    static let brokenSecretDocument = """
        ISA*01*SECR~TAUTH*01*PASS\u{00A0}ORD1*ZZ*BUYER          *ZZ*SELLER         *250401*0900*U*00401*000000777*1*P*>~
        GS*PO*BUYER*SELLER*20250401*0900*777*X*004010~
        ST*850*0001~
        BEG*00*SA*PO-1**20250231~
        SE*3*0001~
        GE*1*777~
        IEA*1*000000777~

        """
    static let secrets = ["SECRETAUTH", "PASSWORD01", "SECR", "TAUTH", "ORD1"]

    @Test(arguments: [ValidateCommandTests.secretDocument, ValidateCommandTests.brokenSecretDocument])
    func secretsAreNeverPrinted(_ document: String) throws {
        try Self.withTemporaryFolder { folder in
            let input = folder.appending(path: "secret.edi")
            try Data(document.utf8).write(to: input)
            var outputs: [String] = []
            let runs = [
                ["-v"], ["--json"], ["--ack", "997", "-o", folder.path + "/"],
                ["--ack", "ta1", "-o", folder.path + "/"],
            ]
            for arguments in runs {
                let result = try PorterProcess.run(["validate"] + arguments + [input.path])
                #expect(result.status == 1)
                outputs += [result.standardOutput, result.standardError]
                let stdin = try PorterProcess.run(["validate"] + arguments + ["-"], standardInput: Data(document.utf8))
                outputs += [stdin.standardOutput, stdin.standardError]
            }
            for file in try Self.files(in: folder) where file != "secret.edi" {
                outputs.append(try Self.contents(folder.appending(path: file)))
            }
            #expect(outputs.contains { $0.contains("TA1*000000777*") }, "a TA1 was written")
            for output in outputs {
                for secret in Self.secrets {
                    #expect(!output.contains(secret), "\(secret) in \(output)")
                }
            }
        }
    }
}
