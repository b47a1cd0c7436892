import Foundation
import Testing
import X12

/// Tests of `X12AcknowledgmentGenerator`: real reader events from small documents, plus
/// hand-made findings standing in for the schema validator, answered with exact 997, 999
/// and TA1 text that must read back without errors.
@Suite struct AcknowledgmentTests {
    // MARK: Helpers

    /// Options with a fixed clock and LF after every segment.
    static func options(
        _ kind: X12AcknowledgmentOptions.Kind = .fa997,
        interchange: X12AcknowledgmentOptions.InterchangeAcknowledgment = .whenRequested
    ) -> X12AcknowledgmentOptions {
        X12AcknowledgmentOptions(
            kind: kind, interchangeAcknowledgment: interchange,
            timeSource: .fixed(.init(date: "20240302", time: "0930")))
    }

    static func padded(_ value: String, _ width: Int) -> String {
        value + String(repeating: " ", count: max(0, width - value.count))
    }

    /// A 106-character ISA from BUYER to SELLER.
    static func isa(
        _ controlNumber: String = "000000123", version: String = "00401", acknowledgmentRequested: String = "0",
        isa11: String = "U", sender: String = "BUYER", receiver: String = "SELLER"
    ) -> String {
        "ISA*00*SECRETAUTH*01*PASSWORD01*ZZ*\(padded(sender, 15))*ZZ*\(padded(receiver, 15))*240301*1015*"
            + "\(isa11)*\(version)*\(controlNumber)*\(acknowledgmentRequested)*P*:~\n"
    }

    /// Segments joined with `~` and a line break.
    static func lines(_ segments: [String]) -> String {
        segments.map { $0 + "~\n" }.joined()
    }

    /// One 850 with `body` between ST and SE.
    static func purchaseOrder(
        _ controlNumber: String = "0001", body: [String] = ["BEG*00*SA*PO-1**20240301", "PO1*1*2*EA*9.5**VN*AB"]
    ) -> [String] {
        ["ST*850*\(controlNumber)"] + body + ["SE*\(body.count + 2)*\(controlNumber)"]
    }

    /// An interchange with one PO group (GS06 77) holding `sets`.
    static func document(
        sets: [[String]] = [purchaseOrder()], groupVersion: String = "004010", isa: String = isa(),
        functionalIdentifier: String = "PO", groupTrailer: String? = nil, interchangeTrailer: String = "IEA*1*000000123"
    ) -> String {
        isa
            + lines(
                ["GS*\(functionalIdentifier)*BUYERAPP*SELLERAPP*20240301*1015*77*X*\(groupVersion)"]
                    + sets.flatMap { $0 }
                    + [groupTrailer ?? "GE*\(sets.count)*77", interchangeTrailer])
    }

    /// Reads `text`, feeds every event to a generator (the findings in `inject`, keyed by
    /// ST02, just before their set's end, as the validator does), and returns what it wrote.
    ///
    /// Whatever is written must read back with no error findings.
    static func acknowledge(
        _ text: String, options: X12AcknowledgmentOptions = options(),
        controlNumbers: SequentialControlNumbers = SequentialControlNumbers(),
        inject: [String: [X12Finding]] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let sink = MemoryByteSink()
        var generator = X12AcknowledgmentGenerator(sink: sink, controlNumbers: controlNumbers, options: options)
        var reader = X12Reader(source: MemoryByteSource(text))
        while let event = try reader.next() {
            if case .transactionEnd(let header, _) = event {
                for finding in inject[header.controlNumber] ?? [] { try generator.consume(.finding(finding)) }
            }
            try generator.consume(event)
        }
        try generator.finish()
        let output = sink.string
        if !output.isEmpty {
            let readBack = try read(output)
            #expect(readBack.errorCodes.isEmpty, "\(readBack.findings)", sourceLocation: sourceLocation)
        }
        return output
    }

    /// A validator finding about an element (AK4/IK4).
    static func elementError(
        _ code: String, segment: String, position: Int, element: Int, component: Int? = nil,
        repetition: Int? = nil, reference: String? = nil, value: String? = nil, loop: String? = nil
    ) -> X12Finding {
        X12Finding(
            .error, "invalidCode", "element error", value: value,
            location: X12Location(
                byteOffset: 0, line: 1, segmentPosition: position, segmentID: segment, element: element,
                component: component, repetition: repetition, elementReference: reference, loopIdentifier: loop),
            acknowledgment: .ak403(code))
    }

    /// A validator finding about a segment (AK3/IK3).
    static func segmentError(
        _ code: String, segment: String, position: Int, loop: String? = nil,
        severity: X12Finding.Severity = .error
    ) -> X12Finding {
        X12Finding(
            severity, "segmentOutOfOrder", "segment error",
            location: X12Location(
                byteOffset: 0, line: 1, segmentPosition: position, segmentID: segment, loopIdentifier: loop),
            acknowledgment: .ak304(code))
    }

    static let ackISA401 =
        "ISA*00*          *00*          *ZZ*SELLER         *ZZ*BUYER          *240302*0930*U*00401*000000001*0*P*:~\n"
    static let ackGS401 = "GS*FA*SELLERAPP*BUYERAPP*20240302*0930*1*X*004010~\n"

    // MARK: 997

    @Test func acceptedPurchaseOrder() throws {
        let output = try Self.acknowledge(Self.document())
        #expect(
            output == Self.ackISA401 + Self.ackGS401
                + Self.lines([
                    "ST*997*0001", "AK1*PO*77", "AK2*850*0001", "AK5*A", "AK9*A*1*1*1", "SE*6*0001", "GE*1*1",
                    "IEA*1*000000001",
                ]))
    }

    /// The example of DOMAIN §2.4: one 850 accepted, one rejected for a bad unit of measure.
    @Test func oneGoodOneBadSetIsPartiallyAccepted() throws {
        let badSet = Self.purchaseOrder(
            "0002",
            body: ["BEG*00*SA*PO-2**20240301", "REF*DP*1", "DTM*002*20240310", "N1*ST*X", "N3*MAIN", "PO1*1*2*XX*9.5"])
        let text = Self.document(
            sets: [Self.purchaseOrder(), badSet], groupVersion: "005010",
            isa: Self.isa(version: "00501", isa11: "^")
        ).replacingOccurrences(of: "*77*", with: "*1201*").replacingOccurrences(of: "GE*2*77", with: "GE*2*1201")
        let output = try Self.acknowledge(
            text,
            inject: [
                "0002": [
                    Self.elementError(
                        "7", segment: "PO1", position: 7, element: 3, reference: "355", value: "XX", loop: "PO1")
                ]
            ])
        #expect(
            output
                == "ISA*00*          *00*          *ZZ*SELLER         *ZZ*BUYER          *240302*0930*^*00501*000000001*0*P*:~\n"
                + "GS*FA*SELLERAPP*BUYERAPP*20240302*0930*1*X*005010~\n"
                + Self.lines([
                    "ST*997*0001", "AK1*PO*1201*005010", "AK2*850*0001", "AK5*A", "AK2*850*0002", "AK3*PO1*7*PO1*8",
                    "AK4*3*355*7*XX", "AK5*R*5", "AK9*P*2*2*1", "SE*10*0001", "GE*1*1", "IEA*1*000000001",
                ]))
    }

    @Test func elementErrorCopiesTheBadValueWithoutDelimiters() throws {
        let long = String(repeating: "Z", count: 150)
        let output = try Self.acknowledge(
            Self.document(),
            inject: [
                "0001": [
                    Self.elementError(
                        "6", segment: "PO1", position: 3, element: 7, component: 2, value: "A*B:C~D^E\nF"),
                    Self.elementError("5", segment: "PO1", position: 3, element: 3, reference: "355", value: long),
                    Self.elementError("1", segment: "BEG", position: 2, element: 5, reference: "373"),
                ]
            ])
        #expect(
            output.contains(
                Self.lines([
                    "AK2*850*0001", "AK3*PO1*3**8", "AK4*7:2**6*ABCD^EF",
                    "AK4*3*355*5*" + String(repeating: "Z", count: 99), "AK3*BEG*2**8", "AK4*5*373*1", "AK5*R*5",
                    "AK9*R*1*1*0",
                ])), "\(output)")
    }

    @Test func segmentCodeWinsOverTheElementDefault() throws {
        let output = try Self.acknowledge(
            Self.document(),
            inject: [
                "0001": [
                    Self.elementError("7", segment: "PO1", position: 3, element: 3, reference: "355", value: "XX"),
                    Self.segmentError("7", segment: "PO1", position: 3, loop: "PO1"),
                ]
            ])
        #expect(output.contains(Self.lines(["AK3*PO1*3*PO1*7", "AK4*3*355*7*XX", "AK5*R*5"])), "\(output)")
    }

    @Test func elementErrorsPerSegmentStopAt99() throws {
        let findings = (1...120).map { _ in
            Self.elementError("7", segment: "PO1", position: 3, element: 3, reference: "355", value: "XX")
        }
        let output = try Self.acknowledge(Self.document(), inject: ["0001": findings])
        #expect(output.components(separatedBy: "AK4*3*355*7*XX~").count - 1 == 99)
        #expect(output.components(separatedBy: "AK3*PO1*3**8~").count - 1 == 1)
    }

    @Test func unreadableSegmentFromTheReader() throws {
        // The reader skips `B@G` (not a segment id) but counts it: it is segment 3.
        let set = Self.purchaseOrder(body: ["BEG*00*SA*PO-1**20240301", "B@G*1", "PO1*1*2*EA*9.5**VN*AB"])
        let output = try Self.acknowledge(Self.document(sets: [set]))
        #expect(output.contains(Self.lines(["AK2*850*0001", "AK3*B@G*3**1", "AK5*R*5", "AK9*R*1*1*0"])), "\(output)")
    }

    @Test func segmentCountMismatchFromTheReader() throws {
        let set = ["ST*850*0001", "BEG*00*SA*PO-1**20240301", "SE*9*0001"]
        let output = try Self.acknowledge(Self.document(sets: [set]))
        #expect(output.contains(Self.lines(["AK2*850*0001", "AK5*R*4", "AK9*R*1*1*0"])), "\(output)")
    }

    @Test func controlNumberMismatchAndMissingTrailerFromTheReader() throws {
        let mismatch = ["ST*850*0001", "BEG*00*SA*PO-1**20240301", "SE*3*0002"]
        let unterminated = ["ST*850*0003", "BEG*00*SA*PO-3**20240301"]
        let output = try Self.acknowledge(Self.document(sets: [mismatch, unterminated]))
        #expect(
            output.contains(
                Self.lines(["AK2*850*0001", "AK5*R*3", "AK2*850*0003", "AK5*R*2", "AK9*R*2*2*0"])), "\(output)")
    }

    @Test func transactionCountMismatchRejectsTheGroup() throws {
        let output = try Self.acknowledge(Self.document(groupTrailer: "GE*2*77"))
        #expect(output.contains(Self.lines(["AK5*A", "AK9*R*2*1*1*5"])), "\(output)")
    }

    @Test func groupControlNumberMismatchAndMissingGroupTrailer() throws {
        let mismatch = try Self.acknowledge(Self.document(groupTrailer: "GE*1*78"))
        #expect(mismatch.contains("AK9*R*1*1*1*4~"), "\(mismatch)")
        // No GE at all: AK902 is the count seen.
        let text =
            Self.isa()
            + Self.lines(
                ["GS*PO*BUYERAPP*SELLERAPP*20240301*1015*77*X*004010"] + Self.purchaseOrder() + ["IEA*1*000000123"])
        let missing = try Self.acknowledge(text)
        #expect(missing.contains("AK9*R*1*1*1*3~"), "\(missing)")
    }

    @Test func warningsNeverRejectAndAreNotedOnlyWhenAsked() throws {
        let warning = Self.segmentError("2", segment: "REF", position: 3, severity: .warning)
        let quiet = try Self.acknowledge(Self.document(), inject: ["0001": [warning]])
        #expect(quiet.contains(Self.lines(["AK2*850*0001", "AK5*A", "AK9*A*1*1*1"])), "\(quiet)")
        var options = Self.options()
        options.notesWarnings = true
        let noted = try Self.acknowledge(Self.document(), options: options, inject: ["0001": [warning]])
        #expect(noted.contains(Self.lines(["AK2*850*0001", "AK3*REF*3**2", "AK5*E*5", "AK9*E*1*1*1"])), "\(noted)")
    }

    @Test func everySetGetsAnAK2AndAK5() throws {
        let sets = (1...50).map { Self.purchaseOrder(String(format: "%04d", $0)) }
        let output = try Self.acknowledge(Self.document(sets: sets))
        #expect(output.components(separatedBy: "AK2*850*").count - 1 == 50)
        #expect(output.components(separatedBy: "AK5*A~").count - 1 == 50)
        #expect(output.contains("AK9*A*50*50*50~"))
    }

    // MARK: Acknowledgments are not acknowledged

    @Test func receivedFunctionalAcknowledgmentIsNotAcknowledged() throws {
        let set = ["ST*997*0001", "AK1*PO*77", "AK9*A*1*1*1", "SE*4*0001"]
        let output = try Self.acknowledge(Self.document(sets: [set], functionalIdentifier: "FA"))
        #expect(output == "")
    }

    @Test func interchangeOfTA1sIsNotAcknowledged() throws {
        let text =
            Self.isa(acknowledgmentRequested: "1") + Self.lines(["TA1*000000050*240229*1200*A*000", "IEA*0*000000123"])
        #expect(try Self.acknowledge(text, options: Self.options(interchange: .always)) == "")
    }

    // MARK: TA1

    @Test func requestedInterchangeAcknowledgmentIsAccepted() throws {
        let output = try Self.acknowledge(Self.document(isa: Self.isa(acknowledgmentRequested: "1")))
        let ta1 =
            "ISA*00*          *00*          *ZZ*SELLER         *ZZ*BUYER          *240302*0930*U*00401*000000002*0*P*:~\n"
            + Self.lines(["TA1*000000123*240301*1015*A*000", "IEA*0*000000002"])
        #expect(output.hasSuffix(Self.lines(["GE*1*1", "IEA*1*000000001"]) + ta1), "\(output)")
        #expect(!output.contains("SECRETAUTH") && !output.contains("PASSWORD01"))
    }

    @Test func interchangeControlNumberMismatchIsRejected() throws {
        let output = try Self.acknowledge(Self.document(interchangeTrailer: "IEA*1*000000124"))
        #expect(output.hasSuffix(Self.lines(["TA1*000000123*240301*1015*R*001", "IEA*0*000000002"])), "\(output)")
        let never = try Self.acknowledge(
            Self.document(interchangeTrailer: "IEA*1*000000124"), options: Self.options(interchange: .never))
        #expect(!never.contains("TA1"))
    }

    @Test func brokenInterchangeHeaderIsRejectedWithoutBeingAsked() throws {
        // 13 is not a month: ISA09 is reported (TA105 014) before the interchange starts.
        let isa = Self.isa().replacingOccurrences(of: "*240301*1015*", with: "*241301*1015*")
        let output = try Self.acknowledge(Self.document(isa: isa))
        #expect(output.hasSuffix(Self.lines(["TA1*000000123*241301*1015*R*014", "IEA*0*000000002"])), "\(output)")
        #expect(output.contains("AK9*A*1*1*1~"), "the groups are still acknowledged")
    }

    @Test func interchangeAcknowledgmentPolicies() throws {
        #expect(!(try Self.acknowledge(Self.document())).contains("TA1"))
        let always = try Self.acknowledge(Self.document(), options: Self.options(interchange: .always))
        #expect(always.contains("TA1*000000123*240301*1015*A*000~"))
        let never = try Self.acknowledge(
            Self.document(isa: Self.isa(acknowledgmentRequested: "1")), options: Self.options(interchange: .never))
        #expect(!never.contains("TA1"))
    }

    // MARK: 999

    @Test func implementationAcknowledgmentShape() throws {
        let set = ["ST*850*0001*005010X220", "BEG*00*SA*PO-1**20240301", "PO1*1*2*EA*9.5**VN*AB:CD", "SE*4*0001"]
        let output = try Self.acknowledge(
            Self.document(
                sets: [set, Self.purchaseOrder("0002")], groupVersion: "005010",
                isa: Self.isa(version: "00501", isa11: "^")),
            options: Self.options(.ia999),
            inject: [
                "0001": [
                    Self.elementError(
                        "I12", segment: "PO1", position: 3, element: 7, component: 2, repetition: 1, reference: "234",
                        value: "CD", loop: "PO1")
                ]
            ])
        #expect(
            output
                == "ISA*00*          *00*          *ZZ*SELLER         *ZZ*BUYER          *240302*0930*^*00501*000000001*0*P*:~\n"
                + "GS*FA*SELLERAPP*BUYERAPP*20240302*0930*1*X*005010X231~\n"
                + Self.lines([
                    "ST*999*0001*005010X231", "AK1*PO*77*005010", "AK2*850*0001*005010X220", "IK3*PO1*3*PO1*8",
                    "IK4*7:2:1*234*I12*CD", "IK5*R*5", "AK2*850*0002", "IK5*A", "AK9*P*2*2*1", "SE*10*0001", "GE*1*1",
                    "IEA*1*000000001",
                ]), "\(output)")
    }

    @Test func implementationAcknowledgmentOfA4010Interchange() throws {
        // A 999 is 005010 whatever it answers: it needs a repetition separator the 00401
        // interchange did not have.
        let output = try Self.acknowledge(Self.document(), options: Self.options(.ia999))
        #expect(
            output.hasPrefix(
                "ISA*00*          *00*          *ZZ*SELLER         *ZZ*BUYER          *240302*0930*^*00501*000000001*0*P*:~\n"
                    + "GS*FA*SELLERAPP*BUYERAPP*20240302*0930*1*X*005010X231~\nST*999*0001*005010X231~\nAK1*PO*77*004010~\n"
            ), "\(output)")
    }

    // MARK: Envelope

    @Test func senderAndReceiverAreSwappedOrOverridden() throws {
        let text = Self.document(isa: Self.isa(sender: "PARTNER1", receiver: "US"))
        let swapped = try read(try Self.acknowledge(text))
        #expect(swapped.headers.first?.senderID == "US")
        #expect(swapped.headers.first?.receiverID == "PARTNER1")
        let group = swapped.segments.first { $0.id == "GS" }
        #expect(group?.elements[1].text == "SELLERAPP")
        #expect(group?.elements[2].text == "BUYERAPP")

        var options = Self.options()
        options.identity = .init(qualifier: "01", id: "123456789", applicationCode: "GATEWAY")
        let overridden = try read(try Self.acknowledge(text, options: options))
        #expect(overridden.headers.first?.senderQualifier == "01")
        #expect(overridden.headers.first?.senderID == "123456789")
        #expect(overridden.headers.first?.receiverID == "PARTNER1")
        let overriddenGroup = overridden.segments.first { $0.id == "GS" }
        #expect(overriddenGroup?.elements[1].text == "GATEWAY")
        #expect(overriddenGroup?.elements[2].text == "BUYERAPP")
    }

    @Test func controlNumbersComeFromTheSource() throws {
        let sink = MemoryByteSink()
        var generator = X12AcknowledgmentGenerator(
            sink: sink, controlNumbers: SequentialControlNumbers(interchange: 457, group: 12),
            options: Self.options(interchange: .always))
        let text =
            Self.isa()
            + Self.lines(
                ["GS*PO*BUYERAPP*SELLERAPP*20240301*1015*77*X*004010"] + Self.purchaseOrder() + ["GE*1*77"]
                    + ["GS*PO*BUYERAPP*SELLERAPP*20240301*1015*78*X*004010"] + Self.purchaseOrder() + ["GE*1*78"]
                    + ["IEA*2*000000123"])
        var reader = X12Reader(source: MemoryByteSource(text))
        while let event = try reader.next() { try generator.consume(event) }
        try generator.finish()
        let output = try read(sink.string)
        #expect(output.errorCodes.isEmpty)
        #expect(output.headers.map(\.controlNumber) == ["000000457", "000000458"])
        #expect(output.segments.filter { $0.id == "GS" }.map { $0.elements[5].text } == ["12", "13"])
        #expect(output.segments.filter { $0.id == "ST" }.map { $0.elements[1].text } == ["0001", "0001"])
        #expect(generator.functionalAcknowledgmentCount == 2)
        #expect(generator.interchangeAcknowledgmentCount == 1)
        let next = generator.controlNumbers as? SequentialControlNumbers
        #expect(next?.nextInterchange == 459)
        #expect(next?.nextGroup == 14)
    }

    @Test func receivedDelimitersAreKept() throws {
        let text = Self.document().replacingOccurrences(of: "*", with: "|").replacingOccurrences(
            of: "~", with: "\u{1C}")
        let output = try Self.acknowledge(text)
        #expect(output.contains("AK9|A|1|1|1\u{1C}\n"), "\(output)")
        var options = Self.options()
        options.delimiters = .standard
        options.lineEnding = .none
        let standard = try Self.acknowledge(text, options: options)
        #expect(standard.contains("~AK9*A*1*1*1~SE*6*0001~"), "\(standard)")
    }

    @Test func versionCanBeFixed() throws {
        var options = Self.options()
        options.version = .fixed(interchange: "00501", group: "005010")
        let output = try Self.acknowledge(Self.document(), options: options)
        #expect(
            output.contains("*00501*000000001*0*P*:~\nGS*FA*SELLERAPP*BUYERAPP*20240302*0930*1*X*005010~"), "\(output)")
        #expect(output.contains("AK1*PO*77*004010~"), "\(output)")
    }

    @Test func invalidTimestampIsRefused() throws {
        let sink = MemoryByteSink()
        var options = Self.options()
        options.timeSource = .custom { .init(date: "240302", time: "0930") }
        var generator = X12AcknowledgmentGenerator(
            sink: sink, controlNumbers: SequentialControlNumbers(), options: options)
        var reader = X12Reader(source: MemoryByteSource(Self.document()))
        #expect(throws: X12Error.self) {
            while let event = try reader.next() { try generator.consume(event) }
        }
    }

    // MARK: Public fixtures

    /// What the reader says about one received group.
    struct ReceivedGroup: Equatable {
        var functionalIdentifier: String
        var controlNumber: String
        var declared: String?
        var sets: Int
    }

    @Test(arguments: try FixturePaths.sharedX12Files())
    func publicFixtureAcknowledgmentsReadBack(_ file: String) throws {
        let url = FixturePaths.sharedX12.appending(path: file)
        let sink = MemoryByteSink()
        var options = Self.options(interchange: .always)
        options.notesWarnings = true
        var generator = X12AcknowledgmentGenerator(
            sink: sink, controlNumbers: SequentialControlNumbers(), options: options)
        var reader = X12Reader(source: try X12Input.open(path: url.path))
        var groups: [ReceivedGroup] = []
        var open: ReceivedGroup?
        var interchanges = 0
        var acknowledgmentOnly = 0
        var groupsInInterchange = 0
        var ta1InInterchange = 0
        while let event = try reader.next() {
            switch event {
            case .interchangeStart:
                groupsInInterchange = 0
                ta1InInterchange = 0
            case .groupStart(let header):
                open = ReceivedGroup(
                    functionalIdentifier: header.functionalIdentifier, controlNumber: header.controlNumber, sets: 0)
                groupsInInterchange += 1
            case .segment(let segment) where segment.id == "GE":
                open?.declared = segment.element(at: 1)?.string
            case .segment(let segment) where segment.id == "TA1":
                ta1InInterchange += 1
            case .groupEnd(_, let count):
                open?.sets = count
                if let group = open, group.functionalIdentifier != "FA" { groups.append(group) }
                open = nil
            case .interchangeEnd:
                interchanges += 1
                if groupsInInterchange == 0 && ta1InInterchange > 0 { acknowledgmentOnly += 1 }
            default: break
            }
            try generator.consume(event)
        }
        try generator.finish()

        let output = sink.string
        guard !output.isEmpty else {
            #expect(interchanges == acknowledgmentOnly && groups.isEmpty)
            return
        }
        let readBack = try read(output)
        #expect(readBack.errorCodes.isEmpty, "\(readBack.findings)")
        // One TA1 per interchange that is not itself only TA1s (`.always`).
        #expect(readBack.segments.filter { $0.id == "TA1" }.count == interchanges - acknowledgmentOnly)
        #expect(generator.functionalAcknowledgmentCount == groups.count)

        // One 997 per received group, in order, with AK9 counts equal to the reader's.
        var acknowledged: [ReceivedGroup] = []
        var current: ReceivedGroup?
        var accepted: [Int] = []
        var loops = 0
        for segment in readBack.segments {
            let text = segment.elements.map(\.text)
            switch segment.id {
            case "AK1":
                current = ReceivedGroup(
                    functionalIdentifier: text[0], controlNumber: text.count > 1 ? text[1] : "", sets: 0)
                loops = 0
            case "AK2": loops += 1
            case "AK9":
                current?.declared = text[1]
                current?.sets = Int(text[2]) ?? -1
                #expect(loops == Int(text[2]), "one AK2 per set received")
                accepted.append(Int(text[3]) ?? -1)
                if let current { acknowledged.append(current) }
            default: break
            }
        }
        #expect(acknowledged.count == groups.count)
        for (ack, group) in zip(acknowledged, groups) {
            #expect(ack.functionalIdentifier == group.functionalIdentifier)
            #expect(ack.controlNumber == group.controlNumber)
            #expect(ack.sets == group.sets)
            let declared = group.declared.flatMap { Int($0) }.map(String.init) ?? String(group.sets)
            #expect(ack.declared == declared)
        }
        for (count, group) in zip(accepted, groups) { #expect(count >= 0 && count <= group.sets) }
    }
}
