import Foundation
import Testing

/// `porter validate` and `porter inspect` on cXML, run as processes.
@Suite struct CXMLValidateInspectTests {
    @Test func aGoodDocumentIsValid() throws {
        let result = try PorterProcess.run(["validate", "Fixtures/cxml/OrderRequest/update.xml"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(
            result.standardOutput
                == "Fixtures/cxml/OrderRequest/update.xml: valid: 0 errors, 0 warnings; 1 cXML document (OrderRequest)\n"
        )
    }

    @Test func aBadEnumerationIsLocatedByLineColumnAndPath() throws {
        let file = "Fixtures/cxml/ConfirmationRequest/invalid-operation.xml"
        let text = try PorterProcess.run(["validate", file])
        #expect(text.status == 1)
        #expect(
            text.standardOutput.contains(
                "\(file):25:7: error: ConfirmationHeader@operation is delete, not one of new, update (cXML/Request/ConfirmationRequest/ConfirmationHeader) [invalidEnumeration]"
            ), "\(text.standardOutput)")

        let json = try PorterProcess.run(["validate", "--json", file])
        #expect(json.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "cxml")
        #expect(object["valid"] as? Bool == false)
        #expect(object["documentElement"] as? String == "ConfirmationRequest")
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "invalidEnumeration")
        #expect(finding["value"] as? String == "delete")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["line"] as? Int == 25)
        #expect(location["column"] as? Int == 7)
        #expect(location["path"] as? String == "cXML/Request/ConfirmationRequest/ConfirmationHeader")
    }

    /// A hostile document is bad input (exit 1, a located error), not a failure to run.
    @Test(arguments: [
        ("billion-laughs.xml", "[entityDeclaration]"), ("internal-subset.xml", "[internalSubset]"),
        ("truncated.xml", "[truncated]"), ("not-well-formed.xml", "[notWellFormed]"),
        ("invalid-utf16.xml", "[encoding]"),
    ])
    func hostileDocumentsAreRejected(file: String, code: String) throws {
        let result = try PorterProcess.run(["validate", "Fixtures/cxml/hostile/\(file)"])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains(code), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Fixtures/cxml/hostile/\(file):"))
    }

    @Test func inspectShowsTheEnvelopeAndTheDocument() throws {
        let result = try PorterProcess.run(["inspect", "Fixtures/cxml/OrderRequest/update.xml"])
        #expect(result.status == 0)
        #expect(
            result.standardOutput == """
                Fixtures/cxml/OrderRequest/update.xml
                  cXML 1.2.069  payloadID 1741852800000.4120.2.1c44e9d2@harborline.example  production
                    from NetworkID:AN01000000101 → to NetworkID:AN01000000202
                    OrderRequest (purchaseOrder HME-PO-30412, 1 line)

                """)
    }

    @Test func aCXMLFileGetsNoX12Acknowledgment() throws {
        try TranslateCommandTests.withTemporaryFolder { folder in
            let result = try PorterProcess.run([
                "validate", "Fixtures/cxml/OrderRequest/update.xml", "--ack", "997", "-o", folder.path + "/acks/",
            ])
            #expect(result.status == 0)
            #expect(result.standardError.contains("not a 997"))
            let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/acks")) ?? []
            #expect(written.isEmpty)
        }
    }
}
