import CXML
import Foundation
import Orders
import Testing
import Translation

/// The cXML fixtures decode to exactly their golden JSON, with the typed values the mapping promises.
@Suite("cXML → canonical model")
struct CXMLDecodingTests {
    /// Every fixture with a golden: `Fixtures/cxml/<folder>/<name>.xml` → `Fixtures/json/cxml/<folder>-<name>.json`.
    static let goldens: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: CXMLFixtures.json.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func fixture(_ golden: String) -> URL {
        let dash = golden.firstIndex(of: "-")!
        return CXMLFixtures.cxml.appending(
            path: "\(golden[..<dash])/\(golden[golden.index(after: dash)...]).xml")
    }

    static func document(_ path: String) throws -> (BusinessDocument, [CXMLFinding]) {
        let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: path))
        guard case .document(let document)? = result.content else {
            throw CXMLTestError("\(path) holds no business document: \(result.findings)")
        }
        return (document, result.findings)
    }

    @Test func everyFixtureFolderHasGoldens() {
        for folder in ["OrderRequest", "ConfirmationRequest", "ShipNoticeRequest"] {
            #expect(Self.goldens.contains { $0.hasPrefix(folder + "-") }, "no golden for \(folder)")
        }
        #expect(Self.goldens.count >= 16)
    }

    @Test("a cXML fixture decodes to exactly its golden JSON", arguments: goldens)
    func golden(_ name: String) throws {
        let result = try CXMLFixtures.decode(Self.fixture(name))
        guard case .document(let document)? = result.content else {
            Issue.record("\(name): no document; \(result.findings)")
            return
        }
        #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings)")
        let golden = String(
            decoding: try TranslationFixtures.bytes(CXMLFixtures.json.appending(path: "\(name).json")), as: UTF8.self)
        #expect(CXMLFixtures.json(document) == golden)
        // The golden reads back as the same document.
        #expect(try BusinessDocument.decode(json: Array(golden.utf8)) == document)
    }

    @Test func orderRequestValues() throws {
        let (document, findings) = try Self.document("OrderRequest/new-release.xml")
        #expect(findings.isEmpty, "\(findings)")
        guard case .purchaseOrder(let order) = document else { throw CXMLTestError("not an order") }
        // Envelope: From/To credentials, payloadID, timestamp, DOCTYPE version, test mode, user agent.
        #expect(order.envelope.standard == .cxml)
        #expect(order.envelope.sender == EnvelopeIdentity(qualifier: "NetworkID", id: "AN01000000101"))
        #expect(order.envelope.receiver == EnvelopeIdentity(qualifier: "NetworkID", id: "AN01000000202"))
        #expect(order.envelope.payloadID == "1741766400000.4120.1.7f3a21c0@harborline.example")
        #expect(order.envelope.date?.zone == "-07:00")
        #expect(order.envelope.version == "1.2.069")
        #expect(order.envelope.usage == .test)
        #expect(order.envelope.userAgent == "Harborline Procurement 7.2")
        #expect(order.extensions["Header/From/Credential[2]"]?.contains("804417263") == true)
        // Header.
        #expect(order.purpose == .original)
        #expect(order.orderType == .release)
        #expect(order.number == "HME-BR-20931")
        #expect(order.blanketOrderNumber == "BPA-HME-2024-031")
        #expect(order.releaseNumber == "0007")
        #expect(order.references.value(.orderRevision) == "1")
        #expect(order.references.value(.requisition) == "MRP-PLT2-0312")
        #expect(order.references.value(ReferenceQualifier("department")) == "118")
        #expect(order.currency == "USD")
        #expect(order.totals?.amount == "1163.30")
        #expect(order.dates.first(.deliveryRequested)?.time == TimeOfDay(hour: 8, minute: 0, second: 0))
        #expect(order.dates.first(.cancelAfter)?.date == CalendarDate(year: 2025, month: 4, day: 9))
        #expect(order.dates.first(.deliveryWindowEnd)?.date == CalendarDate(year: 2025, month: 3, day: 28))
        #expect(order.allowancesCharges.map(\.code) == ["D240", "H850"])
        #expect(order.allowancesCharges.map(\.amount) == ["42.00", "118.30"])
        #expect(
            order.paymentTerms == [PaymentTerms(discountPercent: 2, discountDays: 10, netDays: 30)])
        #expect(order.fob == FOBTerms(paymentMethod: .prepaid, incoterms: "FOB"))
        #expect(order.notes.first?.lines == ["Deliver to dock 3 only.", "Call 30 minutes ahead."])
        #expect(order.notes.first?.kind == .general)
        #expect(order.contacts.first?.function == .buyer)
        #expect(order.contacts.first?.name == "Ravi Okonkwo")
        // Parties: ShipTo, BillTo, and the supplier account contact.
        #expect(order.parties.map(\.role) == [.shipTo, .billTo, .seller])
        let shipTo = try #require(order.parties.first(.shipTo))
        #expect(shipTo.identifiers == [PartyIdentifier(.buyerAssigned, "PLT2")])
        #expect(shipTo.address?.deliverTo == ["Receiving dock 3"])
        #expect(shipTo.address?.country == "US")
        #expect(
            shipTo.contacts.first?.communications == [
                Communication(.email, "dock3@harborline.example"), Communication(.phone, "+1 253 5550148 x22"),
            ])
        #expect(order.parties.first(.billTo)?.identifiers == [PartyIdentifier(.duns, "804417263")])
        // Lines.
        #expect(order.lines.count == 3)
        let first = order.lines[0]
        #expect(first.lineNumber == "1")
        #expect(first.quantity == 500)
        #expect(first.unit == .foot)
        #expect(first.unitPrice == "1.18")
        #expect(first.dates == [QualifiedDate(.deliveryRequested, CalendarDate(year: 2025, month: 3, day: 26)!)])
        #expect(
            Set(first.items) == [
                ItemIdentifier(.vendorPart, "QCW-16T-RED"), ItemIdentifier(.vendorSupplemental, "SPOOL-500"),
                ItemIdentifier(.buyerPart, "HME-CBL-16AWG-RD"), ItemIdentifier(.gtin, "00084512300018"),
                ItemIdentifier(.classification, "26121609"), ItemIdentifier(.manufacturerPart, "ANC-101505"),
                ItemIdentifier(.manufacturer, "Ancor"),
            ])
        #expect(first.descriptions.map(\.language) == [nil, "fr-CA"])
        #expect(first.extensions["ItemOut/Distribution"]?.hasPrefix("<Distribution>") == true)
        #expect(first.extensions["ItemOut/ItemDetail/Classification[2]"]?.contains("eCl@ss") == true)
        #expect(order.lines[1].unit == .package)
        #expect(order.lines[1].parties.first?.name == "Plant 2 Stores")
        #expect(order.lines[2].unit == .case)
        #expect(order.lines[2].schedules.map(\.quantity) == [3, 2])
    }

    @Test func updateAndDelete() throws {
        guard case (.purchaseOrder(let update), _) = try Self.document("OrderRequest/update.xml"),
            case (.purchaseOrder(let delete), _) = try Self.document("OrderRequest/delete.xml")
        else { throw CXMLTestError("not orders") }
        #expect(update.purpose == .replace)
        #expect(update.references.value(.orderRevision) == "2")
        #expect(update.extensions["OrderRequestHeader/DocumentReference"]?.contains("1741626900000") == true)
        #expect(delete.purpose == .delete)
        #expect(delete.notes.first?.kind == NoteKind("cancellationReason"))
    }

    @Test func theSharedSecretIsNeverKept() throws {
        for folder in ["OrderRequest", "ConfirmationRequest", "ShipNoticeRequest", "StatusUpdateRequest"] {
            for name in CXMLFixtures.names(folder) {
                let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "\(folder)/\(name)"))
                var text = result.findings.map(\.description).joined()
                switch result.content {
                case .document(let document)?: text += CXMLFixtures.json(document)
                case .statusUpdate(let update)?: text += "\(update)"
                default: break
                }
                for secret in ["never-kept-secret", "supplier-secret", "hub-secret", "Secret!123", "SharedSecret"] {
                    #expect(!text.contains(secret), "\(folder)/\(name) keeps \(secret)")
                }
            }
        }
    }

    @Test func lenientReadingReportsEachDeviation() throws {
        let (document, findings) = try Self.document("OrderRequest/lenient.xml")
        guard case .purchaseOrder(let order) = document else { throw CXMLTestError("not an order") }
        #expect(!findings.contains { $0.severity == .error }, "\(findings)")
        let codes = findings.map(\.code.rawValue)
        #expect(codes.filter { $0 == "mojibake" }.count == 2)
        #expect(codes.contains("unknownAttribute"))
        #expect(codes.contains("unknownUnit"))
        #expect(codes.contains("invalidEnumeration"))
        #expect(codes.contains("invalidNumber"))
        let orderType = try #require(findings.first { $0.message.contains("orderType") })
        #expect(orderType.severity == .warning)
        #expect(orderType.location?.line == 28)
        #expect(orderType.location?.path == "cXML/Request/OrderRequest/OrderRequestHeader")
        // No DOCTYPE: the version is cXML@version; the elements out of order are read all the same.
        #expect(order.envelope.version == "1.2.050")
        #expect(order.envelope.sender.id == "AN00000123")
        #expect(order.envelope.userAgent == "Lieferantenportal 3")
        #expect(order.parties.first(.billTo)?.name == "Grüne Werkstatt GmbH")
        #expect(order.notes.first?.lines == ["Lieferung an Tor 2 – bitte klingeln."])
        #expect(order.orderType == "spot")
        #expect(order.totals?.amount == "48.60")
        #expect(order.lines[0].unit == "XYZ")
        #expect(order.lines[0].items.contains(ItemIdentifier(.classification, "31161500")))
        #expect(order.lines[1].unit == .roll)
        #expect(order.lines[1].extensions["ItemOut/ItemDetail/UnitPrice/Money@currency"] == "CHF")
        #expect(order.extensions["OrderRequestHeader@priority"] == "high")
        #expect(order.extensions["OrderRequestHeader/Extrinsic(Kostenstelle)"] == "4711")
        #expect(
            order.extensions["OrderRequestHeader/Extrinsic[2]"]
                == #"<Extrinsic name="Projekt"><Code>P-17</Code></Extrinsic>"#)
    }

    @Test(
        "a header type or operation outside the DTD's values is an error",
        arguments: [
            ("OrderRequest/invalid-type.xml", "OrderRequestHeader@type is replace"),
            ("ConfirmationRequest/invalid-operation.xml", "ConfirmationHeader@operation is delete"),
            ("ShipNoticeRequest/invalid-operation.xml", "ShipNoticeHeader@operation is cancel"),
        ])
    func invalidHeaderEnumeration(_ path: String, _ message: String) throws {
        let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: path))
        let finding = try #require(result.findings.first { $0.code == .invalidEnumeration })
        #expect(finding.severity == .error)
        #expect(finding.message.hasPrefix(message))
        #expect(finding.location?.line == 24 || finding.location?.line == 25)
    }

    @Test func sapCombinedWrapperIsUnwrapped() throws {
        let golden = String(
            decoding: try TranslationFixtures.bytes(
                CXMLFixtures.json.appending(path: "OrderRequest-sap-combined.json")),
            as: UTF8.self)
        for name in ["sap-combined.xml", "sap-combined-text.xml"] {
            let (document, findings) = try Self.document("OrderRequest/\(name)")
            #expect(CXMLFixtures.json(document) == golden)
            #expect(findings.map(\.code) == [.unwrapped])
            #expect(findings.first?.severity == .info)
        }
        guard case (.purchaseOrder(let order), _) = try Self.document("OrderRequest/sap-combined.xml") else { return }
        #expect(order.number == "4500012345")
        #expect(order.notes.first?.lines == ["Drawing attached"])
        #expect(order.extensions["OrderRequestHeader/Comments/Attachment"]?.contains("cid:drawing-0042") == true)
    }

    @Test func sapCombinedWrapperWithoutCXMLIsRefused() throws {
        let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "OrderRequest/sap-combined-base64.xml"))
        #expect(result.content == nil)
        let finding = try #require(result.findings.first)
        #expect(finding.code == .unsupportedWrapper)
        #expect(finding.severity == .error)
        #expect(finding.location?.path == "Combined/Payload")
    }

    @Test func confirmationValues() throws {
        guard
            case (.orderAcknowledgment(let confirmation), let findings) = try Self.document(
                "ConfirmationRequest/detail.xml")
        else { throw CXMLTestError("not a confirmation") }
        #expect(confirmation.acknowledgmentType == .acceptedWithChanges)
        #expect(confirmation.purpose == .original)
        #expect(confirmation.orderNumber == "HME-BR-20931")
        #expect(confirmation.sellerOrderNumber == "QCW-SO-77120")
        #expect(confirmation.references.value(.invoice) == "QCW-INV-5512")
        #expect(confirmation.acknowledgmentDate?.date == CalendarDate(year: 2025, month: 3, day: 13))
        #expect(confirmation.parties.first?.role == .shipFrom)
        #expect(confirmation.contacts.first?.function == .salesRepresentative)
        #expect(confirmation.extensions["ConfirmationHeader@incoTerms"] == "fob")
        #expect(confirmation.lines.count == 5)
        // Quantities per line add up to the ordered quantity, with an unknown status for the remainder.
        for line in confirmation.lines {
            let sum = line.statuses.reduce(Decimal(0)) { $0 + ($1.quantity?.value ?? 0) }
            #expect(sum == line.quantity?.value, "line \(line.lineNumber ?? "?")")
        }
        #expect(confirmation.lines[0].statuses.map(\.status) == [.acceptedWithChanges, .backordered])
        #expect(confirmation.lines[0].statuses[0].dates.map(\.kind) == [.scheduledShip, .estimatedDelivery])
        #expect(confirmation.lines[1].statuses[0].unitPrice == "2.19")
        #expect(confirmation.lines[2].statuses[0].status == .rejected)
        #expect(confirmation.lines[3].statuses.map(\.status) == [.accepted, .backordered, .unknown])
        #expect(confirmation.lines[3].statuses[2].quantity == 6)
        #expect(confirmation.lines[4].statuses[0].items == [ItemIdentifier(.vendorPart, "QCW-ATC20")])
        #expect(confirmation.lines[4].statuses[0].unitPrice == "3.95")
        let remainder = try #require(findings.first { $0.code == .quantityMismatch })
        #expect(remainder.severity == .warning)
        #expect(remainder.location?.path == "cXML/Request/ConfirmationRequest/ConfirmationItem[4]")
    }

    @Test(
        "every ConfirmationHeader type",
        arguments: [
            ("accept", AcknowledgmentType.accepted, 0), ("allDetail", .acceptedWithDetail, 2),
            ("detail", .acceptedWithChanges, 5), ("backordered", .backordered, 1),
            ("except", .acceptedWithExceptions, 1), ("reject", .rejected, 0),
            ("requestToPay", AcknowledgmentType("requestToPay"), 1), ("replace", AcknowledgmentType("replace"), 1),
        ])
    func confirmationTypes(_ name: String, _ type: AcknowledgmentType, _ lines: Int) throws {
        guard case (.orderAcknowledgment(let confirmation), _) = try Self.document("ConfirmationRequest/\(name).xml")
        else { throw CXMLTestError("not a confirmation") }
        #expect(confirmation.acknowledgmentType == type)
        #expect(confirmation.lines.count == lines)
        #expect(confirmation.orderNumber == "HME-BR-20931")
        if name == "except" {
            #expect(confirmation.purpose == .replace)
            #expect(confirmation.extensions["ConfirmationHeader/DocumentReference"] != nil)
        }
        if name == "allDetail" { #expect(confirmation.lines[0].statuses[0].status == "allDetail") }
        if name == "requestToPay" { #expect(confirmation.lines[0].statuses[0].status == "requestToPay") }
    }

    @Test func shipNoticeValues() throws {
        guard case (.shipNotice(let notice), let findings) = try Self.document("ShipNoticeRequest/new-packed.xml")
        else { throw CXMLTestError("not a ship notice") }
        #expect(findings.isEmpty, "\(findings)")
        #expect(notice.purpose == .original)
        #expect(notice.shipmentID == "QCW-SH-44107")
        #expect(notice.dates.map(\.kind) == [.shipped, .estimatedDelivery])
        #expect(notice.carriers.count == 1)
        #expect(notice.carriers[0].carrier == PartyIdentifier(.scac, "KSTL"))
        #expect(notice.carriers[0].carrierName == "Kestrel Freight Lines")
        #expect(notice.carriers[0].transportMethod == .motor)
        #expect(notice.carriers[0].serviceLevels == [.standardGround])
        #expect(notice.billOfLadingNumber == "BOL-0044107")
        #expect(notice.trackingNumbers == ["PRO-88120457"])
        #expect(
            notice.lading == [
                LadingDetail(
                    packagingCode: "PLT94", ladingQuantity: 3, weightQualifier: .gross, weight: "412.5",
                    weightUnit: .pound)
            ])
        #expect(notice.parties.map(\.role) == [.shipFrom, .shipTo])
        #expect(notice.orders.map(\.orderNumber) == ["HME-BR-20931", "HME-PO-30412"])
        let order = notice.orders[0]
        #expect(order.items.map(\.lineNumber) == ["4"])
        let tare = try #require(order.packs.first)
        #expect(tare.level == .tare)
        #expect(tare.sscc == "008451230000004411")
        #expect(tare.packs.map(\.sscc) == ["008451230000004428", "008451230000004435"])
        #expect(tare.packs[0].pack?.length == 18)
        #expect(tare.packs[0].pack?.dimensionUnit == .inch)
        let wire = try #require(tare.packs[0].items.first)
        #expect(wire.quantity == 200)
        #expect(wire.orderedQuantity == 500)
        #expect(wire.quantityShippedToDate == 200)
        #expect(order.allItems.map(\.quantity) == [24, 200, 250])
        #expect(notice.orders[1].allItems.isEmpty)
        #expect(notice.orders[1].changeSequence == "2")
    }

    @Test(
        "every ShipNoticeHeader operation",
        arguments: [("new-packed", Purpose.original), ("update", .replace), ("delete", .delete)])
    func shipNoticeOperations(_ name: String, _ purpose: Purpose) throws {
        guard case (.shipNotice(let notice), _) = try Self.document("ShipNoticeRequest/\(name).xml") else {
            throw CXMLTestError("not a ship notice")
        }
        #expect(notice.purpose == purpose)
        if name == "update" {
            #expect(notice.trackingNumbers == ["8202 8261 1194"])
            #expect(notice.carriers.first?.carrierName == "Federal Express")
            #expect(notice.carriers.first?.transportMethod == .air)
            #expect(notice.carriers.first?.serviceLevels == [.nextDayAir])
        }
    }

    @Test(
        "responses",
        arguments: [
            ("ok", 200, "OK", "Order HME-BR-20931 received."),
            ("bad-request", 400, "Bad Request", "Unknown supplier part QCW-XX-1 on line 4."),
            ("retry-later", 560, "Temporary server error", nil),
        ])
    func responses(_ name: String, _ code: Int, _ text: String, _ detail: String?) throws {
        let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "Response/\(name).xml"))
        guard case .response(let response)? = result.content else { throw CXMLTestError("no response") }
        #expect(result.findings.isEmpty)
        #expect(response.status.code == code)
        #expect(response.status.text == text)
        #expect(response.status.detail == detail)
        #expect(response.status.isSuccess == (code == 200))
        #expect(response.status.isRetryable == (code == 560))
        #expect(response.version == "1.2.069")
        #expect(response.payloadID?.hasPrefix("resp-") == true)
    }

    @Test func aStatusCodeThatIsNotANumberIsAnError() throws {
        let result = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "Response/invalid-code.xml"))
        #expect(result.content == nil)
        #expect(result.findings.map(\.code) == [.invalidNumber])
        #expect(result.findings.first?.severity == .error)
    }

    @Test func statusUpdates() throws {
        let forwarded = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "StatusUpdateRequest/forwarded.xml"))
        guard case .statusUpdate(let update)? = forwarded.content else { throw CXMLTestError("no update") }
        #expect(
            update.status
                == CXMLStatus(code: 201, text: "Accepted", detail: "Forwarded to the supplier.", language: "en-US"))
        #expect(update.documentPayloadID == "1741766400000.4120.1.7f3a21c0@harborline.example")
        #expect(update.envelope.usage == .test)
        #expect(update.envelope.sender.id == "AN01000000000")
        let rejected = try CXMLFixtures.decode(CXMLFixtures.cxml.appending(path: "StatusUpdateRequest/rejected.xml"))
        guard case .statusUpdate(let refusal)? = rejected.content else { throw CXMLTestError("no update") }
        #expect(refusal.status.code == 406)
        #expect(refusal.extensions["Extrinsic(SupplierTicket)"] == "QCW-TKT-9031")
    }

    @Test func theSpecificDecodersRefuseOtherDocuments() throws {
        let url = CXMLFixtures.cxml.appending(path: "ShipNoticeRequest/update.xml")
        let result = try CXMLOrderRequestDecoder(sourceName: "update.xml").decode(path: url.path)
        #expect(result.order == nil)
        #expect(result.findings.last?.code == .unexpectedDocument)
        #expect(try CXMLShipNoticeRequestDecoder().decode(path: url.path).shipNotice?.shipmentID == "QCW-SH-44107")
        let confirmation = CXMLFixtures.cxml.appending(path: "ConfirmationRequest/accept.xml")
        #expect(try CXMLConfirmationRequestDecoder().decode(path: confirmation.path).acknowledgment != nil)
    }
}

/// A failure of a test's own expectations about a fixture.
struct CXMLTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
