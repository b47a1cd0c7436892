import Foundation
import Testing
import X12

/// Tests of the bundled X12 schemas (`Sources/X12/Schema`): that they load and resolve, that
/// their structures list exactly the segments of the domain reference's tables (parsed from
/// `../shared/DOMAIN.md` at test time), and a few key element facts.
@Suite struct SchemaTests {
    static let versions = ["004010", "005010"]

    // MARK: Loading

    @Test(arguments: versions) func bundledSchemaLoadsAndEveryReferenceResolves(version: String) throws {
        let schema = try X12Schema.loadBundled(version: version)
        #expect(schema.version == version)
        #expect(X12Schema.library(for: version) == schema)
        let expectedSets: Set<String> =
            version == "005010"
            ? ["850", "855", "856", "860", "997", "999"] : ["850", "855", "856", "860", "997"]
        #expect(Set(schema.transactionSets.keys) == expectedSets)

        for (id, set) in schema.transactionSets {
            #expect(set.id == id)
            #expect(set.structure.first?.triggerID == "ST", "\(id) starts with ST")
            #expect(set.structure.last?.triggerID == "SE", "\(id) ends with SE")
            Self.forEachEntry(set.structure) { entry, path in
                switch entry {
                case .segment(let reference):
                    #expect(
                        schema.segments[reference.id] != nil, "\(version)/\(id): \(path) \(reference.id) is defined")
                    #expect(reference.maximumUse >= 1)
                case .loop(let loop):
                    #expect(
                        loop.body.first == .segment(loop.trigger),
                        "\(version)/\(id): loop \(loop.id) begins with its trigger")
                    #expect(loop.trigger.id == loop.id, "\(version)/\(id): loop \(loop.id) is named after its trigger")
                    #expect(loop.trigger.usage == .mandatory)
                    #expect(loop.maximumRepeat >= 1)
                    #expect(loop.hierarchical == (id == "856" && loop.id == "HL"))
                }
            }
        }
        for (id, segment) in schema.segments {
            #expect(segment.id == id)
            for (index, reference) in segment.elements.enumerated() {
                #expect(reference.position == index + 1)
                switch reference.kind {
                case .simple(let element):
                    #expect(
                        schema.elements[element.id] == element, "\(id)\(index + 1) resolves to element \(element.id)")
                case .composite(let composite):
                    #expect(
                        schema.composites[composite.id] == composite, "\(id)\(index + 1) resolves to \(composite.id)")
                }
            }
            for note in segment.syntaxNotes {
                #expect(note.positions.allSatisfy { $0 <= segment.elements.count }, "\(id) \(note)")
            }
        }
        for (id, composite) in schema.composites {
            for component in composite.components {
                #expect(
                    schema.elements[component.element.id] == component.element, "\(id) component \(component.position)")
            }
        }
        for (id, element) in schema.elements {
            #expect(element.id == id)
            #expect(element.minimumLength <= element.maximumLength)
            if let codes = element.codes {
                #expect(element.type == .identifier)
                #expect(codes.allSatisfy { (element.minimumLength...element.maximumLength).contains($0.count) })
            } else {
                #expect(!element.codesClosed)
            }
        }
    }

    @Test func onlyBundledVersionsAreInTheLibrary() {
        #expect(X12Schema.bundledVersions == ["004010", "005010"])
        #expect(X12Schema.library(for: "004010") != nil)
        #expect(X12Schema.library(for: "005010") != nil)
        #expect(X12Schema.library(for: "006020") == nil)
        #expect(X12Schema.library(for: "004010VICS") == nil)
        #expect(throws: X12SchemaError.self) { try X12Schema.loadBundled(version: "003040") }
    }

    @Test func loadingFailsLoudlyOnADanglingReference() {
        let missingSegment = Self.minimalSchema(structure: #"{"segment": "ZZZ", "usage": "M", "max": 1}"#)
        let missingSegmentError = #expect(throws: X12SchemaError.self) {
            try X12Schema(jsonBytes: Array(missingSegment.utf8))
        }
        #expect(missingSegmentError?.code == .unresolvedReference)
        let missingElement = Self.minimalSchema(
            structure: #"{"segment": "ST", "usage": "M", "max": 1}"#,
            stElements: #"[{"element": "9999", "usage": "M"}]"#)
        let missingElementError = #expect(throws: X12SchemaError.self) {
            try X12Schema(jsonBytes: Array(missingElement.utf8))
        }
        #expect(missingElementError?.code == .unresolvedReference)
        let badLoop = Self.minimalSchema(
            structure:
                #"{"loop": "ST", "usage": "O", "repeat": 2, "body": [{"loop": "ST", "usage": "O", "repeat": 1, "body": []}]}"#
        )
        let badLoopError = #expect(throws: X12SchemaError.self) { try X12Schema(jsonBytes: Array(badLoop.utf8)) }
        #expect(badLoopError?.code == .invalidDefinition)
        let malformedError = #expect(throws: X12SchemaError.self) { try X12Schema(jsonBytes: Array("{".utf8)) }
        #expect(malformedError?.code == .malformedData)
        let good = Self.minimalSchema(structure: #"{"segment": "ST", "usage": "M", "max": 1}"#)
        #expect(throws: Never.self) { try X12Schema(jsonBytes: Array(good.utf8)) }
    }

    // MARK: Syntax notes

    @Test func syntaxNotesParse() throws {
        let paired = try #require(X12SyntaxNote("P0405"))
        #expect(paired.kind == .paired)
        #expect(paired.positions == [4, 5])
        #expect(paired.description == "P0405")
        let list = try #require(X12SyntaxNote("L010203"))
        #expect(list.kind == .listConditional)
        #expect(list.positions == [1, 2, 3])
        #expect(X12SyntaxNote("R020305")?.kind == .required)
        #expect(X12SyntaxNote("R020305")?.positions == [2, 3, 5])
        #expect(X12SyntaxNote("E0110")?.kind == .exclusion)
        #expect(X12SyntaxNote("C0706")?.kind == .conditional)
        #expect(X12SyntaxNote("C0706")?.positions == [7, 6])
        #expect(X12SyntaxNote("R0204050612")?.positions == [2, 4, 5, 6, 12])
        #expect(X12SyntaxNote(kind: .paired, positions: [4, 5]) == paired)
        for invalid in ["", "P", "P04", "P045", "Q0405", "p0405", "P04A5", "P0004", "P 0405"] {
            #expect(X12SyntaxNote(invalid) == nil, "\(invalid)")
        }
    }

    @Test func dataTypeAndUsageCodesParse() {
        #expect(X12DataType(code: "AN") == .string)
        #expect(X12DataType(code: "ID") == .identifier)
        #expect(X12DataType(code: "R") == .decimal)
        #expect(X12DataType(code: "DT") == .date)
        #expect(X12DataType(code: "TM") == .time)
        #expect(X12DataType(code: "N0") == .numeric(impliedDecimals: 0))
        #expect(X12DataType(code: "N2") == .numeric(impliedDecimals: 2))
        #expect(X12DataType(code: "N2")?.code == "N2")
        #expect(X12DataType(code: "B") == nil)
        #expect(X12DataType(code: "N10") == nil)
        #expect(X12Usage(code: "M") == .mandatory)
        #expect(X12Usage(code: "O") == .optional)
        #expect(X12Usage(code: "X") == .conditional)
        #expect(X12Usage(code: "C") == .conditional)
        #expect(X12Usage(code: "Z") == nil)
    }

    // MARK: Key element facts

    @Test(arguments: versions) func keyElementFacts(version: String) throws {
        let schema = try #require(X12Schema.library(for: version))

        let beg03 = try Self.simple(schema, "BEG", 3)
        #expect(beg03.id == "324")
        #expect(beg03.type == .string)
        #expect(beg03.minimumLength == 1 && beg03.maximumLength == 22)
        #expect(try Self.simple(schema, "BEG", 1).id == "353")

        let po102 = try Self.simple(schema, "PO1", 2)
        #expect(po102.type == .decimal)
        #expect(po102.maximumLength == 15)

        let ak501 = try Self.simple(schema, "AK5", 1)
        #expect(ak501.id == "717")
        #expect(ak501.codes == ["A", "E", "M", "R", "W", "X"])
        #expect(ak501.codes?.contains("P") == false)
        #expect(ak501.codesClosed)

        let ak901 = try Self.simple(schema, "AK9", 1)
        #expect(ak901.id == "715")
        #expect(ak901.codes?.contains("P") == true)
        #expect(ak901.codes?.isSuperset(of: ["A", "E", "M", "R", "W", "X"]) == true)

        let hl03 = try Self.simple(schema, "HL", 3)
        #expect(hl03.id == "735")
        #expect(hl03.codes?.isSuperset(of: ["S", "O", "T", "P", "I"]) == true)

        let bsn05 = try Self.simple(schema, "BSN", 5)
        #expect(bsn05.id == "1005")
        #expect(bsn05.codes?.isSuperset(of: ["0001", "0002", "0004"]) == true)
        #expect(bsn05.minimumLength == 4 && bsn05.maximumLength == 4)

        let ak304 = try Self.simple(schema, "AK3", 4)
        #expect(ak304.codes == Set((1...8).map(String.init)))
        let ak403 = try Self.simple(schema, "AK4", 3)
        #expect(ak403.codes?.contains("12") == (version == "005010"))
        #expect(ak403.codes?.contains("11") == false)

        // ST03 and AK103 exist only in 005010; REF02 and PER04 grow in 005010.
        let is5010 = version == "005010"
        #expect(schema.segments["ST"]?.elements.count == (is5010 ? 3 : 2))
        #expect(schema.segments["AK1"]?.elements.count == (is5010 ? 3 : 2))
        #expect(try Self.simple(schema, "REF", 2).maximumLength == (is5010 ? 50 : 30))
        #expect(try Self.simple(schema, "PER", 4).maximumLength == (is5010 ? 256 : 80))
        #expect(try Self.simple(schema, "AK3", 2).maximumLength == (is5010 ? 10 : 6))

        // Partial lists are open (warnings); 587 and 670 are complete in 004010 only.
        #expect(try Self.simple(schema, "BEG", 1).codesClosed == false)
        #expect(try Self.simple(schema, "BAK", 2).codesClosed == !is5010)
        #expect(try Self.simple(schema, "POC", 2).codesClosed == !is5010)
        #expect(try Self.simple(schema, "ACK", 1).codes?.contains("IR") == true)

        // The composite of AK401 gains a third component in 005010.
        guard case .composite(let c030)? = schema.segments["AK4"]?.element(at: 1)?.kind else {
            Issue.record("AK401 is not a composite")
            return
        }
        #expect(c030.id == "C030")
        #expect(c030.components.count == (is5010 ? 3 : 2))

        #expect(schema.segments["N1"]?.syntaxNotes.map(\.description) == ["R0203", "P0304"])
        #expect(schema.segments["REF"]?.syntaxNotes.map(\.description) == ["R0203"])
        #expect(schema.segments["BEG"]?.detailAssumed == false)
        #expect(schema.segments["SPI"]?.detailAssumed == true)
    }

    @Test(arguments: versions) func keyStructureFacts(version: String) throws {
        let schema = try #require(X12Schema.library(for: version))
        let is5010 = version == "005010"
        let po = try #require(schema.transactionSets["850"])
        #expect(po.functionalGroup == "PO")
        let po1 = try #require(Self.loop("PO1", in: po.structure))
        #expect(po1.usage == .mandatory && po1.maximumRepeat == 100_000)
        #expect(Self.segment("TD5", in: po.structure)?.maximumUse == (is5010 ? 999_999 : 12))
        #expect(Self.loop("N1", in: po.structure)?.maximumRepeat == 200)
        #expect(Self.loop("N9", in: po.structure)?.maximumRepeat == 1000)

        let ack = try #require(schema.transactionSets["855"])
        #expect(ack.functionalGroup == "PR")
        #expect(Self.loop("PO1", in: ack.structure)?.usage == .optional)
        let ackLoop = try #require(Self.loop("PO1", in: ack.structure).flatMap { Self.loop("ACK", in: $0.body) })
        #expect(ackLoop.maximumRepeat == 104)

        let asn = try #require(schema.transactionSets["856"])
        #expect(asn.functionalGroup == "SH")
        let hl = try #require(Self.loop("HL", in: asn.structure))
        #expect(hl.hierarchical && hl.usage == .mandatory && hl.maximumRepeat == 200_000)

        #expect(schema.transactionSets["860"]?.functionalGroup == "PC")
        #expect(schema.transactionSets["997"]?.functionalGroup == "FA")
        #expect(schema.transactionSets["999"]?.functionalGroup == (is5010 ? "FA" : nil))
        let ak2 = try #require(schema.transactionSets["997"].flatMap { Self.loop("AK2", in: $0.structure) })
        #expect(ak2.body.last == .segment(X12SegmentReference(id: "AK5", usage: .mandatory, maximumUse: 1)))
    }

    // MARK: nearest(toGroupVersion:)

    struct NearestCase: Sendable, CustomTestStringConvertible {
        var gs08: String
        var version: String?
        var exact: Bool
        var testDescription: String { "GS08 '\(self.gs08)'" }
    }

    static let nearestCases: [NearestCase] = [
        .init(gs08: "004010", version: "004010", exact: true),
        .init(gs08: "004010VICS", version: "004010", exact: true),
        .init(gs08: "004010X357", version: "004010", exact: true),
        .init(gs08: " 004010 ", version: "004010", exact: true),
        .init(gs08: "005010", version: "005010", exact: true),
        .init(gs08: "005010X231A1", version: "005010", exact: true),
        .init(gs08: "004020", version: "004010", exact: false),
        .init(gs08: "004060", version: "004010", exact: false),
        .init(gs08: "004030VICS", version: "004010", exact: false),
        .init(gs08: "005050", version: "005010", exact: false),
        .init(gs08: "005030UCS", version: "005010", exact: false),
        .init(gs08: "003040", version: "004010", exact: false),
        .init(gs08: "003010UCS", version: "004010", exact: false),
        .init(gs08: "006020", version: nil, exact: false),
        .init(gs08: "007040", version: nil, exact: false),
        .init(gs08: "002001", version: nil, exact: false),
        .init(gs08: "00401", version: nil, exact: false),
        .init(gs08: "", version: nil, exact: false),
        .init(gs08: "VICS", version: nil, exact: false),
        .init(gs08: "4010", version: nil, exact: false),
    ]

    @Test(arguments: nearestCases) func nearestSchemaForAGroupVersion(_ testCase: NearestCase) {
        let result = X12Schema.nearest(toGroupVersion: testCase.gs08)
        #expect(result?.schema.version == testCase.version)
        if testCase.version != nil { #expect(result?.exact == testCase.exact) }
    }

    // MARK: Structures against DOMAIN.md

    struct StructureCase: Sendable, CustomTestStringConvertible {
        var set: String
        var version: String
        var testDescription: String { "\(self.version) \(self.set)" }
    }

    static let structureCases: [StructureCase] =
        ["850", "855", "856", "860", "997"].flatMap { set in
            SchemaTests.versions.map { StructureCase(set: set, version: $0) }
        }
        + [StructureCase(set: "999", version: "005010")]

    /// The schema's segment ids, walking loops in order, equal the ids the domain reference's
    /// table lists for the set — after expanding its shorthands (`X loop`, `A … B`, `TD*`) against
    /// the schema and applying the 5010 notes and the reviewed errata in ``DomainTables/errata``.
    @Test(arguments: structureCases) func structureMatchesTheDomainReference(_ testCase: StructureCase) throws {
        let schema = try #require(X12Schema.library(for: testCase.version))
        let set = try #require(schema.transactionSets[testCase.set])
        let flat = FlatStructure(set.structure)
        var problems: [String] = []
        let tokens = try DomainTables.tokens(set: testCase.set, version: testCase.version, problems: &problems)
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        #expect(!tokens.isEmpty)
        let expected = flat.expand(tokens)
        let actual = flat.items.map(\.id)
        #expect(
            expected == actual,
            Comment(rawValue: Self.difference(expected: expected, actual: actual)))
    }

    /// The 999 table's segments all appear in its structure line.
    @Test func the999TableAgreesWithItsStructureLine() throws {
        let section = try DomainTables.section("### 2.4")
        let tableIDs = Set(
            try DomainTables.table(in: section).rows.flatMap { row in
                DomainTables.ids(in: row.seg)
            })
        var problems: [String] = []
        let lineIDs = Set(
            try DomainTables.tokens(set: "999", version: "005010", problems: &problems).compactMap {
                if case .segment(let id) = $0 { id } else { nil }
            })
        #expect(problems.isEmpty)
        #expect(tableIDs.isSubset(of: lineIDs), "table ids \(tableIDs.sorted()) not all in \(lineIDs.sorted())")
        #expect(tableIDs.count >= 7)
    }

    // MARK: Helpers

    static func forEachEntry(
        _ entries: [X12StructureEntry], path: String = "", _ body: (X12StructureEntry, String) -> Void
    ) {
        for entry in entries {
            body(entry, path)
            if case .loop(let loop) = entry { forEachEntry(loop.body, path: path + loop.id + "/", body) }
        }
    }

    static func simple(_ schema: X12Schema, _ segment: String, _ position: Int) throws -> X12ElementSchema {
        let reference = try #require(schema.segments[segment]?.element(at: position), "\(segment)\(position)")
        guard case .simple(let element) = reference.kind else {
            throw SchemaTestError("\(segment)\(position) is a composite")
        }
        return element
    }

    static func loop(_ id: String, in entries: [X12StructureEntry]) -> X12LoopSchema? {
        for case .loop(let loop) in entries where loop.id == id { return loop }
        return nil
    }

    static func segment(_ id: String, in entries: [X12StructureEntry]) -> X12SegmentReference? {
        for case .segment(let reference) in entries where reference.id == id { return reference }
        return nil
    }

    static func minimalSchema(structure: String, stElements: String = #"[{"element": "143", "usage": "M"}]"#) -> String
    {
        """
        {"version": "004010",
         "elements": {"143": {"name": "Transaction Set Identifier Code", "type": "ID", "min": 3, "max": 3}},
         "segments": {"ST": {"name": "Transaction Set Header", "elements": \(stElements)}},
         "transactionSets": {"997": {"name": "Functional Acknowledgment", "functionalGroup": "FA",
                                     "structure": [\(structure)]}}}
        """
    }

    /// The first place two id lists part, with some context.
    static func difference(expected: [String], actual: [String]) -> String {
        let common = zip(expected, actual).prefix { $0 == $1 }.count
        let before = max(0, common - 4)
        return """
            DOMAIN.md and the schema part at position \(common): \
            DOMAIN.md … \(expected[before..<min(expected.count, common + 6)].joined(separator: " ")) … \
            schema … \(actual[before..<min(actual.count, common + 6)].joined(separator: " ")) …
            DOMAIN.md: \(expected.joined(separator: " "))
            schema:    \(actual.joined(separator: " "))
            """
    }
}

struct SchemaTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - The schema, flattened

/// A structure walked in order: one item per segment place, loops remembered as spans.
private struct FlatStructure {
    struct Item {
        var id: String
        /// For a loop's trigger: the index just past the loop's last item.
        var loopEnd: Int?
    }

    var items: [Item] = []

    init(_ entries: [X12StructureEntry]) { self.append(entries) }

    private mutating func append(_ entries: [X12StructureEntry]) {
        for entry in entries {
            switch entry {
            case .segment(let reference):
                self.items.append(Item(id: reference.id))
            case .loop(let loop):
                let start = self.items.count
                self.append(loop.body)
                self.items[start].loopEnd = self.items.count
            }
        }
    }

    /// The ids the domain tokens stand for: explicit ids as written, shorthands (`X loop`,
    /// `A … B`) replaced by what the schema has there. Anything the schema lacks stays in the
    /// result, so a comparison with ``items`` fails.
    func expand(_ tokens: [DomainToken]) -> [String] {
        var cursor = 0
        var out: [String] = []
        for token in tokens {
            switch token {
            case .segment(let id):
                out.append(id)
                if let index = self.items[cursor...].firstIndex(where: { $0.id == id }) { cursor = index + 1 }
            case .loop(let id, let members):
                guard let index = self.items[cursor...].firstIndex(where: { $0.id == id && $0.loopEnd != nil }),
                    let end = self.items[index].loopEnd
                else {
                    out += [id] + members
                    continue
                }
                let span = self.items[index..<end].map(\.id)
                out += span + members.filter { !span.contains($0) }
                cursor = end
            case .range(let first, let last):
                guard let start = self.items[cursor...].firstIndex(where: { $0.id == first }),
                    let stop = self.items[start...].firstIndex(where: { $0.id == last })
                else {
                    out += [first, last]
                    continue
                }
                let end = self.items[stop].loopEnd ?? stop + 1
                out += self.items[start..<end].map(\.id)
                cursor = end
            }
        }
        return out
    }
}

// MARK: - DOMAIN.md

/// What a table cell of the domain reference names.
enum DomainToken: Equatable {
    /// A segment named explicitly.
    case segment(String)
    /// A loop named by its trigger without listing its content (`SPI loop`, `LM/LQ`); the
    /// members are ids the text names inside it.
    case loop(String, members: [String])
    /// `LIN … SDQ`: everything from one segment to another.
    case range(String, String)
}

/// Reads the transaction-set tables of `../shared/DOMAIN.md`.
enum DomainTables {
    static let url = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "../shared/DOMAIN.md").standardized

    static func text() throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SchemaTestError("the domain reference is not readable at \(url.path): \(error)")
        }
    }

    /// The lines of the section whose heading starts with `heading`, up to the next heading.
    static func section(_ heading: String) throws -> [Substring] {
        let lines = try text().split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading + " ") }) else {
            throw SchemaTestError("DOMAIN.md has no section '\(heading)'")
        }
        let end =
            lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("## ") || $0.hasPrefix("### ") }) ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    struct Row {
        var seg: String
        var note: String
    }

    /// The first table of a section that has a `Seg` column.
    static func table(in lines: [Substring]) throws -> (rows: [Row], noteColumn: String?) {
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("|") && cells($0).contains("Seg") }) else {
            throw SchemaTestError("no table with a Seg column")
        }
        let header = cells(lines[headerIndex])
        let segColumn = header.firstIndex(of: "Seg")!
        let noteColumn = header.firstIndex { $0 == "5010 note" || $0 == "Notes" }
        var rows: [Row] = []
        for line in lines[(headerIndex + 2)...] {
            guard line.hasPrefix("|") else { break }
            let row = cells(line)
            rows.append(
                Row(seg: row[segColumn], note: noteColumn.map { row.indices.contains($0) ? row[$0] : "" } ?? ""))
        }
        return (rows, noteColumn.map { header[$0] })
    }

    static func cells(_ line: Substring) -> [String] {
        let parts = line.replacing("\\|", with: "\u{1}").split(separator: "|", omittingEmptySubsequences: false)
        return parts.dropFirst().dropLast().map {
            $0.replacing("\u{1}", with: "|").trimmingCharacters(in: .whitespaces)
        }
    }

    /// Segment ids named in a cell, for a loose check.
    static func ids(in text: String) -> [String] {
        text.replacing("**", with: "").split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter(isSegmentID)
    }

    static func isSegmentID(_ text: some StringProtocol) -> Bool {
        (2...3).contains(text.count) && text.first!.isUppercase
            && text.allSatisfy { ($0.isUppercase || $0.isNumber) && $0.isASCII }
    }

    /// Where DOMAIN.md's summary tables disagree with the standard order (X12 tables and the
    /// public bots-edi grammars DOMAIN.md cites as S2), or leave a 5010 difference unflagged.
    /// Each replaces text of one cell (or of the 860 lists) and must match exactly once, so a
    /// corrected DOMAIN.md makes the test point at the erratum to delete.
    struct Erratum {
        var set: String
        var versions: Set<String>
        var original: String
        var replacement: String
        var reason: String
    }

    static let errata: [Erratum] = [
        Erratum(
            set: "850", versions: ["004010", "005010"], original: "LIN, SI, CUR, CN1, PO3, PAM, MEA",
            replacement: "LIN, SI, CUR, CN1, PO3, CTP (+CUR), PAM, MEA",
            reason: "the detail CTP loop (position 040) comes after PO3 (030) and before PAM (045)"),
        Erratum(
            set: "850", versions: ["004010", "005010"], original: "↳ CTP (+CUR)", replacement: "",
            reason: "moved after PO3, see above"),
        Erratum(
            set: "850", versions: ["005010"], original: "LDT, LIN, SI, PID, MEA, PWK, PKG",
            replacement: "LIN, SI, PID, MEA, PWK, PKG",
            reason: "\"LDT becomes a loop\": the 5010 header LDT loop stands after TXI, not here"),
        Erratum(
            set: "850", versions: ["005010"], original: "PCT, CTB, TXI, AMT loop",
            replacement: "PCT, CTB, TXI, LDT loop, AMT loop", reason: "the 5010 header LDT loop"),
        Erratum(
            set: "850", versions: ["005010"], original: "N9 loop (+DTM, MEA, MSG)",
            replacement: "N9 loop (+DTM, MEA, MSG, PWK, EFI)",
            reason: "the 5010 detail N9 loop gains PWK and EFI like the header one (flagged there only)"),
        Erratum(
            set: "850", versions: ["005010"], original: "N1 (+N2, N3, N4, QTY,",
            replacement: "N1 (+N2, IN2, N3, N4, QTY,",
            reason: "the 5010 detail N1 loop gains IN2 like the header one (flagged there only)"),
        Erratum(
            set: "855", versions: ["004010", "005010"],
            original: "N1 (+N2, N3, N4, NX2, REF, PER, SI, FOB, TD*, PKG, MSG)",
            replacement: "N1 (+N2, N3, N4, NX2, REF, PER, SI, FOB, TD*, PKG, MSG), ADV loop",
            reason: "the 855 header ends with an ADV loop after the N1 loop; the table leaves it out"),
        Erratum(
            set: "855", versions: ["005010"], original: "N1 (+N2, N3,", replacement: "N1 (+N2, IN2, N3,",
            reason: "5010 N1 loops gain IN2 (flagged for the 850 only)"),
        Erratum(
            set: "855", versions: ["005010"], original: "TD*, PKG, MSG)", replacement: "TD*, PKG, MTX)",
            reason: "5010 replaces MSG with MTX in the header N1 loop too (unflagged)"),
        Erratum(
            set: "855", versions: ["005010"], original: "N9 (+DTM, MSG)", replacement: "N9 (+DTM, MSG, PWK, EFI)",
            reason: "the 5010 N9 loop gains PWK and EFI (flagged for the 850 only)"),
        Erratum(
            set: "860", versions: ["005010"], original: "INC, DTM(10), LDT, LIN,", replacement: "INC, DTM(10), LIN,",
            reason: "5010 turns the header LDT into a loop after PCT (unflagged for the 860)"),
        Erratum(
            set: "860", versions: ["005010"], original: "TXI, PCT, AMT loop",
            replacement: "TXI, PCT, LDT loop, AMT loop",
            reason: "the 5010 header LDT loop"),
        Erratum(
            set: "860", versions: ["005010"], original: "N9 loop (DTM, MSG|MTX)",
            replacement: "N9 loop (DTM, MSG|MTX, PWK, EFI)",
            reason: "the 5010 N9 loop gains PWK and EFI (flagged for the 850 only)"),
        Erratum(
            set: "860", versions: ["005010"], original: "SPI, MSG, QTY loop", replacement: "SPI, MTX, QTY loop",
            reason: "5010 replaces MSG with MTX in the POC loop (the list writes MSG only)"),
    ]

    /// Segment inserted after an anchor by a `+XYZ` 5010 note.
    static let insertionAnchors = ["IN2": "N2"]

    /// The tokens of one set's table, with 5010 notes and errata applied for `version`.
    static func tokens(set: String, version: String, problems: inout [String]) throws -> [DomainToken] {
        let errata = self.errata.filter { $0.set == set && $0.versions.contains(version) }
        var used = Array(repeating: 0, count: errata.count)
        func patched(_ text: String) -> String {
            var text = text
            for (index, erratum) in errata.enumerated() where text.contains(erratum.original) {
                text = text.replacing(erratum.original, with: erratum.replacement)
                used[index] += 1
            }
            return text
        }
        var tokens: [DomainToken] = []
        switch set {
        case "999":
            let section = try self.section("### 2.4")
            guard let line = section.first(where: { $0.contains("`ST · AK1") }),
                let open = line.firstIndex(of: "`"), let close = line[line.index(after: open)...].firstIndex(of: "`")
            else { throw SchemaTestError("the 999 structure line is missing from §2.4") }
            let body = String(line[line.index(after: open)..<close])
                .replacing(#/\{\d+:/#, with: "").replacing("}", with: "").replacing("*", with: "")
            tokens = body.split(separator: "·").map { .segment($0.trimmingCharacters(in: .whitespaces)) }
        case "860":
            let text = try self.section("### 5.1").joined(separator: "\n")
            let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
            // Odd pieces are the backtick lists; the text between them may name a loop in bold.
            for (index, piece) in pieces.enumerated() {
                if index % 2 == 1 {
                    let list = piece.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    tokens += parseList(patched(list), version: version, problems: &problems)
                } else if let match = piece.firstMatch(of: #/\*\*([A-Z][A-Z0-9]{1,2}) loop\*\*/#) {
                    tokens.append(.segment(String(match.1)))
                }
            }
        default:
            let heading = ["997": "### 2.1", "850": "### 3.1", "855": "### 4.1", "856": "### 6.1"][set]!
            let (rows, noteColumn) = try self.table(in: try self.section(heading))
            var setNotes: [String] = []
            for row in rows {
                var rowTokens = parseList(patched(row.seg), version: version, problems: &problems)
                let note = row.note.replacing("**", with: "").trimmingCharacters(in: .whitespaces)
                if noteColumn == "5010 note" {
                    if version == "005010" { applyNote(note, to: &rowTokens, problems: &problems) }
                } else if note.hasPrefix("5010:") {
                    setNotes.append(String(note.dropFirst(5)).trimmingCharacters(in: .whitespaces))
                }
                tokens += rowTokens
            }
            for note in setNotes {
                if let match = note.wholeMatch(of: #/([A-Z][A-Z0-9]{1,2}) loop gains ([A-Z][A-Z0-9]{1,2})/#) {
                    if version == "005010" {
                        tokens = tokens.flatMap { token in
                            token == .segment(String(match.1)) ? [token, .segment(String(match.2))] : [token]
                        }
                    }
                } else {
                    problems.append("unrecognized 5010 note in the \(set) table: '\(note)'")
                }
            }
        }
        for (index, erratum) in errata.enumerated() where used[index] != 1 {
            problems.append(
                "erratum for \(set) '\(erratum.original)' matched DOMAIN.md \(used[index]) times; review it (\(erratum.reason))"
            )
        }
        return tokens
    }

    /// Applies one "5010 note" cell to the tokens of its row.
    static func applyNote(_ note: String, to tokens: inout [DomainToken], problems: inout [String]) {
        for clause in note.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !clause.isEmpty
        {
            if clause.contains(#/[A-Z][A-Z0-9]{1,2}\d\d/#) || clause.contains(" max ") {
                continue  // an element or maximum-use change: no segment is added or removed
            } else if let match = clause.wholeMatch(of: #/([A-Z][A-Z0-9]{1,2}) becomes a loop/#) {
                tokens = tokens.map { $0 == .segment(String(match.1)) ? .loop(String(match.1), members: []) : $0 }
            } else if let match = clause.wholeMatch(of: #/MSG → MTX(?: \(\+([^)]*)\))?/#) {
                let extras =
                    match.1.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
                tokens = tokens.flatMap { token -> [DomainToken] in
                    token == .segment("MSG") ? [.segment("MTX")] + extras.map { .segment($0) } : [token]
                }
            } else if clause == "MTX" {
                tokens = tokens.map { $0 == .segment("MSG") ? .segment("MTX") : $0 }
            } else if let match = clause.wholeMatch(of: #/\+([A-Z][A-Z0-9]{1,2})/#),
                let anchor = insertionAnchors[String(match.1)]
            {
                tokens = tokens.flatMap { $0 == .segment(anchor) ? [$0, .segment(String(match.1))] : [$0] }
            } else {
                problems.append("unrecognized 5010 note '\(clause)'")
            }
        }
    }

    /// Parses a comma-separated list such as `N1 (+N2, N3, TD*, LDT loop)`.
    static func parseList(_ text: String, version: String, problems: inout [String]) -> [DomainToken] {
        let cleaned = text.replacing("**", with: "").replacing("↳", with: "")
        var items: [String] = []
        var depth = 0
        var current = ""
        for character in cleaned {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return items.flatMap {
            parseItem($0.trimmingCharacters(in: .whitespaces), version: version, problems: &problems)
        }
    }

    /// Parses one item: `SAC (+CUR)`, `AMT loop (+REF, …)`, `SPI loop`, `LM/LQ`, `LIN … SDQ`,
    /// `MSG|MTX`, `TD*`, `DTM(10)`, `QTY/PKG/SCH loops`, `CTT loop (CTT, AMT ≤5)`.
    static func parseItem(_ item: String, version: String, problems: inout [String]) -> [DomainToken] {
        guard !item.isEmpty else { return [] }
        var head = item
        var children: [DomainToken] = []
        if let open = item.firstIndex(of: "("), let close = item.lastIndex(of: ")"), open < close {
            head = String(item[..<open]).trimmingCharacters(in: .whitespaces)
            let inside = String(item[item.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            if inside.hasPrefix("+") {
                children = parseList(String(inside.dropFirst()), version: version, problems: &problems)
            } else if inside.allSatisfy(\.isNumber) {
                // a maximum, as in `DTM(10)` or `N1 loop (200)`
            } else if inside.split(separator: ",").allSatisfy({ part in
                let word = part.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace }
                return isSegmentID(word.split(separator: "|").first ?? word)
            }) {
                children = parseList(inside, version: version, problems: &problems)
            }  // otherwise prose, e.g. "(same family as 850 PO1 loop)"
        }
        let words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return children }
        if words.count == 3, words[1] == "…" {
            return [.range(words[0], words[2])] + children
        }
        if words.count >= 2, words[1] == "loops" {
            return first.split(separator: "/").map { .loop(String($0), members: []) } + children
        }
        if words.count >= 2, words[1] == "loop" {
            guard isSegmentID(first) else {
                problems.append("cannot read '\(item)'")
                return children
            }
            if children.isEmpty { return [.loop(first, members: [])] }
            return [.segment(first)] + (children.first == .segment(first) ? Array(children.dropFirst()) : children)
        }
        var tokens: [DomainToken]
        if first.contains("/") {
            let parts = first.replacing("…", with: "").split(separator: "/").map(String.init)
            tokens = [.loop(parts[0], members: Array(parts.dropFirst()))]
        } else if first.contains("|") {
            let choices = first.split(separator: "|").map(String.init)
            tokens = [.segment(version == "004010" ? choices[0] : choices[choices.count - 1])]
        } else if first == "TD*" {
            tokens = ["TD1", "TD5", "TD3", "TD4"].map { .segment($0) }
        } else if isSegmentID(first) {
            tokens = [.segment(first)]
        } else {
            problems.append("cannot read '\(item)'")
            tokens = []
        }
        return tokens + children
    }
}
