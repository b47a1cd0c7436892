import Orders
import Testing
import Translation
import X12

/// Random 850, 855 and 860 models → X12 (in 004010 and in 005010) → the same model.
///
/// ``RandomDocuments`` generates only what X12 carries, so the encoder has nothing to normalise but what the version
/// written decides: GS08, and the note-line elements only one version has (MSG02 in 004010, MTX01 in 005010), which
/// the other version does not write. Envelopes have identifiers without padding, a nine-digit ISA13, a GS06 without
/// leading zeros; dates stand alone where an element holds a date only (BEG05, BAK04, BCH06...); N2 amounts have two
/// decimals. Each failure names its seed, so `RandomDocuments(seed:version:)` gives the document back.
@Suite("850, 855 and 860 property tests")
struct PropertyTests {
    static let seeds = UInt64(1)...200
    static let versions = ["004010", "005010"]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func json(_ document: BusinessDocument) -> String { Self.text(document.encodeCanonicalJSON()) }

    /// Decoding findings other than warnings for codes Porter does not name (the generator sends some on purpose).
    static func unexpected(_ findings: [X12Finding]) -> [X12Finding] {
        findings.filter { !($0.severity == .warning && $0.code == .invalidCode) }
    }

    /// The document as it comes back written in `version`: GS08 is `version`, 004010 has no ST03, and the note-line
    /// elements of the other version (MSG02 or MTX01) are not written.
    static func normalized<Document, Line>(
        _ document: Document, in version: String, envelope: WritableKeyPath<Document, Envelope>,
        extensions: WritableKeyPath<Document, Extensions>, lines: WritableKeyPath<Document, [Line]>,
        lineExtensions: WritableKeyPath<Line, Extensions>
    ) -> Document {
        let foreign = version.hasPrefix("005") ? "/MSG[" : "/MTX["
        let written = { (kept: Extensions) in Extensions(kept.values.filter { !$0.key.contains(foreign) }) }
        var document = document
        document[keyPath: envelope].version = version
        if !version.hasPrefix("005") { document[keyPath: envelope].implementationReference = nil }  // no ST03
        document[keyPath: extensions] = written(document[keyPath: extensions])
        for index in document[keyPath: lines].indices {
            document[keyPath: lines][index][keyPath: lineExtensions] = written(
                document[keyPath: lines][index][keyPath: lineExtensions])
        }
        return document
    }

    /// Encodes `document` in each version, decodes it again and compares it with what that version carries.
    static func expectRoundTrips<Document: Equatable, Line>(
        _ document: Document, seed: UInt64, envelope: WritableKeyPath<Document, Envelope>,
        extensions: WritableKeyPath<Document, Extensions>, lines: WritableKeyPath<Document, [Line]>,
        lineExtensions: WritableKeyPath<Line, Extensions>, encode: (Document, String) throws -> [UInt8],
        decode: ([UInt8]) throws -> (Document?, [X12Finding])?, json: (Document) -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for version in Self.versions {
            let bytes = try encode(document, version)
            let decoded = try #require(try decode(bytes), "seed \(seed) in \(version)", sourceLocation: sourceLocation)
            let expected = Self.normalized(
                document, in: version, envelope: envelope, extensions: extensions, lines: lines,
                lineExtensions: lineExtensions)
            #expect(
                Self.unexpected(decoded.1).isEmpty, "seed \(seed) in \(version): \(decoded.1)",
                sourceLocation: sourceLocation)
            #expect(
                decoded.0 == expected,
                "seed \(seed) in \(version)\n\(json(expected))\n≠\n\(decoded.0.map(json) ?? "nil")\n\(Self.text(bytes))",
                sourceLocation: sourceLocation)
        }
    }

    @Test("a random purchase order → 850 → the same order", arguments: versions)
    func purchaseOrders(version: String) throws {
        for seed in Self.seeds {
            var random = RandomDocuments(seed: seed, version: version)
            try Self.expectRoundTrips(
                random.purchaseOrder(version: version), seed: seed, envelope: \.envelope, extensions: \.extensions,
                lines: \.lines, lineExtensions: \.extensions,
                encode: { try X12PurchaseOrderEncoder(version: $1).encodeInterchange($0) },
                decode: { bytes in
                    try X12PurchaseOrderDecoder.decodeAll(from: MemoryByteSource(bytes)).first.map {
                        ($0.order, $0.findings)
                    }
                }, json: { Self.json(.purchaseOrder($0)) })
        }
    }

    @Test("a random order acknowledgment → 855 → the same acknowledgment", arguments: versions)
    func orderAcknowledgments(version: String) throws {
        for seed in Self.seeds {
            var random = RandomDocuments(seed: seed, version: version)
            try Self.expectRoundTrips(
                random.orderAcknowledgment(version: version), seed: seed, envelope: \.envelope,
                extensions: \.extensions, lines: \.lines, lineExtensions: \.extensions,
                encode: { try X12OrderAcknowledgmentEncoder(version: $1).encodeInterchange($0) },
                decode: { bytes in
                    try X12OrderAcknowledgmentDecoder.decodeAll(from: MemoryByteSource(bytes)).first.map {
                        ($0.acknowledgment, $0.findings)
                    }
                }, json: { Self.json(.orderAcknowledgment($0)) })
        }
    }

    @Test("a random order change → 860 → the same change", arguments: versions)
    func orderChanges(version: String) throws {
        for seed in Self.seeds {
            var random = RandomDocuments(seed: seed, version: version)
            try Self.expectRoundTrips(
                random.orderChange(version: version), seed: seed, envelope: \.envelope, extensions: \.extensions,
                lines: \.lines, lineExtensions: \.extensions,
                encode: { try X12OrderChangeEncoder(version: $1).encodeInterchange($0) },
                decode: { bytes in
                    try X12OrderChangeDecoder.decodeAll(from: MemoryByteSource(bytes)).first.map {
                        ($0.change, $0.findings)
                    }
                }, json: { Self.json(.orderChange($0)) })
        }
    }
}
