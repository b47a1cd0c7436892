import Foundation
import Testing
import X12

// MARK: - Running the validator

/// Everything `X12Validator` reported for one input, with the sets it saw.
///
/// Shared by the validation, public-fixture and acknowledgment-golden tests.
struct ValidationRun {
    /// One transaction set as the validator handed it out.
    struct TransactionSet {
        var identifier: String
        var controlNumber: String
        /// GS01 and GS06 of the enclosing group (`nil` for a set outside a group).
        var functionalIdentifier: String?
        var groupControlNumber: String?
        /// Index of the enclosing group in `ValidationRun.groupHeaders`.
        var groupIndex: Int?
        /// Every finding between the set's start and end events.
        var findings: [X12Finding] = []

        var hasErrors: Bool { self.findings.contains { $0.severity == .error } }
    }

    var interchanges = 0
    var groups = 0
    var transactions = 0
    var findings: [X12Finding] = []
    /// GS08 of the group open when each finding came (parallel to `findings`).
    var findingVersions: [String?] = []
    var sets: [TransactionSet] = []
    /// Every GS read, in order.
    var groupHeaders: [X12GroupHeader] = []

    var errors: [X12Finding] { self.findings.filter { $0.severity == .error } }
    var warnings: [X12Finding] { self.findings.filter { $0.severity == .warning } }
    var isValid: Bool { self.errors.isEmpty }
    /// `file:line: severity: message (context) [code]` per finding, for failure messages.
    var transcript: String { self.findings.map(\.description).joined(separator: "\n") }
}

/// Validates `source`, handing every event to `body` as it comes (a segment is valid only
/// inside `body`).
func validate(
    _ source: some ByteSource, name: String?, _ body: (X12Reader.Event) throws -> Void = { _ in }
) throws -> ValidationRun {
    var validator = X12Validator(
        reader: X12Reader(source: source, configuration: .init(sourceName: name)), sourceName: name)
    var run = ValidationRun()
    var group: X12GroupHeader?
    var open: ValidationRun.TransactionSet?
    while let event = try validator.next() {
        switch event {
        case .interchangeStart:
            run.interchanges += 1
        case .groupStart(let header):
            run.groups += 1
            run.groupHeaders.append(header)
            group = header
        case .groupEnd:
            group = nil
        case .transactionStart(let header):
            run.transactions += 1
            open = ValidationRun.TransactionSet(
                identifier: header.identifier, controlNumber: header.controlNumber,
                functionalIdentifier: group?.functionalIdentifier, groupControlNumber: group?.controlNumber,
                groupIndex: group == nil ? nil : run.groupHeaders.count - 1)
        case .transactionEnd:
            if let set = open { run.sets.append(set) }
            open = nil
        case .finding(let finding):
            run.findings.append(finding)
            run.findingVersions.append(group?.version)
            open?.findings.append(finding)
        case .segment, .interchangeEnd:
            break
        }
        try body(event)
    }
    return run
}

/// Validates a file, named by its last path component in the findings.
func validate(file url: URL, _ body: (X12Reader.Event) throws -> Void = { _ in }) throws -> ValidationRun {
    try validate(try X12Input.open(path: url.path), name: url.lastPathComponent, body)
}

/// Validates bytes in memory (an acknowledgment read back).
func validate(bytes: [UInt8], name: String? = nil) throws -> ValidationRun {
    try validate(MemoryByteSource(bytes), name: name)
}

// MARK: - Expectations

/// Exactly what one finding must say: every field is compared, `nil` included.
struct ExpectedFinding: Sendable {
    var severity: X12Finding.Severity = .error
    var code: X12Finding.Code
    var acknowledgment: X12AcknowledgmentCode?
    var line: Int
    var segmentPosition: Int?
    var segmentID: String?
    var element: Int? = nil
    var component: Int? = nil
    var loop: String? = nil
    var loopIdentifier: String? = nil
    var elementReference: String? = nil
    /// ST02 in the location (`nil` for group-level findings).
    var transaction: String? = "0001"
    var value: String? = nil
    var message: String

    /// The fields that differ, as `field → "expected …, got …"`.
    func differences(from finding: X12Finding) -> [(field: String, text: String)] {
        var result: [(String, String)] = []
        func compare<T: Equatable>(_ field: String, _ expected: T, _ actual: T) {
            if expected != actual { result.append((field, "expected \(expected), got \(actual)")) }
        }
        let location = finding.location
        compare("severity", self.severity, finding.severity)
        compare("code", self.code, finding.code)
        compare("acknowledgment", self.acknowledgment, finding.acknowledgment)
        compare("line", self.line, location.line)
        compare("segmentPosition", self.segmentPosition, location.segmentPosition)
        compare("segmentID", self.segmentID, location.segmentID)
        compare("element", self.element, location.element)
        compare("component", self.component, location.component)
        compare("loop", self.loop, location.loop)
        compare("loopIdentifier", self.loopIdentifier, location.loopIdentifier)
        compare("elementReference", self.elementReference, location.elementReference)
        compare("transaction", self.transaction, location.transaction)
        compare("value", self.value, finding.value)
        compare("message", self.message, finding.message)
        return result
    }
}

/// Checks `finding` against `expected`, recording every field that differs.
func check(
    _ finding: X12Finding, against expected: ExpectedFinding, sourceLocation: SourceLocation = #_sourceLocation
) {
    for difference in expected.differences(from: finding) {
        Issue.record("\(difference.field): \(difference.text)\n\(finding)", sourceLocation: sourceLocation)
    }
}

// MARK: - The rules

/// One file of `Fixtures/x12/validation/`: a small, otherwise valid interchange that breaks
/// one rule, and the one finding the validator must report for it.
struct ValidationRuleCase: CustomTestStringConvertible, Sendable {
    var file: String
    var expected: ExpectedFinding

    var testDescription: String { self.file }
    var url: URL { ValidationRuleCase.folder.appending(path: self.file) }

    static let folder = FixturePaths.x12.appending(path: "validation")

    /// Every `.x12` file of the folder.
    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".x12") }.sorted()
    }

    /// The fixtures that are valid as they stand (no finding at all).
    static let baselines = [
        "baseline-850-004010.x12", "baseline-850-005010.x12", "baseline-855.x12", "baseline-856.x12",
    ]

    // Lines: ISA 1, GS 2, ST 3 (segment position 1), then one segment per line.
    static let all: [ValidationRuleCase] = [
        // MARK: Structure (AK3/IK3)
        ValidationRuleCase(
            file: "mandatory-segment-missing.x12",
            expected: ExpectedFinding(
                code: .mandatorySegmentMissing, acknowledgment: .ak304("3"), line: 4, segmentPosition: 2,
                segmentID: "BEG", message: "mandatory segment BEG is missing in the transaction set")),
        ValidationRuleCase(
            file: "mandatory-loop-missing.x12",
            expected: ExpectedFinding(
                code: .mandatorySegmentMissing, acknowledgment: .ak304("3"), line: 10, segmentPosition: 8,
                segmentID: "PO1", message: "mandatory loop PO1 is missing in the transaction set")),
        ValidationRuleCase(
            file: "segment-exceeds-maximum-use.x12",
            expected: ExpectedFinding(
                code: .segmentExceedsMaximumUse, acknowledgment: .ak304("5"), line: 6, segmentPosition: 4,
                segmentID: "CUR", message: "segment CUR is used 2 times here, more than its maximum of 1")),
        ValidationRuleCase(
            file: "loop-exceeds-maximum-repeat.x12",
            expected: ExpectedFinding(
                code: .loopExceedsMaximumRepeat, acknowledgment: .ak304("4"), line: 13, segmentPosition: 11,
                segmentID: "CTT", loop: "CTT[2]", loopIdentifier: "CTT",
                message: "loop CTT occurs 2 times, more than its maximum of 1")),
        ValidationRuleCase(
            file: "segment-out-of-order.x12",
            expected: ExpectedFinding(
                code: .segmentOutOfOrder, acknowledgment: .ak304("7"), line: 6, segmentPosition: 4, segmentID: "CUR",
                message: "segment CUR is not in its proper sequence")),
        ValidationRuleCase(
            file: "segment-not-in-transaction-set.x12",
            expected: ExpectedFinding(
                code: .segmentNotInTransactionSet, acknowledgment: .ak304("6"), line: 6, segmentPosition: 4,
                segmentID: "BAK", message: "segment BAK is not part of transaction set 850")),
        ValidationRuleCase(
            file: "segment-unexpected.x12",
            expected: ExpectedFinding(
                code: .unexpectedSegmentHere, acknowledgment: .ak304("2"), line: 6, segmentPosition: 4,
                segmentID: "SCH", message: "segment SCH is not expected here")),
        ValidationRuleCase(
            file: "segment-unrecognized.x12",
            expected: ExpectedFinding(
                // Porter's dictionary holds only its sets' segments, so an unknown id gets
                // AK304 6 (not in the set), which it can say for sure, never 1.
                code: .segmentNotInTransactionSet, acknowledgment: .ak304("6"), line: 6, segmentPosition: 4,
                segmentID: "ZZZ", message: "segment ZZZ is not part of transaction set 850")),

        // MARK: Elements (AK4/IK4)
        ValidationRuleCase(
            file: "mandatory-element-missing.x12",
            expected: ExpectedFinding(
                code: .mandatoryElementMissing, acknowledgment: .ak403("1"), line: 4, segmentPosition: 2,
                segmentID: "BEG", element: 3, elementReference: "324",
                message: "BEG03 Purchase Order Number is mandatory but missing")),
        ValidationRuleCase(
            file: "too-many-data-elements.x12",
            expected: ExpectedFinding(
                code: .tooManyDataElements, acknowledgment: .ak403("3"), line: 5, segmentPosition: 3,
                segmentID: "REF", element: 5, value: "EXTRA", message: "REF has 5 elements; the standard defines 4")),
        ValidationRuleCase(
            file: "too-many-components.x12",
            expected: ExpectedFinding(
                code: .tooManyComponents, acknowledgment: .ak403("13"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 3, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "355",
                value: "EA>X",
                message:
                    "PO103 Unit or Basis for Measurement Code is a simple element but holds the component separator")),
        // The finding is right; its AK403 code is not a 004010 code (see acknowledgmentCodesBelongToTheVersion).
        ValidationRuleCase(
            file: "too-many-components-004010.x12",
            expected: ExpectedFinding(
                code: .tooManyComponents, acknowledgment: .ak403("13"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 3, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "355",
                value: "EA>X",
                message:
                    "PO103 Unit or Basis for Measurement Code is a simple element but holds the component separator")),
        ValidationRuleCase(
            file: "composite-too-many-components.x12",
            expected: ExpectedFinding(
                code: .tooManyComponents, acknowledgment: .ak403("13"), line: 5, segmentPosition: 3,
                segmentID: "REF", element: 4, value: "AH>1>VN>2>CT>3>XX",
                message: "REF04 Reference Identifier has 7 components; the standard defines 6")),
        ValidationRuleCase(
            file: "element-too-short.x12",
            expected: ExpectedFinding(
                code: .elementTooShort, acknowledgment: .ak403("4"), line: 9, segmentPosition: 7, segmentID: "N4",
                element: 1, loop: "N1[1]", loopIdentifier: "N1", elementReference: "19", value: "B",
                message: "N401 City Name 'B' is too short: 1 character, at least 2")),
        ValidationRuleCase(
            file: "element-too-long.x12",
            expected: ExpectedFinding(
                code: .elementTooLong, acknowledgment: .ak403("5"), line: 4, segmentPosition: 2, segmentID: "BEG",
                element: 3, elementReference: "324", value: "PO-1001-ABCDEFGHIJKLMNO",
                message:
                    "BEG03 Purchase Order Number 'PO-1001-ABCDEFGHIJKLMNO' is too long: 23 characters, at most 22")),
        ValidationRuleCase(
            file: "invalid-character.x12",
            expected: ExpectedFinding(
                code: .invalidCharacter, acknowledgment: .ak403("6"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 2, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "330",
                value: "2X", message: "PO102 quantity ordered '2X' is not a number (type R)")),
        ValidationRuleCase(
            file: "invalid-code.x12",
            expected: ExpectedFinding(
                code: .invalidCode, acknowledgment: .ak403("7"), line: 4, segmentPosition: 2, segmentID: "BAK",
                element: 2, elementReference: "587", value: "XX",
                message: "BAK02 Acknowledgment Type 'XX' is not a code of element 587")),
        ValidationRuleCase(
            file: "invalid-code-open-list.x12",
            expected: ExpectedFinding(
                severity: .info, code: .invalidCode, acknowledgment: .ak403("7"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 3, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "355",
                value: "XX", message: "PO103 Unit or Basis for Measurement Code 'XX' is not a code of element 355")),
        ValidationRuleCase(
            file: "invalid-element-date.x12",
            expected: ExpectedFinding(
                code: .invalidElementDate, acknowledgment: .ak403("8"), line: 4, segmentPosition: 2,
                segmentID: "BEG", element: 5, elementReference: "373", value: "20250231",
                message: "BEG05 Date '20250231' is not a valid CCYYMMDD date")),
        ValidationRuleCase(
            file: "invalid-element-time.x12",
            expected: ExpectedFinding(
                code: .invalidElementTime, acknowledgment: .ak403("9"), line: 6, segmentPosition: 4,
                segmentID: "DTM", element: 3, elementReference: "337", value: "2575",
                message: "DTM03 Time '2575' is not a valid HHMM[SS[D[D]]] time")),

        // MARK: Syntax notes
        ValidationRuleCase(
            file: "syntax-p-paired.x12",
            expected: ExpectedFinding(
                code: .conditionalElementMissing, acknowledgment: .ak403("2"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 7, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "234",
                message: "PO106, PO107 must be used together (syntax note P0607): PO107 is missing")),
        ValidationRuleCase(
            file: "syntax-r-required.x12",
            expected: ExpectedFinding(
                code: .conditionalElementMissing, acknowledgment: .ak403("2"), line: 7, segmentPosition: 5,
                segmentID: "N1", element: 2, loop: "N1[1]", loopIdentifier: "N1", elementReference: "93",
                message: "at least one of N102, N103 is required (syntax note R0203)")),
        ValidationRuleCase(
            file: "syntax-e-exclusion.x12",
            expected: ExpectedFinding(
                code: .exclusionViolated, acknowledgment: .ak403("10"), line: 9, segmentPosition: 7,
                segmentID: "N4", element: 7, loop: "N1[1]", loopIdentifier: "N1", elementReference: "1715",
                message: "only one of N402, N407 may be used (syntax note E0207)")),
        ValidationRuleCase(
            file: "syntax-c-conditional.x12",
            expected: ExpectedFinding(
                code: .conditionalElementMissing, acknowledgment: .ak403("2"), line: 10, segmentPosition: 8,
                segmentID: "PO1", element: 2, loop: "PO1[1]", loopIdentifier: "PO1", elementReference: "330",
                message: "PO103 requires PO102 (syntax note C0302): PO102 is missing")),
        ValidationRuleCase(
            file: "syntax-l-list-conditional.x12",
            expected: ExpectedFinding(
                code: .conditionalElementMissing, acknowledgment: .ak403("2"), line: 6, segmentPosition: 4,
                segmentID: "ITD", element: 4, elementReference: "370",
                message: "ITD03 requires at least one of ITD04, ITD05, ITD13 (syntax note L03040513)")),

        // MARK: Composites
        ValidationRuleCase(
            file: "composite-syntax-note.x12",
            expected: ExpectedFinding(
                code: .conditionalElementMissing, acknowledgment: .ak403("2"), line: 5, segmentPosition: 3,
                segmentID: "REF", element: 4, component: 4, elementReference: "127",
                message: "REF04-3, REF04-4 must be used together (syntax note P0304): REF04-4 is missing")),
        ValidationRuleCase(
            file: "composite-component-too-long.x12",
            expected: ExpectedFinding(
                code: .elementTooLong, acknowledgment: .ak403("5"), line: 5, segmentPosition: 3, segmentID: "REF",
                element: 4, component: 2, elementReference: "127", value: String(repeating: "A", count: 51),
                message: "REF04-2 Reference Identification '\(String(repeating: "A", count: 51))' is too long: "
                    + "51 characters, at most 50")),

        // MARK: 856 hierarchy
        ValidationRuleCase(
            file: "hierarchy-duplicate-id.x12",
            expected: ExpectedFinding(
                code: .hierarchyDuplicateID, acknowledgment: .ak403("7"), line: 12, segmentPosition: 10,
                segmentID: "HL", element: 1, loop: "HL[4]", loopIdentifier: "HL", elementReference: "628", value: "3",
                message: "HL01 '3' is used twice in this ship notice")),
        ValidationRuleCase(
            file: "hierarchy-parent-missing.x12",
            expected: ExpectedFinding(
                code: .hierarchyParentMissing, acknowledgment: .ak403("7"), line: 12, segmentPosition: 10,
                segmentID: "HL", element: 2, loop: "HL[4]", loopIdentifier: "HL", elementReference: "734", value: "9",
                message: "HL02 '9' does not name an earlier HL01 in this ship notice")),
        ValidationRuleCase(
            file: "hierarchy-level-order.x12",
            expected: ExpectedFinding(
                code: .hierarchyLevelOrder, acknowledgment: .ak403("7"), line: 12, segmentPosition: 10,
                segmentID: "HL", element: 3, loop: "HL[4]", loopIdentifier: "HL", elementReference: "735", value: "P",
                message: "HL level P cannot be under level I with structure code 0001")),
        ValidationRuleCase(
            file: "hierarchy-level-without-parent.x12",
            expected: ExpectedFinding(
                severity: .warning, code: .hierarchyLevelOrder, acknowledgment: .ak403("7"), line: 8,
                segmentPosition: 6, segmentID: "HL", element: 2, loop: "HL[2]", loopIdentifier: "HL",
                elementReference: "734", value: nil,
                message: "HL level O has no parent (HL02); with structure code 0001 only S is a top level")),

        // MARK: Schema choice (information only)
        ValidationRuleCase(
            file: "schema-not-applied-810.x12",
            expected: ExpectedFinding(
                severity: .info, code: .schemaNotApplied, acknowledgment: nil, line: 3, segmentPosition: 1,
                segmentID: "ST", element: 1,
                message: "transaction set 810 has no schema in Porter: checked at envelope level only")),
        ValidationRuleCase(
            file: "nearest-schema-004060.x12",
            expected: ExpectedFinding(
                severity: .info, code: .schemaNotApplied, acknowledgment: nil, line: 2, segmentPosition: nil,
                segmentID: "GS", element: 8, transaction: nil,
                message: "version 004060 is validated with the nearest schema, 004010")),

        // MARK: Recovery
        ValidationRuleCase(
            file: "recoverability.x12",
            expected: ExpectedFinding(
                code: .invalidElementDate, acknowledgment: .ak403("8"), line: 4, segmentPosition: 2,
                segmentID: "BEG", element: 5, elementReference: "373", value: "20251301",
                message: "BEG05 Date '20251301' is not a valid CCYYMMDD date")),
    ]
}

@Suite struct ValidationRuleTests {
    @Test(arguments: ValidationRuleCase.all)
    func fixtureHasExactlyTheExpectedFinding(_ rule: ValidationRuleCase) throws {
        let run = try validate(file: rule.url)
        let finding = try #require(run.findings.first, "no finding at all")
        #expect(run.findings.count == 1, "\(run.transcript)")
        #expect(finding.location.file == rule.file)
        #expect(finding.location.interchange != nil)
        check(finding, against: rule.expected)
        #expect(run.isValid == (rule.expected.severity != .error))
    }

    /// The fixtures are clean at envelope level: the one finding comes from the schema.
    @Test(arguments: try ValidationRuleCase.files())
    func fixtureIsCleanForTheReader(_ file: String) throws {
        let result = try read(file: ValidationRuleCase.folder.appending(path: file))
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.interchanges == 1)
    }

    @Test(arguments: ValidationRuleCase.baselines)
    func baselineHasNoFinding(_ file: String) throws {
        let run = try validate(file: ValidationRuleCase.folder.appending(path: file))
        #expect(run.findings.isEmpty, "\(run.transcript)")
    }

    @Test func everyFixtureHasARowAndIsDescribed() throws {
        let files = Set(try ValidationRuleCase.files())
        let rows = ValidationRuleCase.all.map(\.file) + ValidationRuleCase.baselines
        #expect(Set(rows).count == rows.count, "a file has two rows")
        #expect(files.subtracting(rows).sorted() == [], "files without a row")
        #expect(Set(rows).subtracting(files).sorted() == [], "rows without a file")
        let readme = try String(
            contentsOf: ValidationRuleCase.folder.appending(path: "README.md"), encoding: .utf8)
        for file in files.sorted() {
            #expect(readme.contains("`\(file)`"), "README.md does not describe \(file)")
        }
    }

    /// Each syntax-note kind has its own fixture and is reported as its kind.
    @Test(arguments: [
        ("syntax-p-paired.x12", "P0607"), ("syntax-r-required.x12", "R0203"), ("syntax-e-exclusion.x12", "E0207"),
        ("syntax-c-conditional.x12", "C0302"), ("syntax-l-list-conditional.x12", "L03040513"),
        ("composite-syntax-note.x12", "P0304"),
    ])
    func syntaxNoteIsNamed(_ file: String, _ note: String) throws {
        let run = try validate(file: ValidationRuleCase.folder.appending(path: file))
        #expect(run.findings.count == 1)
        #expect(run.findings.first?.message.contains("(syntax note \(note))") == true, "\(run.transcript)")
    }

    /// An unknown transaction set is information only, never an error or a warning.
    @Test func unknownTransactionSetIsOnlyInformation() throws {
        let run = try validate(file: ValidationRuleCase.folder.appending(path: "schema-not-applied-810.x12"))
        #expect(run.findings.allSatisfy { $0.severity == .info }, "\(run.transcript)")
        #expect(run.findings.map(\.code) == [.schemaNotApplied])
        #expect(run.sets.map(\.identifier) == ["810"])
    }

    /// A bad set does not spill into the next one: the good set after it has no finding.
    @Test func goodSetAfterABadOneHasNoFinding() throws {
        let run = try validate(file: ValidationRuleCase.folder.appending(path: "recoverability.x12"))
        try #require(run.sets.count == 2)
        #expect(run.sets[0].controlNumber == "0001")
        #expect(run.sets[0].findings.map(\.code) == [.invalidElementDate])
        #expect(run.sets[1].controlNumber == "0002")
        #expect(run.sets[1].findings.isEmpty, "\(run.sets[1].findings.map(\.description))")
    }

    /// Every acknowledgment code a finding carries exists in the version of its group
    /// (AK403 12 and 13 are 005010 only, DOMAIN.md §2.3).
    @Test(arguments: try ValidationRuleCase.files())
    func acknowledgmentCodesBelongToTheVersion(_ file: String) throws {
        let run = try validate(file: ValidationRuleCase.folder.appending(path: file))
        var outOfList: [String] = []
        for (finding, version) in zip(run.findings, run.findingVersions) {
            guard let acknowledgment = finding.acknowledgment, let version,
                let (schema, _) = X12Schema.nearest(toGroupVersion: version)
            else { continue }
            let element: String
            switch acknowledgment {
            case .ak304: element = "720"
            case .ak403: element = "723"
            case .ak502: element = "718"
            case .ak905: element = "716"
            case .ta105: continue
            }
            guard let codes = schema.elements[element]?.codes else { continue }
            // Findings carry the 005010 meaning; a 004010 acknowledgment answers AK403 12 and
            // 13 (and AK905 19) with 6, which the acknowledgment goldens check.
            let answeredIn004010 = ["12", "13", "19"].contains(acknowledgment.value) ? "6" : acknowledgment.value
            let value = schema.version == "004010" ? answeredIn004010 : acknowledgment.value
            if !codes.contains(value) {
                outOfList.append("\(acknowledgment.element) \(acknowledgment.value) in \(schema.version): \(finding)")
            }
        }
        #expect(outOfList == [])
    }

    /// Every sample document of the project validates with no error and no warning.
    @Test(arguments: try ValidationRuleTests.sampleFiles())
    func sampleDocumentIsValid(_ file: String) throws {
        let run = try validate(file: FixturePaths.x12.appending(path: file))
        #expect(run.errors.isEmpty, "\(run.transcript)")
        #expect(run.warnings.isEmpty, "\(run.transcript)")
        #expect(run.transactions > 0)
    }

    static func sampleFiles() throws -> [String] {
        try ["850", "855", "856", "860", "997"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: FixturePaths.x12.appending(path: folder).path)
                .filter { $0.hasSuffix(".edi") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test func everySampleFolderHasDocuments() throws {
        let files = try Self.sampleFiles()
        for folder in ["850", "855", "856", "860", "997"] {
            #expect(files.contains { $0.hasPrefix(folder + "/") }, "no sample in \(folder)")
        }
    }

    // MARK: String (AN) content

    /// The 004010 baseline 850 with one segment replaced.
    static func baseline(replacing old: String, with new: String) throws -> [UInt8] {
        let text = try String(
            contentsOf: ValidationRuleCase.folder.appending(path: "baseline-850-004010.x12"), encoding: .utf8)
        #expect(text.contains(old))
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    /// DOMAIN.md §7: "an all-space value counts as invalid, not absent" and "a mandatory
    /// element filled with spaces is present-but-invalid" (RFI 2144).
    @Test func mandatoryElementOfSpacesIsAnError() throws {
        let bytes = try Self.baseline(replacing: "BEG*00*SA*PO-1001**", with: "BEG*00*SA*   **")
        let run = try validate(bytes: bytes, name: "spaces")
        let finding = run.errors.first
        #expect(finding?.location.segmentID == "BEG" && finding?.location.element == 3, "\(run.transcript)")
    }

    /// A control character is in no X12 character set (basic or extended, DOMAIN.md §7):
    /// AK403 6, invalid character.
    @Test func controlCharacterInAStringIsAnError() throws {
        let bytes = try Self.baseline(replacing: "N3*418 Juniper Hollow Rd", with: "N3*418 Juniper\u{01}Hollow Rd")
        let run = try validate(bytes: bytes, name: "control")
        let finding = run.errors.first
        #expect(finding?.code == .invalidCharacter, "\(run.transcript)")
        #expect(finding?.acknowledgment == .ak403("6"))
        #expect(finding?.location.segmentID == "N3" && finding?.location.element == 1)
    }

    // MARK: Envelope problems seen by the validator

    /// A missing SE is the reader's finding (AK502 2). The validator must not report the SE
    /// again as a missing mandatory segment, and no finding may sit on line 0.
    @Test(arguments: ["missing-se.edi", "truncated.edi"])
    func missingTrailerIsReportedOnceWithARealLine(_ file: String) throws {
        let run = try validate(file: FixturePaths.x12.appending(path: "envelope-errors/\(file)"))
        #expect(run.findings.contains { $0.code == .missingTransactionTrailer })
        #expect(!run.findings.contains { $0.code == .mandatorySegmentMissing }, "\(run.transcript)")
        #expect(run.findings.allSatisfy { $0.location.line >= 1 }, "\(run.transcript)")
    }

    /// A duplicate GS06 is AK905 19 ("not unique within the interchange", 005010); a 004010
    /// acknowledgment, which has no 19 (there it means "S1E missing"), answers it with 6.
    @Test func duplicateGroupControlNumberIn004010IsCode6() throws {
        let url = FixturePaths.x12.appending(path: "envelope-errors/duplicate-gs06.edi")
        let run = try validate(file: url)
        let finding = try #require(run.findings.first { $0.code == .duplicateGroupControlNumber })
        #expect(finding.acknowledgment == .ak905("19"))
        let golden = try String(
            contentsOf: FixturePaths.x12.appending(path: "acknowledgments/envelope-errors/duplicate-gs06.edi.997"),
            encoding: .utf8)
        #expect(golden.contains("AK9*R*1*1*1*6~"))
    }
}
