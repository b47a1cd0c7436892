import CXML
import Foundation
import Orders
import Testing
import Translation
import X12

/// The cXML encoders write documents valid against the 1.2.069 DTDs (checked with the real `xmllint`), write back
/// what the decoders kept, and report every default they write.
@Suite("canonical model → cXML")
struct CXMLEncodingTests {
    /// Options that make the output deterministic.
    static let fixed = CXMLEncodingOptions(
        payloadID: "test-payload@porter.example", timestamp: "2025-03-20T10:00:00+00:00")

    /// The business fixtures, as `folder/name`.
    static let businessFixtures: [String] = ["OrderRequest", "ConfirmationRequest", "ShipNoticeRequest"].flatMap {
        folder in CXMLFixtures.names(folder).filter { !$0.hasPrefix("sap-combined-base64") }.map { "\(folder)/\($0)" }
    }

    static func decoded(_ url: URL) throws -> BusinessDocument? {
        guard case .document(let document)? = try CXMLFixtures.decode(url).content else { return nil }
        return document
    }

    /// A document as the encoder cannot help changing it: written at the configured version, in the document's
    /// language (`en-US` unless it said otherwise).
    static func normalized(_ document: BusinessDocument) -> BusinessDocument {
        var document = document
        document.envelope.version = "1.2.069"
        return document
    }

    @Test("every fixture is written back valid and reads back the same", arguments: businessFixtures)
    func fixtureRoundTrip(_ path: String) throws {
        let document = try #require(try Self.decoded(CXMLFixtures.cxml.appending(path: path)))
        let encoded = try CXMLDocumentEncoder().encode(document)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: encoded.dtd.fileName)
        let again = try CXMLDocumentDecoder().decode(bytes: encoded.bytes)
        guard case .document(let back)? = again.content else {
            Issue.record("\(path) does not read back: \(again.findings)")
            return
        }
        // Documents that break the DTD lose what the DTD refuses; the others come back whole.
        let deviates = ["lenient", "invalid"].contains { path.contains($0) }
        if !deviates {
            #expect(CXMLFixtures.json(back) == CXMLFixtures.json(Self.normalized(document)))
            #expect(!encoded.findings.contains { $0.severity != .info }, "\(encoded.findings)")
        }
        #expect(!again.findings.contains { $0.severity == .error }, "\(again.findings)")
    }

    @Test(
        "every public sample document is written valid",
        arguments: try FileManager.default.contentsOfDirectory(atPath: CXMLFixtures.publicCXML.path).sorted())
    func publicSampleIsWrittenValid(_ name: String) throws {
        guard let document = try? Self.decoded(CXMLFixtures.publicCXML.appending(path: name)) else { return }
        let encoded = try CXMLDocumentEncoder(options: Self.fixed).encode(document)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: encoded.dtd.fileName)
        guard case .document(let back)? = try CXMLDocumentDecoder().decode(bytes: encoded.bytes).content else {
            Issue.record("\(name) does not read back")
            return
        }
        #expect(back.kind == document.kind)
    }

    @Test("every X12 fixture is written as valid cXML", arguments: ["850", "855", "856"])
    func x12FixturesAreWrittenValid(_ set: String) throws {
        let folder = TranslationFixtures.x12.appending(path: set)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".edi") })
            .sorted()
        {
            let bytes = try TranslationFixtures.bytes(folder.appending(path: name))
            var documents: [BusinessDocument] = []
            switch set {
            case "850":
                documents = try X12PurchaseOrderDecoder.decodeAll(from: MemoryByteSource(bytes)).compactMap {
                    $0.order.map { .purchaseOrder($0) }
                }
            case "855":
                documents = try X12OrderAcknowledgmentDecoder.decodeAll(from: MemoryByteSource(bytes)).compactMap {
                    $0.acknowledgment.map { .orderAcknowledgment($0) }
                }
            default:
                documents = try X12ShipNoticeDecoder.decodeAll(from: MemoryByteSource(bytes)).compactMap {
                    $0.shipNotice.map { .shipNotice($0) }
                }
            }
            #expect(!documents.isEmpty, "\(name)")
            for document in documents {
                let encoded = try CXMLDocumentEncoder(options: Self.fixed).encode(document)
                try CXMLFixtures.expectValid(encoded.bytes, dtd: encoded.dtd.fileName)
                #expect(!encoded.findings.contains { $0.severity == .error }, "\(name): \(encoded.findings)")
                let again = try CXMLDocumentDecoder().decode(bytes: encoded.bytes)
                #expect(again.content != nil, "\(name): \(again.findings)")
            }
        }
    }

    @Test func defaultsForWhatTheDTDRequiresAreWarnings() throws {
        let order = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-retail-sdq.edi")).first?
                .order)
        let encoded = try CXMLOrderRequestEncoder(options: Self.fixed).encode(order)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        let defaults = encoded.findings.filter { $0.code == .defaultValue }
        #expect(defaults.allSatisfy { $0.severity == .warning })
        let messages = defaults.map(\.message).joined(separator: "\n")
        #expect(messages.contains("Total is computed (2116.2)"))
        #expect(messages.contains("Classification UNSPSC 00000000"))
        #expect(messages.contains("the Sender credential is the From credential"))
        #expect(messages.contains("the UserAgent is Porter"))
        #expect(messages.contains("BillTo repeats the buyer party"))
        #expect(messages.contains("12:00:00+00:00"))
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(text.contains(#"<Money currency="USD">2116.2</Money>"#))
        #expect(text.contains(#"<Classification domain="UNSPSC">00000000</Classification>"#))
        #expect(text.contains(#"orderDate="2025-03-04T12:00:00+00:00""#))
        // X12 qualifier 01 → DUNS; the From credential is repeated as the Sender.
        #expect(text.contains(#"<Credential domain="DUNS">"#))
        #expect(text.components(separatedBy: "<Identity>804417263</Identity>").count == 3)
        // What cXML cannot carry is said, not lost silently.
        #expect(encoded.findings.contains { $0.code == .notCarried && $0.message.contains("destination quantities") })
    }

    @Test func aMissingUnitPriceAndDescriptionAreDefaulted() throws {
        var order = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-dropship.edi")).first?
                .order)
        order.lines[0].unitPrice = nil
        order.lines[0].descriptions = []
        order.lines[0].unit = "XY"
        let encoded = try CXMLOrderRequestEncoder(options: Self.fixed).encode(order)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(text.contains("<UnitOfMeasure>ZZ</UnitOfMeasure>"))
        #expect(encoded.findings.contains { $0.code == .unknownUnit && $0.severity == .warning && $0.value == "XY" })
        #expect(encoded.findings.contains { $0.message.contains("UnitPrice 0") })
        #expect(encoded.findings.contains { $0.message.contains("without a description") })
        #expect(encoded.findings.contains { $0.message.contains("no currency") })
    }

    @Test func identitiesFollowTheQualifierTableOrTheCaller() throws {
        #expect(CXMLIdentityDomains.domain(forX12Qualifier: "01") == "DUNS")
        #expect(CXMLIdentityDomains.domain(forX12Qualifier: "ZZ") == "NetworkID")
        #expect(CXMLIdentityDomains.domain(forX12Qualifier: "16") == "DUNS+4")
        #expect(CXMLIdentityDomains.x12Qualifier(forDomain: "NetworkId") == "ZZ")
        #expect(CXMLIdentityDomains.x12Qualifier(forDomain: "duns") == "01")
        #expect(CXMLIdentityDomains.domain(forX12Qualifier: "27") == nil)
        #expect(
            CXMLCredential(parsing: "NetworkID:AN01:extra")
                == CXMLCredential(domain: "NetworkID", identity: "AN01:extra"))
        #expect(CXMLCredential(parsing: "NetworkID") == nil)

        var order = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-dropship.edi")).first?
                .order)
        #expect(order.envelope.sender.qualifier == "ZZ")
        var options = Self.fixed
        options.receiver = CXMLCredential(domain: "NetworkID", identity: "AN01000000202")
        options.sharedSecret = "only-written"
        let encoded = try CXMLOrderRequestEncoder(options: options).encode(order)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(
            text.contains("<From>\n      <Credential domain=\"NetworkID\">\n        <Identity>PINECRESTOUT</Identity>"))
        #expect(
            text.contains("<To>\n      <Credential domain=\"NetworkID\">\n        <Identity>AN01000000202</Identity>"))
        #expect(text.contains("<SharedSecret>only-written</SharedSecret>"))
        #expect(!encoded.findings.description.contains("only-written"))
        #expect(!"\(options)".contains("only-written"))
        // The secret written is not read back.
        guard case .document(let back)? = try CXMLDocumentDecoder().decode(bytes: encoded.bytes).content else {
            throw CXMLTestError("no document")
        }
        #expect(!CXMLFixtures.json(back).contains("only-written"))

        order.envelope.sender.qualifier = "27"
        let unmapped = try CXMLOrderRequestEncoder(options: Self.fixed).encode(order)
        try CXMLFixtures.expectValid(unmapped.bytes, dtd: "cXML.dtd")
        #expect(String(decoding: unmapped.bytes, as: UTF8.self).contains(#"<Credential domain="27">"#))
        #expect(unmapped.findings.contains { $0.message.contains("qualifier 27 has no cXML domain") })
    }

    @Test func unitsCrossFromX12ToUNCEFACTAndBack() {
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "CA") == "CS")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "CA", style: .current) == "XCS")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "CS") == "D66")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "CN") == "CA")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "PL") == "D97")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "PA") == "PL")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "SH") == "ST")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "OZ", style: .current) == "ONZ")
        #expect(CXMLUnitsOfMeasure.cefactCode(forX12Code: "Q9") == nil)
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "CS") == "CA")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "XCS") == "CA")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "CA") == "CN")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "ST") == "SH")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "SET") == "ST")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "KGM") == "KG")
        #expect(CXMLUnitsOfMeasure.x12Code(forCEFACTCode: "XYZ") == nil)
        // Every named unit has both codes, and each code reads back as its unit.
        for unit in UnitOfMeasure.namedValues {
            for style in CXMLUnitsOfMeasure.Style.allCases {
                let code = CXMLUnitsOfMeasure.code(for: unit, style: style)
                #expect(code.flatMap(CXMLUnitsOfMeasure.unit(forCode:)) == unit, "\(unit) \(style)")
            }
        }
    }

    @Test func fixedZonesCrossBetweenISOOffsetsAndX12Codes() throws {
        #expect(CXMLTimeZones.x12Code("+00:00") == "UT")
        #expect(CXMLTimeZones.x12Code("Z") == "UT")
        #expect(CXMLTimeZones.x12Code("-05:00") == "20")
        #expect(CXMLTimeZones.x12Code("-0700") == "18")
        #expect(CXMLTimeZones.x12Code("+01:00") == "01")
        #expect(CXMLTimeZones.x12Code("+05:30") == nil)
        #expect(CXMLTimeZones.x12Code("ET") == nil)
        #expect(CXMLTimeZones.isoOffset("20") == "-05:00")
        #expect(CXMLTimeZones.isoOffset("13") == "-12:00")
        #expect(CXMLTimeZones.isoOffset("12") == "+12:00")
        #expect(CXMLTimeZones.isoOffset("UT") == "+00:00")
        #expect(CXMLTimeZones.isoOffset("ET") == nil)
        #expect(CXMLTimeZones.isoOffset("-03:30") == "-03:30")
        // A date with an X12 zone code is written with its offset; a named zone gets the default, with a warning.
        var order = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-dropship.edi")).first?
                .order)
        order.orderDate = DateTime(date: order.orderDate.date, time: TimeOfDay(hour: 9, minute: 30), zone: "20")
        order.dates = [
            QualifiedDate(.deliveryRequested, order.orderDate.date, time: TimeOfDay(hour: 8, minute: 0), zone: "ET")
        ]
        let encoded = try CXMLOrderRequestEncoder(options: Self.fixed).encode(order)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(text.contains(#"orderDate="2025-03-10T09:30:00-05:00""#))
        #expect(text.contains(#"requestedDeliveryDate="2025-03-10T08:00:00+00:00""#))
        #expect(encoded.findings.contains { $0.message.contains("without time or zone") })
    }

    @Test func anOrderChangeIsAFullRestatementOfItsOriginal() throws {
        let original = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-retail-sdq.edi")).first?
                .order)
        let change = try #require(
            try X12OrderChangeDecoder.decodeAll(
                from: MemoryByteSource(
                    TranslationFixtures.bytes(TranslationFixtures.x12.appending(path: "860/004010-change.edi")))
            ).first?.change)
        let encoder = CXMLOrderRequestEncoder(options: Self.fixed)
        let missing = #expect(throws: CXMLEncodingError.self) { try encoder.encode(change, original: nil) }
        #expect(missing?.code == .missingOriginalOrder)
        #expect(missing?.message.contains("--original") == true)
        var other = original
        other.number = "OTHER-1"
        #expect(throws: CXMLEncodingError.self) { try encoder.encode(change, original: other) }

        var sentOriginal = original
        sentOriginal.envelope.payloadID = "original-order@buyer.example"
        let encoded = try encoder.encode(change, original: sentOriginal)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(text.contains(#"type="update""#))
        #expect(text.contains(#"orderVersion="1""#))
        #expect(text.contains(#"<DocumentReference payloadID="original-order@buyer.example"/>"#))
        let update = try #require(try CXMLOrderRequestDecoder().decode(bytes: encoded.bytes).order)
        #expect(update.purpose == .replace)
        #expect(update.number == "BO-7734210")
        // Line 1 raised to 60, line 2 repriced, line 3 deleted, line 4 added: every line restated.
        #expect(update.lines.map(\.lineNumber) == ["1", "2", "4"])
        #expect(update.lines.map(\.quantity) == [60, 36, 24])
        #expect(update.lines.map(\.unitPrice) == ["12.5", "26.5", "18.75"])
        #expect(update.dates.first(.deliveryRequested)?.date == CalendarDate(year: 2025, month: 3, day: 25))
        #expect(update.lines[2].descriptions.first?.text == "Cast iron grill pan 11 in sage")
        // Through the document encoder too.
        let viaDocument = try CXMLDocumentEncoder(options: Self.fixed).encode(
            .orderChange(change), original: sentOriginal)
        #expect(viaDocument.bytes == encoded.bytes)
    }

    @Test func confirmationsAddUpAndRejectionsCarryNoItems() throws {
        let acknowledgment = try #require(
            try X12OrderAcknowledgmentDecoder.decodeAll(
                from: MemoryByteSource(
                    TranslationFixtures.bytes(TranslationFixtures.x12.appending(path: "855/004010-changes.edi")))
            ).first?.acknowledgment)
        var options = Self.fixed
        options.orderPayloadID = "1741766400000.4120.1.7f3a21c0@harborline.example"
        let encoded = try CXMLConfirmationRequestEncoder(options: options).encode(acknowledgment)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "Fulfill.dtd")
        let confirmation = try #require(
            try CXMLConfirmationRequestDecoder().decode(bytes: encoded.bytes).acknowledgment)
        // Line 1 is confirmed for 400 of 500: the rest is an unknown status, as cXML requires.
        #expect(confirmation.lines[0].statuses.map(\.status) == [.quantityChanged, .unknown])
        #expect(confirmation.lines[0].statuses.map(\.quantity) == [400, 100])
        #expect(encoded.findings.contains { $0.code == .quantityMismatch && $0.severity == .info })
        #expect(confirmation.extensions["OrderReference/DocumentReference"]?.contains(options.orderPayloadID!) == true)

        var rejection = acknowledgment
        rejection.acknowledgmentType = .rejected
        let rejected = try CXMLConfirmationRequestEncoder(options: Self.fixed).encode(rejection)
        try CXMLFixtures.expectValid(rejected.bytes, dtd: "Fulfill.dtd")
        #expect(!String(decoding: rejected.bytes, as: UTF8.self).contains("ConfirmationItem"))
        #expect(rejected.findings.contains { $0.code == .notCarried && $0.message.contains("reject") })
        #expect(rejected.findings.contains { $0.message.contains("payloadID is not known") })
    }

    @Test func theOutputIsDeterministicWithFixedIdentifiers() throws {
        let document = try #require(
            try Self.decoded(CXMLFixtures.cxml.appending(path: "ShipNoticeRequest/new-packed.xml")))
        let first = try CXMLDocumentEncoder(options: Self.fixed).encode(document)
        let second = try CXMLDocumentEncoder(options: Self.fixed).encode(document)
        #expect(first.bytes == second.bytes)
        try CXMLFixtures.expectValid(first.bytes, dtd: "Fulfill.dtd")
        #expect(first.dtd == .fulfill)
        let text = String(decoding: first.bytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.069/Fulfill.dtd\">"
            ))
        #expect(text.contains(#"payloadID="test-payload@porter.example" timestamp="2025-03-20T10:00:00+00:00""#))
        // Without options, a new payloadID each time.
        let fresh = try CXMLDocumentEncoder().encode(document)
        try CXMLFixtures.expectValid(fresh.bytes, dtd: "Fulfill.dtd")
        #expect(fresh.bytes != first.bytes)
    }

    @Test func functionalAcknowledgmentsHaveNoCXMLForm() throws {
        let document = try BusinessDocument.decode(
            json: TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "997/004010-accepted.json")))
        let error = #expect(throws: CXMLEncodingError.self) { try CXMLDocumentEncoder().encode(document) }
        #expect(error?.code == .unsupportedDocument)
    }

    @Test func responsesAreWrittenValid() throws {
        for status in [
            CXMLStatus(code: 200, text: "OK"),
            CXMLStatus(code: 406, text: "Not Acceptable", detail: "Line 3: unknown unit", language: "en-US"),
        ] {
            let encoded = try CXMLResponseEncoder(options: Self.fixed).encode(status)
            try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
            guard case .response(let response)? = try CXMLDocumentDecoder().decode(bytes: encoded.bytes).content else {
                throw CXMLTestError("no response")
            }
            #expect(response.status == status)
            #expect(response.payloadID == "test-payload@porter.example")
        }
    }

    @Test func theFixturesThemselvesAreValidAndTheCheckCatchesInvalidOnes() throws {
        for path in Self.businessFixtures + ["Response/ok.xml", "StatusUpdateRequest/forwarded.xml"]
        where !["lenient", "invalid", "sap-combined"].contains(where: { path.contains($0) }) {
            let bytes = try TranslationFixtures.bytes(CXMLFixtures.cxml.appending(path: path))
            let dtd =
                path.hasPrefix("ConfirmationRequest") || path.hasPrefix("ShipNoticeRequest")
                ? "Fulfill.dtd" : "cXML.dtd"
            #expect(try CXMLFixtures.dtdErrors(bytes, dtd: dtd).isEmpty, "\(path)")
        }
        let invalid = try TranslationFixtures.bytes(
            CXMLFixtures.cxml.appending(path: "ShipNoticeRequest/invalid-operation.xml"))
        #expect(try CXMLFixtures.dtdErrors(invalid, dtd: "Fulfill.dtd").contains("operation"))
    }

    @Test func charactersXMLCannotCarryAreDroppedWithAFinding() throws {
        var order = try #require(
            try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/004010-dropship.edi")).first?
                .order)
        order.notes = [Note(lines: ["bell\u{07}here"])]
        let encoded = try CXMLOrderRequestEncoder(options: Self.fixed).encode(order)
        try CXMLFixtures.expectValid(encoded.bytes, dtd: "cXML.dtd")
        #expect(String(decoding: encoded.bytes, as: UTF8.self).contains("<Comments>bellhere</Comments>"))
        #expect(encoded.findings.contains { $0.code == .invalidCharacter })
    }
}
