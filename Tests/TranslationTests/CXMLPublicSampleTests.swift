import CXML
import Foundation
import Orders
import Testing
import Translation

/// The public cXML samples in `../shared/fixtures/public/cxml/`, decoded in place with their key values asserted;
/// the malformed and invalid ones give the error `MANIFEST.tsv` leads one to expect.
@Suite("cXML public samples")
struct CXMLPublicSampleTests {
    /// The cXML files `MANIFEST.tsv` lists.
    static let manifestNames: [String] = {
        let manifest = CXMLFixtures.publicCXML.deletingLastPathComponent().appending(path: "MANIFEST.tsv")
        let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let name = line.split(separator: "\t").first ?? ""
            return name.hasPrefix("cxml/") ? String(name.dropFirst("cxml/".count)) : nil
        }.sorted()
    }()

    static func decode(_ name: String) throws -> CXMLDocumentDecoding {
        try CXMLFixtures.decode(CXMLFixtures.publicCXML.appending(path: name))
    }

    static func order(_ name: String) throws -> (PurchaseOrder, [CXMLFinding]) {
        let result = try Self.decode(name)
        guard case .document(.purchaseOrder(let order))? = result.content else {
            throw CXMLTestError("\(name): no order; \(result.findings)")
        }
        return (order, result.findings)
    }

    /// The samples this suite asserts, one test each below.
    static let covered: Set<String> = [
        "bcxm__garbage-request.xml", "bcxm__ping-response.xml", "bcxm__unauthorized-response.xml",
        "bcxm__unintelligible-response.xml", "focx__Handling_order_request.xml", "focx__OrderRequest.xml",
        "focx__PunchoutOrderMessage.xml", "focx__ShipNoticeRequest.xml", "focx__StatusUpdateRequest.xml",
        "oflv__document_node_with_unknown_attribute.xml", "oflv__order_request.xml",
        "oflv__purchase_order_request_200.xml", "oflv__request_doc.xml", "oflv__response_status_200.xml",
        "oflv__response_status_400.xml",
    ]

    @Test func everySampleOfTheManifestIsAsserted() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CXMLFixtures.publicCXML.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(Self.manifestNames == files)
        #expect(Set(files) == Self.covered)
    }

    @Test func focxOrderRequest() throws {
        let (order, findings) = try Self.order("focx__OrderRequest.xml")
        #expect(findings.isEmpty, "\(findings)")
        #expect(order.number == "DO1234")
        #expect(order.envelope.version == "1.2.050")
        #expect(order.envelope.usage == .test)
        #expect(order.lines.count == 2)
        #expect(order.currency == "EUR")
        #expect(order.totals?.amount == "85.00")
        #expect(order.lines.map(\.quantity) == [10, 20])
        #expect(order.lines.map(\.unitPrice) == ["2.10", "3.20"])
        #expect(order.lines.map(\.unit) == [.each, .each])
        #expect(order.lines[1].notes.first == Note(kind: "test", lines: ["Test comment"]))
        #expect(
            order.parties.first(.shipTo)?.contacts.first?.communications == [Communication(.phone, "+1 800 5551212")])
        #expect(order.parties.first(.billTo)?.address?.country == "DE")
        #expect(
            order.extensions["OrderRequestHeader/Comments/Attachment"]
                == "<Attachment><URL>delivery-note.pdf</URL></Attachment>")
    }

    @Test func focxHandlingOrderRequest() throws {
        let (order, findings) = try Self.order("focx__Handling_order_request.xml")
        #expect(order.number == "acme-1-1")
        #expect(order.envelope.version == "1.2.060")
        #expect(order.envelope.usage == .test)
        #expect(order.lines.count == 1)
        #expect(order.totals?.amount == "10.00")
        #expect(order.currency == "USD")
        #expect(order.lines[0].items.contains(ItemIdentifier(.buyerPart, "QA-ACME-AUTOTEST")))
        #expect(order.dates.first(.deliveryRequested)?.date == CalendarDate(year: 2025, month: 1, day: 28))
        // Its Payment holds a PaymentReference that the 1.2.069 DTD does not know: a warning, kept.
        #expect(findings.map(\.code) == [.unknownElement])
        #expect(findings.first?.severity == .warning)
        #expect(order.extensions["OrderRequestHeader/Payment"]?.contains("PaymentReference") == true)
    }

    @Test func oflvOrderRequest() throws {
        let (order, findings) = try Self.order("oflv__order_request.xml")
        #expect(findings.isEmpty, "\(findings)")
        #expect(order.number == "3309")
        #expect(order.lines.count == 2)
        #expect(order.totals?.amount == "91.71")
        #expect(order.lines.map(\.quantity) == [1, 9])
        #expect(order.lines.map(\.unitPrice) == ["8.1", "9.29"])
        #expect(order.allowancesCharges == [AllowanceCharge(indicator: .charge, code: "D240", amount: "0.0")])
        #expect(order.parties.first(.endUser)?.name == "alksdjfalskjf alk sdjflkj")
        #expect(order.lines[0].items.contains(ItemIdentifier(.vendorSupplemental, "product-requisition:6236")))
        #expect(order.lines[0].extensions["ItemOut/ItemDetail/Extrinsic(LineType)"] == "Quantity")
        #expect(order.extensions["OrderRequestHeader/Extrinsic(legacy_po)"] == "")
    }

    @Test func oflvPurchaseOrderRequest200() throws {
        let (order, findings) = try Self.order("oflv__purchase_order_request_200.xml")
        #expect(findings.isEmpty, "\(findings)")
        #expect(order.number == "6112")
        #expect(order.envelope.usage == .production)
        #expect(order.envelope.sender == EnvelopeIdentity(qualifier: "duns", id: "dell"))
        #expect(order.lines.count == 2)
        #expect(order.totals?.amount == "1505.0")
        #expect(order.lines.map(\.quantity) == [1, 2])
        #expect(order.lines.allSatisfy { $0.items.contains(ItemIdentifier(.classification, "44000000")) })
        #expect(order.notes.first?.lines == ["header comment goes here if entered by user"])
        #expect(order.parties.first(.shipTo)?.identifiers == [PartyIdentifier(.buyerAssigned, "3119")])
    }

    @Test func oflvConfirmationRequest() throws {
        let result = try Self.decode("oflv__request_doc.xml")
        guard case .document(.orderAcknowledgment(let confirmation))? = result.content else {
            throw CXMLTestError("no confirmation")
        }
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(confirmation.envelope.version == "1.2.011")
        #expect(confirmation.acknowledgmentType == .acceptedWithChanges)
        #expect(confirmation.orderNumber == "400-2591453-0")
        #expect(confirmation.references.value(.invoice) == "623612976001")
        #expect(confirmation.lines.count == 3)
        #expect(confirmation.lines.map(\.quantity) == [20, 12, 2])
        #expect(confirmation.lines.map(\.unit) == [.ream, .box, .each])
        #expect(confirmation.lines.flatMap(\.statuses).map(\.status) == [.accepted, .accepted, .accepted])
        #expect(confirmation.lines.flatMap(\.statuses).map(\.unitPrice) == ["4.44", "1.52", "4.14"])
        #expect(confirmation.parties.first?.role == .shipTo)
        #expect(
            confirmation.extensions["OrderReference/DocumentReference"]?.contains(
                "20120904023747.cXMLPurchaseOrder.984556224@eprosvcs.com") == true)
    }

    @Test func focxShipNoticeRequest() throws {
        let result = try Self.decode("focx__ShipNoticeRequest.xml")
        guard case .document(.shipNotice(let notice))? = result.content else { throw CXMLTestError("no notice") }
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(notice.shipmentID == "S2-123")
        #expect(
            notice.carriers == [CarrierRouting(carrier: PartyIdentifier(.scac, "FDE"), carrierName: "Federal Express")])
        #expect(notice.trackingNumbers == ["8202 8261 1194"])
        #expect(notice.orders.map(\.orderNumber) == ["DO1234"])
        #expect(notice.orders[0].allItems.isEmpty)
        #expect(notice.notes.first == Note(lines: ["Got it all into one shipment."], language: "en-CA"))
        #expect(notice.envelope.userAgent == "Supplier’s Super Order Processor")
    }

    @Test func focxStatusUpdateRequest() throws {
        guard case .statusUpdate(let update)? = try Self.decode("focx__StatusUpdateRequest.xml").content else {
            throw CXMLTestError("no status update")
        }
        #expect(update.status == CXMLStatus(code: 200, text: "OK", detail: "Forwarded to supplier", language: "en-US"))
        #expect(update.documentPayloadID == "0c300508b7863dcclb_14999")
        #expect(update.envelope.payloadID == "0c30050@supplierorg.com")
    }

    @Test(
        "responses",
        arguments: [
            ("bcxm__ping-response.xml", 200, "OK", "Pong!"),
            ("bcxm__unauthorized-response.xml", 401, "Unauthorized", "Invalid sender."),
            ("oflv__response_status_200.xml", 200, "OK", nil),
            ("oflv__response_status_400.xml", 400, "java.lang.Exception: missing required parameter 'document'", nil),
        ])
    func responses(_ name: String, _ code: Int, _ text: String, _ detail: String?) throws {
        let result = try Self.decode(name)
        guard case .response(let response)? = result.content else { throw CXMLTestError("no response") }
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(response.status.code == code)
        #expect(response.status.text == text)
        #expect(response.status.detail == detail)
        if name == "oflv__response_status_200.xml" { #expect(response.responseElement == "PunchOutSetupResponse") }
    }

    @Test func malformedResponseIsRejected() throws {
        // MANIFEST: "MALFORMED XML (not well-formed: unclosed Status, </cXM>)".
        let error = try #require(throws: CXMLError.self) { try Self.decode("bcxm__unintelligible-response.xml") }
        #expect(error.code == .notWellFormed)
        #expect(error.location?.line == 5)
        #expect(error.location?.path == "cXML/Response")
    }

    @Test func unknownRequestIsRefused() throws {
        // MANIFEST: "INVALID: <GarbageRequest> unknown request element - should yield 4xx Response".
        let result = try Self.decode("bcxm__garbage-request.xml")
        #expect(result.content == nil)
        #expect(result.documentElement == "GarbageRequest")
        let refusal = try #require(result.findings.first { $0.code == .unsupportedDocument })
        #expect(refusal.severity == .error)
        #expect(refusal.location?.line == 24)
        #expect(refusal.location?.path == "cXML/Request/GarbageRequest")
        #expect(!result.findings.description.contains("password"))
    }

    @Test func unknownAttributeIsAWarning() throws {
        // MANIFEST: "INVALID per DTD: <Response invalid="invalid"> unknown attribute".
        let result = try Self.decode("oflv__document_node_with_unknown_attribute.xml")
        #expect(result.findings.map(\.code) == [.unknownAttribute])
        let finding = try #require(result.findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.location?.line == 4)
        #expect(finding.location?.path == "cXML/Response")
        guard case .response(let response)? = result.content else { throw CXMLTestError("no response") }
        #expect(response.status.code == 200)
        #expect(response.status.detail == "123456")
        #expect(response.extensions["Response@invalid"] == "invalid")
    }

    @Test func punchOutOrderMessageIsNotDecoded() throws {
        let result = try Self.decode("focx__PunchoutOrderMessage.xml")
        #expect(result.content == nil)
        #expect(result.documentElement == "PunchOutOrderMessage")
        #expect(result.findings.map(\.code) == [.unsupportedDocument])
    }
}
