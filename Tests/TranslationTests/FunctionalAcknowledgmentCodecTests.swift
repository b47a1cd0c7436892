import Foundation
import Orders
import Testing
import Translation
import X12

/// The 997/999 codec: X12 → ``FunctionalAcknowledgment`` → X12, against the golden JSON, the fixtures, the
/// acknowledgments Porter's generator writes, the public 997s and random acknowledgments.
@Suite("997/999 X12 codec")
struct FunctionalAcknowledgmentCodecTests {
    static let folder = TranslationFixtures.x12.appending(path: "997")
    static let fixtureNames = ["004010-accepted", "005010-999-accepted", "005010-partial"]

    /// The 997 and 999 goldens of `Fixtures/x12/acknowledgments`, as paths below it.
    static let generatedNames: [String] = {
        let root = TranslationFixtures.x12.appending(path: "acknowledgments")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".997") || $0.hasSuffix(".999") }.sorted()
    }()

    static func decode(_ bytes: [UInt8], sourceName: String? = nil) throws -> [X12FunctionalAcknowledgmentDecoding] {
        try X12FunctionalAcknowledgmentDecoder.decodeAll(from: MemoryByteSource(bytes), sourceName: sourceName)
    }

    static func decode(_ url: URL) throws -> [X12FunctionalAcknowledgmentDecoding] {
        try Self.decode(try TranslationFixtures.bytes(url), sourceName: url.lastPathComponent)
    }

    static func json(_ acknowledgment: FunctionalAcknowledgment) -> String {
        String(decoding: BusinessDocument.functionalAcknowledgment(acknowledgment).encodeCanonicalJSON(), as: UTF8.self)
    }

    static func fixture(_ name: String) throws -> FunctionalAcknowledgment {
        let results = try Self.decode(Self.folder.appending(path: "\(name).edi"))
        try #require(results.count == 1)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        return try #require(results[0].acknowledgment)
    }

    /// `*`, `>` and no repetition separator, for data that holds `:` or `^`.
    static let plainDelimiters = X12Delimiters(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: nil, segment: [UInt8(ascii: "~")])

    /// Writes an acknowledgment with the standard delimiters, or `*` `>` `~` when its data holds `:` or `^`.
    static func encode(
        _ acknowledgment: FunctionalAcknowledgment, _ encoder: X12FunctionalAcknowledgmentEncoder
    ) throws -> [UInt8] {
        do {
            return try encoder.encodeInterchange(acknowledgment)
        } catch {
            guard error.code == .delimiterInData else { throw error }
            return try encoder.encodeInterchange(acknowledgment, delimiters: Self.plainDelimiters)
        }
    }

    /// What writing in `version` legitimately changes: GS08, GS06 (written as a number, without leading zeros), and
    /// in 004010 the elements it does not have (ST03, AK103, AK203, AK401-3), which are not written.
    static func normalized(_ acknowledgment: FunctionalAcknowledgment, to version: String) -> FunctionalAcknowledgment {
        var expected = acknowledgment
        expected.envelope.version = version
        expected.envelope.groupControlNumber = expected.envelope.groupControlNumber.map {
            UInt64($0).map(String.init) ?? $0
        }
        guard !version.hasPrefix("005") else { return expected }
        expected.envelope.implementationReference = nil  // ST03 exists from 004020 on
        expected.groupVersion = nil
        for set in expected.transactionSets.indices {
            expected.transactionSets[set].implementationReference = nil
            for error in expected.transactionSets[set].segmentErrors.indices {
                for element in expected.transactionSets[set].segmentErrors[error].elementErrors.indices {
                    expected.transactionSets[set].segmentErrors[error].elementErrors[element].repetitionPosition = nil
                }
            }
        }
        return expected
    }

    /// Encodes with `encoder`, decodes again and compares with the acknowledgment normalized to the version written
    /// (and, when it had no envelope date, with the date the encoder fell back to).
    static func expectRoundTrip(
        _ acknowledgment: FunctionalAcknowledgment, _ encoder: X12FunctionalAcknowledgmentEncoder = .init(),
        _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let bytes = try Self.encode(acknowledgment, encoder)
        let again = try Self.decode(bytes)
        try #require(
            again.count == 1, "\(label): \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        var expected = Self.normalized(acknowledgment, to: encoder.version(for: acknowledgment))
        if expected.envelope.date == nil { expected.envelope.date = again[0].acknowledgment?.envelope.date }
        #expect(
            again[0].acknowledgment == expected,
            "\(label)\n\(Self.json(expected))\n≠\n\(again[0].acknowledgment.map(Self.json) ?? "nil")\n\(String(decoding: bytes, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    /// The round trips in the acknowledgment's own version, in 004010 and in 005010.
    static func expectRoundTrips(_ acknowledgment: FunctionalAcknowledgment, _ label: String) throws {
        for version in [nil, "004010", "005010"] {
            try Self.expectRoundTrip(
                acknowledgment, X12FunctionalAcknowledgmentEncoder(version: version),
                "\(label) in \(version ?? "its version")")
        }
    }

    /// The delimiters of the first interchange in `bytes`.
    static func delimiters(of bytes: [UInt8]) throws -> X12Delimiters {
        var reader = X12Reader(source: MemoryByteSource(bytes))
        while let event = try reader.next() {
            if case .interchangeStart(let header) = event { return header.delimiters }
        }
        throw X12Error(.invalidState, "no interchange")
    }

    // MARK: Goldens

    @Test("a fixture decodes to exactly its golden JSON", arguments: fixtureNames)
    func golden(name: String) throws {
        let acknowledgment = try Self.fixture(name)
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "997/\(name).json"))
        #expect(Self.json(acknowledgment) + "\n" == String(decoding: golden, as: UTF8.self))
    }

    @Test("the partial 997 is typed: verdicts, counts, segment and element errors")
    func typedPartial() throws {
        let acknowledgment = try Self.fixture("005010-partial")
        #expect(acknowledgment.functionalIdentifier == "PO")
        #expect(acknowledgment.groupControlNumber == "402")
        #expect(acknowledgment.groupVersion == "005010")
        #expect(acknowledgment.status == .partiallyAccepted)
        #expect(acknowledgment.includedCount == 3)
        #expect(acknowledgment.receivedCount == 3)
        #expect(acknowledgment.acceptedCount == 2)
        #expect(acknowledgment.errors.isEmpty)
        #expect(acknowledgment.extensions.isEmpty)
        let sets = acknowledgment.transactionSets
        #expect(sets.map(\.controlNumber) == ["0001", "0002", "0003"])
        #expect(sets.map(\.identifier) == ["850", "850", "850"])
        #expect(sets.map(\.status) == [.accepted, .rejected, .accepted])
        #expect(sets[1].errors == [.segmentsInError])
        #expect(
            sets[1].segmentErrors == [
                SegmentError(
                    segmentID: "PO1", position: 8, loopID: "PO1", code: .hasElementErrors,
                    elementErrors: [
                        ElementError(position: 3, referenceNumber: "355", code: .invalidCode, badValue: "CX")
                    ]
                ),
                SegmentError(
                    segmentID: "DTM", position: 4, code: .hasElementErrors,
                    elementErrors: [
                        ElementError(position: 2, referenceNumber: "373", code: .invalidDate, badValue: "20250231")
                    ]),
            ])
        #expect(acknowledgment.envelope.sender == EnvelopeIdentity(qualifier: "08", id: "9254871300"))
        #expect(acknowledgment.envelope.version == "005010")
    }

    @Test("the 004010 997 has no group version; the 999 says it is one in extensions")
    func typedKinds() throws {
        let accepted = try Self.fixture("004010-accepted")
        #expect(accepted.groupVersion == nil)
        #expect(accepted.status == .accepted)
        #expect(
            accepted.transactionSets == [
                TransactionSetAcknowledgment(identifier: "850", controlNumber: "0001", status: .accepted)
            ])
        #expect(X12FunctionalAcknowledgmentEncoder().kind(for: accepted) == .fa997)
        let implementation = try Self.fixture("005010-999-accepted")
        #expect(implementation.extensions.values.isEmpty)
        #expect(implementation.transactionSet == "999")
        #expect(implementation.envelope.implementationReference == "005010X231")
        #expect(implementation.groupVersion == "005010")
        #expect(implementation.transactionSets.map(\.status) == [.accepted])
        #expect(X12FunctionalAcknowledgmentEncoder().kind(for: implementation) == .ia999)
        #expect(X12FunctionalAcknowledgmentEncoder().version(for: implementation) == "005010X231")
    }

    // MARK: Round trips

    @Test("a fixture round-trips in its version, in 004010 and in 005010", arguments: fixtureNames)
    func fixtureRoundTrip(name: String) throws {
        try Self.expectRoundTrips(try Self.fixture(name), name)
    }

    @Test("an interchange of its own reproduces the fixture after ISA", arguments: fixtureNames)
    func reproducesFixture(name: String) throws {
        let original = try TranslationFixtures.bytes(Self.folder.appending(path: "\(name).edi"))
        let bytes = try X12FunctionalAcknowledgmentEncoder().encodeInterchange(
            try Self.fixture(name), delimiters: try Self.delimiters(of: original))
        // ISA11 may differ (the writer's own 004010 standards identifier); every other segment is as sent.
        let lines = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() }
        #expect(Array(lines(bytes)) == Array(lines(original)))
    }

    @Test("a 997 written as a 999 and back")
    func otherKind() throws {
        let partial = try Self.fixture("005010-partial")
        let as999 = String(
            decoding: try X12FunctionalAcknowledgmentEncoder(kind: .ia999).encodeInterchange(partial), as: UTF8.self)
        #expect(as999.contains("ST*999*0001~"))
        #expect(as999.contains("IK3*PO1*8*PO1*8~\nIK4*3*355*7*CX~"))
        #expect(as999.contains("IK5*R*5~"))
        #expect(!as999.contains("AK3") && !as999.contains("AK5"))
        var implementation = try #require(try Self.decode(Array(as999.utf8)).first?.acknowledgment)
        #expect(implementation.extensions.values.isEmpty)
        #expect(implementation.transactionSet == "999")
        implementation.transactionSet = "997"
        #expect(implementation == partial)
        let accepted = try Self.fixture("005010-999-accepted")
        let as997 = String(
            decoding: try X12FunctionalAcknowledgmentEncoder(kind: .fa997).encodeInterchange(accepted), as: UTF8.self)
        #expect(as997.contains("ST*997*0001*005010X231~"))
        #expect(as997.contains("AK5*A~"))
        let again = try #require(try Self.decode(Array(as997.utf8)).first?.acknowledgment)
        #expect(again.extensions.values.isEmpty)
        #expect(again.transactionSet == "997")
        #expect(again.envelope.implementationReference == "005010X231")
    }

    @Test("an acknowledgment written into a caller's group")
    func writeIntoGroup() throws {
        let partial = try Self.fixture("005010-partial")
        let sink = MemoryByteSink()
        var writer = try X12Writer(sink: sink, delimiters: .standard, controlNumbers: SequentialControlNumbers())
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: "ZZ", senderID: "PORTER", receiverQualifier: "ZZ", receiverID: "PARTNER",
                date: "250402", time: "0800", version: "00501"))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: "FA", senderCode: "PORTER", receiverCode: "PARTNER", date: "20250402",
                time: "0800", version: "005010"))
        try X12FunctionalAcknowledgmentEncoder().write(partial, to: &writer, controlNumber: "0001")
        try X12FunctionalAcknowledgmentEncoder(kind: .ia999).write(partial, to: &writer, controlNumber: "0002")
        try writer.endGroup()
        try writer.endInterchange()
        let again = try Self.decode(sink.bytes)
        #expect(again.count == 2)
        #expect(
            again.compactMap { $0.acknowledgment?.transactionSets } == [
                partial.transactionSets, partial.transactionSets,
            ])
        #expect(again.compactMap { $0.acknowledgment?.envelope.transactionControlNumber } == ["0001", "0002"])
        #expect(again.compactMap { $0.acknowledgment?.envelope.sender.id } == ["PORTER", "PORTER"])
    }

    // MARK: Porter's own acknowledgments

    @Test(
        "every 997 and 999 golden of Fixtures/x12/acknowledgments decodes, round-trips and re-encodes its set as written"
    )
    func generatedAcknowledgments() throws {
        #expect(Self.generatedNames.count == 106)
        let root = TranslationFixtures.x12.appending(path: "acknowledgments")
        for name in Self.generatedNames {
            let bytes = try TranslationFixtures.bytes(root.appending(path: name))
            let results = try Self.decode(bytes, sourceName: name)
            #expect(!results.isEmpty, "\(name)")
            let delimiters = try Self.delimiters(of: bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            for result in results {
                #expect(result.findings.isEmpty, "\(name): \(result.findings)")
                let acknowledgment = try #require(result.acknowledgment, "\(name)")
                #expect(
                    X12FunctionalAcknowledgmentEncoder().kind(for: acknowledgment)
                        == (name.hasSuffix(".999") ? .ia999 : .fa997))
                try Self.expectRoundTrips(acknowledgment, name)
                let written = String(
                    decoding: try X12FunctionalAcknowledgmentEncoder().encodeInterchange(
                        acknowledgment, delimiters: delimiters), as: UTF8.self)
                // The set, ST to SE, as the generator wrote it (a golden may hold several groups in one interchange).
                let set = written.split(separator: "\n").drop { !$0.hasPrefix("ST*") }.prefix { !$0.hasPrefix("GE*") }
                #expect(text.contains(set.joined(separator: "\n") + "\n"), "\(name): wrote\n\(written)")
            }
        }
    }

    // MARK: Public files

    /// Each public file's acknowledgments: functional identifier, number of sets and group verdict, or `nil` for a
    /// set that is no acknowledgment (no AK1).
    static let publicExpected: [String: [(identifier: String, sets: Int, status: AcknowledgmentCode)?]] = [
        "sped__004010_FA997_pass_1.edi": [("AG", 1, .accepted)],
        "sped__005010X230_FA997_response-to-837s.edi": [("HC", 2, .partiallyAccepted)],
        "stae__empty997.edi": [nil],
        "stae__extraDelimiter997.edi": [("HC", 1, .rejected)],
        "stae__invalid997.edi": [("HC NOT IN CODESET", 1, .rejected)],
        "stae__invalid997_min.edi": [("<NOT_IN_CODESET>", 0, .rejected)],
        "stae__optionalInterchangeServices.edi": [("HC", 0, .accepted)],
        "stae__simple997-multiple-interchanges.edi": [
            ("HC", 1, .rejected), ("HC", 1, .rejected), ("HC", 1, .rejected),
        ],
        "stae__simple997.edi": [("HC", 1, .rejected)],
    ]

    @Test("a public 997 decodes as expected and round-trips", arguments: publicExpected.keys.sorted())
    func publicFile(name: String) throws {
        let url = TranslationFixtures.publicX12.appending(path: name)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing")
        let results = try Self.decode(url)
        let expected = try #require(Self.publicExpected[name])
        try #require(results.count == expected.count)
        for (result, expected) in zip(results, expected) {
            guard let expected else {
                #expect(result.acknowledgment == nil)
                #expect(
                    result.findings.contains { $0.code == .mandatorySegmentMissing && $0.location.transaction != nil })
                continue
            }
            let acknowledgment = try #require(result.acknowledgment, "\(name): \(result.findings)")
            #expect(acknowledgment.functionalIdentifier == expected.identifier)
            #expect(acknowledgment.transactionSets.count == expected.sets)
            #expect(acknowledgment.status == expected.status)
            try Self.expectRoundTrips(acknowledgment, name)
        }
    }

    @Test("the edge cases of the public 997s keep what has no typed place")
    func publicEdgeCases() throws {
        let extra = try #require(
            try Self.decode(TranslationFixtures.publicX12.appending(path: "stae__extraDelimiter997.edi")).first)
        let acknowledgment = try #require(extra.acknowledgment)
        let error = try #require(acknowledgment.transactionSets.first?.segmentErrors.first)
        #expect(error.segmentID == "NM1")
        #expect(error.position == 0)
        #expect(acknowledgment.extensions["AK2[1]/AK3[1]02-2"] == "AK302-R3-COMP2")
        #expect(acknowledgment.extensions["AK2[1]/AK3[1]/AK4[1]04-1"] == "AK404-R1-COMP1")
        #expect(error.code == "AK304-R1^AK304-R2^AK304-R3")
        #expect(
            extra.findings.contains {
                $0.code == .invalidCode && $0.location.segmentID == "AK3" && $0.location.element == 4
            })
        #expect(
            extra.findings.contains {
                $0.code == .tooManyComponents && $0.location.segmentID == "AK3" && $0.location.element == 2
            })
        let response = try #require(
            try Self.decode(
                TranslationFixtures.publicX12.appending(path: "sped__005010X230_FA997_response-to-837s.edi")
            )
            .first?.acknowledgment)
        #expect(
            response.transactionSets[1].segmentErrors == [
                SegmentError(
                    segmentID: "CLM", position: 22, code: .hasElementErrors,
                    elementErrors: [ElementError(position: 1, referenceNumber: "1028", code: .mandatoryMissing)])
            ])
        #expect(response.extensions.values.isEmpty)
        #expect(response.envelope.implementationReference == "005010X230")
    }

    @Test("every 997 and 999 in the public folder is listed above")
    func everyPublicFileListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TranslationFixtures.publicX12.path)
        var found: [String] = []
        for file in files.sorted() {
            let results = (try? Self.decode(TranslationFixtures.publicX12.appending(path: file))) ?? []
            if !results.isEmpty { found.append(file) }
        }
        #expect(found == Self.publicExpected.keys.sorted())
    }

    // MARK: Random acknowledgments

    @Test(
        "a random acknowledgment → X12 → the same acknowledgment",
        arguments: [("004010", false), ("005010", false), ("004010", true), ("005010", true)])
    func randomAcknowledgments(version: String, is999: Bool) throws {
        for seed in UInt64(1)...200 {
            var random = RandomDocuments(seed: seed, version: version)
            let acknowledgment = random.functionalAcknowledgment(version: version, is999: is999)
            let bytes = try X12FunctionalAcknowledgmentEncoder().encodeInterchange(acknowledgment)
            let again = try Self.decode(bytes)
            try #require(again.count == 1)
            #expect(
                again[0].acknowledgment == acknowledgment,
                "seed \(seed)\n\(Self.json(acknowledgment))\n≠\n\(again[0].acknowledgment.map(Self.json) ?? "nil")\n\(String(decoding: bytes, as: UTF8.self))"
            )
            #expect(again[0].findings.allSatisfy { $0.severity == .warning && $0.code == .invalidCode }, "seed \(seed)")
        }
    }
}
