import Testing
import X12

/// The reader's fast scan (whole 64-byte blocks in the buffer, one-byte terminator) and the
/// writer's inlined element path must give exactly what the general paths give.
@Suite struct FastPathTests {
    /// Delimiter sets the fast scan must handle like the general one.
    struct Setup: CustomTestStringConvertible, Sendable {
        var name: String
        var element: UInt8
        var component: UInt8
        var terminator: [UInt8]
        var suffix: [UInt8]
        var testDescription: String { self.name }

        static let all = [
            Setup(name: "~ and LF", element: 0x2A, component: 0x3A, terminator: [0x7E], suffix: [0x0A]),
            Setup(name: "~ and CRLF", element: 0x2A, component: 0x3A, terminator: [0x7E], suffix: [0x0D, 0x0A]),
            Setup(name: "LF terminator", element: 0x2A, component: 0x3A, terminator: [0x0A], suffix: []),
            Setup(name: "CRLF terminator", element: 0x2A, component: 0x3A, terminator: [0x0A], suffix: []),
            Setup(name: "control characters", element: 0x1D, component: 0x1F, terminator: [0x1C], suffix: []),
            Setup(name: "NUL padding", element: 0x2A, component: 0x3A, terminator: [0x7E], suffix: [0x00, 0x0A]),
            Setup(
                name: "U+2026 terminator", element: 0x2A, component: 0x3A, terminator: [0xE2, 0x80, 0xA6], suffix: []),
        ]
    }

    /// A body of 400 segments: short and long (past 64 and 128 bytes), empty elements, line
    /// feeds inside data (where LF is not a delimiter), an invalid id, too many elements and
    /// an over-long segment for the limits used below.
    static func body(_ setup: Setup) -> [String] {
        let lineFeedInData = setup.terminator != [0x0A]
        var body: [String] = []
        for index in 0..<400 {
            switch index % 9 {
            case 0: body.append("REF*ZZ*\(index)")
            case 1: body.append("N1*ST*" + String(repeating: "LONG NAME ", count: index % 20) + "*92*\(index)")
            case 2: body.append("PO1*\(index)*2*EA*9.5**VN*AB:CD*BP*" + String(repeating: "X", count: 70))
            case 3: body.append(lineFeedInData ? "MSG*LINE ONE\nLINE TWO*\(index)" : "MSG*ONE LINE*\(index)")
            case 4: body.append("DTM*002*20240301")
            case 5 where index == 41: body.append("B@D*1")
            case 5 where index == 149: body.append("TOO" + String(repeating: "*E", count: 40))
            case 5 where index == 302: body.append("N9*L1*" + String(repeating: "Y", count: 300))
            case 6: body.append("PID*F****" + String(repeating: "DESCRIPTION ", count: 3))
            default: body.append("CTT*\(index)")
            }
        }
        return body
    }

    static func document(_ setup: Setup) -> [UInt8] {
        var document = TestDocument()
        document.element = setup.element
        document.component = setup.component
        document.terminator = setup.terminator
        document.suffix = setup.suffix
        var bytes = document.document(body: Self.body(setup))
        if setup.name == "CRLF terminator" {
            // CR LF after every segment, with LF as the terminator.
            var withCR: [UInt8] = []
            for byte in bytes {
                if byte == 0x0A { withCR.append(0x0D) }
                withCR.append(byte)
            }
            bytes = withCR
        }
        return bytes
    }

    @Test(arguments: Setup.all)
    func fastAndGeneralScansAgree(_ setup: Setup) throws {
        let bytes = Self.document(setup)
        var configuration = X12Reader.Configuration()
        configuration.maximumElementsPerSegment = 30
        configuration.maximumSegmentLength = 256
        // Large chunks: most segments take the fast scan. One-byte and seven-byte chunks:
        // blocks never fill, so every segment takes the general one.
        let fast = try read(bytes: bytes, chunkSize: 65_536, configuration: configuration)
        for size in [1, 7, 100] {
            let general = try read(bytes: bytes, chunkSize: size, configuration: configuration)
            #expect(fast == general, "chunk size \(size): \(ChunkingTests.difference(fast, general))")
        }
        #expect(fast.segments.count > 390)
        // Skipped segments still count for SE01.
        #expect(fast.errorCodes == ["invalidSegmentID", "tooManyElements", "segmentTooLong"])
    }

    /// Every segment's line is one more than the line feeds before it, across chunk and
    /// block boundaries and with line feeds inside data.
    @Test func lineNumbersCountEveryLineFeed() throws {
        var document = TestDocument()
        var body: [String] = []
        for index in 0..<3_000 {
            body.append(
                index % 5 == 0
                    ? "MSG*FIRST\nSECOND\n\nFOURTH*\(index)"
                    : "REF*ZZ*\(index)*" + String(repeating: "Q", count: index % 90))
        }
        document.suffix = [0x0A]
        let bytes = document.document(body: body)
        #expect(bytes.count > 131_072)
        // The line at every offset, counted here byte by byte.
        var lines: [Int] = []
        lines.reserveCapacity(bytes.count)
        var line = 1
        for byte in bytes {
            lines.append(line)
            if byte == 0x0A { line += 1 }
        }
        for chunkSize in [65_536, 4_096, 3] {
            var configuration = X12Reader.Configuration()
            configuration.chunkSize = chunkSize
            var checked = 0
            try forEachSegment(in: bytes, configuration: configuration) { segment in
                #expect(segment.line == lines[segment.byteOffset], "\(segment.idString) at \(segment.byteOffset)")
                checked += 1
            }
            #expect(checked == 3_006)
        }
    }

    /// Ids of every byte value: only letters and digits make a segment id.
    @Test func onlyLettersAndDigitsMakeAnID() throws {
        var templates: [String] = []
        var expected: Set<String> = []
        var invalid = 0
        for byte in UInt8(0x21)...UInt8(0x7E) where !"*:~^".utf8.contains(byte) {
            let character = String(UnicodeScalar(byte))
            for id in ["Z\(character)", "Z\(character)9", "\(character)Z"] {
                templates.append("\(id)*1")
                if id.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) {
                    expected.insert(id)
                } else {
                    invalid += 1
                }
            }
        }
        let bytes = TestDocument().document(body: templates)
        let result = try read(bytes: bytes)
        let ids = Set(result.segments.map(\.id)).subtracting(["ISA", "GS", "ST", "SE", "GE", "IEA"])
        #expect(ids == expected)
        #expect(result.findings(.invalidSegmentID).count == invalid)
    }

    /// The inlined `appendElement(bytes:)` writes what `writeSegment` writes, held empties,
    /// long values and a growing buffer included, and refuses a delimiter in data.
    @Test func elementBytesAreWrittenLikeValues() throws {
        var segments: [X12OwnedSegment] = []
        for index in 0..<2_000 {
            segments.append(
                X12OwnedSegment(
                    "N\(index % 10)",
                    [
                        .simple("A\(index)"), "", "", .simple(String(repeating: "L", count: index % 50)),
                        .simple(String(repeating: "B", count: 1 + index % 40)), "",
                    ]))
        }
        let expected = try WriterTests.document(segments)
        let sink = MemoryByteSink()
        var writer = try X12Writer(
            sink: sink, delimiters: .standard, lineEnding: .lf, controlNumbers: SequentialControlNumbers(),
            bufferSize: 4_096)
        try writer.beginInterchange(WriterTests.interchange(version: "00401"))
        try writer.beginGroup(WriterTests.group(version: "004010"))
        try writer.beginTransaction("850")
        for segment in segments {
            try writer.beginSegment(segment.id)
            for element in segment.elements {
                var text = element.text
                text.withUTF8 { writer.appendElement(bytes: UnsafeRawBufferPointer($0)) }
            }
            try writer.endSegment()
        }
        // A delimiter in data: the whole segment is refused, nothing of it written.
        try writer.beginSegment("REF")
        var bad = "OK*NOT"
        bad.withUTF8 { writer.appendElement(bytes: UnsafeRawBufferPointer($0)) }
        #expect(throws: X12Error.self) { try writer.endSegment() }
        try writer.endTransaction()
        try writer.endGroup()
        try writer.endInterchange()
        #expect(sink.bytes == expected)
    }
}
