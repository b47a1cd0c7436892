import CXML
import Foundation
import Testing

@Suite struct ReaderTests {
    static let order = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd">
        <cXML payloadID="1.2@buyer.example" timestamp="2026-11-22T10:15:00-05:00" xml:lang="en-US">
          <Request>
            <OrderRequest>
              <ItemOut quantity="1" lineNumber="1"><ItemID><SupplierPartID>A&amp;B</SupplierPartID></ItemID></ItemOut>
              <ItemOut quantity="2" lineNumber="2">
                <ItemID><SupplierPartID>C<!-- note --><![CDATA[<D>]]>&#x45;</SupplierPartID><BuyerPartID/></ItemID>
              </ItemOut>
            </OrderRequest>
          </Request>
        </cXML>
        """

    @Test func handsOutEventsWithLocationsAndPaths() {
        let outcome = readAll(Self.order)
        #expect(outcome.error == nil)
        #expect(
            outcome.trace == [
                "doctype cXML http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd",
                "start cXML [payloadID=1.2@buyer.example timestamp=2026-11-22T10:15:00-05:00 xml:lang=en-US] line 3, column 1 (cXML)",
                "start Request [] line 4, column 3 (cXML/Request)",
                "start OrderRequest [] line 5, column 5 (cXML/Request/OrderRequest)",
                "start ItemOut [quantity=1 lineNumber=1] line 6, column 7 (cXML/Request/OrderRequest/ItemOut)",
                "start ItemID [] line 6, column 44 (cXML/Request/OrderRequest/ItemOut/ItemID)",
                "start SupplierPartID [] line 6, column 52 (cXML/Request/OrderRequest/ItemOut/ItemID/SupplierPartID)",
                "text \"A&B\" line 6, column 68 (cXML/Request/OrderRequest/ItemOut/ItemID/SupplierPartID)",
                "end SupplierPartID line 6, column 75 (cXML/Request/OrderRequest/ItemOut/ItemID/SupplierPartID)",
                "end ItemID line 6, column 92 (cXML/Request/OrderRequest/ItemOut/ItemID)",
                "end ItemOut line 6, column 101 (cXML/Request/OrderRequest/ItemOut)",
                "start ItemOut [quantity=2 lineNumber=2] line 7, column 7 (cXML/Request/OrderRequest/ItemOut[2])",
                "start ItemID [] line 8, column 9 (cXML/Request/OrderRequest/ItemOut[2]/ItemID)",
                "start SupplierPartID [] line 8, column 17 (cXML/Request/OrderRequest/ItemOut[2]/ItemID/SupplierPartID)",
                "text \"C<D>E\" line 8, column 33 (cXML/Request/OrderRequest/ItemOut[2]/ItemID/SupplierPartID)",
                "end SupplierPartID line 8, column 68 (cXML/Request/OrderRequest/ItemOut[2]/ItemID/SupplierPartID)",
                "start BuyerPartID [] line 8, column 85 (cXML/Request/OrderRequest/ItemOut[2]/ItemID/BuyerPartID)",
                "end BuyerPartID line 8, column 97 (cXML/Request/OrderRequest/ItemOut[2]/ItemID/BuyerPartID)",
                "end ItemID line 8, column 99 (cXML/Request/OrderRequest/ItemOut[2]/ItemID)",
                "end ItemOut line 9, column 7 (cXML/Request/OrderRequest/ItemOut[2])",
                "end OrderRequest line 10, column 5 (cXML/Request/OrderRequest)",
                "end Request line 11, column 3 (cXML/Request)",
                "end cXML line 12, column 1 (cXML)",
            ])
    }

    @Test func reportsTheDocumentTypeWithoutFetchingIt() throws {
        let reader = CXMLReader(bytes: Array(Self.order.utf8))
        guard case .documentType(let type) = try reader.next() else {
            Issue.record("the first event is not the DOCTYPE")
            return
        }
        #expect(type.name == "cXML")
        #expect(type.version == "1.2.069")
        #expect(type.dtdName == "cXML.dtd")
        #expect(type.publicID == nil)
        #expect(CXMLDocumentType(name: "cXML", systemID: "Custom.dtd").version == nil)
        #expect(CXMLDocumentType(name: "cXML").dtdName == nil)
    }

    @Test func keepsWhiteSpaceWhenAsked() {
        let text = "<a>\n  <b> </b>\n</a>"
        #expect(readAll(text).trace.filter { $0.hasPrefix("text") }.isEmpty)
        let kept = readAll(CXMLReader(bytes: Array(text.utf8), keepingWhitespace: true))
        #expect(
            kept.trace.filter { $0.hasPrefix("text") } == [
                "text \"\\n  \" line 1, column 4 (a)", "text \" \" line 2, column 6 (a/b)",
                "text \"\\n\" line 2, column 11 (a)",
            ])
    }

    @Test func endsOnceAndStaysEnded() throws {
        let reader = CXMLReader(bytes: Array("<cXML/>".utf8))
        #expect(try reader.next() != nil)
        #expect(try reader.next() != nil)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test func throwsTheSameErrorAgain() {
        let reader = CXMLReader(bytes: Array("<cXML><a></b></cXML>".utf8))
        let first = #expect(throws: CXMLError.self) { try reader.skipToEnd() }
        let second = #expect(throws: CXMLError.self) { try reader.next() }
        #expect(first != nil && first == second)
        #expect(first?.code == .notWellFormed)
    }

    @Test func readsFilesAndDescriptors() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "porter-cxml-\(UUID().uuidString).xml")
        try Data(Self.order.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = readAll(Self.order).trace
        #expect(readAll(try CXMLReader(path: url.path)).trace == expected)

        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        let source = CXMLFileSource(fileDescriptor: descriptor, closeOnDeinit: true)
        #expect(readAll(CXMLReader(source)).trace == expected)

        let missing = #expect(throws: CXMLError.self) { try CXMLReader(path: url.path + ".missing") }
        #expect(missing?.code == .io)
        let directory = #expect(throws: CXMLError.self) { try CXMLReader(path: FixturePaths.hostile.path) }
        #expect(directory?.code == .io)
    }

    @Test func reportsAFailingSourceAsIO() {
        struct Broken: Error {}
        var calls = 0
        let source = CXMLChunkSource {
            calls += 1
            if calls == 1 { return Array("<cXML><Header>".utf8) }
            throw Broken()
        }
        let outcome = readAll(CXMLReader(source))
        #expect(outcome.error?.code == .io)
    }

    @Test(arguments: ["UTF-16BE", "UTF-16LE"])
    func readsUTF16LikeUTF8(encoding: String) throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<cXML a=\"é\">\n  <b>ünï𝄞cødé</b>\n</cXML>\n"
        let utf8 = readAll(document.replacingOccurrences(of: "UTF-16", with: "UTF-8"))
        let bigEndian = encoding == "UTF-16BE"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in document.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let utf16 = readAll(bytes)
        #expect(utf16.error == nil)
        #expect(utf16.trace == utf8.trace)
        #expect(utf16.trace.contains("text \"ünï𝄞cødé\" line 3, column 6 (cXML/b)"))
    }

    @Test func readsLatin1AndCountsItsColumnsInCharacters() {
        let bytes: [UInt8] =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>Caf".utf8) + [0xE9] + Array("<b/></a>".utf8)
        let outcome = readAll(bytes)
        #expect(outcome.error == nil)
        #expect(outcome.trace.contains("text \"Café\" line 2, column 4 (a)"))
        #expect(outcome.trace.contains("start b [] line 2, column 8 (a/b)"))
    }

    @Test func skipsAByteOrderMark() {
        let outcome = readAll([0xEF, 0xBB, 0xBF] + Array("<cXML>é<b/></cXML>".utf8))
        #expect(outcome.error == nil)
        #expect(outcome.trace.contains("start b [] line 1, column 8 (cXML/b)"))
    }
}
