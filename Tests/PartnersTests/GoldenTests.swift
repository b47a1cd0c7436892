import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Partners

/// Golden tests pass on the examples, fail with a readable diff when the expected file differs, and the JUnit
/// report says so.
@Suite struct GoldenTests {
    @Test func theExampleGoldenTestsPass() throws {
        let report = try MappingsCheck(directory: MappingsFolder.examples).run()
        #expect(report.goldens.count >= 7)
        for golden in report.goldens {
            #expect(golden.passed, "\(golden.input): \(golden.problem ?? "") \(golden.diff)")
        }
        #expect(!report.failed)
        #expect(Set(report.goldens.map(\.partner)).count == 4)
        #expect(report.goldens.contains { $0.direction == .inbound })
    }

    /// A copy of Ironbridge with one expected line changed: the diff shows the expected and the actual line.
    static func brokenIronbridge(_ body: (MappingsFolder) throws -> Void) throws {
        let source = MappingsFolder.packageRoot.appending(path: "Mappings/ironbridge-fastener")
        try MappingsFolder.with([:]) { folder in
            try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: folder.root.appending(path: "ironbridge-fastener"))
            let expected = "ironbridge-fastener/tests/order-own-units-and-parts.expected.edi"
            let text = try String(contentsOf: folder.root.appending(path: expected), encoding: .utf8)
            try folder.write(expected, text.replacingOccurrences(of: "PO1*2*600*LF*", with: "PO1*2*600*FT*"))
            try folder.write("ironbridge-fastener/tests/no-expectation.json", "{}")
            try body(folder)
        }
    }

    @Test func aMismatchGivesALineDiff() throws {
        try Self.brokenIronbridge { folder in
            let report = try MappingsCheck(directory: folder.path).run()
            #expect(report.failed)
            let failed = report.failedGoldens.first { $0.name == "order-own-units-and-parts" }
            let diff = try #require(failed?.diff)
            #expect(diff.first == "@@ line 27 @@")
            #expect(diff.contains("-PO1*2*600*FT*3.15*PE*BP*CF-RM-1120*VP*IFS-ATR-58-11*UK*00614141000425~"))
            #expect(diff.contains("+PO1*2*600*LF*3.15*PE*BP*CF-RM-1120*VP*IFS-ATR-58-11*UK*00614141000425~"))
            #expect(diff.contains(" SAC*A*C310***2400**********Cut-to-length waived~"))
            let missing = report.failedGoldens.first { $0.name == "no-expectation" }
            #expect(missing?.problem != nil)
            #expect(report.text.contains("differs from"))
            #expect(report.summary.hasSuffix("golden tests: 2 passed, 2 failed"))
        }
    }

    @Test func lineDiffShowsContextOnly() {
        let expected = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let actual = expected.replacingOccurrences(of: "line 7", with: "line seven")
        #expect(
            LineDiff.lines(expected: expected, actual: actual) == [
                "@@ line 5 @@", " line 5", " line 6", "-line 7", "+line seven", " line 8", " line 9",
            ])
        #expect(LineDiff.lines(expected: expected, actual: expected).isEmpty)
    }

    /// Reads our JUnit XML back with Foundation's parser.
    final class JUnitReader: NSObject, XMLParserDelegate {
        var cases: [(suite: String, name: String, failures: Int)] = []
        var rootTests: Int?
        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch element {
            case "testsuites": self.rootTests = attributes["tests"].flatMap { Int($0) }
            case "testcase": self.cases.append((attributes["classname"] ?? "", attributes["name"] ?? "", 0))
            case "failure": self.cases[self.cases.count - 1].failures += 1
            default: break
            }
        }
    }

    @Test func junitHasOneCasePerFileAndGoldenTest() throws {
        try Self.brokenIronbridge { folder in
            let report = try MappingsCheck(directory: folder.path).run()
            let reader = JUnitReader()
            let parser = XMLParser(data: Data(report.junitXML.utf8))
            parser.delegate = reader
            #expect(parser.parse())
            #expect(reader.rootTests == reader.cases.count)
            let files = reader.cases.filter { $0.suite == "mappings.files" }
            #expect(files.map(\.name).contains { $0.hasSuffix("ironbridge-fastener/partner.yaml") })
            #expect(files.map(\.name).contains { $0.hasSuffix("ironbridge-fastener/codes/units.yaml") })
            #expect(files.allSatisfy { $0.failures == 0 })
            let goldens = reader.cases.filter { $0.suite == "mappings.golden.ironbridge-fastener" }
            #expect(goldens.count == 4)
            #expect(
                goldens.filter { $0.failures > 0 }.map(\.name).sorted() == [
                    "no-expectation (outbound)", "order-own-units-and-parts (outbound)",
                ])
        }
    }
}
