import Foundation
import Orders
import Testing
import Translation
import X12

/// The 860 codec: X12 → ``OrderChange`` → X12, against the golden JSON and the fixtures.
@Suite("860 X12 codec")
struct OrderChangeCodecTests {
    static let folder = TranslationFixtures.x12.appending(path: "860")

    /// The 860 interchanges under `Fixtures/x12/860`.
    static let fixtureNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".edi") }.sorted()
    }()

    static func decode(_ bytes: [UInt8], sourceName: String? = nil) throws -> [X12OrderChangeDecoding] {
        try X12OrderChangeDecoder.decodeAll(from: MemoryByteSource(bytes), sourceName: sourceName)
    }

    static func decode(_ url: URL) throws -> [X12OrderChangeDecoding] {
        try Self.decode(try TranslationFixtures.bytes(url), sourceName: url.lastPathComponent)
    }

    static func json(_ change: OrderChange) -> String {
        String(decoding: BusinessDocument.orderChange(change).encodeCanonicalJSON(), as: UTF8.self)
    }

    /// Decodes, encodes each change in an interchange of its own, decodes again and compares.
    static func roundTrip(_ url: URL) throws -> [OrderChange] {
        var changes: [OrderChange] = []
        for result in try Self.decode(url) {
            let change = try #require(result.change, "\(url.lastPathComponent): \(result.findings)")
            let bytes = try X12OrderChangeEncoder().encodeInterchange(change)
            let again = try Self.decode(bytes)
            try #require(again.count == 1, "\(url.lastPathComponent): \(String(decoding: bytes, as: UTF8.self))")
            #expect(
                again[0].change == change,
                "\(url.lastPathComponent)\n\(Self.json(change))\n≠\n\(again[0].change.map(Self.json) ?? "nil")")
            changes.append(change)
        }
        return changes
    }

    static func change() throws -> OrderChange {
        let results = try Self.decode(Self.folder.appending(path: "004010-change.edi"))
        try #require(results.count == 1)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        return try #require(results[0].change)
    }

    static func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: month, day: day)! }

    // MARK: Golden

    @Test("004010-change.edi decodes to exactly its golden JSON")
    func golden() throws {
        let change = try Self.change()
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "860/004010-change.json"))
        #expect(Self.json(change) + "\n" == String(decoding: golden, as: UTF8.self))
    }

    @Test("the BCH header is typed")
    func typedHeader() throws {
        let change = try Self.change()
        #expect(change.purpose == .change)
        #expect(change.orderType == .standAlone)
        #expect(change.orderNumber == "BO-7734210")
        #expect(change.changeSequence == "1")
        #expect(change.orderDate.date == Self.date(3, 4))
        #expect(change.changeDate?.date == Self.date(3, 7))
        #expect(change.dates == [QualifiedDate(.deliveryRequested, Self.date(3, 25))])
        #expect(change.notes.first?.title == "CHANGE REASON")
        #expect(change.totals?.lineCount == 4)
        #expect(change.extensions.values.isEmpty)
    }

    @Test("each POC is a typed change line")
    func typedLines() throws {
        let lines = try Self.change().lines
        #expect(lines.map(\.change) == [.quantityIncrease, .priceChange, .deleteItem, .addItem])
        #expect(lines.map(\.lineNumber) == ["1", "2", "3", "4"])
        #expect(lines.map(\.quantity) == [60, 36, nil, 24])
        #expect(lines.map(\.quantityLeftToReceive) == [60, 36, nil, 24])
        #expect(lines.map(\.unitPrice) == [DecimalNumber("12.5"), DecimalNumber("26.5"), nil, DecimalNumber("18.75")])
        #expect(lines[0].destinations.map(\.quantity) == [12, 12, 24, 12])
        #expect(lines[2].items == [ItemIdentifier(.upc, "084512300032"), ItemIdentifier(.vendorItem, "TKW-TR12")])
        #expect(lines[3].descriptions.map(\.text) == ["Cast iron grill pan 11 in sage"])
        #expect(lines.allSatisfy { $0.extensions.values.isEmpty })
    }

    // MARK: Round trips

    @Test("every Fixtures/x12/860 file round-trips", arguments: Self.fixtureNames)
    func fixture(name: String) throws {
        let changes = try Self.roundTrip(Self.folder.appending(path: name))
        try #require(changes.count == 1)
        let expected: [String: (Purpose, String, Int)] = [
            "004010-change.edi": (.change, "BO-7734210", 4),
            "005010-cancel.edi": (.cancellation, "CF-PO-118377", 0),
        ]
        let (purpose, number, lineCount) = try #require(expected[name])
        #expect(changes[0].purpose == purpose)
        #expect(changes[0].orderNumber == number)
        #expect(changes[0].lines.count == lineCount)
    }

    @Test("the 005010 cancel keeps its reason in an MTX note")
    func cancel() throws {
        let results = try Self.decode(Self.folder.appending(path: "005010-cancel.edi"))
        let change = try #require(results.first?.change)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        #expect(change.envelope.version == "005010")
        #expect(change.orderType == .newOrder)
        #expect(change.changeSequence == "2")
        #expect(change.notes.first?.lines.first?.hasPrefix("Project deferred") == true)
        #expect(change.parties.map(\.role) == [.buyer, .seller])
        let bytes = try X12OrderChangeEncoder().encodeInterchange(change)
        #expect(String(decoding: bytes, as: UTF8.self).contains("MTX*GEN*Project deferred"))
    }

    @Test("the public 003010 860 gives located findings, not a crash")
    func public003010() throws {
        let url = TranslationFixtures.publicX12.appending(path: "sped__003010_PC860_fail_1.edi")
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing")
        let results = try Self.decode(url)
        try #require(results.count == 1)
        if let change = results[0].change {
            let again = try Self.decode(try X12OrderChangeEncoder().encodeInterchange(change))
            #expect(again.first?.change == change)
        } else {
            #expect(!results[0].findings.isEmpty)
            #expect(results[0].findings.allSatisfy { $0.location.transaction == "0001" })
            #expect(results[0].findings.contains { $0.location.segmentID == "BCH" })
        }
    }

    // MARK: Encoding

    @Test("a change written into a caller's group")
    func writeIntoGroup() throws {
        let change = try Self.change()
        let sink = MemoryByteSink()
        var writer = try X12Writer(
            sink: sink, delimiters: .standard, lineEnding: .lf, controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "01", senderID: "804417263", receiverQualifier: "01", receiverID: "612093384",
                date: "250307", time: "1130", version: "00401", acknowledgmentRequested: false, usage: "P",
                controlNumber: 9))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "PC", senderCode: "804417263", receiverCode: "612093384", date: "20250307",
                time: "1130", version: "004010", controlNumber: 9))
        try X12OrderChangeEncoder().write(change, to: &writer, controlNumber: "0001")
        try X12OrderChangeEncoder().write(change, to: &writer, controlNumber: "0002")
        try writer.endGroup()
        try writer.endInterchange()
        let text = String(decoding: sink.bytes, as: UTF8.self)
        #expect(text.contains("BCH*04*SA*BO-7734210**1*20250304*****20250307~"))
        #expect(text.contains("POC*3*DI******UP*084512300032*VN*TKW-TR12~"))
        #expect(text.contains("SDQ*EA*92*0112*12*0135*12*0140*24*0151*12~"))
        let again = try Self.decode(sink.bytes)
        #expect(again.count == 2)
        var expected = change
        expected.envelope = try #require(again.first?.change?.envelope)
        #expect(again.first?.change == expected)
    }

    @Test("an interchange of its own reproduces the fixture after ISA")
    func reproducesFixture() throws {
        let url = Self.folder.appending(path: "004010-change.edi")
        let bytes = try X12OrderChangeEncoder().encodeInterchange(try Self.change())
        let original = String(decoding: try TranslationFixtures.bytes(url), as: UTF8.self)
        // ISA16 differs (the writer's own component separator); every other segment is as sent.
        let written = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(Array(written) == Array(original.split(separator: "\n").dropFirst()))
    }
}
