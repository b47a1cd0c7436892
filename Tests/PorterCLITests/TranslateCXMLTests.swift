import Foundation
import Testing

/// `porter translate` with cXML in and out, run as a process; every cXML it writes is checked with the real
/// `xmllint --dtdvalid` against the cXML 1.2.069 DTDs in `../shared/cxml-dtd`.
@Suite struct TranslateCXMLTests {
    static let dtdFolder = PorterProcess.packageRoot.deletingLastPathComponent().appending(
        path: "shared/cxml-dtd/1.2.069")

    /// Runs xmllint on `file` against `dtd` (never touching the network); its status and messages.
    static func xmllint(_ file: URL, dtd: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = [
            "xmllint", "--noout", "--nonet", "--dtdvalid", Self.dtdFolder.appending(path: dtd).path, file.path,
        ]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func an850BecomesAValidOrderRequestAndComesBackAsAValid850() throws {
        try TranslateCommandTests.withTemporaryFolder { folder in
            let cxml = try PorterProcess.run([
                "translate", TranslateCommandTests.retail, "--to", "cxml", "--sender", "NetworkID:AN01000000001",
            ])
            #expect(cxml.status == 0, "\(cxml.standardError)")
            #expect(cxml.standardOutput.contains("<OrderRequestHeader orderID=\"BO-7734210\""))
            #expect(cxml.standardOutput.contains("<Credential domain=\"NetworkID\">"))
            #expect(cxml.standardError.contains("warning"), "the DTD defaults are reported")
            let file = folder.appending(path: "order.xml")
            try Data(cxml.standardOutput.utf8).write(to: file)
            let lint = try Self.xmllint(file, dtd: "cXML.dtd")
            #expect(lint.status == 0, "\(lint.output)")

            let x12 = try PorterProcess.run(["translate", file.path, "--to", "x12"])
            #expect(x12.status == 0, "\(x12.standardError)")
            #expect(x12.standardOutput.contains("BEG*00*SA*BO-7734210"))
            #expect(x12.standardOutput.hasPrefix("ISA*00*          *00*          *ZZ*AN01000000001  *01*612093384"))
            let x12File = folder.appending(path: "order.x12")
            try Data(x12.standardOutput.utf8).write(to: x12File)
            let validation = try PorterProcess.run(["validate", x12File.path])
            #expect(validation.status == 0, "\(validation.standardOutput)\(validation.standardError)")
        }
    }

    @Test func aConfirmationRequestBecomesAn855AndAValidConfirmationAgain() throws {
        try TranslateCommandTests.withTemporaryFolder { folder in
            let x12 = try PorterProcess.run([
                "translate", "Fixtures/cxml/ConfirmationRequest/detail.xml", "--to", "x12", "--sender", "ZZ:SUPPLIER",
            ])
            #expect(x12.status == 0, "\(x12.standardError)")
            #expect(x12.standardOutput.contains("ST*855*"))
            let x12File = folder.appending(path: "ack.x12")
            try Data(x12.standardOutput.utf8).write(to: x12File)
            let cxml = try PorterProcess.run(["translate", x12File.path, "--to", "cxml", "-o", folder.path + "/out/"])
            #expect(cxml.status == 0, "\(cxml.standardError)")
            let written = try TranslateCommandTests.files(in: folder.appending(path: "out"))
            #expect(written.count == 1)
            let file = folder.appending(path: "out").appending(path: try #require(written.first))
            #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("<ConfirmationRequest>"))
            let lint = try Self.xmllint(file, dtd: "Fulfill.dtd")
            #expect(lint.status == 0, "\(lint.output)")
        }
    }

    @Test func cXMLIsOneDocumentPerFile() throws {
        try TranslateCommandTests.withTemporaryFolder { folder in
            let several = try PorterProcess.run([
                "translate", "Fixtures/x12/850/005010-multi-set.edi", "--to", "cxml", "-o",
                folder.appending(path: "one.xml").path,
            ])
            #expect(several.status == 2)
            #expect(several.standardError.contains("give -o FOLDER/"))
            #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "one.xml").path))

            let folderRun = try PorterProcess.run([
                "translate", "Fixtures/x12/850/005010-multi-set.edi", "--to", "cxml", "-o", folder.path + "/each/",
            ])
            #expect(folderRun.status == 0, "\(folderRun.standardError)")
            let files = try TranslateCommandTests.files(in: folder.appending(path: "each"))
            #expect(files.count > 1 && files.allSatisfy { $0.hasSuffix(".xml") })
        }
    }

    @Test func aChangeNeedsItsOriginalOrder() throws {
        let without = try PorterProcess.run(["translate", "Fixtures/x12/860/004010-change.edi", "--to", "cxml"])
        #expect(without.status == 1)
        #expect(without.standardError.contains("original"), "\(without.standardError)")

        try TranslateCommandTests.withTemporaryFolder { folder in
            let with = try PorterProcess.run([
                "translate", "Fixtures/x12/860/004010-change.edi", "--to", "cxml", "--original",
                TranslateCommandTests.retail,
            ])
            #expect(with.status == 0, "\(with.standardError)")
            #expect(with.standardOutput.contains("type=\"update\""))
            let file = folder.appending(path: "update.xml")
            try Data(with.standardOutput.utf8).write(to: file)
            let lint = try Self.xmllint(file, dtd: "cXML.dtd")
            #expect(lint.status == 0, "\(lint.output)")
        }
    }

    @Test func functionalAcknowledgmentsAndResponsesHaveNoOtherForm() throws {
        let ack = try PorterProcess.run(["translate", "Fixtures/x12/997/005010-partial.edi", "--to", "cxml"])
        #expect(ack.status == 0)
        #expect(ack.standardOutput.isEmpty)
        #expect(ack.standardError.contains("no cXML form"))
        let response = try PorterProcess.run(["translate", "Fixtures/cxml/Response/ok.xml", "--to", "json"])
        #expect(response.status == 0)
        #expect(response.standardError.contains("no canonical form"))
    }

    @Test func aBrokenCXMLDocumentFailsWithItsLocation() throws {
        let result = try PorterProcess.run([
            "translate", "Fixtures/cxml/ConfirmationRequest/invalid-operation.xml", "--to", "json",
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("invalid-operation.xml:"))
        #expect(result.standardError.contains("operation"))
    }
}
