import Foundation
import Testing
import X12

/// Focused tests of `X12Reader` with small inline documents.
@Suite struct ReaderTests {
    static let star = UInt8(ascii: "*")
    static let colon = UInt8(ascii: ":")
    static let tilde = UInt8(ascii: "~")
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    /// The segments after the ISA that `document` holds, as the reader should hand them out.
    static func expectedSegments(_ document: TestDocument, body: [String] = TestDocument.body) -> [X12OwnedSegment] {
        TestDocument.owned(document.envelope(body: body))
    }

    // MARK: Delimiter detection

    @Test func delimitersComeFromTheISA() throws {
        let result = try read(bytes: TestDocument().document())
        let header = try #require(result.headers.first)
        #expect(
            header.delimiters
                == X12Delimiters(element: Self.star, component: Self.colon, repetition: nil, segment: [Self.tilde]))
        #expect(header.standardsIdentifier == "U")
        #expect(header.version == "00401")
        #expect(header.controlNumber == "000000001")
        #expect(header.senderID == "SENDER")
        #expect(header.receiverID == "RECEIVER")
        #expect(header.byteOffset == 0)
        #expect(result.findings.isEmpty)
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(TestDocument()))
    }

    struct RepetitionCase: Sendable, CustomTestStringConvertible {
        var version: String
        var isa11: Character
        var repetition: Character?
        var warnings: Set<String>
        var testDescription: String { "\(self.version) ISA11 '\(self.isa11)'" }
    }

    /// ISA11 is a repetition separator only from 00402 on, and only when it is not a
    /// letter, digit or space.
    @Test(arguments: [
        RepetitionCase(version: "00401", isa11: "U", repetition: nil, warnings: []),
        RepetitionCase(version: "00401", isa11: "^", repetition: nil, warnings: []),
        RepetitionCase(version: "00501", isa11: "^", repetition: "^", warnings: []),
        RepetitionCase(version: "00501", isa11: "!", repetition: "!", warnings: []),
        RepetitionCase(version: "00501", isa11: "U", repetition: nil, warnings: ["legacyRepetitionSeparator"]),
        RepetitionCase(version: "00501", isa11: "0", repetition: nil, warnings: ["legacyRepetitionSeparator"]),
        RepetitionCase(version: "00402", isa11: "^", repetition: "^", warnings: ["unsupportedInterchangeVersion"]),
        RepetitionCase(version: "00400", isa11: "^", repetition: nil, warnings: ["unsupportedInterchangeVersion"]),
    ])
    func repetitionSeparatorDependsOnTheVersion(_ example: RepetitionCase) throws {
        var document = TestDocument()
        document.version = example.version
        document.isa11 = example.isa11.asciiValue!
        let result = try read(bytes: document.document())
        let header = try #require(result.headers.first)
        #expect(header.delimiters.repetition == example.repetition?.asciiValue)
        #expect(header.standardsIdentifier == String(example.isa11))
        #expect(result.errorCodes.isEmpty)
        #expect(result.warningCodes == example.warnings)
        if example.warnings.contains("legacyRepetitionSeparator") {
            let finding = try #require(result.findings(.legacyRepetitionSeparator).first)
            #expect(finding.location.segmentID == "ISA")
            #expect(finding.location.element == 11)
            #expect(finding.value == String(example.isa11))
        }
    }

    /// With `^` as the repetition separator, elements split on it when asked to.
    @Test func repetitionsSplitOnlyWhenAsked() throws {
        var document = TestDocument()
        document.version = "00501"
        document.isa11 = UInt8(ascii: "^")
        let body = ["REF*ZZ*A^B:C^D"]
        let split = try read(bytes: document.document(body: body), splittingRepetitions: true)
        #expect(split.segments[3] == X12OwnedSegment("REF", ["ZZ", .repeated([["A"], ["B", "C"], ["D"]])]))
        let whole = try read(bytes: document.document(body: body))
        #expect(whole.segments[3] == X12OwnedSegment("REF", ["ZZ", .composite(["A^B", "C^D"])]))
    }

    // MARK: Any byte as a delimiter

    struct DelimiterCase: Sendable, CustomTestStringConvertible {
        var label: String
        var element: UInt8 = UInt8(ascii: "*")
        var component: UInt8 = UInt8(ascii: ":")
        var terminator: [UInt8] = [UInt8(ascii: "~")]
        var suffix: [UInt8] = []
        var version = "00401"
        var isa11 = UInt8(ascii: "U")
        var testDescription: String { self.label }

        var document: TestDocument {
            var document = TestDocument()
            document.element = self.element
            document.component = self.component
            document.terminator = self.terminator
            document.suffix = self.suffix
            document.version = self.version
            document.isa11 = self.isa11
            let all = [self.element, self.component, self.isa11] + self.terminator + self.suffix
            if all.contains(0x20) { document.padding = UInt8(ascii: "0") }
            return document
        }
    }

    static let delimiterCases: [DelimiterCase] = [
        DelimiterCase(label: "BEL element separator", element: 0x07),
        DelimiterCase(label: "BEL terminator", terminator: [0x07]),
        DelimiterCase(
            label: "GS element, US component, FS terminator", element: 0x1D, component: 0x1F, terminator: [0x1C]),
        DelimiterCase(label: "FS element separator", element: 0x1C, terminator: [0x1D]),
        DelimiterCase(label: "space element separator", element: 0x20, suffix: [0x0A]),
        DelimiterCase(label: "space terminator", terminator: [0x20]),
        DelimiterCase(label: "space component separator", component: 0x20, suffix: [0x0D, 0x0A]),
        DelimiterCase(
            label: "pipe element, bang terminator", element: UInt8(ascii: "|"), terminator: [UInt8(ascii: "!")]),
        DelimiterCase(
            label: "bang element, dollar terminator", element: UInt8(ascii: "!"), terminator: [UInt8(ascii: "$")]),
        DelimiterCase(label: "dollar component", component: UInt8(ascii: "$"), suffix: [0x0A]),
        DelimiterCase(label: "LF terminator", terminator: [0x0A]),
        DelimiterCase(label: "LF element separator", element: 0x0A),
        DelimiterCase(label: "LF component separator", component: 0x0A),
        DelimiterCase(label: "TAB element separator", element: 0x09, suffix: [0x0A]),
        DelimiterCase(
            label: "0x1D repetition separator", element: UInt8(ascii: "|"), version: "00501", isa11: 0x1D),
        DelimiterCase(
            label: "LF repetition separator", version: "00501", isa11: 0x0A),
        DelimiterCase(
            label: "star component, colon element", element: UInt8(ascii: ":"), component: UInt8(ascii: "*"),
            terminator: [UInt8(ascii: ">")]),
    ]

    @Test(arguments: delimiterCases)
    func anyByteCanBeADelimiter(_ example: DelimiterCase) throws {
        let document = example.document
        let result = try read(bytes: document.document())
        let header = try #require(result.headers.first)
        #expect(header.delimiters.element == example.element)
        #expect(header.delimiters.component == example.component)
        #expect(header.delimiters.segment == example.terminator)
        #expect(header.delimiters.repetition == (example.version == "00501" ? example.isa11 : nil))
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect((result.interchanges, result.groups, result.transactions) == (1, 1, 1))
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document))
        // Chunk by chunk, the same.
        #expect(try read(bytes: document.document(), chunkSize: 1) == result)
    }

    /// U+2026 (three bytes) as the terminator; data with another character that starts with
    /// the same byte (€, E2 82 AC) is not cut there.
    @Test(arguments: [[], [0x0A], [0x0D, 0x0A]] as [[UInt8]])
    func multiByteTerminator(suffix: [UInt8]) throws {
        var document = TestDocument()
        document.terminator = Array("\u{2026}".utf8)
        document.suffix = suffix
        let body = ["BEG*00*SA*PO-1**20240301", "PID*F****5€ each"]
        let result = try read(bytes: document.document(body: body))
        #expect(result.headers.first?.delimiters.segment == [0xE2, 0x80, 0xA6])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document, body: body))
        for size in [1, 2, 3, 5] {
            #expect(try read(bytes: document.document(body: body), chunkSize: size) == result)
        }
    }

    // MARK: Line breaks and white space

    struct SuffixCase: Sendable, CustomTestStringConvertible {
        var label: String
        var suffix: [UInt8]
        /// Line of the n-th segment (0-based) after the ISA.
        var linePerSegment: Bool
        var testDescription: String { self.label }
    }

    @Test(arguments: [
        SuffixCase(label: "none", suffix: [], linePerSegment: false),
        SuffixCase(label: "CR", suffix: [0x0D], linePerSegment: false),
        SuffixCase(label: "LF", suffix: [0x0A], linePerSegment: true),
        SuffixCase(label: "CRLF", suffix: [0x0D, 0x0A], linePerSegment: true),
    ])
    func suffixAfterTheTerminatorIsSkipped(_ example: SuffixCase) throws {
        var document = TestDocument()
        document.suffix = example.suffix
        let bytes = document.document()
        let result = try read(bytes: bytes)
        #expect(result.findings.isEmpty)
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document))
        var lines: [Int] = []
        var offsets: [Int] = []
        try forEachSegment(in: bytes) { segment in
            lines.append(segment.line)
            offsets.append(segment.byteOffset)
        }
        #expect(lines == (example.linePerSegment ? Array(1...8) : Array(repeating: 1, count: 8)))
        // Each segment starts right after the previous terminator and its suffix.
        let step = 1 + example.suffix.count
        var expectedOffsets = [0, 105 + step]
        for template in document.envelope(body: TestDocument.body).dropLast() {
            expectedOffsets.append(expectedOffsets.last! + template.utf8.count + step)
        }
        #expect(offsets == expectedOffsets)
    }

    /// LF is the terminator (the ISA ends in LF), but the other lines end in CR LF: the CR
    /// is part of the line break, never of the data.
    @Test func crBeforeALineFeedTerminatorIsNotData() throws {
        var document = TestDocument()
        document.terminator = [0x0A]
        document.suffix = []
        var bytes = document.isa()
        for template in document.envelope(body: TestDocument.body) {
            bytes += document.segments([template]).dropLast() + [0x0D, 0x0A]
        }
        let result = try read(bytes: bytes)
        #expect(result.headers.first?.delimiters.segment == [0x0A])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document))
        #expect(!result.segments.contains { $0.description.contains("\r") })
        try forEachSegment(in: bytes) { segment in
            #expect(segment.bytes.last != 0x0D)
        }
    }

    /// CR LF after every segment, the ISA included: CR is the terminator and LF the suffix.
    @Test func crlfLinesMakeCRTheTerminator() throws {
        var document = TestDocument()
        document.terminator = [0x0D]
        document.suffix = [0x0A]
        let result = try read(bytes: document.document())
        #expect(result.headers.first?.delimiters.segment == [0x0D])
        #expect(result.findings.isEmpty)
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document))
    }

    @Test func leadingSpacesAndTabsAreSkipped() throws {
        let document = TestDocument()
        var bytes = Array(" \t\n  ".utf8) + document.isa()
        for (index, template) in document.envelope(body: TestDocument.body).enumerated() {
            bytes += Array(String(repeating: index % 2 == 0 ? "\t" : "  ", count: index % 4).utf8)
            bytes += document.segments([template])
        }
        let result = try read(bytes: bytes)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.headers.first?.byteOffset == 5)
        #expect(result.headers.first?.line == 2)
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document))
    }

    @Test func byteOrderMarkIsSkippedWithAnInfoFinding() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + TestDocument().document()
        let result = try read(bytes: bytes)
        #expect(result.errorCodes.isEmpty && result.warningCodes.isEmpty)
        #expect(result.findings.map(\.code) == [.byteOrderMark])
        #expect(result.findings.first?.severity == .info)
        #expect(result.headers.first?.byteOffset == 3)
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(TestDocument()))
    }

    @Test func interchangesCanChangeDelimiters() throws {
        var first = TestDocument()
        first.controlNumber = "000000001"
        var second = TestDocument()
        second.element = UInt8(ascii: "|")
        second.component = UInt8(ascii: ">")
        second.terminator = [UInt8(ascii: "!")]
        second.suffix = [0x0D, 0x0A]
        second.version = "00501"
        second.isa11 = UInt8(ascii: "^")
        second.controlNumber = "000000002"
        var third = TestDocument()
        third.element = 0x1D
        third.component = 0x1F
        third.terminator = [0x1C]
        third.suffix = []
        third.controlNumber = "000000003"
        let documents = [first, second, third]
        let result = try read(bytes: documents.flatMap { $0.document() })
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect((result.interchanges, result.groups, result.transactions) == (3, 3, 3))
        #expect(
            result.headers.map(\.delimiters) == [
                X12Delimiters(element: 0x2A, component: 0x3A, repetition: nil, segment: [0x7E]),
                X12Delimiters(element: 0x7C, component: 0x3E, repetition: 0x5E, segment: [0x21]),
                X12Delimiters(element: 0x1D, component: 0x1F, repetition: nil, segment: [0x1C]),
            ])
        #expect(result.headers.map(\.controlNumber) == ["000000001", "000000002", "000000003"])
        let expected = documents.flatMap { [nil] + Self.expectedSegments($0).map(Optional.some) }
        #expect(result.segments.map { $0.id == "ISA" ? nil : $0 } == expected)
    }

    // MARK: Positions

    @Test func segmentPositionsOffsetsAndLines() throws {
        let document = TestDocument()
        let bytes = document.document()
        var seen: [(id: String, position: Int, offset: Int, line: Int)] = []
        try forEachSegment(in: bytes) { segment in
            seen.append((segment.idString, segment.position, segment.byteOffset, segment.line))
        }
        #expect(seen.map(\.id) == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        // ST is 1 and SE the number of segments in the set; the envelope outside is 0.
        #expect(seen.map(\.position) == [0, 0, 1, 2, 3, 4, 0, 0])
        #expect(seen.map(\.line) == Array(1...8))
        for entry in seen {
            // The offset points at the segment id in the input.
            #expect(Array(bytes[entry.offset..<(entry.offset + entry.id.utf8.count)]) == Array(entry.id.utf8))
            #expect(entry.offset == 0 || bytes[entry.offset - 1] == 0x0A)
        }
        let result = try read(bytes: bytes)
        #expect(result.trace.contains("end ST 0001 4"))
        #expect(result.trace.contains("end GS 1 1"))
        #expect(result.trace.contains("end ISA 000000001 1"))
    }

    @Test func positionsRestartInEverySet() throws {
        let body = ["BEG*00*SA*PO-1**20240301", "SE*3*0001", "ST*850*0002", "BEG*00*SA*PO-2**20240301", "REF*ZZ*X"]
        var document = TestDocument()
        document.suffix = []
        let templates =
            ["GS*PO*SENDER*RECEIVER*20240301*1200*1*X*004010", "ST*850*0001"] + body
            + ["SE*4*0002", "GE*2*1", "IEA*1*000000001"]
        let bytes = document.isa() + document.segments(templates)
        var positions: [Int] = []
        try forEachSegment(in: bytes) { positions.append($0.position) }
        #expect(positions == [0, 0, 1, 2, 3, 1, 2, 3, 4, 0, 0])
        let result = try read(bytes: bytes)
        #expect(result.findings.isEmpty)
        #expect(result.transactions == 2)
    }

    // MARK: Element access

    @Test func elementAndComponentAccess() throws {
        var document = TestDocument()
        document.version = "00501"
        document.isa11 = UInt8(ascii: "^")
        let body = ["PO1*1*0042*EA*9.5**VN*AB:CD::EF*123456789012345678*1234567890123456789*R1^R2"]
        var checked = false
        try forEachSegment(in: document.document(body: body)) { segment in
            guard segment.id == "PO1" else { return }
            checked = true
            #expect(segment.idString == "PO1")
            #expect(segment.elementCount == 10)
            #expect(segment.element(at: 0) == nil)
            #expect(segment.element(at: 11) == nil)
            #expect(segment.element(at: -1) == nil)
            let quantity = try #require(segment.element(at: 2))
            #expect(quantity.string == "0042")
            #expect(quantity.unsignedValue == 42)
            #expect(quantity.hasValue("0042"))
            #expect(!quantity.hasValue("42"))
            #expect(!quantity.hasValue("00421"))
            #expect(segment.element(at: 4)?.unsignedValue == nil)  // 9.5
            let empty = try #require(segment.element(at: 5))
            #expect(empty.isEmpty)
            #expect(empty.string == "")
            #expect(empty.unsignedValue == nil)
            #expect(empty.hasValue(""))
            #expect(segment.element(at: 3)?.hasValue("EA") == true)
            #expect(segment.element(at: 3)?.hasValue("E") == false)
            let composite = try #require(segment.element(at: 7))
            #expect(composite.componentCount == 4)
            #expect(composite.component(at: 0) == nil)
            #expect(composite.component(at: 1)?.string == "AB")
            #expect(composite.component(at: 2)?.string == "CD")
            #expect(composite.component(at: 3)?.isEmpty == true)
            #expect(composite.component(at: 4)?.string == "EF")
            #expect(composite.component(at: 4)?.hasValue("EF") == true)
            #expect(composite.component(at: 5) == nil)
            let simple = try #require(segment.element(at: 6))
            #expect(simple.componentCount == 1)
            #expect(simple.component(at: 1)?.string == "VN")
            #expect(simple.component(at: 2) == nil)
            #expect(segment.element(at: 8)?.unsignedValue == 123_456_789_012_345_678)
            #expect(segment.element(at: 9)?.unsignedValue == nil)  // 19 digits
            let repeated = try #require(segment.element(at: 10))
            #expect(repeated.string == "R1^R2")
            #expect(repeated.value(splittingRepetitions: true) == .repeated([["R1"], ["R2"]]))
            #expect(repeated.value() == .simple("R1^R2"))
            #expect(String(decoding: segment.bytes, as: UTF8.self) == body[0])
            #expect(segment.copy() == TestDocument.owned(body)[0])
        }
        #expect(checked)
    }

    /// ISA elements are all simple: ISA16 is the component separator itself, not a
    /// composite of two empty components.
    @Test func isaElementsAreNotSplit() throws {
        var document = TestDocument()
        document.version = "00501"
        document.isa11 = UInt8(ascii: "^")
        let result = try read(bytes: document.document(), splittingRepetitions: true)
        let isa = try #require(result.segments.first)
        #expect(isa.elements.count == 16)
        #expect(isa.elements[10] == .simple("^"))
        #expect(isa.elements[15] == .simple(":"))
        #expect(isa.elements[5] == .simple("SENDER         "))
    }

    // MARK: Limits

    @Test(arguments: [1, 7, 65_536], [65, 70, 127, 128, 129, 500, 5_000])
    func overlongSegmentIsSkipped(chunkSize: Int, length: Int) throws {
        var configuration = X12Reader.Configuration()
        configuration.maximumSegmentLength = 64
        let long = "MSG*" + String(repeating: "X", count: length - 4)
        let body = ["BEG*00*SA*PO-1**20240301", long, "REF*ZZ*AFTER"]
        let bytes = TestDocument().document(body: body)
        let result = try read(bytes: bytes, chunkSize: chunkSize, configuration: configuration)
        #expect(result.errorCodes == ["segmentTooLong"], "\(result.findings.map(\.description))")
        #expect(result.warningCodes.isEmpty)
        let finding = try #require(result.findings(.segmentTooLong).first)
        #expect(finding.location.line == 5)
        #expect(finding.location.transaction == "0001")
        #expect(finding.message.contains("\(length) bytes"))
        #expect(finding.acknowledgment == .ak304("8"))
        // The next segment is read, and the skipped one still counts for SE01.
        #expect(result.segments.map(\.id) == ["ISA", "GS", "ST", "BEG", "REF", "SE", "GE", "IEA"])
        #expect(result.segments[4] == X12OwnedSegment("REF", ["ZZ", "AFTER"]))
        #expect(result.trace.contains("end ST 0001 5"))
    }

    /// An over-long segment that the input ends inside (no terminator) is reported, located, without reading
    /// the bytes already let go (this read before the buffer and crashed).
    @Test(arguments: [1, 7, 100, 65_536])
    func inputEndingInsideAnOverlongSegmentIsReported(chunkSize: Int) throws {
        var configuration = X12Reader.Configuration()
        configuration.maximumSegmentLength = 64
        var bytes = TestDocument().document(body: ["BEG*00*SA*PO-1**20240301"])
        bytes = Array(bytes[..<(bytes.firstIndex(of: UInt8(ascii: "B"))!)])
        bytes += Array(("MSG*" + String(repeating: "X", count: 5_000)).utf8)
        let result = try read(bytes: bytes, chunkSize: chunkSize, configuration: configuration)
        let finding = try #require(result.findings(.unexpectedEndOfInput).first)
        #expect(finding.message.contains("longer than the limit of 64 bytes"))
        #expect(finding.location.line == 4)
        #expect(finding.location.byteOffset == bytes.count - 5_004)
    }

    /// A segment of exactly the limit is read.
    @Test(arguments: [1, 65_536])
    func segmentAtTheLimitIsRead(chunkSize: Int) throws {
        var configuration = X12Reader.Configuration()
        configuration.maximumSegmentLength = 64
        let exact = "MSG*" + String(repeating: "X", count: 60)
        let result = try read(
            bytes: TestDocument().document(body: [exact]), chunkSize: chunkSize, configuration: configuration)
        #expect(result.findings.isEmpty)
        #expect(result.segments[3] == X12OwnedSegment("MSG", [.simple(String(repeating: "X", count: 60))]))
    }

    @Test(arguments: [1, 65_536])
    func segmentWithTooManyElementsIsSkipped(chunkSize: Int) throws {
        var configuration = X12Reader.Configuration()
        configuration.maximumElementsPerSegment = 8
        let wide = "REF" + String(repeating: "*A", count: 12)
        let body = ["BEG*00*SA*PO-1**20240301", wide, "REF*ZZ*AFTER", "REF" + String(repeating: "*B", count: 8)]
        let result = try read(
            bytes: TestDocument().document(body: body), chunkSize: chunkSize, configuration: configuration)
        #expect(result.errorCodes == ["tooManyElements"], "\(result.findings.map(\.description))")
        let finding = try #require(result.findings(.tooManyElements).first)
        #expect(finding.location.line == 5)
        #expect(finding.message == "segment has 12 elements, more than the limit of 8")
        #expect(result.segments.map(\.id) == ["ISA", "GS", "ST", "BEG", "REF", "REF", "SE", "GE", "IEA"])
        #expect(result.segments[4] == X12OwnedSegment("REF", ["ZZ", "AFTER"]))
        #expect(result.segments[5].elements.count == 8)
        #expect(result.trace.contains("end ST 0001 6"))
    }

    // MARK: What is not X12

    @Test(arguments: [
        "hello, this is not EDI\n",
        "",
        "ISA",
        "IS",
        "ISAAC NEWTON\n",
        "GS*PO*A*B*20240301*1200*1*X*004010~\n",
    ])
    func notX12IsAnErrorFinding(text: String) throws {
        for size in [1, 65_536] {
            let result = try read(bytes: Array(text.utf8), chunkSize: size)
            #expect(result.interchanges == 0)
            #expect(result.segments.isEmpty)
            #expect(result.errorCodes == ["notX12"])
            #expect(result.findings.count == 1)
            #expect(result.findings.first?.location.line == 1)
            #expect(result.findings.first?.location.byteOffset == 0)
        }
    }

    @Test func binaryInputDoesNotCrash() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20 {
            let bytes = (0..<Int.random(in: 0..<3_000, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let result = try read(bytes: bytes, chunkSize: 7)
            #expect(result.interchanges == 0)
            #expect(result.errorCodes == ["notX12"])
        }
    }

    @Test func inputCutInsideTheISAIsAnError() throws {
        let isa = TestDocument().isa()
        for cut in [4, 50, 104, 105] {
            let result = try read(bytes: Array(isa.prefix(cut)))
            #expect(
                result.errorCodes.contains("unexpectedEndOfInput"),
                "cut at \(cut): \(result.findings.map(\.description))")
            #expect(!result.errorCodes.contains("notX12"))
        }
    }

    @Test func textBeforeTheISAIsLeadingGarbage() throws {
        let bytes = Array("garbage\nmore garbage\n".utf8) + TestDocument().document()
        for size in [1, 65_536] {
            let result = try read(bytes: bytes, chunkSize: size)
            #expect(result.errorCodes == ["leadingGarbage"])
            let finding = try #require(result.findings.first)
            #expect(finding.code == .leadingGarbage)
            #expect(finding.location.byteOffset == 0)
            #expect(finding.location.line == 1)
            #expect(finding.value == "garbage\nmore garbage\n")
            #expect(result.headers.first?.byteOffset == 21)
            #expect(result.headers.first?.line == 3)
            #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(TestDocument()))
        }
    }

    @Test func textAfterTheLastIEAIsReported() throws {
        let bytes = TestDocument().document() + Array("trailing junk\n".utf8)
        let result = try read(bytes: bytes)
        #expect(result.errorCodes == ["unexpectedSegment"])
        #expect(result.findings.first?.value == "trailing junk\n")
        #expect(result.interchanges == 1)
    }

    // MARK: A missing ISA16

    /// `…*T*~` + LF: ISA16 was left out, so `~` is the terminator (not the component
    /// separator with LF as the terminator).
    @Test func missingISA16MakesTheTildeTheTerminator() throws {
        var document = TestDocument()
        document.component = nil
        let body = ["BEG*00*SA*PO-1**20240301", "PO1*1*2*EA*9.5**VN*ABCD"]
        let result = try read(bytes: document.document(body: body))
        let header = try #require(result.headers.first)
        #expect(
            header.delimiters
                == X12Delimiters(element: Self.star, component: nil, repetition: nil, segment: [Self.tilde]))
        #expect(result.errorCodes.isEmpty)
        #expect(result.warningCodes == ["missingComponentSeparator", "isaLength"])
        let finding = try #require(result.findings(.missingComponentSeparator).first)
        #expect(finding.location.segmentID == "ISA")
        #expect(finding.location.element == 16)
        #expect(finding.acknowledgment == .ta105("027"))
        #expect(Array(result.segments.dropFirst()) == Self.expectedSegments(document, body: body))
        #expect(result.segments[1].elements.last == "004010")
    }

    // MARK: Secrets

    struct SecretCase: Sendable, CustomTestStringConvertible {
        var label: String
        var document: TestDocument
        var tail: [UInt8] = []
        var testDescription: String { self.label }
    }

    static let authorization = "S3CRETAUTH"
    static let security = "PA55W0RDXY"

    static let secretCases: [SecretCase] = {
        var plain = TestDocument()
        plain.authorization = authorization
        plain.security = security
        var badValues = plain
        badValues.date = "999999"
        badValues.version = "0040X"
        badValues.controlNumber = "00000000A"
        var terminatorInside = plain
        terminatorInside.security = "PA55~W0RDX"
        terminatorInside.authorization = "S3CR~TAUTH"
        var lineFeedInside = plain
        lineFeedInside.terminator = [0x0A]
        lineFeedInside.suffix = []
        lineFeedInside.authorization = "S3CR\nTAUTH"
        lineFeedInside.security = "PA55\nW0RDX"
        var separatorInside = plain
        separatorInside.authorization = "S3CR*TAUTH"
        var nonASCII = plain
        nonASCII.authorization = "S3CRÉTAUTH"
        return [
            SecretCase(label: "valid header", document: plain),
            SecretCase(label: "bad date, version and control number", document: badValues),
            SecretCase(label: "terminator inside ISA02 and ISA04", document: terminatorInside),
            SecretCase(label: "LF terminator inside ISA02 and ISA04", document: lineFeedInside),
            SecretCase(label: "element separator inside ISA02", document: separatorInside),
            SecretCase(label: "non-ASCII ISA02", document: nonASCII),
            SecretCase(label: "input cut after ISA04", document: plain, tail: []),
        ]
    }()

    /// ISA02 and ISA04 never appear in any finding, whatever goes wrong with the header.
    @Test(arguments: secretCases)
    func authorizationAndSecurityNeverAppearInFindings(_ example: SecretCase) throws {
        var bytes = example.document.document()
        if example.label.hasPrefix("input cut") { bytes = Array(bytes.prefix(40)) }
        let result = try read(bytes: bytes, name: "secret.edi")
        #expect(!result.findings.isEmpty || example.label == "valid header")
        let secrets = [Self.authorization, Self.security, "S3CR", "TAUTH", "PA55", "W0RDX"]
        for finding in result.findings {
            for secret in secrets {
                #expect(!finding.description.contains(secret), "\(finding)")
                #expect(!finding.message.contains(secret), "\(finding)")
                #expect(!(finding.value ?? "").contains(secret), "\(finding)")
            }
        }
        // The header keeps neither (unless a separator inside ISA02 shifted the fields).
        for header in result.headers where !example.label.hasPrefix("element separator") {
            #expect(!"\(header)".contains("S3CR") && !"\(header)".contains("PA55"))
        }
    }

    // MARK: Finding descriptions

    @Test func findingDescriptionNamesFileLineEnvelopeAndPosition() throws {
        let body = ["BEG*00*SA*PO-1**20240301", "PO1*1*2*EA*9.5**VN*AB:CD"]
        var document = TestDocument()
        document.controlNumber = "000000457"
        var templates = document.envelope(body: body)
        templates[0] = "GS*PO*SENDER*RECEIVER*20240301*1200*12*X*004010"
        templates[4] = "SE*9*0001"
        templates[5] = "GE*1*12"
        let bytes = document.isa() + document.segments(templates)
        let result = try read(bytes: bytes, name: "orders.edi")
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.code == .segmentCountMismatch)
        #expect(finding.acknowledgment == .ak502("4"))
        let offset = bytes.count - "SE*9*0001~\nGE*1*12~\nIEA*1*000000457~\n".utf8.count
        #expect(finding.location.byteOffset == offset)
        #expect(
            finding.description
                == "orders.edi:6: error: SE01 says 9 segments, the set has 4 (ST and SE included) "
                + "(ISA13 000000457, GS06 12, ST02 0001, segment 4 SE01, byte \(offset)) [segmentCountMismatch]")
        // Without a file name, the line comes first.
        let unnamed = try #require(try read(bytes: bytes).findings.first)
        #expect(unnamed.description.hasPrefix("6: error: SE01 says 9 segments"))
    }

    @Test func findingDescriptionOfAHeaderFinding() throws {
        var document = TestDocument()
        document.version = "00400"
        let result = try read(bytes: document.document(), name: "old.edi")
        let finding = try #require(result.findings.first)
        #expect(
            finding.description
                == "old.edi:1: warning: ISA12 version 00400 is neither 00401 nor 00501; read with the 00401 rules "
                + "(ISA13 000000001, ISA12, byte 0) [unsupportedInterchangeVersion]")
    }
}
