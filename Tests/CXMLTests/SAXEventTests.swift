import CXML
import Testing

/// What libxml2's SAX2 interface hands the reader in its own shape: attribute values without entity substitution,
/// namespace declarations apart from attributes; and the sink the decoders read through.
@Suite struct SAXEventTests {
    @Test func readsReferencesInAttributeValuesAndNamespaceDeclarations() {
        let document = """
            <cXML a="x &amp; y" b="&#38;#38;" c="&lt;&gt;&quot;&apos;" d="1&#10;2" xmlns="urn:a" xmlns:ds="urn:ds">\
            <ds:Signature ds:id="z"/></cXML>
            """
        let outcome = readAll(document)
        #expect(outcome.error == nil)
        #expect(
            outcome.trace == [
                "start cXML [xmlns=urn:a xmlns:ds=urn:ds a=x & y b=&#38; c=<>\"' d=1\n2] line 1, column 1 (cXML)",
                "start ds:Signature [ds:id=z] line 1, column 104 (cXML/ds:Signature)",
                "end ds:Signature line 1, column 127 (cXML/ds:Signature)",
                "end cXML line 1, column 129 (cXML)",
            ])
    }

    /// Collects what a sink is given, as the events ``CXMLReader/next()`` hands out: the sink works out each
    /// element's path (with its position among same-named siblings) from the starts and ends.
    final class Collector: CXMLEventSink {
        var events: [CXMLEvent] = []
        private var names: [String] = []
        /// The path of each open element, and the names of its children so far.
        private var paths: [String] = []
        private var childNames: [[String]] = [[]]

        func documentType(_ type: CXMLDocumentType) { self.events.append(.documentType(type)) }

        func elementStart(name: String, attributes: [CXMLAttribute], line: Int, column: Int) {
            self.childNames[self.childNames.count - 1].append(name)
            let position = self.childNames[self.childNames.count - 1].filter { $0 == name }.count
            let step = position > 1 ? "\(name)[\(position)]" : name
            self.paths.append(self.paths.last.map { "\($0)/\(step)" } ?? step)
            self.childNames.append([])
            self.names.append(name)
            let location = CXMLLocation(line: line, column: column, path: self.paths[self.paths.count - 1])
            self.events.append(.elementStart(name: name, attributes: attributes, location: location))
        }

        /// The sink is told no location for a text: the test compares everything else.
        func text(_ text: String) {
            self.events.append(.text(text, location: CXMLLocation(line: 0, column: 0, path: "")))
        }

        func elementEnd() {
            // The sink is told no location for an end: the test compares everything else.
            self.paths.removeLast()
            self.childNames.removeLast()
            self.events.append(
                .elementEnd(name: self.names.removeLast(), location: CXMLLocation(line: 0, column: 0, path: "")))
        }
    }

    @Test func aSinkIsGivenTheEventsNextHandsOut() throws {
        let pulled = readAll(ReaderTests.order)
        let collector = Collector()
        try CXMLReader(bytes: Array(ReaderTests.order.utf8)).read(into: collector)
        let withoutEndLocations = pulled.events.map { event -> CXMLEvent in
            switch event {
            case .elementEnd(let name, _): .elementEnd(name: name, location: CXMLLocation(line: 0, column: 0, path: ""))
            case .text(let text, _): .text(text, location: CXMLLocation(line: 0, column: 0, path: ""))
            case .documentType, .elementStart: event
            }
        }
        #expect(collector.events == withoutEndLocations)
    }

    @Test func aSinkGetsTheEventsAlreadyQueuedFirst() throws {
        let reader = CXMLReader(bytes: Array(ReaderTests.order.utf8))
        let first = try #require(try reader.next())
        let collector = Collector()
        try reader.read(into: collector)
        let all = readAll(ReaderTests.order).events
        #expect(first == all[0])
        #expect(collector.events.count == all.count - 1)
    }
}
