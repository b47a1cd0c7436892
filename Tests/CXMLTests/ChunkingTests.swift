import CXML
import Foundation
import Testing

/// The same document fed in chunks of any size gives the same events, locations included,
/// and the same error.
@Suite struct ChunkingTests {
    static let sizes = [1, 7, 4096]

    @Test(arguments: sizes)
    func chunkingDoesNotChangeEvents(chunkSize: Int) {
        let whole = readAll(ReaderTests.order)
        #expect(whole.error == nil)
        #expect(readAll(ReaderTests.order, chunkSize: chunkSize).trace == whole.trace)
    }

    @Test(arguments: sizes)
    func chunkingDoesNotChangeThePublicSamples(chunkSize: Int) throws {
        for name in try PublicSampleTests.files() {
            let bytes = Array(try Data(contentsOf: FixturePaths.publicCXML.appending(path: name)))
            let whole = readAll(bytes)
            let chunked = readAll(bytes, chunkSize: chunkSize)
            // Events before an error depend on how far libxml2 had read: only the error must agree.
            if whole.error == nil { #expect(chunked.trace == whole.trace, "\(name)") }
            #expect(chunked.error == whole.error, "\(name)")
        }
    }

    @Test(arguments: sizes)
    func chunkingDoesNotChangeRejections(chunkSize: Int) throws {
        for (name, _) in HostileInputTests.fixtures {
            let bytes = try FixturePaths.hostileFixture(name)
            let whole = readAll(bytes)
            #expect(whole.error != nil)
            #expect(readAll(bytes, chunkSize: chunkSize).error == whole.error, "\(name)")
        }
    }
}
