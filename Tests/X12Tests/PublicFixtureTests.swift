import Foundation
import Testing
import X12

/// What the reader must make of one file in `../shared/fixtures/public/x12/`.
///
/// Every value was read by the reader and then checked by hand against the file and the
/// notes in `../shared/fixtures/public/MANIFEST.tsv`.
struct PublicFixture: CustomTestStringConvertible, Sendable {
    var file: String
    var interchanges: Int
    var groups: Int
    var transactions: Int
    var errors: Set<String>
    var warnings: Set<String>

    init(
        _ file: String, _ interchanges: Int, _ groups: Int, _ transactions: Int,
        errors: Set<String> = [], warnings: Set<String> = []
    ) {
        self.file = file
        self.interchanges = interchanges
        self.groups = groups
        self.transactions = transactions
        self.errors = errors
        self.warnings = warnings
    }

    var testDescription: String { self.file }
    var url: URL { FixturePaths.sharedX12.appending(path: self.file) }

    // ISA12 00400, 00406, 00304, 00300 and 00200 are neither 00401 nor 00501.
    private static let oldVersion: Set<String> = ["unsupportedInterchangeVersion"]

    static let all: [PublicFixture] = [
        // IEA02 000000001 vs ISA13 000000055; ISA02/04/06/08 padded with U+00A0 (106
        // characters, more bytes).
        PublicFixture(
            "indc__x12.850.edi", 1, 1, 1, errors: ["interchangeControlNumberMismatch"],
            warnings: ["isaNonASCIIPadding"]),
        // ISA16 left out ("*T*~" + LF); SE01 87 but 86 segments (a blank line is not one);
        // both sets are ST02 0001.
        PublicFixture(
            "indc__x12.850.issue135.edi", 1, 1, 2,
            errors: ["segmentCountMismatch", "duplicateTransactionControlNumber"],
            warnings: ["missingComponentSeparator", "isaLength"]),
        // As x12.850.edi, but ISA08 is 4 characters short (102 characters) and TAB-indented.
        PublicFixture(
            "indc__x12.850a.edi", 1, 1, 1, errors: ["interchangeControlNumberMismatch"],
            warnings: ["isaLength", "isaNonASCIIPadding"]),
        // SE01 50 for 5 segments; IEA02 mismatch; space-indented.
        PublicFixture(
            "indc__x12.Issue101.edi", 1, 1, 1,
            errors: ["segmentCountMismatch", "interchangeControlNumberMismatch"],
            warnings: ["isaLength", "isaNonASCIIPadding"]),
        PublicFixture("nx12__850.edi", 1, 1, 1, warnings: oldVersion),
        // LF as the terminator.
        PublicFixture("nx12__850_2.edi", 1, 1, 1, warnings: oldVersion),
        PublicFixture("nx12__850_3.edi", 1, 1, 1),
        // The same interchange twice: ISA13 000003438 from the same sender to the same receiver.
        PublicFixture(
            "nx12__850_fat.edi", 2, 2, 2, errors: ["duplicateInterchangeControlNumber"], warnings: oldVersion),
        PublicFixture("nx12__855.edi", 1, 1, 1),
        // ISA12 00406 with `-` as the repetition separator.
        PublicFixture("nx12__856.edi", 1, 1, 1, warnings: oldVersion),
        // 0x1D element separator, 0x1C terminator, CR LF after the last one; ISA12 00304.
        PublicFixture("oboe__5-850.x12", 1, 1, 1, warnings: oldVersion),
        // TA1 only, IEA01 1 with no group.
        PublicFixture("oboe__justTA1TestCase.edi", 1, 0, 0, warnings: ["groupCountMismatch"]),
        // `~` as the element separator, LF as the terminator, 12 sets.
        PublicFixture("oboe__lfTestCase.edi", 1, 1, 12),
        PublicFixture("olme__850.Composite.SLN.OK.edi", 1, 1, 1, warnings: oldVersion),
        PublicFixture("olme__850.OK.edi", 1, 1, 1, warnings: oldVersion),
        // Syntax-note violations are for schema validation, not the envelope reader.
        PublicFixture("olme__850.SyntaxNotes.ERR.edi", 1, 1, 1, warnings: oldVersion),
        PublicFixture("olme__856.Crossdock.OK.edi", 1, 1, 1),
        PublicFixture(
            "olme__ControlNumbersMismatch.edi", 1, 1, 1,
            errors: [
                "transactionControlNumberMismatch", "groupControlNumberMismatch", "interchangeControlNumberMismatch",
            ],
            warnings: oldVersion),
        // IEA02 3438 for ISA13 000003438 (and 3439): equal numbers, not zero-padded.
        PublicFixture(
            "olme__MultipleInterchangesAndGroups.edi", 2, 4, 6,
            warnings: ["controlNumberFormat", "unsupportedInterchangeVersion"]),
        PublicFixture("olme__NonEdi.edi", 0, 0, 0, errors: ["notX12"]),
        // GE01 2 and IEA01 2 for one set in one group; IEA02 3438 not zero-padded.
        PublicFixture(
            "olme__WrongGroupsAndTranCount.edi", 1, 1, 1,
            errors: ["transactionCountMismatch", "groupCountMismatch"],
            warnings: ["controlNumberFormat", "unsupportedInterchangeVersion"]),
        // Collapsed ISA padding (78 characters); ISA12 00200 with GS08 002001.
        PublicFixture(
            "sped__002001_SH856_fail_1.edi", 1, 1, 2, warnings: ["isaLength", "unsupportedInterchangeVersion"]),
        // ISA12 00200 but GS08 003010.
        PublicFixture(
            "sped__003010_PC860_fail_1.edi", 1, 1, 1,
            warnings: ["isaLength", "unsupportedInterchangeVersion", "versionMismatch"]),
        // As above, and SE01 28 for 27 segments.
        PublicFixture(
            "sped__003010_PO850_fail_1.edi", 1, 1, 1, errors: ["segmentCountMismatch"],
            warnings: ["isaLength", "unsupportedInterchangeVersion", "versionMismatch"]),
        // The ISA is wrapped after ISA08; `!` is the terminator, so the LF is (silently) data.
        PublicFixture(
            "sped__003050_PO850_fail_1.edi", 1, 1, 1, warnings: ["isaLength", "unsupportedInterchangeVersion"]),
        // GS01 SC (as the aerospace guides X357/X358 use) with 850 and 855 sets.
        PublicFixture(
            "sped__004010X357_SC850_basic-po.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        PublicFixture(
            "sped__004010X357_SC850_taxexempt-po.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        PublicFixture(
            "sped__004010X358_SC855_basic-po-ack-accepted.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        PublicFixture(
            "sped__004010X358_SC855_basic-po-ack-rejected.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        PublicFixture(
            "sped__004010X358_SC855_po-ack-minor-changes.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        PublicFixture(
            "sped__004010X358_SC855_po-ack-ship-details.edi", 1, 1, 1, warnings: ["functionalIdentifierMismatch"]),
        // ISA06 is 12 characters (103 in all); ISA12 00400; LF terminator, backtick ISA16.
        PublicFixture(
            "sped__004010_FA997_pass_1.edi", 1, 1, 1, warnings: ["isaLength", "unsupportedInterchangeVersion"]),
        // ISA08 is 16 characters (107 in all).
        PublicFixture("sped__004010_PO850_pass_1.edi", 1, 1, 1, warnings: ["isaLength"]),
        // The ISA is wrapped inside ISA10 and LF is the terminator: ISA10 is "213" LF "5".
        PublicFixture(
            "sped__004010_PR855_fail_2.edi", 1, 1, 1, errors: ["invalidInterchangeHeader", "invalidTime"],
            warnings: ["isaLength"]),
        PublicFixture("sped__004010_PR855_pass_1.edi", 1, 1, 1, warnings: oldVersion),
        // `$` is the terminator; three segments end with `~` + blank lines and run into one.
        PublicFixture(
            "sped__004010_SH856_fail_2.edi", 1, 1, 1, errors: ["segmentCountMismatch"], warnings: oldVersion),
        // A BOM (an info finding only), no line breaks, ISA11 `>`.
        PublicFixture("sped__005010X230_FA997_response-to-837s.edi", 1, 1, 1),
        // ISA12 00401 with GS08 005010.
        PublicFixture("stae__empty997.edi", 1, 1, 1, warnings: ["versionMismatch"]),
        // Repetitions and components in simple elements are a schema matter.
        PublicFixture("stae__extraDelimiter997.edi", 1, 1, 1),
        PublicFixture("stae__invalid997.edi", 1, 1, 1),
        // GS04 BAD_DATE, GS05 295335, GE02 not GS06.
        PublicFixture(
            "stae__invalid997_min.edi", 1, 1, 1, errors: ["invalidDate", "invalidTime", "groupControlNumberMismatch"]),
        // The second group's GS08 is 003010 in a 00401 interchange.
        PublicFixture("stae__invoice810_po850_dual.edi", 1, 2, 3, warnings: ["versionMismatch"]),
        PublicFixture("stae__multi-tx-transaction-type.edi", 1, 1, 2),
        // ISB and ISE between ISA and GS are fine; GS08 005010X230 in a 00401 interchange is not.
        PublicFixture("stae__optionalInterchangeServices.edi", 1, 1, 1, warnings: ["versionMismatch"]),
        // GS06 and ST02 repeat across interchanges, which is allowed.
        PublicFixture("stae__simple997-multiple-interchanges.edi", 3, 3, 3),
        PublicFixture("stae__simple997.edi", 1, 1, 1),
        PublicFixture("stae__x12_interchange_ack.txt", 1, 0, 0, warnings: ["groupCountMismatch"]),
    ]
}

/// The location and text of one finding the reader must report for a public file.
struct PublicKeyFinding: CustomTestStringConvertible, Sendable {
    var file: String
    var code: String
    var line: Int
    var segmentID: String?
    var element: Int?
    var segmentPosition: Int? = nil
    var interchange: String?
    var group: String? = nil
    var transaction: String? = nil
    var value: String? = nil
    var message: String

    var testDescription: String { "\(self.file) \(self.code)" }

    static let all: [PublicKeyFinding] = [
        PublicKeyFinding(
            file: "olme__ControlNumbersMismatch.edi", code: "transactionControlNumberMismatch", line: 7,
            segmentID: "SE", element: 2, segmentPosition: 5, interchange: "000003438", group: "3314",
            transaction: "0001", value: "0002", message: "SE02 '0002' does not match ST02 '0001'"),
        PublicKeyFinding(
            file: "olme__ControlNumbersMismatch.edi", code: "groupControlNumberMismatch", line: 8, segmentID: "GE",
            element: 2, interchange: "000003438", group: "3314", value: "3315",
            message: "GE02 '3315' does not match GS06 '3314'"),
        PublicKeyFinding(
            file: "olme__WrongGroupsAndTranCount.edi", code: "groupCountMismatch", line: 9, segmentID: "IEA",
            element: 1, interchange: "000003438", value: "2",
            message: "IEA01 says 2 functional groups, the interchange has 1"),
        PublicKeyFinding(
            file: "sped__004010_SH856_fail_2.edi", code: "segmentCountMismatch", line: 29, segmentID: "SE", element: 1,
            segmentPosition: 22, interchange: "000000089", group: "000000089", transaction: "0000001", value: "25",
            message: "SE01 says 25 segments, the set has 22 (ST and SE included)"),
        PublicKeyFinding(
            file: "indc__x12.850.issue135.edi", code: "missingComponentSeparator", line: 1, segmentID: "ISA",
            element: 16, interchange: "000000001",
            message: "ISA16 (component separator) is missing: '~' right after ISA15 is the segment terminator"),
        PublicKeyFinding(
            file: "indc__x12.850.issue135.edi", code: "duplicateTransactionControlNumber", line: 90, segmentID: "ST",
            element: 2, segmentPosition: 1, interchange: "000000001", group: "1", transaction: "0001", value: "0001",
            message: "transaction set control number 0001 is used twice in this group"),
        PublicKeyFinding(
            file: "indc__x12.850.edi", code: "interchangeControlNumberMismatch", line: 15, segmentID: "IEA",
            element: 2, interchange: "000000055", value: "000000001",
            message: "IEA02 '000000001' does not match ISA13 '000000055'"),
        PublicKeyFinding(
            file: "nx12__850_fat.edi", code: "duplicateInterchangeControlNumber", line: 38, segmentID: "ISA",
            element: 13, interchange: "000003438", value: "000003438",
            message:
                "interchange control number 000003438 from 4405197800 to 999999999 was already used in this input"),
        PublicKeyFinding(
            file: "stae__invalid997_min.edi", code: "invalidDate", line: 2, segmentID: "GS", element: 4,
            interchange: "508121953", group: "000005", value: "BAD_DATE",
            message: "GS04 date 'BAD_DATE' is not a valid CCYYMMDD date"),
        PublicKeyFinding(
            file: "sped__004010_PR855_fail_2.edi", code: "invalidInterchangeHeader", line: 1, segmentID: "ISA",
            element: 10, interchange: "702351422", value: "213\n5",
            message: "ISA10 contains the segment terminator LF: the ISA header is wrapped or cut"),
        PublicKeyFinding(
            file: "olme__NonEdi.edi", code: "notX12", line: 1, segmentID: nil, element: nil, interchange: nil,
            value: "Tk9OIEVESSBGSUxFISAasadsdfs",
            message: "not X12: no ISA segment found; the input starts with 'Tk9OIEVESSBGSUxFISAasadsdfs'"),
    ]
}

@Suite struct PublicFixtureTests {
    @Test(arguments: PublicFixture.all)
    func fileReadsAsExpected(_ fixture: PublicFixture) throws {
        let result = try read(file: fixture.url)
        let findings = result.findings.map(\.description)
        #expect(result.interchanges == fixture.interchanges)
        #expect(result.groups == fixture.groups)
        #expect(result.transactions == fixture.transactions)
        #expect(result.errorCodes == fixture.errors, "\(findings)")
        #expect(result.warningCodes == fixture.warnings, "\(findings)")
    }

    @Test func everyFileHasARow() throws {
        let files = Set(try FixturePaths.sharedX12Files())
        let rows = PublicFixture.all.map(\.file)
        #expect(!files.isEmpty)
        #expect(files.subtracting(rows).sorted() == [], "files without a row in PublicFixture.all")
        #expect(Set(rows).subtracting(files).sorted() == [], "rows without a file")
        #expect(Set(rows).count == rows.count, "a file has two rows")
    }

    @Test(arguments: PublicKeyFinding.all)
    func keyFindingIsLocated(_ expected: PublicKeyFinding) throws {
        let result = try read(file: FixturePaths.sharedX12.appending(path: expected.file))
        let matches = result.findings(X12Finding.Code(expected.code))
        let finding = try #require(matches.first, "\(result.findings.map(\.description))")
        #expect(matches.count == 1)
        #expect(finding.location.file == expected.file)
        #expect(finding.location.line == expected.line)
        #expect(finding.location.segmentID == expected.segmentID)
        #expect(finding.location.element == expected.element)
        #expect(finding.location.segmentPosition == expected.segmentPosition)
        #expect(finding.location.interchange == expected.interchange)
        #expect(finding.location.group == expected.group)
        #expect(finding.location.transaction == expected.transaction)
        #expect(finding.value == expected.value)
        #expect(finding.message == expected.message)
    }

    // MARK: What particular files hold

    /// Without ISA16, `~` is the terminator: GS08 and IEA02 carry no stray `~`.
    @Test func missingISA16TakesTildeAsTerminator() throws {
        let result = try read(file: FixturePaths.sharedX12.appending(path: "indc__x12.850.issue135.edi"))
        let gs = try #require(result.segments.first { $0.id == "GS" })
        #expect(gs.elements.last == "004010")
        let iea = try #require(result.segments.last)
        #expect(iea == X12OwnedSegment("IEA", ["1", "000000001"]))
        #expect(!result.segments.contains { $0.description.contains("~") })
    }

    @Test func controlCharacterDelimitersAreFound() throws {
        var reader = X12Reader(
            source: try X12Input.open(path: FixturePaths.sharedX12.appending(path: "oboe__5-850.x12").path))
        var header: X12InterchangeHeader?
        while let event = try reader.next() {
            if case .interchangeStart(let found) = event { header = found }
        }
        #expect(
            header?.delimiters
                == X12Delimiters(element: 0x1D, component: UInt8(ascii: "@"), repetition: nil, segment: [0x1C]))
        let result = try read(file: FixturePaths.sharedX12.appending(path: "oboe__5-850.x12"))
        #expect(result.segments.last == X12OwnedSegment("IEA", ["1", "000002311"]))
        #expect(result.segments.first { $0.id == "SE" } == X12OwnedSegment("SE", ["32", "0001"]))
    }

    /// `$` is the terminator, so the N1, N3 and N4 that end in `~` are one N1 segment.
    @Test func segmentsEndingInTildeRunTogetherWhenDollarIsTheTerminator() throws {
        let result = try read(file: FixturePaths.sharedX12.appending(path: "sped__004010_SH856_fail_2.edi"))
        let n1 = try #require(result.segments.first { $0.id == "N1" })
        #expect(
            n1.elements
                == [
                    "SU", "SUPPLIER ABC INC", "92", "010020001-ABCINC~\n\nN3", "123 MAIN ST.~\n\nN4", "BEAUPORT", "QC",
                    "G1K 8Y2", "CAN~\nHL", "2", "1", "O", "1",
                ])
        // The merged segment counts once: 22 segments, where SE01 says 25.
        #expect(result.segments.filter { $0.id == "HL" }.count == 2)
    }

    /// Header fields come through U+00A0 padding and a 00406 repetition separator.
    @Test func headersOfOddInterchanges() throws {
        func header(_ file: String) throws -> X12InterchangeHeader? {
            var reader = X12Reader(source: try X12Input.open(path: FixturePaths.sharedX12.appending(path: file).path))
            while let event = try reader.next() {
                if case .interchangeStart(let header) = event { return header }
            }
            return nil
        }
        let nbsp = try #require(try header("indc__x12.850.edi"))
        #expect(nbsp.senderID == "000123456")
        #expect(nbsp.receiverID == "PARTNERID")
        #expect(nbsp.delimiters == X12Delimiters(element: 0x2A, component: 0x3E, repetition: nil, segment: [0x7E]))
        let dash = try #require(try header("nx12__856.edi"))
        #expect(dash.version == "00406")
        #expect(dash.delimiters.repetition == UInt8(ascii: "-"))
        let bom = try #require(try header("sped__005010X230_FA997_response-to-837s.edi"))
        #expect(bom.delimiters == X12Delimiters(element: 0x2A, component: 0x3A, repetition: 0x3E, segment: [0x7E]))
        #expect(bom.byteOffset == 3)
    }

    /// ISA02 and ISA04 are secrets: no finding of any public file repeats them.
    @Test(arguments: PublicFixture.all)
    func authorizationAndSecurityNeverAppearInFindings(_ fixture: PublicFixture) throws {
        let bytes = try Array(Data(contentsOf: fixture.url))
        guard let start = bytes.firstRange(of: Array("ISA".utf8))?.lowerBound, start + 4 < bytes.count else { return }
        let separator = bytes[start + 3]
        let fields = bytes[start...].prefix(200).split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count > 4 else { return }
        let secrets = [fields[2], fields[4]].map { String(decoding: $0, as: UTF8.self) }
            .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{00A0}"))) }
            .filter { !$0.isEmpty }
        let result = try read(file: fixture.url)
        for secret in secrets {
            for finding in result.findings {
                #expect(!finding.description.contains(secret), "\(finding)")
                #expect(!(finding.value ?? "").contains(secret), "\(finding)")
            }
        }
    }
}
