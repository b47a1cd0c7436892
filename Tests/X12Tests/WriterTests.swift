import Foundation
import Testing
import X12

/// Tests of `X12Writer`: envelopes, counts, control numbers, padding, line endings, what it
/// refuses, and that the reader reads back what it wrote.
@Suite struct WriterTests {
    static let interchange = X12InterchangeEnvelope(
        senderQualifier: "ZZ", senderID: "SENDER", receiverQualifier: "ZZ", receiverID: "RECEIVER", date: "240301",
        time: "1200")

    static func interchange(version: String) -> X12InterchangeEnvelope {
        var envelope = Self.interchange
        envelope.version = version
        return envelope
    }

    static func group(_ identifier: String = "PO", version: String = "004010") -> X12GroupEnvelope {
        X12GroupEnvelope(
            functionalIdentifier: identifier, senderCode: "SENDER", receiverCode: "RECEIVER", date: "20240301",
            time: "1200", version: version)
    }

    static func writer(
        _ sink: MemoryByteSink, delimiters: X12Delimiters = .standard, lineEnding: X12Writer.LineEnding = .lf,
        controlNumbers: some X12ControlNumberSource = SequentialControlNumbers()
    ) throws -> X12Writer {
        try X12Writer(sink: sink, delimiters: delimiters, lineEnding: lineEnding, controlNumbers: controlNumbers)
    }

    /// An interchange with one 850 holding `segments`, written with `delimiters`.
    static func document(
        _ segments: [X12OwnedSegment], delimiters: X12Delimiters = .standard, version: String = "00401",
        lineEnding: X12Writer.LineEnding = .lf
    ) throws -> [UInt8] {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, delimiters: delimiters, lineEnding: lineEnding)
        try writer.beginInterchange(Self.interchange(version: version))
        try writer.beginGroup(Self.group(version: version == "00501" ? "005010" : "004010"))
        try writer.beginTransaction("850")
        for segment in segments { try writer.writeSegment(segment) }
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        return sink.bytes
    }

    static let isa401 =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240301*1200*U*00401*000000001*0*P*:~"

    // MARK: Envelopes and counts

    @Test func writerOwnsTrailersCountsAndControlNumbers() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        #expect(try writer.beginInterchange(Self.interchange) == "000000001")
        #expect(try writer.beginGroup(Self.group()) == "1")
        #expect(try writer.beginTransaction("850") == "0001")
        try writer.writeSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])
        try writer.writeSegment("REF", ["ZZ", "A"])
        try writer.writeSegment("PO1", ["1", "2", "EA"])
        try writer.endTransaction()
        #expect(try writer.beginTransaction("850") == "0002")
        try writer.writeSegment("BEG", ["00", "SA", "PO-2", "", "20240301"])
        try writer.endTransaction()
        try writer.endGroup()
        #expect(try writer.beginGroup(Self.group("PR")) == "2")
        // ST02 restarts in every group.
        #expect(try writer.beginTransaction("855") == "0001")
        try writer.writeSegment("BAK", ["00", "AC", "PO-1", "20240301"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        #expect(writer.byteCount == sink.bytes.count)
        #expect(
            sink.string == """
                \(Self.isa401)
                GS*PO*SENDER*RECEIVER*20240301*1200*1*X*004010~
                ST*850*0001~
                BEG*00*SA*PO-1**20240301~
                REF*ZZ*A~
                PO1*1*2*EA~
                SE*5*0001~
                ST*850*0002~
                BEG*00*SA*PO-2**20240301~
                SE*3*0002~
                GE*2*1~
                GS*PR*SENDER*RECEIVER*20240301*1200*2*X*004010~
                ST*855*0001~
                BAK*00*AC*PO-1*20240301~
                SE*3*0001~
                GE*1*2~
                IEA*2*000000001~

                """)
        let result = try read(bytes: sink.bytes)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect((result.interchanges, result.groups, result.transactions) == (1, 2, 3))
    }

    @Test func controlNumbersComeFromTheSourceAndArePadded() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, controlNumbers: SequentialControlNumbers(interchange: 457, group: 12))
        #expect(try writer.beginInterchange(Self.interchange) == "000000457")
        #expect(try writer.beginGroup(Self.group()) == "12")
        for number in 1...12 {
            #expect(
                try writer.beginTransaction("850") == String(repeating: "0", count: number < 10 ? 3 : 2) + "\(number)")
            try writer.writeSegment("BEG", ["00", "SA", "PO", "", "20240301"])
            try writer.endTransaction()
        }
        try writer.endGroup()
        try writer.endInterchange()
        let numbers = try #require(writer.controlNumbers as? SequentialControlNumbers)
        #expect(numbers.nextInterchange == 458)
        #expect(numbers.nextGroup == 13)
        #expect(sink.string.contains("*00401*000000457*0*P*:~\nGS*"))
        #expect(sink.string.contains("ST*850*0012~"))
        #expect(sink.string.contains("SE*3*0012~"))
        #expect(sink.string.contains("GE*12*12~"))
        #expect(sink.string.hasSuffix("IEA*1*000000457~\n"))
        #expect(try read(bytes: sink.bytes).findings.isEmpty)
    }

    /// Control numbers given in the envelopes are used as they are; the source is not asked.
    @Test func explicitControlNumbersWin() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        var envelope = Self.interchange
        envelope.controlNumber = 42
        var group = Self.group()
        group.controlNumber = 7
        #expect(try writer.beginInterchange(envelope) == "000000042")
        #expect(try writer.beginGroup(group) == "7")
        #expect(try writer.beginTransaction("850", controlNumber: "A1B2") == "A1B2")
        try writer.writeSegment("BEG", ["00", "SA", "PO", "", "20240301"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        let numbers = try #require(writer.controlNumbers as? SequentialControlNumbers)
        #expect(numbers.nextInterchange == 1 && numbers.nextGroup == 1)
        #expect(sink.string.contains("SE*3*A1B2~"))
        #expect(sink.string.hasSuffix("GE*1*7~\nIEA*1*000000042~\n"))
    }

    /// A source whose ST02 needs more than four digits.
    struct FixedControlNumbers: X12ControlNumberSource {
        mutating func nextInterchangeControlNumber() -> UInt64 { 1 }
        mutating func nextGroupControlNumber() -> UInt64 { 1 }
        mutating func nextTransactionControlNumber() -> UInt64 { 123_456 }
    }

    @Test func transactionControlNumberHasAtLeastFourDigits() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, controlNumbers: FixedControlNumbers())
        try writer.beginInterchange(Self.interchange)
        try writer.beginGroup(Self.group())
        #expect(try writer.beginTransaction("850") == "123456")
    }

    @Test func interchangeControlNumberMustFitNineDigits() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        var envelope = Self.interchange
        envelope.controlNumber = 1_000_000_000
        #expect(throws: X12Error.self) { try writer.beginInterchange(envelope) }
        #expect(sink.bytes.isEmpty && writer.byteCount == 0)
    }

    // MARK: SequentialControlNumbers

    @Test func sequentialControlNumbersRollOverToOne() {
        var numbers = SequentialControlNumbers(interchange: 999_999_998, group: 999_999_999)
        #expect(numbers.nextInterchangeControlNumber() == 999_999_998)
        #expect(numbers.nextInterchangeControlNumber() == 999_999_999)
        #expect(numbers.nextInterchangeControlNumber() == 1)
        #expect(numbers.nextGroupControlNumber() == 999_999_999)
        #expect(numbers.nextGroupControlNumber() == 1)
        #expect(numbers.nextGroupControlNumber() == 2)
        #expect(numbers.nextTransactionControlNumber() == 1)
        #expect(numbers.nextTransactionControlNumber() == 2)
        numbers.groupDidStart()
        #expect(numbers.nextTransactionControlNumber() == 1)
        // Out-of-range starting values start at 1.
        #expect(SequentialControlNumbers(interchange: 0, group: 1_000_000_000).nextInterchange == 1)
        #expect(SequentialControlNumbers(interchange: 0, group: 1_000_000_000).nextGroup == 1)
    }

    @Test func writerRollsOverTheInterchangeControlNumber() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, controlNumbers: SequentialControlNumbers(interchange: 999_999_999))
        for expected in ["999999999", "000000001"] {
            #expect(try writer.beginInterchange(Self.interchange) == expected)
            try writer.beginGroup(Self.group())
            try writer.beginTransaction("850")
            try writer.writeSegment("BEG", ["00", "SA", "PO", "", "20240301"])
            try writer.endTransaction()
            try writer.endGroup()
            try writer.endInterchange()
        }
        let result = try read(bytes: sink.bytes)
        #expect(result.headers.map(\.controlNumber) == ["999999999", "000000001"])
        #expect(result.findings.isEmpty)
    }

    // MARK: The ISA

    @Test func isaIsExactly106BytesWithPadding() throws {
        let bytes = try Self.document([X12OwnedSegment("BEG", ["00"])], lineEnding: .none)
        let isa = Array(bytes.prefix(106))
        #expect(String(decoding: isa, as: UTF8.self) == Self.isa401)
        let separators = isa.indices.filter { isa[$0] == UInt8(ascii: "*") }
        #expect(separators == [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103])
        #expect(isa[104] == UInt8(ascii: ":"))
        #expect(isa[105] == UInt8(ascii: "~"))
        #expect(bytes[106] == UInt8(ascii: "G"))
    }

    @Test func isa11IsUIn00401AndTheRepetitionSeparatorIn00501() throws {
        let old = try Self.document([X12OwnedSegment("BEG", ["00"])], version: "00401")
        #expect(old[82] == UInt8(ascii: "U"))
        let new = try Self.document([X12OwnedSegment("BEG", ["00"])], version: "00501")
        #expect(new[82] == UInt8(ascii: "^"))
        #expect(Array(new[84..<89]) == Array("00501".utf8))
        let result = try read(bytes: new)
        #expect(result.headers.first?.delimiters == .standard)
        #expect(result.findings.isEmpty)
        // Repetitions are refused where there is no repetition separator.
        #expect {
            try Self.document([X12OwnedSegment("REF", ["ZZ", .repeated([["A"], ["B"]])])], version: "00401")
        } throws: { ($0 as? X12Error)?.code == .invalidValue }
    }

    @Test func isaFieldsAreCheckedAndSecretsNotEchoed() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        var envelope = Self.interchange
        envelope.authorization = "TOPSECRET-PASSWORD"
        let error = try #require(throws: X12Error.self) { try writer.beginInterchange(envelope) }
        #expect(error.code == .invalidValue)
        #expect(!error.message.contains("TOPSECRET"))
        envelope = Self.interchange
        envelope.senderID = "SENDER*X"
        #expect { try writer.beginInterchange(envelope) } throws: { ($0 as? X12Error)?.code == .delimiterInData }
        #expect(sink.bytes.isEmpty && writer.byteCount == 0)
    }

    /// With space as a delimiter the fixed-width fields cannot be padded with spaces: short
    /// values are refused, full-width ones are written and read back.
    @Test func spaceDelimiterNeedsFullWidthISAFields() throws {
        let delimiters = X12Delimiters(element: 0x20, component: UInt8(ascii: ">"), repetition: nil, segment: [0x7E])
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, delimiters: delimiters)
        #expect { try writer.beginInterchange(Self.interchange) } throws: {
            ($0 as? X12Error)?.code == .delimiterInData
        }
        #expect(writer.byteCount == 0)
        var envelope = Self.interchange
        envelope.authorization = "0000000000"
        envelope.security = "0000000000"
        envelope.senderID = "SENDER000000001"
        envelope.receiverID = "RECEIVER0000001"
        try writer.beginInterchange(envelope)
        try writer.beginGroup(Self.group())
        try writer.beginTransaction("850")
        try writer.writeSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        let result = try read(bytes: sink.bytes)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.headers.first?.delimiters == delimiters)
        #expect(result.segments[3] == X12OwnedSegment("BEG", ["00", "SA", "PO-1", "", "20240301"]))
    }

    // MARK: Line endings

    @Test(arguments: X12Writer.LineEnding.allCases)
    func lineEndings(_ lineEnding: X12Writer.LineEnding) throws {
        let segments = [X12OwnedSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])]
        let bytes = try Self.document(segments, lineEnding: lineEnding)
        let text = String(decoding: bytes, as: UTF8.self)
        let suffix = ["none": "", "lf": "\n", "crlf": "\r\n"][lineEnding.rawValue]!
        #expect(text.components(separatedBy: "~" + suffix).count == 8)
        #expect(text.hasSuffix("IEA*1*000000001~" + suffix))
        if lineEnding == .none { #expect(!bytes.contains(0x0A) && !bytes.contains(0x0D)) }
        if lineEnding == .lf { #expect(!bytes.contains(0x0D)) }
        let result = try read(bytes: bytes)
        #expect(result.findings.isEmpty)
        #expect(result.segments[3] == segments[0])
    }

    /// A line break that is also a separator would start every segment with a separator.
    @Test func lineEndingMustNotBeASeparator() {
        let lineFeedElement = X12Delimiters(element: 0x0A, component: 0x3A, repetition: nil, segment: [0x7E])
        #expect { _ = try Self.writer(MemoryByteSink(), delimiters: lineFeedElement, lineEnding: .lf) } throws: {
            ($0 as? X12Error)?.code == .invalidDelimiters
        }
        let crComponent = X12Delimiters(element: 0x2A, component: 0x0D, repetition: nil, segment: [0x7E])
        #expect { _ = try Self.writer(MemoryByteSink(), delimiters: crComponent, lineEnding: .crlf) } throws: {
            ($0 as? X12Error)?.code == .invalidDelimiters
        }
        // CR LF cannot follow an LF terminator: the ISA's last byte would have to be CR.
        let lineFeedTerminator = X12Delimiters(element: 0x2A, component: 0x3A, repetition: nil, segment: [0x0A])
        #expect { _ = try Self.writer(MemoryByteSink(), delimiters: lineFeedTerminator, lineEnding: .crlf) } throws: {
            ($0 as? X12Error)?.code == .invalidDelimiters
        }
        #expect(throws: Never.self) { _ = try Self.writer(MemoryByteSink(), delimiters: crComponent, lineEnding: .lf) }
        #expect(throws: Never.self) {
            _ = try Self.writer(MemoryByteSink(), delimiters: lineFeedElement, lineEnding: .none)
        }
    }

    /// With LF (or CR) as the terminator, the line ending adds no empty segments.
    @Test(arguments: [
        ([0x0A], X12Writer.LineEnding.lf), ([0x0A], .none), ([0x0D], .lf), ([0x0D], .crlf), ([0x0D], .none),
    ])
    func lineBreakTerminators(terminator: [UInt8], lineEnding: X12Writer.LineEnding) throws {
        let delimiters = X12Delimiters(element: 0x2A, component: 0x3A, repetition: nil, segment: terminator)
        let segments = [X12OwnedSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])]
        let bytes = try Self.document(segments, delimiters: delimiters, lineEnding: lineEnding)
        #expect(bytes[105] == terminator[0])
        let result = try read(bytes: bytes)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.segments[3] == segments[0])
        #expect(result.segments.map(\.id) == ["ISA", "GS", "ST", "BEG", "SE", "GE", "IEA"])
    }

    // MARK: Empty elements

    @Test func trailingEmptiesAreLeftOutInteriorEmptiesKept() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, lineEnding: .none)
        try writer.beginInterchange(Self.interchange(version: "00501"))
        try writer.beginGroup(Self.group(version: "005010"))
        try writer.beginTransaction("850")
        let start = writer.byteCount
        try writer.writeSegment("N1", ["ST", "", "92", "", ""])
        try writer.writeSegment("PO1", ["1", "", .composite(["A", "", "B", "", ""]), .composite(["", ""]), ""])
        try writer.writeSegment("SLN", [.composite(["", "X"]), "", .composite(["Y", ""])])
        try writer.writeSegment("REF", ["ZZ", .repeated([["A", ""], ["", "B"]])])
        try writer.flush()
        #expect(
            String(decoding: sink.bytes[start...], as: UTF8.self)
                == "N1*ST**92~PO1*1**A::B~SLN*:X**Y~REF*ZZ*A^:B~")
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        #expect(sink.string.contains("SE*6*0001~"))
        let result = try read(bytes: sink.bytes, splittingRepetitions: true)
        #expect(result.findings.isEmpty)
        #expect(
            Array(result.segments[3...6]) == [
                X12OwnedSegment("N1", ["ST", "", "92"]),
                X12OwnedSegment("PO1", ["1", "", .composite(["A", "", "B"])]),
                X12OwnedSegment("SLN", [.composite(["", "X"]), "", "Y"]),
                X12OwnedSegment("REF", ["ZZ", .repeated([["A"], ["", "B"]])]),
            ])
    }

    @Test(arguments: [[], [""], ["", ""], [X12Value.composite(["", ""])]] as [[X12Value]])
    func segmentWithoutDataIsRefused(elements: [X12Value]) throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        try writer.beginInterchange(Self.interchange)
        try writer.beginGroup(Self.group())
        try writer.beginTransaction("850")
        let before = writer.byteCount
        #expect { try writer.writeSegment("REF", elements) } throws: { ($0 as? X12Error)?.code == .invalidValue }
        #expect(writer.byteCount == before)
        try writer.endTransaction()
        try writer.flush()
        #expect(sink.string.hasSuffix("ST*850*0001~\nSE*2*0001~\n"))
    }

    @Test(arguments: ["", "R", "REFS", "R-F", "ré"])
    func invalidSegmentIDIsRefused(id: String) throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        try writer.beginInterchange(Self.interchange)
        let before = writer.byteCount
        #expect { try writer.writeSegment(id, ["A"]) } throws: { ($0 as? X12Error)?.code == .invalidValue }
        #expect(writer.byteCount == before)
    }

    // MARK: Delimiters in data

    struct DataCase: Sendable, CustomTestStringConvertible {
        var label: String
        var elements: [X12Value]
        var testDescription: String { self.label }
    }

    static let delimiterData: [DataCase] = [
        DataCase(label: "element separator", elements: ["ZZ", "A*B"]),
        DataCase(label: "component separator", elements: ["ZZ", "A:B"]),
        DataCase(label: "repetition separator", elements: ["ZZ", "A^B"]),
        DataCase(label: "terminator", elements: ["ZZ", "A~B"]),
        DataCase(label: "terminator at the end", elements: ["ZZ", "AB~"]),
        DataCase(label: "separator in a later element", elements: ["ZZ", "A", "B", "C*"]),
        DataCase(label: "separator in a component", elements: ["ZZ", .composite(["A", "B~C"])]),
        DataCase(label: "separator in a repetition", elements: ["ZZ", .repeated([["A"], ["B", "C*D"]])]),
        DataCase(label: "separator in the first element", elements: ["*", "A"]),
    ]

    /// A value holding an active delimiter is refused, and nothing of its segment is written.
    @Test(arguments: delimiterData)
    func valueWithADelimiterIsRefusedWhole(_ example: DataCase) throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        try writer.beginInterchange(Self.interchange(version: "00501"))
        try writer.beginGroup(Self.group(version: "005010"))
        try writer.beginTransaction("850")
        try writer.writeSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])
        let before = writer.byteCount
        let error = try #require(throws: X12Error.self) { try writer.writeSegment("REF", example.elements) }
        #expect(error.code == .delimiterInData)
        #expect(error.message.hasPrefix("REF0"))
        #expect(writer.byteCount == before)
        try writer.writeSegment("REF", ["ZZ", "OK"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        // The refused segment left no byte and was not counted.
        let text = sink.string
        #expect(text.contains("BEG*00*SA*PO-1**20240301~\nREF*ZZ*OK~\nSE*4*0001~\n"))
        let result = try read(bytes: sink.bytes)
        #expect(result.findings.isEmpty)
        #expect(result.segments.filter { $0.id == "REF" } == [X12OwnedSegment("REF", ["ZZ", "OK"])])
    }

    @Test func multiByteTerminatorInDataIsRefused() throws {
        let delimiters = X12Delimiters(element: 0x2A, component: 0x3A, repetition: nil, segment: Array("\u{2026}".utf8))
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink, delimiters: delimiters, lineEnding: .none)
        try writer.beginInterchange(Self.interchange)
        try writer.beginGroup(Self.group())
        try writer.beginTransaction("850")
        #expect { try writer.writeSegment("MSG", ["and so on\u{2026}"]) } throws: {
            ($0 as? X12Error)?.code == .delimiterInData
        }
        try writer.writeSegment("MSG", ["and so on"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        let result = try read(bytes: sink.bytes)
        #expect(result.findings.isEmpty)
        #expect(result.segments[3] == X12OwnedSegment("MSG", ["and so on"]))
    }

    /// A refused ST opens no set: the next ST is written and counted normally.
    @Test func refusedTransactionHeaderLeavesNoSetOpen() throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        try writer.beginInterchange(Self.interchange)
        try writer.beginGroup(Self.group())
        #expect { try writer.beginTransaction("8*0") } throws: { ($0 as? X12Error)?.code == .delimiterInData }
        #expect { try writer.endTransaction() } throws: { ($0 as? X12Error)?.code == .invalidState }
        try writer.beginTransaction("850")
        try writer.writeSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        #expect(!sink.string.contains("8*0"))
        let result = try read(bytes: sink.bytes)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.transactions == 1)
    }

    // MARK: Call order

    enum Misstep: String, CaseIterable, Sendable {
        case groupWithoutInterchange, transactionWithoutGroup, segmentWithoutInterchange
        case secondInterchange, secondGroup, secondTransaction
        case endTransactionWithoutOne, endGroupWithoutOne, endGroupWithOpenSet
        case endInterchangeWithoutOne, endInterchangeWithOpenGroup
    }

    @Test(arguments: Misstep.allCases)
    func wrongCallOrderIsAnInvalidState(_ misstep: Misstep) throws {
        let sink = MemoryByteSink()
        var writer = try Self.writer(sink)
        func open(_ depth: Int) throws {
            if depth >= 1 { try writer.beginInterchange(Self.interchange) }
            if depth >= 2 { try writer.beginGroup(Self.group()) }
            if depth >= 3 { try writer.beginTransaction("850") }
        }
        let before: Int
        let error: X12Error?
        switch misstep {
        case .groupWithoutInterchange:
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.beginGroup(Self.group()) }
        case .transactionWithoutGroup:
            try open(1)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.beginTransaction("850") }
        case .segmentWithoutInterchange:
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.writeSegment("BEG", ["00"]) }
        case .secondInterchange:
            try open(1)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.beginInterchange(Self.interchange) }
        case .secondGroup:
            try open(2)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.beginGroup(Self.group()) }
        case .secondTransaction:
            try open(3)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.beginTransaction("850") }
        case .endTransactionWithoutOne:
            try open(2)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.endTransaction() }
        case .endGroupWithoutOne:
            try open(1)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.endGroup() }
        case .endGroupWithOpenSet:
            try open(3)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.endGroup() }
        case .endInterchangeWithoutOne:
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.endInterchange() }
        case .endInterchangeWithOpenGroup:
            try open(2)
            before = writer.byteCount
            error = #expect(throws: X12Error.self) { try writer.endInterchange() }
        }
        #expect(error?.code == .invalidState)
        #expect(writer.byteCount == before)
    }

    // MARK: A failing sink

    /// A sink that takes `limit` bytes, then fails.
    final class FailingSink: ByteSink {
        var taken = 0
        let limit: Int
        init(limit: Int) { self.limit = limit }
        func write(_ bytes: UnsafeRawBufferPointer) throws(X12Error) {
            guard self.taken + bytes.count <= self.limit else { throw X12Error(.io, "disk full") }
            self.taken += bytes.count
        }
    }

    /// An I/O error while the buffer drains is reported, never lost, and nothing overruns
    /// the buffer afterwards.
    @Test(arguments: [0, 5_000])
    func sinkErrorIsReportedAndNothingOverruns(limit: Int) throws {
        let sink = FailingSink(limit: limit)
        var writer = try X12Writer(
            sink: sink, delimiters: .standard, lineEnding: .lf, controlNumbers: SequentialControlNumbers(),
            bufferSize: 4096)
        try writer.beginInterchange(Self.interchange)
        try writer.beginGroup(Self.group())
        try writer.beginTransaction("850")
        var failure: X12Error?
        // Segments larger than the buffer, then small ones: each must fail cleanly once the
        // sink has failed.
        for index in 0..<6 {
            let value = X12Value.simple(String(repeating: "X", count: index < 3 ? 10_000 : 10))
            do {
                try writer.writeSegment("MSG", [value])
            } catch {
                failure = error
            }
        }
        do {
            try writer.endTransaction()
            try writer.endGroup()
            try writer.endInterchange()
        } catch {
            failure = failure ?? error
        }
        #expect(failure?.code == .io)
        #expect(throws: X12Error.self) { try writer.flush() }
    }

    // MARK: Reading back

    @Test func readerReadsBackWhatTheWriterWrote() throws {
        let segments: [X12OwnedSegment] = [
            X12OwnedSegment("BEG", ["00", "SA", "PO-1", "", "20240301"]),
            X12OwnedSegment("REF", ["ZZ", .repeated([["A", "1"], ["B"]])]),
            X12OwnedSegment("PO1", ["1", "12", "EA", "9.95", "", "VP", "SKU 1"]),
            X12OwnedSegment("SLN", ["1", "", "I", "2", .composite(["EA", "", "X"])]),
            X12OwnedSegment("PID", ["F", "", "", "", "Red widget, 5 € each"]),
            X12OwnedSegment("CTT", ["1"]),
        ]
        for lineEnding in X12Writer.LineEnding.allCases {
            let bytes = try Self.document(segments, version: "00501", lineEnding: lineEnding)
            let result = try read(bytes: bytes, splittingRepetitions: true)
            #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
            #expect(Array(result.segments[3..<9]) == segments)
            #expect(result.trace.contains("end ST 0001 8"))
        }
    }
}
