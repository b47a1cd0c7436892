import Foundation
import Glibc
import Testing

@testable import X12

/// Tests of the input layer: reading files, transcoding with iconv, detecting the
/// character set of an interchange.
@Suite struct InputTests {
    // MARK: Transcoding

    @Test func latin1IsConvertedToUTF8() throws {
        let latin1: [UInt8] = [0x43, 0x72, 0xE8, 0x6D, 0x65]  // "Crème"
        let source = try TranscodingByteSource(MemoryByteSource(latin1), from: "ISO-8859-1")
        #expect(try readAll(source) == Array("Crème".utf8))
    }

    @Test(arguments: ["IBM037", "ibm037", "CP037", "IBM500"])
    func ebcdicIsConvertedToUTF8(encoding: String) throws {
        let ebcdic: [UInt8] = [0xC9, 0xE2, 0xC1, 0x5C, 0xF0, 0xF0]  // "ISA*00", the same in 037 and 500
        let source = try TranscodingByteSource(MemoryByteSource(ebcdic), from: encoding)
        #expect(try readAll(source) == Array("ISA*00".utf8))
    }

    @Test(arguments: Sample.encodings, [1, 2, 7, 106, 65_536])
    func chunkingDoesNotChangeOutput(encoding: Sample.Encoding, chunkSize: Int) throws {
        let text = Sample.text(for: encoding)
        let base = ChunkingByteSource(MemoryByteSource(Sample.encode(text, as: encoding)), chunkSize: chunkSize)
        let source = try TranscodingByteSource(base, from: encoding.name)
        #expect(try readAll(source, bufferSize: chunkSize) == Array(text.utf8))
    }

    /// Buffers of 16 bytes make `iconv` stop on a full output buffer (`E2BIG`) and on a
    /// character split at the end of the input buffer (`EINVAL`) many times per segment.
    @Test(arguments: Sample.encodings, [1, 3, 16])
    func smallBuffersDoNotChangeOutput(encoding: Sample.Encoding, chunkSize: Int) throws {
        let text = Sample.text(for: encoding)
        let base = ChunkingByteSource(MemoryByteSource(Sample.encode(text, as: encoding)), chunkSize: chunkSize)
        let source = try TranscodingByteSource(
            base,
            from: encoding.name,
            startingAt: 0,
            inputCapacity: 16,
            outputCapacity: 16
        )
        #expect(try readAll(source, bufferSize: 5) == Array(text.utf8))
    }

    struct InvalidInput: Sendable, CustomTestStringConvertible {
        let label: String
        let encoding: String
        let bytes: [UInt8]
        /// Where the first byte that is not part of a character sits.
        let byteOffset: Int
        var testDescription: String { self.label }
    }

    static let invalidInputs: [InvalidInput] = [
        // "IS", then a low surrogate with no high surrogate before it.
        InvalidInput(
            label: "lone low surrogate",
            encoding: "UTF-16LE",
            bytes: [0x49, 0x00, 0x53, 0x00, 0x00, 0xDC, 0x41, 0x00],
            byteOffset: 4
        ),
        // "I", then a high surrogate followed by "A" instead of a low surrogate.
        InvalidInput(
            label: "lone high surrogate",
            encoding: "UTF-16BE",
            bytes: [0x00, 0x49, 0xD8, 0x00, 0x00, 0x41],
            byteOffset: 2
        ),
        // "ISA" in EBCDIC, then 0x41, which EBCDIC-US leaves undefined.
        InvalidInput(
            label: "undefined EBCDIC byte",
            encoding: "EBCDIC-US",
            bytes: [0xC9, 0xE2, 0xC1, 0x41, 0xC9],
            byteOffset: 3
        ),
        InvalidInput(
            label: "byte above 0x7F in ASCII",
            encoding: "ASCII",
            bytes: [0x49, 0x53, 0x41, 0x80],
            byteOffset: 3
        ),
        // "IS", then half of a UTF-16 code unit at the end of the input.
        InvalidInput(
            label: "truncated character",
            encoding: "UTF-16LE",
            bytes: [0x49, 0x00, 0x53, 0x00, 0x41],
            byteOffset: 4
        ),
        // "I", then a surrogate pair cut after its high half.
        InvalidInput(
            label: "truncated surrogate pair",
            encoding: "UTF-16LE",
            bytes: [0x49, 0x00, 0x3D, 0xD8],
            byteOffset: 2
        ),
    ]

    @Test(arguments: invalidInputs, [1, 2, 65_536])
    func invalidInputThrowsWithItsOffset(input: InvalidInput, chunkSize: Int) throws {
        let base = ChunkingByteSource(MemoryByteSource(input.bytes), chunkSize: chunkSize)
        let source = try TranscodingByteSource(base, from: input.encoding)
        let error = #expect(throws: X12Error.self) { try readAll(source) }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.byteOffset == input.byteOffset)
        #expect(error?.message.contains(input.encoding) == true)
    }

    @Test(arguments: ["NOT-A-CHARSET", "klingon", ""])
    func unknownEncodingIsUnsupported(name: String) {
        let error = #expect(throws: X12Error.self) {
            _ = try TranscodingByteSource(MemoryByteSource("ISA"), from: name)
        }
        #expect(error?.code == .unsupportedEncoding)
        let viaInput = #expect(throws: X12Error.self) {
            _ = try X12Input.open(source: MemoryByteSource("ISA"), encoding: name)
        }
        #expect(viaInput?.code == .unsupportedEncoding)
    }

    /// Converts 8 MiB without holding it: the input is generated as it is read, and the
    /// output is checked as it comes out.
    @Test func multiMegabyteTranscodingStaysCorrect() throws {
        let repetitions = 8 * 1024 * 1024 / 3
        // "A", "B", "é" in ISO-8859-1, which is "A", "B", C3 A9 in UTF-8.
        let base = RepeatingByteSource(pattern: [0x41, 0x42, 0xE9], count: repetitions)
        let source = try TranscodingByteSource(base, from: "ISO-8859-1")
        let expected: [UInt8] = [0x41, 0x42, 0xC3, 0xA9]
        var total = 0
        var mismatches = 0
        var buffer = [UInt8](repeating: 0, count: 10_000)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            for byte in buffer[..<count] {
                if byte != expected[total % expected.count] { mismatches += 1 }
                total += 1
            }
        }
        #expect(total == repetitions * expected.count)
        #expect(mismatches == 0)
    }

    // MARK: Detection

    struct Detection: Sendable, CustomTestStringConvertible {
        let label: String
        let prefix: [UInt8]
        let encoding: String?
        var testDescription: String { self.label }
    }

    static let detections: [Detection] = [
        Detection(label: "UTF-16LE BOM", prefix: [0xFF, 0xFE, 0x49, 0x00], encoding: "UTF-16LE"),
        Detection(label: "UTF-16BE BOM", prefix: [0xFE, 0xFF, 0x00, 0x49], encoding: "UTF-16BE"),
        Detection(label: "UTF-16LE ISA", prefix: [0x49, 0x00, 0x53, 0x00], encoding: "UTF-16LE"),
        Detection(label: "UTF-16BE ISA", prefix: [0x00, 0x49, 0x00, 0x53], encoding: "UTF-16BE"),
        Detection(label: "EBCDIC ISA", prefix: [0xC9, 0xE2, 0xC1, 0x5C], encoding: "IBM037"),
        Detection(label: "EBCDIC ISA, 3 bytes", prefix: [0xC9, 0xE2, 0xC1], encoding: "IBM037"),
        Detection(label: "ASCII ISA", prefix: Array("ISA*".utf8), encoding: nil),
        Detection(label: "UTF-8 BOM", prefix: [0xEF, 0xBB, 0xBF, 0x49], encoding: nil),
        Detection(label: "short", prefix: [0x49, 0x00], encoding: nil),
        Detection(label: "empty", prefix: [], encoding: nil),
    ]

    @Test(arguments: detections)
    func detectsEncodingFromPrefix(detection: Detection) {
        #expect(X12Input.detectEncoding(prefix: detection.prefix) == detection.encoding)
    }

    @Test(arguments: [1, 2, 3, 65_536])
    func detectsAndTranscodesUTF16LEWithByteOrderMark(chunkSize: Int) throws {
        let text = Sample.text(for: .utf16LE)
        let bytes = [0xFF, 0xFE] + Sample.encode(text, as: .utf16LE)
        let source = try X12Input.open(source: ChunkingByteSource(MemoryByteSource(bytes), chunkSize: chunkSize))
        #expect(try readAll(source) == Array(text.utf8))
    }

    @Test(arguments: [1, 2, 3, 65_536])
    func detectsAndTranscodesUTF16BEWithoutByteOrderMark(chunkSize: Int) throws {
        let text = Sample.text(for: .utf16BE)
        let bytes = Sample.encode(text, as: .utf16BE)
        let source = try X12Input.open(source: ChunkingByteSource(MemoryByteSource(bytes), chunkSize: chunkSize))
        #expect(try readAll(source) == Array(text.utf8))
    }

    @Test(arguments: [1, 2, 3, 65_536])
    func detectsAndTranscodesEBCDIC(chunkSize: Int) throws {
        let bytes = Sample.encode(Sample.interchange, as: .ibm037)
        let source = try X12Input.open(source: ChunkingByteSource(MemoryByteSource(bytes), chunkSize: chunkSize))
        #expect(try readAll(source) == Array(Sample.interchange.utf8))
    }

    @Test(arguments: [
        Array("ISA*00*".utf8),
        [0xEF, 0xBB, 0xBF] + Array("ISA*00*".utf8),  // the reader skips a UTF-8 BOM
        Array("IS".utf8),
        [],
    ])
    func passesOtherInputThroughUnchanged(bytes: [UInt8]) throws {
        let source = try X12Input.open(source: ChunkingByteSource(MemoryByteSource(bytes), chunkSize: 1))
        #expect(try readAll(source) == bytes)
    }

    @Test(arguments: ["UTF-8", "utf8", "Ascii"])
    func utf8CompatibleNamesAreNotTranscoded(name: String) throws {
        // Bytes that iconv would refuse as ASCII or UTF-8 pass through untouched.
        let bytes: [UInt8] = [0x49, 0x53, 0x41, 0xFF, 0x80]
        #expect(try readAll(X12Input.open(source: MemoryByteSource(bytes), encoding: name)) == bytes)
    }

    @Test func explicitEncodingOverridesDetection() throws {
        // Detection would see plain ASCII; the caller knows better.
        let latin1: [UInt8] = Array("ISA*".utf8) + [0xE8]
        let source = try X12Input.open(source: MemoryByteSource(latin1), encoding: "iso-8859-1")
        #expect(try readAll(source) == Array("ISA*è".utf8))
    }

    @Test func errorOffsetsCountTheByteOrderMark() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x49, 0x00, 0x00, 0xDC]  // BOM, "I", lone low surrogate
        let source = try X12Input.open(source: MemoryByteSource(bytes))
        let error = #expect(throws: X12Error.self) { try readAll(source) }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.byteOffset == 4)
    }

    // MARK: Files

    @Test func readsAFile() throws {
        try withTemporaryFile(contents: Array(Sample.interchange.utf8)) { path throws in
            #expect(try readAll(FileByteSource(path: path), bufferSize: 7) == Array(Sample.interchange.utf8))
        }
    }

    @Test func opensAndDetectsAFile() throws {
        try withTemporaryFile(contents: Sample.encode(Sample.interchange, as: .ibm037)) { path throws in
            #expect(try readAll(X12Input.open(path: path)) == Array(Sample.interchange.utf8))
        }
    }

    @Test func missingFileIsAnIOErrorNamingThePath() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "porter-missing-\(UUID().uuidString).x12"
        ).path
        let error = #expect(throws: X12Error.self) { _ = try FileByteSource(path: path) }
        #expect(error?.code == .io)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("No such file") == true)
        let viaInput = #expect(throws: X12Error.self) { _ = try X12Input.open(path: path, encoding: "IBM037") }
        #expect(viaInput?.code == .io)
    }

    @Test func directoryIsAnIOErrorNamingThePath() {
        let path = FileManager.default.temporaryDirectory.path
        let error = #expect(throws: X12Error.self) { _ = try FileByteSource(path: path) }
        #expect(error?.code == .io)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("directory") == true)
    }

    @Test func borrowedDescriptorStaysOpen() throws {
        try withTemporaryFile(contents: Array("ISA".utf8)) { path throws in
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            do {
                let source = FileByteSource(fileDescriptor: descriptor, closeOnDeinit: false)
                #expect(try readAll(source) == Array("ISA".utf8))
            }
            #expect(fcntl(descriptor, F_GETFD) != -1)
        }
    }

    @Test func readErrorIsAnIOError() throws {
        // A write-only descriptor cannot be read: read(2) fails with EBADF.
        try withTemporaryFile(contents: []) { path throws in
            let descriptor = Glibc.open(path, O_WRONLY | O_CLOEXEC)
            try #require(descriptor >= 0)
            let source = FileByteSource(fileDescriptor: descriptor, closeOnDeinit: true)
            let error = #expect(throws: X12Error.self) { try readAll(source) }
            #expect(error?.code == .io)
            #expect(error?.message.contains("file descriptor \(descriptor)") == true)
        }
    }

    // MARK: Peeking

    @Test(arguments: [1, 2, 7, 4096])
    func peekedBytesAreHandedOutAgain(chunkSize: Int) throws {
        let text = "\u{FEFF}ISA*00*data after the prefix"
        var source = PeekableByteSource(ChunkingByteSource(MemoryByteSource(Array(text.utf8)), chunkSize: chunkSize))
        #expect(try source.peek(3) == [0xEF, 0xBB, 0xBF])
        #expect(try source.peek(6) == Array("\u{FEFF}ISA".utf8), "a longer peek extends the first")
        source.skip(3)
        #expect(try source.peek(3) == Array("ISA".utf8))
        #expect(try source.readToEnd() == Array("ISA*00*data after the prefix".utf8))
        #expect(try source.nextChunk() == nil)
    }
}

// MARK: - Helpers

/// Reads `source` to its end, `bufferSize` bytes at a time.
private func readAll(_ source: some ByteSource, bufferSize: Int = 4096) throws(X12Error) -> [UInt8] {
    var source = source
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: bufferSize)
    while true {
        let count = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(X12Error) in try source.read(into: bytes) }
        }.get()
        if count == 0 { return result }
        result += buffer[..<count]
    }
}

/// Writes `contents` to a new file in the temporary directory, calls `body` with its path,
/// then removes the file.
private func withTemporaryFile(contents: [UInt8], _ body: (String) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("porter-input-\(UUID().uuidString).x12")
    try Data(contents).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url.path)
}

/// A source of `count` copies of `pattern`, generated as it is read.
private struct RepeatingByteSource: ByteSource {
    let pattern: [UInt8]
    let count: Int
    private var position = 0

    init(pattern: [UInt8], count: Int) {
        self.pattern = pattern
        self.count = count
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        let written = min(buffer.count, self.pattern.count * self.count - self.position)
        for index in 0..<written {
            buffer[index] = self.pattern[(self.position + index) % self.pattern.count]
        }
        self.position += written
        return written
    }
}

extension InputTests {
    /// A small interchange with characters outside ASCII, and its encodings computed in Swift.
    enum Sample {
        enum Encoding: String, Sendable, CaseIterable, CustomTestStringConvertible {
            case latin1 = "ISO-8859-1"
            case utf16LE = "UTF-16LE"
            case utf16BE = "UTF-16BE"
            case ibm037 = "IBM037"
            var name: String { self.rawValue }
            var testDescription: String { self.rawValue }
        }

        static let encodings = Encoding.allCases

        /// Latin-1 only, so that every encoding above can hold it.
        static let interchange = [
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250101*1200*^*00501*000000001*0*P*>~",
            "GS*PO*SENDER*RECEIVER*20250101*1200*1*X*005010~",
            "ST*850*0001~",
            "BEG*00*SA*PO-12345**20250101~",
            "N1*ST*CAFÉ RENÉ|CRÈME.~",
            "SE*4*0001~",
            "GE*1*1~",
            "IEA*1*000000001~",
        ].joined(separator: "\n")

        /// The interchange as `encoding` can hold it: UTF-16 also gets a character outside the
        /// Basic Multilingual Plane, a surrogate pair that chunking must not split.
        static func text(for encoding: Encoding) -> String {
            switch encoding {
            case .utf16LE, .utf16BE: interchange.replacingOccurrences(of: "CAFÉ", with: "CAFÉ 😀")
            case .latin1, .ibm037: interchange
            }
        }

        static func encode(_ text: String, as encoding: Encoding) -> [UInt8] {
            switch encoding {
            case .latin1:
                return text.unicodeScalars.map { UInt8($0.value) }
            case .utf16LE:
                return text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
            case .utf16BE:
                return text.utf16.flatMap { [UInt8($0 >> 8), UInt8(truncatingIfNeeded: $0)] }
            case .ibm037:
                return text.unicodeScalars.map { scalar in
                    guard let byte = ibm037[Character(scalar)] else {
                        preconditionFailure("no IBM037 byte for \(scalar)")
                    }
                    return byte
                }
            }
        }

        /// The IBM037 bytes of the characters the sample uses.
        private static let ibm037: [Character: UInt8] = {
            var table: [Character: UInt8] = [
                " ": 0x40, ".": 0x4B, "|": 0x4F, "*": 0x5C, "-": 0x60, ">": 0x6E, ":": 0x7A,
                "~": 0xA1, "^": 0xB0, "\n": 0x25, "É": 0x71, "È": 0x74,
            ]
            for (letters, start) in [
                ("ABCDEFGHI", 0xC1), ("JKLMNOPQR", 0xD1), ("STUVWXYZ", 0xE2), ("0123456789", 0xF0),
            ] {
                for (index, letter) in letters.enumerated() { table[letter] = UInt8(start + index) }
            }
            return table
        }()
    }
}
