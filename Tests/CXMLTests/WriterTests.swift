import CXML
import Foundation
import Testing

@Suite struct WriterTests {
    static func header(_ writer: CXMLWriter) throws {
        try writer.writeStartElement("Header")
        for (role, identity) in [("From", "AN01000000001"), ("To", "AN01000000002")] {
            try writer.writeStartElement(role)
            try writer.writeStartElement("Credential")
            try writer.writeAttribute("domain", "NetworkID")
            try writer.writeElement("Identity", text: identity)
            try writer.writeEndElement()
            try writer.writeEndElement()
        }
        try writer.writeStartElement("Sender")
        try writer.writeStartElement("Credential")
        try writer.writeAttribute("domain", "NetworkID")
        try writer.writeElement("Identity", text: "AN01000000001")
        try writer.writeElement("SharedSecret", text: "s3cret")
        try writer.writeEndElement()
        try writer.writeElement("UserAgent", text: "Porter")
        try writer.writeEndElement()
        try writer.writeEndElement()
    }

    static func money(_ writer: CXMLWriter, _ amount: String) throws {
        try writer.writeElement("Money", attributes: ["currency": "USD"], text: amount)
    }

    /// A minimal OrderRequest: header, one line, the elements cXML.dtd requires.
    static func orderRequest(_ writer: CXMLWriter) throws -> [UInt8] {
        try writer.writeStartDocument(
            .init(documentElement: "OrderRequest"), payloadID: "1795360500123.4242.1.9c3e02ab@porter.example",
            timestamp: "2026-11-22T10:15:00-05:00")
        try Self.header(writer)
        try writer.writeStartElement("Request")
        try writer.writeAttribute("deploymentMode", "test")
        try writer.writeStartElement("OrderRequest")
        try writer.writeStartElement("OrderRequestHeader")
        try writer.writeAttribute("orderID", "PO-4711")
        try writer.writeAttribute("orderDate", "2026-11-22T10:15:00-05:00")
        try writer.writeAttribute("type", "new")
        try writer.writeStartElement("Total")
        try Self.money(writer, "25.00")
        try writer.writeEndElement()
        try writer.writeStartElement("BillTo")
        try writer.writeStartElement("Address")
        try writer.writeElement("Name", attributes: ["xml:lang": "en-US"], text: "Ferndale Market <HQ> & Co")
        try writer.writeEndElement()
        try writer.writeEndElement()
        try writer.writeElement(
            "Comments", attributes: ["xml:lang": "en-US"], text: "Deliver \"before\" noon\r\nDock 4")
        try writer.writeEndElement()
        try writer.writeStartElement("ItemOut")
        try writer.writeAttribute("quantity", "10")
        try writer.writeAttribute("lineNumber", "1")
        try writer.writeStartElement("ItemID")
        try writer.writeElement("SupplierPartID", text: "AB-12")
        try writer.writeEndElement()
        try writer.writeStartElement("ItemDetail")
        try writer.writeStartElement("UnitPrice")
        try Self.money(writer, "2.50")
        try writer.writeEndElement()
        try writer.writeElement("Description", attributes: ["xml:lang": "en-US"], text: "Rye flour, 1 kg")
        try writer.writeElement("UnitOfMeasure", text: "EA")
        try writer.writeElement("Classification", attributes: ["domain": "UNSPSC"], text: "50221100")
        return try writer.finish()
    }

    /// A minimal ConfirmationRequest (Fulfill.dtd): an accept of the whole order.
    static func confirmationRequest(_ writer: CXMLWriter) throws -> [UInt8] {
        try writer.writeStartDocument(.init(documentElement: "ConfirmationRequest"), language: nil)
        try Self.header(writer)
        try writer.writeStartElement("Request")
        try writer.writeStartElement("ConfirmationRequest")
        try writer.writeElement(
            "ConfirmationHeader", attributes: ["type": "accept", "noticeDate": "2026-11-23T08:00:00+01:00"])
        try writer.writeStartElement("OrderReference")
        try writer.writeAttribute("orderID", "PO-4711")
        try writer.writeElement(
            "DocumentReference", attributes: ["payloadID": "1795360500123.4242.1.9c3e02ab@porter.example"])
        try writer.writeEndElement()
        try writer.writeStartElement("ConfirmationItem")
        try writer.writeAttribute("quantity", "10")
        try writer.writeAttribute("lineNumber", "1")
        try writer.writeElement("UnitOfMeasure", text: "EA")
        try writer.writeStartElement("ConfirmationStatus")
        try writer.writeAttribute("quantity", "10")
        try writer.writeAttribute("type", "accept")
        try writer.writeElement("UnitOfMeasure", text: "EA")
        return try writer.finish()
    }

    @Test func writesAnOrderRequestTheDTDAccepts() throws {
        let document = try Self.orderRequest(try CXMLWriter())
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(text.contains("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd\">"))
        let lint = try XMLLint.validate(document, against: .cXML)
        #expect(lint.isValid, "\(lint.output)\n\(text)")
    }

    @Test func writesAConfirmationRequestTheDTDAccepts() throws {
        let document = try Self.confirmationRequest(try CXMLWriter(configuration: .init(indentation: nil)))
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.069/Fulfill.dtd\">"))
        let lint = try XMLLint.validate(document, against: .fulfill)
        #expect(lint.isValid, "\(lint.output)\n\(text)")
    }

    @Test func readsBackWhatItWrote() throws {
        let outcome = readAll(try Self.orderRequest(try CXMLWriter()))
        #expect(outcome.error == nil)
        guard case .documentType(let type) = outcome.events.first else {
            Issue.record("no DOCTYPE")
            return
        }
        #expect(type.version == "1.2.069")
        #expect(type.dtdName == "cXML.dtd")
        #expect(
            outcome.rootAttributes == [
                "payloadID": "1795360500123.4242.1.9c3e02ab@porter.example", "timestamp": "2026-11-22T10:15:00-05:00",
                "xml:lang": "en-US",
            ])
        let texts = outcome.events.compactMap { if case .text(let text, _) = $0 { text } else { nil } }
        #expect(texts.contains("Ferndale Market <HQ> & Co"))
        #expect(texts.contains("Deliver \"before\" noon\r\nDock 4"))
        #expect(
            outcome.trace.contains { $0.hasSuffix("(cXML/Request/OrderRequest/ItemOut/ItemDetail/Classification)") })
    }

    @Test func writesToAFileDescriptorWhatItWritesToMemory() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "porter-cxml-\(UUID().uuidString).xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let written = try Self.orderRequest(try CXMLWriter(fileDescriptor: handle.fileDescriptor))
        try handle.close()
        #expect(written.isEmpty)
        #expect(Array(try Data(contentsOf: url)) == (try Self.orderRequest(try CXMLWriter())))
    }

    @Test func reportsAFailingDescriptor() throws {
        let writer = try CXMLWriter(fileDescriptor: -1)
        try writer.writeStartDocument(.cXML)
        let error = #expect(throws: CXMLError.self) { try writer.finish() }
        #expect(error?.code == .io)
        #expect(error?.message == "file descriptor -1: Bad file descriptor")
    }

    @Test func refusesWhatXMLCannotCarry() throws {
        let writer = try CXMLWriter()
        try writer.writeStartDocument(.cXML)
        #expect(throws: CXMLError.self) { try writer.writeAttribute("version", "1.2\u{1}") }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("1Header") }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("Head er") }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("") }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("-a") }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("٣x") }
        #expect(throws: CXMLError.self) { try writer.writeAttribute("a", "\u{FFFE}") }
        try writer.writeAttribute("ünï-1.x", "\u{FFFD}é")
        try writer.writeStartElement("Response")
        let error = #expect(throws: CXMLError.self) { try writer.writeText("bell \u{7}") }
        #expect(error?.code == .invalidValue)
        #expect(error?.message == "the text of Response contains U+7, which XML 1.0 cannot carry")
    }

    @Test func checksTheOrderOfCalls() throws {
        let writer = try CXMLWriter()
        #expect(throws: CXMLError.self) { try writer.writeStartElement("Header") }
        #expect(throws: CXMLError.self) { try writer.finish() }
        try writer.writeStartDocument(.cXML)
        #expect(throws: CXMLError.self) { try writer.writeStartDocument(.cXML) }
        try writer.writeStartElement("Response")
        try writer.writeText("x")
        let late = #expect(throws: CXMLError.self) { try writer.writeAttribute("a", "b") }
        #expect(late?.code == .invalidState)
        try writer.writeEndElement()
        try writer.writeEndElement()
        #expect(throws: CXMLError.self) { try writer.writeEndElement() }
        #expect(throws: CXMLError.self) { try writer.writeStartElement("Response") }
        #expect(throws: CXMLError.self) { try writer.writeText("after the root") }
        _ = try writer.finish()
        let finished = #expect(throws: CXMLError.self) { try writer.writeStartElement("Response") }
        #expect(finished?.code == .invalidState)
    }

    @Test func writesTheConfiguredVersion() throws {
        let writer = try CXMLWriter(configuration: .init(version: "1.2.050", indentation: nil))
        try writer.writeStartDocument(.fulfill, payloadID: "p@x", timestamp: "2026-11-22T10:15:00Z")
        let text = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(
            text == """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/Fulfill.dtd">
                <cXML payloadID="p@x" timestamp="2026-11-22T10:15:00Z" xml:lang="en-US"/>

                """)
    }

    @Test(arguments: [
        ("OrderRequest", CXMLDTD.cXML), ("Response", .cXML), ("StatusUpdateRequest", .cXML),
        ("ConfirmationRequest", .fulfill), ("ShipNoticeRequest", .fulfill),
    ])
    func picksTheDTD(documentElement: String, dtd: CXMLDTD) {
        #expect(CXMLDTD(documentElement: documentElement) == dtd)
    }

    @Test func makesUniquePayloadIDs() {
        let ids = (0..<1000).map { _ in CXMLPayloadID.generate(domain: "porter.example") }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(3) {
            let parts = id.split(separator: "@")
            #expect(parts.count == 2 && parts[1] == "porter.example")
            #expect(parts[0].split(separator: ".").count == 4)
        }
        #expect(CXMLPayloadID.generate().contains("@"))
    }

    @Test(arguments: [
        (1_795_360_500.0, -5 * 3600, "2026-11-22T10:15:00-05:00"),
        (1_795_360_500.9, 0, "2026-11-22T15:15:00+00:00"),
        (1_795_360_500.0, 5 * 3600 + 1800, "2026-11-22T20:45:00+05:30"),
        (951_782_400.0, 0, "2000-02-29T00:00:00+00:00"),
        (-1.0, 0, "1969-12-31T23:59:59+00:00"),
    ])
    func formatsTimestampsWithTheirOffset(seconds: Double, offset: Int, expected: String) throws {
        let zone = try #require(TimeZone(secondsFromGMT: offset))
        #expect(CXMLTimestamp.string(from: Date(timeIntervalSince1970: seconds), timeZone: zone) == expected)
    }
}
