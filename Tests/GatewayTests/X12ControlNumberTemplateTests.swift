import Foundation
import Orders
import Store
import Testing
import Translation
import X12

@testable import Gateway

/// Outbound X12 and acknowledgments are encoded with placeholder control numbers while files are planned, and
/// numbered in the store transaction: the numbered bytes must be those the encoder writes given the numbers.
@Suite("X12 control-number templates")
struct X12ControlNumberTemplateTests {
    static let delimiterSets: [X12Delimiters] = [
        .standard,
        X12Delimiters(element: UInt8(ascii: "|"), component: UInt8(ascii: "^"), repetition: nil, segment: [0x0A]),
        X12Delimiters(element: 0x1D, component: 0x1F, repetition: 0x1E, segment: [0x1C]),
    ]
    /// ISA13 and GS06 pairs of every width, and the largest.
    static let numbers: [(interchange: Int, group: Int)] = [
        (1, 1), (42, 7), (123_456, 99_999), (999_999_999, 999_999_999),
    ]

    /// Counters handing out `interchange`, `group` and the numbers after them, in the order they are asked for.
    final class Counters: @unchecked Sendable {
        var next: [ControlNumberAllocator.Kind: Int]
        var asked: [ControlNumberAllocator.Kind] = []

        init(interchange: Int, group: Int) { self.next = [.interchange: interchange, .group: group] }

        var allocator: ControlNumberAllocator {
            ControlNumberAllocator { _, kind throws(StoreError) in
                self.asked.append(kind)
                defer { self.next[kind]! += 1 }
                return self.next[kind]!
            }
        }
    }

    static func document(_ fixture: String) throws -> BusinessDocument {
        var reader = X12DocumentReader(
            source: try FileByteSource(path: repositoryRoot.appending(path: fixture).path), sourceName: fixture)
        while let event = try reader.next() {
            if case .document(let set) = event, let document = set.document { return document }
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    @Test(
        "an outbound document numbered from the template equals the document encoded with those numbers",
        arguments: ["Fixtures/x12/850/004010-retail-sdq.edi", "Fixtures/x12/855/004010-accepted.edi"])
    func outboundDocument(fixture: String) throws {
        var document = try Self.document(fixture)
        for delimiters in Self.delimiterSets {
            for lineEnding in X12Writer.LineEnding.allCases
            where !delimiters.segment.contains(0x0A) || lineEnding == .none {
                let encoder = X12DocumentEncoder(version: "004010", delimiters: delimiters, lineEnding: lineEnding)
                document.envelope.interchangeControlNumber = "1"
                document.envelope.groupControlNumber = "1"
                let template = try X12ControlNumberTemplate(try encoder.encodeInterchange(document))
                for (interchange, group) in Self.numbers {
                    document.envelope.interchangeControlNumber = String(interchange)
                    document.envelope.groupControlNumber = String(group)
                    let expected = try encoder.encodeInterchange(document)
                    let counters = Counters(interchange: interchange, group: group)
                    let filled = try template.filled { kind throws(StoreError) in
                        try counters.allocator.next(kind, partner: "p")
                    }
                    #expect([UInt8](filled.bytes) == expected, "\(delimiters) \(lineEnding) \(interchange)/\(group)")
                    #expect(filled.interchanges == [interchange] && filled.groups == [group])
                    #expect(counters.asked == [.interchange, .group])
                }
            }
        }
    }

    @Test("acknowledgments of a file of several interchanges and groups, numbered in the generator's order")
    func acknowledgments() throws {
        let fixture = repositoryRoot.appending(path: "Fixtures/x12/shapes/multi-interchange-delimiters.edi")
        for kind in [X12AcknowledgmentOptions.Kind.fa997, .ia999] {
            let options = X12AcknowledgmentOptions(
                kind: kind, interchangeAcknowledgment: .always,
                identity: X12AcknowledgmentOptions.Identity(qualifier: "ZZ", id: "PORTER", applicationCode: nil),
                timeSource: .fixed(X12AcknowledgmentOptions.Timestamp(date: "20261122", time: "2300")))
            func acknowledge(_ numbers: some X12ControlNumberSource) throws -> [UInt8] {
                let sink = MemoryByteSink()
                var generator = X12AcknowledgmentGenerator(sink: sink, controlNumbers: numbers, options: options)
                var validator = X12Validator(
                    reader: X12Reader(source: try FileByteSource(path: fixture.path)), sourceName: "multi")
                while let event = try validator.next() { try generator.consume(event) }
                try generator.finish()
                return sink.bytes
            }
            let template = try X12ControlNumberTemplate(try acknowledge(SequentialControlNumbers()))
            for (interchange, group) in Self.numbers.dropLast() {
                let expected = try acknowledge(
                    SequentialControlNumbers(interchange: UInt64(interchange), group: UInt64(group)))
                let counters = Counters(interchange: interchange, group: group)
                let filled = try template.filled { kind throws(StoreError) in
                    try counters.allocator.next(kind, partner: "p")
                }
                #expect([UInt8](filled.bytes) == expected, "\(kind) \(interchange)/\(group)")
                #expect(filled.interchanges.count > 1, "the fixture answers with more than one interchange")
                #expect(counters.asked.first == .interchange)
            }
        }
    }

    @Test("bytes that are not X12 Porter wrote are refused, not numbered")
    func refusesOtherBytes() {
        #expect(throws: X12ControlNumberTemplate.TemplateError.self) {
            try X12ControlNumberTemplate(Array("GS*PO".utf8))
        }
        let truncated = Array(
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261122*2300*U*00401*000000001*0*P*>~GS*PO*A*B"
                .utf8)
        #expect(throws: X12ControlNumberTemplate.TemplateError.self) { try X12ControlNumberTemplate(truncated) }
    }
}

@Suite("Outbound file names")
struct OutboundFileNameTests {
    @Test("letters, digits, '-', '_' and '.' stay; any other character, however many bytes, becomes one '_'")
    func safeNames() {
        #expect(OutboundEncoder.safeName("purchaseOrder-PO 12/3-000000042") == "purchaseOrder-PO_12_3-000000042")
        #expect(OutboundEncoder.safeName("x.y-z_1") == "x.y-z_1")
        #expect(OutboundEncoder.safeName("a\r\nb\tc") == "a_b_c")
        #expect(OutboundEncoder.safeName("Müller→🙂") == "M_ller__")
        #expect(OutboundEncoder.safeName("") == "")
    }
}
