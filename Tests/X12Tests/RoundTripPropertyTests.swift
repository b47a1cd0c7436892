import Foundation
import Testing
import X12

/// A property: whatever delimiters and segments are chosen, what `X12Writer` writes,
/// `X12Reader` reads back unchanged and without findings, in chunks of any size.
///
/// Every case comes from a fixed seed (SplitMix64), so a failure names the seed that
/// replays it: `RoundTripPropertyTests.check(seed:)`.
@Suite struct RoundTripPropertyTests {
    /// 200 seeds in 10 batches, run in parallel.
    @Test(arguments: 0..<10)
    func writtenSegmentsReadBackUnchanged(batch: Int) throws {
        for seed in UInt64(batch * 20)..<UInt64(batch * 20 + 20) {
            try Self.check(seed: seed)
        }
    }

    /// Delimiter bytes to choose from: control characters, white space and punctuation.
    static let pool: [UInt8] = [0x01, 0x07, 0x09, 0x0A, 0x1C, 0x1D, 0x1E, 0x1F, 0x20] + Array("|!^~*:>{}$@`+\\".utf8)
    static let ellipsis = Array("\u{2026}".utf8)
    /// Characters data may use, minus whatever is a delimiter in an interchange.
    static let alphabet: [String] =
        (0x21...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        + [" ", " ", " ", "\t", "\n", "\u{01}", "\u{07}", "\u{1C}", "\u{1D}", "é", "€", "\u{2026}", "ß"]
    static let envelopeIDs: Set<String> = ["ISA", "IEA", "GS", "GE", "ST", "SE", "TA1", "ISB", "ISE"]
    static let idCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// One interchange to write: its delimiters, line ending, and the segments of each set
    /// of each group.
    struct Interchange: CustomStringConvertible {
        var version: String
        var delimiters: X12Delimiters
        var lineEnding: X12Writer.LineEnding
        var groups: [[[X12OwnedSegment]]]

        var description: String { "\(self.version) \(self.delimiters), line ending \(self.lineEnding)" }
    }

    static func check(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let interchanges = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
            Self.interchange(using: &generator)
        }
        var bytes: [UInt8] = []
        var numbers = SequentialControlNumbers(interchange: UInt64.random(in: 1...999_999_999, using: &generator))
        for interchange in interchanges {
            do {
                let written = try Self.write(interchange, controlNumbers: &numbers)
                bytes += written
            } catch {
                Issue.record("seed \(seed): the writer refused \(interchange): \(error)")
                return
            }
        }
        let chunkSizes = [1, 2, 3, 5, 7, 16, 64, 106, 1_000, 65_536]
        let readerChunk = chunkSizes.randomElement(using: &generator)!
        let sourceChunk = chunkSizes.randomElement(using: &generator)!
        var configuration = X12Reader.Configuration()
        configuration.chunkSize = readerChunk
        let result = try read(
            ChunkingByteSource(MemoryByteSource(bytes), chunkSize: sourceChunk), configuration: configuration,
            splittingRepetitions: true)
        let context = "seed \(seed), chunks \(readerChunk)/\(sourceChunk), \(interchanges.map(\.description))"
        let problems = result.findings.filter { $0.severity != .info }
        #expect(problems.isEmpty, "\(context): \(problems.map(\.description))")
        #expect(result.interchanges == interchanges.count, "\(context)")
        #expect(result.groups == interchanges.map(\.groups.count).reduce(0, +), "\(context)")
        #expect(result.transactions == interchanges.flatMap(\.groups).map(\.count).reduce(0, +), "\(context)")
        #expect(result.headers.map(\.delimiters) == interchanges.map(\.delimiters), "\(context)")
        let expected = interchanges.flatMap(\.groups).flatMap { $0 }.flatMap { $0 }
        let actual = result.segments.filter { !Self.envelopeIDs.contains($0.id) }
        if actual != expected {
            let index =
                zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actual.count, expected.count)
            let read =
                index < actual.count ? "\(actual[index].id) \(actual[index].elements.map(\.repetitions))" : "nothing"
            let wrote =
                index < expected.count
                ? "\(expected[index].id) \(expected[index].elements.map(\.repetitions))" : "nothing"
            Issue.record("\(context): segment \(index) differs: read \(read), wrote \(wrote)")
        }
    }

    static func write(_ interchange: Interchange, controlNumbers: inout SequentialControlNumbers) throws -> [UInt8] {
        let sink = MemoryByteSink()
        var writer = try X12Writer(
            sink: sink, delimiters: interchange.delimiters, lineEnding: interchange.lineEnding,
            controlNumbers: controlNumbers)
        var envelope = X12InterchangeEnvelope(
            senderQualifier: "ZZ", senderID: "SENDER", receiverQualifier: "ZZ", receiverID: "RECEIVER",
            date: "240301", time: "1200", version: interchange.version)
        let all = [interchange.delimiters.element, interchange.delimiters.component, interchange.delimiters.repetition]
        if all.contains(0x20) || interchange.delimiters.segment.contains(0x20) {
            // Space is a delimiter: no field may be padded with it.
            envelope.authorization = "0000000000"
            envelope.security = "0000000000"
            envelope.senderID = "SENDER000000001"
            envelope.receiverID = "RECEIVER0000001"
        }
        try writer.beginInterchange(envelope)
        for sets in interchange.groups {
            try writer.beginGroup(
                X12GroupEnvelope(
                    functionalIdentifier: "PO", senderCode: "SENDER", receiverCode: "RECEIVER", date: "20240301",
                    time: "1200", version: interchange.version == "00501" ? "005010" : "004010"))
            for segments in sets {
                try writer.beginTransaction("850")
                for segment in segments { try writer.writeSegment(segment) }
                try writer.endTransaction()
            }
            try writer.endGroup()
        }
        try writer.endInterchange()
        if let numbers = writer.controlNumbers as? SequentialControlNumbers { controlNumbers = numbers }
        return sink.bytes
    }

    // MARK: Generators

    static func interchange(using generator: inout SplitMix64) -> Interchange {
        let version = Bool.random(using: &generator) ? "00501" : "00401"
        var choices = Self.pool.shuffled(using: &generator)
        let element = choices.removeFirst()
        let component = choices.removeFirst()
        // The reader takes ISA11 as a repetition separator only when it is not a space.
        var repetition: UInt8?
        if version == "00501" {
            repetition = choices.first { $0 != 0x20 }
            choices.removeAll { $0 == repetition }
        }
        let terminator = Int.random(in: 0..<8, using: &generator) == 0 ? Self.ellipsis : [choices.removeFirst()]
        let delimiters = X12Delimiters(
            element: element, component: component, repetition: repetition, segment: terminator)
        let separators = [element, component, repetition].compactMap { $0 }
        let lineEnding: X12Writer.LineEnding
        if separators.contains(0x0A) {
            lineEnding = .none
        } else if terminator == [0x0A] {
            lineEnding = [.none, .lf].randomElement(using: &generator)!
        } else {
            lineEnding = X12Writer.LineEnding.allCases.randomElement(using: &generator)!
        }
        let forbidden = Set(separators + terminator)
        let alphabet = Self.alphabet.filter { !$0.utf8.contains(where: forbidden.contains) }
        let groups = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    Self.segment(alphabet: alphabet, repeats: repetition != nil, using: &generator)
                }
            }
        }
        return Interchange(version: version, delimiters: delimiters, lineEnding: lineEnding, groups: groups)
    }

    static func segment(alphabet: [String], repeats: Bool, using generator: inout SplitMix64) -> X12OwnedSegment {
        var id: String
        repeat {
            id = String(
                (0..<Int.random(in: 2...3, using: &generator)).map { _ in
                    Self.idCharacters.randomElement(using: &generator)!
                })
        } while Self.envelopeIDs.contains(id)
        let count = Int.random(in: 1...12, using: &generator)
        var elements: [X12Value] = []
        for index in 0..<count {
            let roll = Int.random(in: 0..<10, using: &generator)
            // No trailing empty element: the writer leaves those out.
            if roll < 2 && index < count - 1 {
                elements.append("")
                continue
            }
            switch roll {
            case 2, 3:
                elements.append(.composite(Self.components(alphabet: alphabet, using: &generator)))
            case 4 where repeats:
                let repetitions = (0..<Int.random(in: 2...3, using: &generator)).map { _ in
                    Bool.random(using: &generator)
                        ? Self.components(alphabet: alphabet, using: &generator)
                        : [Self.text(alphabet: alphabet, using: &generator)]
                }
                elements.append(.repeated(repetitions))
            default:
                elements.append(.simple(Self.text(alphabet: alphabet, using: &generator)))
            }
        }
        return X12OwnedSegment(id: id, elements: elements)
    }

    /// 2–4 components, some empty inside, the last one not.
    static func components(alphabet: [String], using generator: inout SplitMix64) -> [String] {
        let count = Int.random(in: 2...4, using: &generator)
        return (0..<count).map { index in
            index < count - 1 && Int.random(in: 0..<3, using: &generator) == 0
                ? "" : Self.text(alphabet: alphabet, using: &generator)
        }
    }

    /// 1–15 characters.
    static func text(alphabet: [String], using generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...15, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            .joined()
    }

    // MARK: The generator itself

    @Test func splitMix64IsDeterministic() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let values = (0..<5).map { _ in first.next() }
        #expect(values == (0..<5).map { _ in second.next() })
        #expect(Set(values).count == 5)
        // The reference sequence for seed 0 (Vigna's splitmix64.c).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
