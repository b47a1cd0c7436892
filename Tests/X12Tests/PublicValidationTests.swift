import Foundation
import Testing
import X12

/// What full validation must make of one file in `../shared/fixtures/public/x12/`: the
/// verdict, and the first error finding (code, segment and line).
///
/// Each row was taken from the validator, then checked against the file and the notes in
/// `../shared/fixtures/public/MANIFEST.tsv`; where the two disagree the comment says why
/// Porter is right (or that it is not).
struct PublicValidation: CustomTestStringConvertible, Sendable {
    struct FirstError: Equatable, Sendable, CustomStringConvertible {
        var code: X12Finding.Code
        var segmentID: String?
        var line: Int

        var description: String { "\(self.code) \(self.segmentID ?? "-") line \(self.line)" }
    }

    var file: String
    var firstError: FirstError?
    /// A known issue of the 997 Porter writes for this file (it does not read back cleanly).

    var valid: Bool { self.firstError == nil }
    var testDescription: String { self.file }
    var url: URL { FixturePaths.sharedX12.appending(path: self.file) }

    static func valid(_ file: String) -> Self { Self(file: file, firstError: nil) }

    static func invalid(
        _ file: String, _ code: X12Finding.Code, _ segmentID: String?, line: Int
    ) -> Self {
        Self(
            file: file, firstError: FirstError(code: code, segmentID: segmentID, line: line))
    }

    static let all: [PublicValidation] = [
        // IEA02 000000001 for ISA13 000000055 (the manifest says so too).
        .invalid("indc__x12.850.edi", .interchangeControlNumberMismatch, "IEA", line: 15),
        // Line 23 `DTM*038*20190309` has no terminator, so it runs into the PO1 of line 24
        // (9 elements, DTM02 '20190309' LF 'PO1'); the manifest notes only the ISA16 problem.
        .invalid("indc__x12.850.issue135.edi", .tooManyDataElements, "DTM", line: 23),
        // N4*City*State*64116*US: N402 (156, ID 2/2) is the placeholder 'State'.
        .invalid("indc__x12.850a.edi", .elementTooLong, "N4", line: 24),
        // TFS and FGS are not 850 segments, BEG and PO1 are missing (as the manifest says).
        .invalid("indc__x12.Issue101.edi", .segmentNotInTransactionSet, "TFS", line: 4),
        .valid("nx12__850.edi"),
        .valid("nx12__850_2.edi"),
        .valid("nx12__850_3.edi"),
        // The manifest calls it valid, but it is the same interchange twice: ISA13 000003438
        // from the same sender to the same receiver (TA1 025, DOMAIN.md §1.7).
        .invalid("nx12__850_fat.edi", .duplicateInterchangeControlNumber, "ISA", line: 38),
        .valid("nx12__855.edi"),
        // 004060, validated with the 004010 schema (an info finding).
        .valid("nx12__856.edi"),
        // `@` is the component separator and PER04 is an e-mail address (…@SAUGOV.SA.GOV.AU):
        // a delimiter inside data. 003040 is validated with the 004010 schema, so its NTE
        // segments are also reported; the whole file is one line (0x1C terminators).
        .invalid(
            "oboe__5-850.x12", .tooManyComponents, "PER", line: 1),
        .valid("oboe__justTA1TestCase.edi"),
        .valid("oboe__lfTestCase.edi"),
        .valid("olme__850.Composite.SLN.OK.edi"),
        .valid("olme__850.OK.edi"),
        // PO106 CB without PO107, as the manifest says. Its "PO405 without PO406" is not
        // reported: Porter's 004010 PO4 has no syntax notes at all (see the report).
        .invalid("olme__850.SyntaxNotes.ERR.edi", .conditionalElementMissing, "PO1", line: 15),
        .valid("olme__856.Crossdock.OK.edi"),
        // A 940 (no schema, info only); the envelope control numbers disagree.
        .invalid("olme__ControlNumbersMismatch.edi", .transactionControlNumberMismatch, "SE", line: 7),
        .valid("olme__MultipleInterchangesAndGroups.edi"),
        .invalid("olme__NonEdi.edi", .notX12, nil, line: 1),
        .invalid("olme__WrongGroupsAndTranCount.edi", .transactionCountMismatch, "GE", line: 8),
        // 002001 has no schema: envelope checks only, and the envelope is sound.
        .valid("sped__002001_SH856_fail_1.edi"),
        // 003010 860, validated with the 004010 schema: nothing to report.
        .valid("sped__003010_PC860_fail_1.edi"),
        .invalid("sped__003010_PO850_fail_1.edi", .segmentCountMismatch, "SE", line: 29),
        // NTE is an 850 segment in 003050 but not in 004010, the schema used for it; the
        // DTM05 '20' is a century in 003050 and a format qualifier in 004010 (P0506).
        .invalid("sped__003050_PO850_fail_1.edi", .segmentNotInTransactionSet, "NTE", line: 6),
        .valid("sped__004010X357_SC850_basic-po.edi"),
        .valid("sped__004010X357_SC850_taxexempt-po.edi"),
        .valid("sped__004010X358_SC855_basic-po-ack-accepted.edi"),
        .valid("sped__004010X358_SC855_basic-po-ack-rejected.edi"),
        // The manifest calls it valid, but `ACK*IQ*20` has ACK02 without ACK03 (P0203).
        .invalid("sped__004010X358_SC855_po-ack-minor-changes.edi", .conditionalElementMissing, "ACK", line: 3),
        .valid("sped__004010X358_SC855_po-ack-ship-details.edi"),
        .valid("sped__004010_FA997_pass_1.edi"),
        .valid("sped__004010_PO850_pass_1.edi"),
        // The ISA is wrapped inside ISA10; PO103/SCH02 'DZN' are also too long for 355.
        .invalid("sped__004010_PR855_fail_2.edi", .invalidInterchangeHeader, "ISA", line: 1),
        .valid("sped__004010_PR855_pass_1.edi"),
        // `$` is the terminator; N1, N3, N4 and an HL end in `~` and run into one N1 segment.
        .invalid("sped__004010_SH856_fail_2.edi", .tooManyDataElements, "N1", line: 13),
        .valid("sped__005010X230_FA997_response-to-837s.edi"),
        // A 997 with neither AK1 nor AK9.
        .invalid("stae__empty997.edi", .mandatorySegmentMissing, "AK1", line: 4),
        // AK302 holds repetitions and components.
        .invalid("stae__extraDelimiter997.edi", .tooManyComponents, "AK3", line: 6),
        // AK101 'HC NOT IN CODESET' (too long before it is a bad code), AK402 not numeric.
        .invalid("stae__invalid997.edi", .elementTooLong, "AK1", line: 4),
        .invalid("stae__invalid997_min.edi", .invalidDate, "GS", line: 2),
        // The manifest calls it valid, but `N1*ST*CARGO LIMITED #112*92` has N103 without
        // N104 (P0304); the 810s have no schema (info).
        .invalid("stae__invoice810_po850_dual.edi", .conditionalElementMissing, "N1", line: 67),
        .valid("stae__multi-tx-transaction-type.edi"),
        .valid("stae__optionalInterchangeServices.edi"),
        .valid("stae__simple997-multiple-interchanges.edi"),
        .valid("stae__simple997.edi"),
        .valid("stae__x12_interchange_ack.txt"),
    ]
}

@Suite struct PublicValidationTests {
    @Test func everyFileHasARow() throws {
        let files = Set(try FixturePaths.sharedX12Files())
        let rows = PublicValidation.all.map(\.file)
        #expect(!files.isEmpty)
        #expect(files.subtracting(rows).sorted() == [], "files without a row in PublicValidation.all")
        #expect(Set(rows).subtracting(files).sorted() == [], "rows without a file")
        #expect(Set(rows).count == rows.count, "a file has two rows")
    }

    /// Every file of the folder is in the manifest the rows were checked against.
    @Test func everyFileIsInTheManifest() throws {
        let manifest = try String(
            contentsOf: FixturePaths.sharedPublic.appending(path: "MANIFEST.tsv"), encoding: .utf8)
        let listed = Set(manifest.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) })
        for row in PublicValidation.all {
            #expect(listed.contains("x12/\(row.file)"), "\(row.file) is not in MANIFEST.tsv")
        }
    }

    @Test(arguments: PublicValidation.all)
    func verdictAndFirstError(_ fixture: PublicValidation) throws {
        let run = try validate(file: fixture.url)
        #expect(run.isValid == fixture.valid, "\(run.transcript)")
        let first = run.errors.first.map {
            PublicValidation.FirstError(code: $0.code, segmentID: $0.location.segmentID, line: $0.location.line)
        }
        #expect(first == fixture.firstError, "\(run.transcript)")
    }

    /// The 997 Porter writes for the file reads back without errors, answers every group
    /// but `FA` ones with counts that match what was read, and rejects exactly the sets that
    /// had an error finding.
    @Test(arguments: PublicValidation.all)
    func acknowledgmentMatchesTheValidation(_ fixture: PublicValidation) throws {
        let options = X12AcknowledgmentOptions(kind: .fa997, timeSource: .fixed(goldenTimestamp))
        let (run, output) = try acknowledge(file: fixture.url, options: options)
        let answered = run.groupHeaders.indices.filter {
            run.groupHeaders[$0].functionalIdentifier.uppercased() != "FA"
        }
        guard !output.isEmpty else {
            // Nothing to answer: no group, or only acknowledgments (which are never acknowledged).
            #expect(answered.isEmpty)
            return
        }

        let readBack = try validate(bytes: output, name: "997")
        #expect(readBack.errors.isEmpty, "\(readBack.transcript)")
        #expect(readBack.warnings.isEmpty, "\(readBack.transcript)")

        let acknowledgments = try FunctionalAcknowledgment.all(in: output)
        try #require(acknowledgments.count == answered.count, "one 997 per group that is not FA")
        #expect(readBack.transactions == answered.count)
        for (index, acknowledgment) in zip(answered, acknowledgments) {
            let header = run.groupHeaders[index]
            let sets = run.sets.filter { $0.groupIndex == index }
            #expect(acknowledgment.identifier == "997")
            #expect(Array(acknowledgment.ak1.prefix(2)) == [header.functionalIdentifier, header.controlNumber])
            try #require(acknowledgment.answers.count == sets.count, "one AK2 per set of group \(header.controlNumber)")
            for (set, answer) in zip(sets, acknowledgment.answers) {
                #expect(Array(answer.ak2.prefix(2)) == [set.identifier, set.controlNumber])
                #expect(
                    (answer.ak5.first == "R") == set.hasErrors,
                    "set \(set.controlNumber): AK5 \(answer.ak5), findings \(set.findings.map(\.description))")
            }
            let accepted = sets.filter { !$0.hasErrors }.count
            let ak9 = acknowledgment.ak9
            try #require(ak9.count >= 4, "AK9 \(ak9)")
            #expect(ak9[2] == String(sets.count), "AK903: the sets read")
            #expect(ak9[3] == String(accepted), "AK904: the sets accepted")
            let countIsWrong = run.findings.contains {
                $0.code == .transactionCountMismatch && $0.location.group == header.controlNumber
            }
            if !countIsWrong { #expect(ak9[1] == String(sets.count), "AK902: GE01") }
        }
    }
}
