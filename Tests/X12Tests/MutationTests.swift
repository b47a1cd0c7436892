import Foundation
import Testing
import X12

/// Partner data is hostile by accident: Porter must never trap or hang on it. Seeded
/// mutations of real documents (bytes flipped, deleted, duplicated, delimiters injected,
/// the input cut anywhere) go through the validator and the 997/999/TA1 generator; every
/// run must end, and an acknowledgment Porter writes must read back without an error.
@Suite struct MutationTests {
    static let sources = [
        "850/004010-retail-sdq.edi", "850/005010-industrial.edi", "855/004010-changes.edi",
        "856/004010-pick-pack.edi", "860/004010-change.edi", "997/005010-partial.edi",
        "shapes/multi-interchange-delimiters.edi", "shapes/control-char-delimiters.edi",
        "shapes/ellipsis-terminator.edi",
    ]

    /// 40 seeds per source file, each applying 1 to 6 mutations.
    static let cases: [(String, UInt64)] = sources.flatMap { file in (0..<40).map { (file, UInt64($0)) } }

    @Test(arguments: Self.cases)
    func mutatedInputNeverTrapsAndItsAcknowledgmentIsClean(_ file: String, _ seed: UInt64) throws {
        let original = try Array(Data(contentsOf: FixturePaths.x12.appending(path: file)))
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(file.utf8.count))
        let bytes = Self.mutate(original, using: &random)
        for kind in [X12AcknowledgmentOptions.Kind.fa997, .ia999] {
            let sink = MemoryByteSink()
            var options = X12AcknowledgmentOptions(kind: kind, interchangeAcknowledgment: .always)
            options.timeSource = .fixed(.init(date: "20250402", time: "0800"))
            var generator = X12AcknowledgmentGenerator(
                sink: sink, controlNumbers: SequentialControlNumbers(), options: options)
            var configuration = X12Reader.Configuration(sourceName: file)
            configuration.chunkSize = Int(random.next() % 97) + 1
            var validator = X12Validator(
                reader: X12Reader(source: MemoryByteSource(bytes), configuration: configuration), sourceName: file)
            var events = 0
            while let event = try validator.next() {
                try generator.consume(event)
                events += 1
                // A runaway loop would hand out events forever: bound them by the input.
                try #require(events < 20 * (bytes.count + 10), "seed \(seed): no end in sight")
            }
            try generator.finish()
            guard !sink.bytes.isEmpty else { continue }
            let readBack = try validate(bytes: sink.bytes, name: "\(kind)")
            #expect(readBack.errors.isEmpty, "seed \(seed) of \(file), \(kind):\n\(readBack.transcript)")
        }
    }

    /// Applies 1 to 6 random edits: flip a byte, delete a run, duplicate a run, inject a
    /// delimiter-like byte, or cut the input short.
    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let edits = Int(random.next() % 6) + 1
        for _ in 0..<edits where !bytes.isEmpty {
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 5 {
            case 0:
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1:
                let length = min(Int(random.next() % 12) + 1, bytes.count - at)
                bytes.removeSubrange(at..<(at + length))
            case 2:
                let length = min(Int(random.next() % 40) + 1, bytes.count - at)
                bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
            case 3:
                let injected: [UInt8] = [0x2A, 0x7E, 0x3E, 0x3A, 0x5E, 0x0A, 0x0D, 0x00, 0x1C, 0xE2]
                bytes.insert(injected[Int(random.next() % UInt64(injected.count))], at: at)
            default:
                bytes.removeSubrange(at...)
            }
        }
        return bytes
    }
}
