import Foundation
import Testing

@testable import Conversion

@Suite struct ConverterTests {
    /// The outputs every run over the mixed members writes, whatever the number of jobs.
    static let expectedJSON = [
        "bad-850-000000803-803-0001.json",
        "dropship-000000918-918-0001.json",
        "duplicate-isa13-000000731-731-0001.json",
        "duplicate-isa13-000000731-732-0001.json",
        "order-HME-BR-20931.json",
        "nx12-850-000003438-1421-000000010.json",
        "same-000000801-801-0001-2.json",
        "same-000000801-801-0001.json",
        "same-000000801-801-0002-2.json",
        "same-000000801-801-0002.json",
        "same-000000802-802-0001-2.json",
        "same-000000802-802-0001.json",
        "sap-combined-4500012345.json",
        "two-interchanges-000000801-801-0001.json",
        "two-interchanges-000000801-801-0002.json",
        "two-interchanges-000000802-802-0001.json",
    ]

    static func convert(_ inputs: [String], to output: String, format: OutputFormat = .json, jobs: Int = 1) throws
        -> ConversionSummary
    {
        try Converter(
            inputs: inputs, output: output,
            options: ConversionOptions(encoder: DocumentOutputEncoder(format: format), jobs: jobs)
        ).run()
    }

    static func errors(_ path: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: path))) as? [String: Any]
        return try #require(object?["errors"] as? [[String: Any]])
    }

    @Test(arguments: [1, 2])
    func aZipOfMixedDocumentsBecomesOneFilePerDocument(jobs: Int) throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let archive = folder + "/in.zip"
            try ConversionFixtures.makeArchive(at: archive)
            let out = folder + "/out"
            let summary = try Self.convert([archive], to: out, jobs: jobs)

            #expect(try ConversionFixtures.files(in: out) == (Self.expectedJSON + ["errors.json"]).sorted())
            #expect(summary.hasFailures)
            #expect(summary.total.converted == Self.expectedJSON.count)
            #expect(summary.inputs == ConversionFixtures.members.count)
            let types = Dictionary(uniqueKeysWithValues: summary.types.map { ($0.type, $0.tally) })
            #expect(types["purchaseOrder"]?.failed == 1, "bad-850.edi ST02 0002")
            #expect(types["envelope"]?.failed == 1, "duplicate ISA13 000000731")
            #expect(types["unknown"]?.failed == 1, "not-a-document.txt")

            let errors = try Self.errors(summary.errorsFile)
            #expect(summary.errorEntries == errors.count)
            let sources = Set(errors.compactMap { $0["source"] as? String })
            #expect(
                sources == [
                    "\(archive):bad-850.edi", "\(archive):duplicate-isa13.edi", "\(archive):not-a-document.txt",
                ])
            let bad = try #require(errors.first { ($0["source"] as? String)?.hasSuffix("bad-850.edi") == true })
            #expect(bad["document"] as? String == "850 ST02 0002 (ISA13 000000803, GS06 803)")
            let finding = try #require(bad["finding"] as? [String: Any])
            #expect(finding["severity"] as? String == "error")
            #expect(finding["code"] as? String == "mandatoryElementMissing")
            let location = try #require(finding["location"] as? [String: Any])
            #expect(location["segmentId"] as? String == "BEG")
            #expect(location["transaction"] as? String == "0002")

            // A converted document is the canonical JSON of its source.
            let order = try String(contentsOfFile: out + "/two-interchanges-000000801-801-0002.json", encoding: .utf8)
            #expect(order.contains("FMC-60111"))
        }
    }

    @Test func aFolderGivesTheSameOutputsAsTheArchive() throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let input = folder + "/in"
            try ConversionFixtures.makeFolder(at: input)
            let out = folder + "/out"
            let summary = try Self.convert([input], to: out, jobs: 2)
            #expect(try ConversionFixtures.files(in: out) == (Self.expectedJSON + ["errors.json"]).sorted())
            let sources = Set(try Self.errors(summary.errorsFile).compactMap { $0["source"] as? String })
            #expect(sources == [input + "/bad-850.edi", input + "/duplicate-isa13.edi", input + "/not-a-document.txt"])
        }
    }

    @Test func anArchiveOutputHoldsOneEntryPerDocumentAndErrorsBesideIt() throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let input = folder + "/in"
            try ConversionFixtures.makeFolder(at: input)
            let out = folder + "/converted.zip"
            let summary = try Self.convert([input], to: out, format: .x12, jobs: 2)
            #expect(summary.errorsFile == folder + "/errors.json")
            #expect(try ConversionFixtures.files(in: folder) == ["converted.zip", "errors.json", "in"])
            // Read back through the converter: every entry is an X12 interchange with one document.
            let again = try Self.convert([out], to: folder + "/again", jobs: 1)
            #expect(again.inputs == summary.total.converted)
            #expect(again.total.converted == summary.total.converted)
        }
    }

    @Test func runningAgainNeverOverwrites() throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let input = ConversionFixtures.path("Fixtures/convert/two-interchanges.edi")
            _ = try Self.convert([input], to: folder + "/out")
            let second = try Self.convert([input], to: folder + "/out")
            #expect(second.errorsFile == folder + "/out/errors-2.json")
            #expect(
                try ConversionFixtures.files(in: folder + "/out") == [
                    "errors-2.json", "errors.json",
                    "two-interchanges-000000801-801-0001-2.json", "two-interchanges-000000801-801-0001.json",
                    "two-interchanges-000000801-801-0002-2.json", "two-interchanges-000000801-801-0002.json",
                    "two-interchanges-000000802-802-0001-2.json", "two-interchanges-000000802-802-0001.json",
                ])
            #expect(throws: ConversionError.self) { try Self.convert([input], to: folder + "/out/errors.json") }
        }
    }

    @Test(arguments: ["old.tar", "old.tar.gz", "old.tgz"])
    func tarArchivesAreRefusedBeforeAnythingIsWritten(name: String) throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let tar = folder + "/" + name
            _ = FileManager.default.createFile(atPath: tar, contents: Data("not read".utf8))
            let error = try #require(throws: ConversionError.self) { try Self.convert([tar], to: folder + "/out") }
            #expect(error.code == .unsupportedArchive)
            #expect(error.description.contains(name))
            #expect(error.description.contains("extract it first"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        }
    }

    @Test func aMissingInputCannotRun() throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            let error = try #require(throws: ConversionError.self) {
                try Self.convert([folder + "/nothing.zip"], to: folder + "/out")
            }
            #expect(error.code == .unreadableInput)
        }
    }

    @Test func aLargeMemberIsExtractedInChunksAndItsOutputsSpooled() throws {
        try ConversionFixtures.withTemporaryFolder { folder in
            // 20 copies of a 3-document file, with limits of 4 KiB: a member extracted to a temporary file in
            // chunks, and outputs past the limit waiting in spool files.
            let fixture = URL(filePath: ConversionFixtures.path("Fixtures/convert/two-interchanges.edi"))
            let one = try [UInt8](Data(contentsOf: fixture))
            var big: [UInt8] = []
            for _ in 0..<20 { big += one }
            let archive = try ZipArchiveWriter(path: folder + "/big.zip")
            try archive.add(name: "big.edi", bytes: big)
            try archive.close()
            var options = ConversionOptions(encoder: DocumentOutputEncoder(format: .json), jobs: 2)
            options.memberInMemoryLimit = 4096
            options.outputInMemoryLimit = 4096
            #expect(big.count > options.memberInMemoryLimit)
            let summary = try Converter(inputs: [folder + "/big.zip"], output: folder + "/out.zip", options: options)
                .run()
            #expect(summary.total.converted == 60)
            #expect(summary.hasFailures, "the same ISA13 over and over is a duplicate control number")
            let again = try Self.convert([folder + "/out.zip"], to: folder + "/again")
            #expect(again.total.converted == 60)
            let files = try ConversionFixtures.files(in: folder + "/again")
            #expect(files.contains("big-000000801-801-0001-20-FMC-60110.json"))
            #expect(!files.contains { $0.hasPrefix(".") }, "no spool or temporary file is left")
            #expect(try ConversionFixtures.files(in: folder).allSatisfy { !$0.hasPrefix(".") })
        }
    }
}
