import Foundation
import Testing
import X12

/// Proof that the reader's output does not depend on how its input is split: every
/// fixture, read in chunks of 1, 2, 7, 106 and 65,536 bytes, gives the same counts,
/// segments, findings and positions (in the style of NIO's `ByteToMessageDecoderVerifier`).
@Suite struct ChunkingTests {
    static let chunkSizes = [1, 2, 7, 106, 65_536]

    /// A file to read, with the character set it must be converted from.
    struct ChunkedFile: CustomTestStringConvertible, Sendable {
        var url: URL
        var name: String
        var encoding: String?
        var testDescription: String { self.name }

        static func all() throws -> [ChunkedFile] {
            let own = try ExpectedFixture.all().map {
                ChunkedFile(url: FixturePaths.x12.appending(path: $0.file), name: $0.file, encoding: $0.encoding)
            }
            let shared = try FixturePaths.sharedX12Files().map {
                ChunkedFile(url: FixturePaths.sharedX12.appending(path: $0), name: "public/\($0)", encoding: nil)
            }
            return own + shared
        }
    }

    /// Reads `file` with the reader pulling `readerChunk` bytes at a time from a file source
    /// that hands out at most `sourceChunk` bytes per read.
    static func readFile(_ file: ChunkedFile, readerChunk: Int, sourceChunk: Int) throws -> ReadResult {
        let base = ChunkingByteSource(try FileByteSource(path: file.url.path), chunkSize: sourceChunk)
        var configuration = X12Reader.Configuration()
        configuration.chunkSize = readerChunk
        return try X12Tests.read(
            try X12Input.open(source: base, encoding: file.encoding), name: file.url.lastPathComponent,
            configuration: configuration)
    }

    @Test(arguments: try ChunkedFile.all())
    func chunkingDoesNotChangeTheResult(_ file: ChunkedFile) throws {
        let reference = try Self.readFile(file, readerChunk: 65_536, sourceChunk: Int.max)
        #expect(!reference.trace.isEmpty)
        for size in Self.chunkSizes {
            // The reader asks for small chunks...
            let small = try Self.readFile(file, readerChunk: size, sourceChunk: Int.max)
            #expect(small == reference, "reader chunk size \(size): \(Self.difference(small, reference))")
            // ...or the source hands out less than the reader asks for.
            let short = try Self.readFile(file, readerChunk: 65_536, sourceChunk: size)
            #expect(short == reference, "source chunk size \(size): \(Self.difference(short, reference))")
        }
    }

    /// Drip-feeds an ISA whose terminator is a three-byte character, so that every split
    /// of the header and of each terminator is tried.
    @Test(arguments: 1...12)
    func everySplitOfAMultiByteTerminatorGivesTheSameResult(chunkSize: Int) throws {
        var document = TestDocument()
        document.terminator = Array("\u{2026}".utf8)
        document.suffix = []
        let bytes = document.document()
        let reference = try read(bytes: bytes)
        #expect(reference.errorCodes.isEmpty && reference.warningCodes.isEmpty)
        #expect(reference.segments.count == 8)
        #expect(Array(reference.segments[3...4]) == TestDocument.owned(TestDocument.body))
        #expect(try read(bytes: bytes, chunkSize: chunkSize) == reference)
    }

    /// The first line where two traces differ, to keep failure messages short.
    static func difference(_ lhs: ReadResult, _ rhs: ReadResult) -> String {
        for (index, (left, right)) in zip(lhs.trace, rhs.trace).enumerated() where left != right {
            return "trace line \(index): \(left) <> \(right)"
        }
        return "traces of \(lhs.trace.count) and \(rhs.trace.count) lines"
    }
}
