import Testing

@testable import X12

/// The validator's fast paths (``FastElementCheck``, the HL bookkeeping) against the exact
/// checkers they stand in front of: a segment the fast check passes must be one the checker
/// finds nothing in, whatever its bytes.
@Suite struct FastValidationTests {
    /// Good segments of an 850, as templates (`*` element, `:` component, `^` repetition).
    static let segments = [
        "BEG*00*SA*PO-1**20240301", "CUR*BY*USD", "REF*DP*415", "PER*BD*THOMAS MARTIN*TE*4075551157",
        "ITD*05*3*****60", "DTM*002*20240204", "TD5*B*2*UPSN*U*UPS GROUND", "N1*BT*NORTHWIND*92*AP01",
        "N3*7026 PIONEER ST", "N4*INDIANAPOLIS*IN*46267*US", "PO1*1*1056*EA*8.09*PE*UP*622564265055*VN*RH-52560",
        "PID*F****COZY PHOTO FRAME IVORY 8X10 IN", "PO4*48*1*EA*PLT94*G*57.6*LB", "CTT*15*409",
    ]

    /// Values put in every position of every segment: each kind of problem a value can have,
    /// at lengths on both sides of the 4- and 8-byte words the fast check reads.
    static let values = [
        "", " ", "   ", "A", "AB", "ABC", "ABCD", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNOPQ",
        " A", "A ", "\u{01}", "AB\u{1F}", "ABCDEFGH\u{7F}", "ABCDEFG\u{0A}XYZ", "É", "ÉCOLE", "ABCDEFGHIJÉ",
        "A:B", "ABCDEFGHI:", "A^B", "ABCDEFGHIJ^", "0", "7", "-", "-1", "1-", "12345678901234567890", "1.5", ".5",
        "1.", "1.2.3", "-1.5", "1.-5", "+1", "20240229", "20230229", "20241301", "20240431", "240301",
        "2400", "2359", "2360", "235959", "2359599", "23595999", "235960", "12", "DP", "IA", "ZZ", "00", "SA",
        "EA", "CA", "USD", "UP", "VN", "XX", "AB:CD",
    ]

    @Test(arguments: ["00401", "00501"])
    func fastCheckPassesOnlyWhatTheCheckerFindsNothingIn(_ version: String) throws {
        var document = TestDocument()
        document.version = version
        if version == "00501" { document.isa11 = UInt8(ascii: "^") }
        let (schema, _) = try #require(X12Schema.nearest(toGroupVersion: document.groupVersion))
        let set = try #require(CompiledSchemas.transactionSet("850", schema: schema))
        var templates: [String] = []
        for template in Self.segments {
            let parts = template.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            templates.append(template)
            for position in 1..<(parts.count + 2) {
                for value in Self.values {
                    var changed = parts
                    while changed.count <= position { changed.append("") }
                    changed[position] = value
                    templates.append(changed.joined(separator: "*"))
                }
            }
        }
        var checked = 0
        var passed = 0
        var disagreements: [String] = []
        try forEachSegment(in: document.isa() + document.segments(templates)) { segment in
            guard let rules = set.segmentList.first(where: { $0.id == segment.idString }) else { return }
            for allowsShortDates in [false, true] {
                let fast = FastElementCheck.passes(segment, rules.fast, allowsShortDates: allowsShortDates)
                var checker = ElementChecker(segment: segment, rules: rules, allowsShortDates: allowsShortDates)
                checker.run()
                checked += 1
                if fast { passed += 1 }
                if fast && !checker.problems.isEmpty {
                    disagreements.append(
                        "\(segment.copy()): fast check passed, checker found \(checker.problems.map(\.message))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
        #expect(checked > 10_000)
        // The fast path must also do its job: the good segments (and many changed ones) pass.
        #expect(passed > checked / 10)
    }

    /// The good segments themselves pass the fast check (else validation would be slow).
    @Test func goodSegmentsPassTheFastCheck() throws {
        let document = TestDocument()
        let (schema, _) = try #require(X12Schema.nearest(toGroupVersion: document.groupVersion))
        let set = try #require(CompiledSchemas.transactionSet("850", schema: schema))
        var failing: [String] = []
        var checked = 0
        try forEachSegment(in: document.isa() + document.segments(Self.segments)) { segment in
            guard let rules = set.segmentList.first(where: { $0.id == segment.idString }) else { return }
            checked += 1
            if !FastElementCheck.passes(segment, rules.fast, allowsShortDates: false) {
                failing.append(segment.idString)
            }
        }
        #expect(checked == Self.segments.count)
        #expect(failing.isEmpty, "\(failing)")
    }

    /// HL ids kept as numbers and as text meet: `01` is not `1`, a large id is still found,
    /// and a duplicate is caught whichever way it is stored.
    @Test func hierarchyIdsAsNumbersAndAsText() throws {
        let body = [
            "BSN*00*SHIP-1*20240301*1200*0001",
            "HL*1**S", "HL*01*1*O", "HL*2*01*P", "HL*99999*2*I", "HL*3*99999*I", "HL*4*1*O", "HL*5*01*O",
            "HL*1*1*O", "HL*01*1*O", "HL*99999*1*O", "HL*6*7*I", "HL*7**O", "HL*8*6*P",
        ]
        let document = TestDocument()
        let bytes =
            document.isa()
            + document.segments(
                ["GS*SH*SENDER*RECEIVER*20240301*1200*1*X*004010", "ST*856*0001"] + body
                    + ["SE*\(body.count + 2)*0001", "GE*1*1", "IEA*1*\(document.controlNumber)"])
        let run = try validate(bytes: bytes)
        let hierarchy = run.findings.filter {
            [.hierarchyDuplicateID, .hierarchyParentMissing, .hierarchyLevelOrder].contains($0.code)
        }
        #expect(
            hierarchy.map(\.message) == [
                "HL level I cannot be under level I with structure code 0001",
                "HL level O cannot be under level O with structure code 0001",
                "HL01 '1' is used twice in this ship notice",
                "HL01 '01' is used twice in this ship notice",
                "HL level O cannot be under level O with structure code 0001",
                "HL01 '99999' is used twice in this ship notice",
                "HL level O cannot be under level O with structure code 0001",
                "HL02 '7' does not name an earlier HL01 in this ship notice",
                "HL level O has no parent (HL02); with structure code 0001 only S is a top level",
                "HL level P cannot be under level I with structure code 0001",
            ], "\(run.transcript)")
    }
}
