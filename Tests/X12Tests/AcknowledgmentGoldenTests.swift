import Foundation
import Testing
import X12

// MARK: - Writing acknowledgments for a file

/// The clock every golden acknowledgment is written with.
let goldenTimestamp = X12AcknowledgmentOptions.Timestamp(date: "20250402", time: "0800")

/// Validates `url` and writes what an ``X12AcknowledgmentGenerator`` with `options` answers,
/// fed the validator's events as they come (control numbers start at 1).
func acknowledge(file url: URL, options: X12AcknowledgmentOptions) throws -> (run: ValidationRun, output: [UInt8]) {
    let sink = MemoryByteSink()
    var generator = X12AcknowledgmentGenerator(sink: sink, controlNumbers: SequentialControlNumbers(), options: options)
    let run = try validate(file: url) { event in try generator.consume(event) }
    try generator.finish()
    return (run, sink.bytes)
}

/// One 997/999 as read back: its AK1, one AK2…AK5 loop per set, and AK9.
struct FunctionalAcknowledgment {
    struct Answer {
        var ak2: [String]
        var ak5: [String] = []
        /// AK3/IK3 and AK4/IK4 segments, as text.
        var detail: [String] = []
    }

    var identifier: String
    var ak1: [String] = []
    var answers: [Answer] = []
    var ak9: [String] = []

    /// The 997s and 999s in `bytes`, in order.
    static func all(in bytes: [UInt8]) throws -> [FunctionalAcknowledgment] {
        var result: [FunctionalAcknowledgment] = []
        for segment in try read(bytes: bytes).segments {
            let values = segment.elements.map(\.text)
            switch segment.id {
            case "ST": result.append(FunctionalAcknowledgment(identifier: values.first ?? ""))
            case "AK1": result[result.count - 1].ak1 = values
            case "AK2": result[result.count - 1].answers.append(Answer(ak2: values))
            case "AK3", "AK4", "IK3", "IK4":
                result[result.count - 1].answers[result[result.count - 1].answers.count - 1].detail.append(
                    segment.description)
            case "AK5", "IK5":
                result[result.count - 1].answers[result[result.count - 1].answers.count - 1].ak5 = values
            case "AK9": result[result.count - 1].ak9 = values
            default: break
            }
        }
        return result
    }
}

/// The TA1 segments in `bytes`, as element values.
func interchangeAcknowledgments(in bytes: [UInt8]) throws -> [[String]] {
    try read(bytes: bytes).segments.filter { $0.id == "TA1" }.map { $0.elements.map(\.text) }
}

// MARK: - Goldens

/// One acknowledgment file Porter must write, byte for byte, for a negative fixture.
struct AcknowledgmentGolden: CustomTestStringConvertible, Sendable {
    enum Kind: String, Sendable, CaseIterable {
        /// 997 (and the TA1 that follows it when the envelope is broken).
        case fa997 = "997"
        /// 999 (and the TA1 that follows it when the envelope is broken).
        case ia999 = "999"
        /// TA1 only, as `porter validate --ack ta1` writes it.
        case ta1

        var options: X12AcknowledgmentOptions {
            var options = X12AcknowledgmentOptions(timeSource: .fixed(goldenTimestamp))
            switch self {
            case .fa997: options.kind = .fa997
            case .ia999: options.kind = .ia999
            case .ta1:
                options.functionalAcknowledgments = false
                options.interchangeAcknowledgment = .always
            }
            return options
        }
    }

    /// `envelope-errors` or `validation`.
    var folder: String
    var file: String
    var kind: Kind

    var testDescription: String { "\(self.folder)/\(self.file) \(self.kind.rawValue)" }
    var input: URL { FixturePaths.x12.appending(path: self.folder).appending(path: self.file) }
    var golden: URL {
        AcknowledgmentGolden.root.appending(path: self.folder).appending(path: "\(self.file).\(self.kind.rawValue)")
    }

    static let root = FixturePaths.x12.appending(path: "acknowledgments")

    /// `validation/foo.x12.997`.
    var key: String { "\(self.folder)/\(self.golden.lastPathComponent)" }

    /// `PORTER_UPDATE_GOLDEN=1 swift test --filter AcknowledgmentGoldenTests` rewrites the
    /// goldens from what Porter writes now; review every change (`git diff`) before committing.
    static var updating: Bool { ProcessInfo.processInfo.environment["PORTER_UPDATE_GOLDEN"] == "1" }

    /// The inputs whose interchange envelope is broken (an error with a TA105 code): they
    /// also get a TA1-only golden.
    static let brokenEnvelopes: Set<String> = [
        "bad-gs-time.edi", "bad-isa-date.edi", "duplicate-isa13.edi", "iea01-count.edi",
        "isa-iea-control-mismatch.edi", "missing-iea.edi", "segment-outside-set.edi", "truncated.edi",
    ]

    /// Every negative fixture: all of `envelope-errors/`, and `validation/` but its baselines.
    static func inputs() throws -> [(folder: String, file: String)] {
        let envelope = try FileManager.default.contentsOfDirectory(
            atPath: FixturePaths.x12.appending(path: "envelope-errors").path
        ).filter { $0.hasSuffix(".edi") }.sorted()
        let validation = try ValidationRuleCase.files().filter { !ValidationRuleCase.baselines.contains($0) }
        return envelope.map { ("envelope-errors", $0) } + validation.map { ("validation", $0) }
    }

    static func all() throws -> [AcknowledgmentGolden] {
        try inputs().flatMap { input in
            var kinds: [Kind] = [.fa997, .ia999]
            if brokenEnvelopes.contains(input.file) { kinds.append(.ta1) }
            return kinds.map { AcknowledgmentGolden(folder: input.folder, file: input.file, kind: $0) }
        }
    }
}

@Suite struct AcknowledgmentGoldenTests {
    @Test(arguments: try AcknowledgmentGolden.all())
    func writesTheGolden(_ golden: AcknowledgmentGolden) throws {
        let (_, output) = try acknowledge(file: golden.input, options: golden.kind.options)
        if AcknowledgmentGolden.updating {
            try FileManager.default.createDirectory(
                at: golden.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output).write(to: golden.golden)
            return
        }
        let expected = try Array(Data(contentsOf: golden.golden))
        #expect(
            output == expected,
            """
            \(golden.key) differs (PORTER_UPDATE_GOLDEN=1 rewrites it):
            --- written
            \(String(decoding: output, as: UTF8.self))--- golden
            \(String(decoding: expected, as: UTF8.self))
            """)
    }

    /// Every golden is an acknowledgment Porter reads back without an error.
    @Test(arguments: try AcknowledgmentGolden.all())
    func goldenReadsBackWithoutErrors(_ golden: AcknowledgmentGolden) throws {
        let bytes = try Array(Data(contentsOf: golden.golden))
        let run = try validate(bytes: bytes, name: golden.golden.lastPathComponent)
        #expect(run.errors.isEmpty, "\(run.transcript)")
        #expect(run.warnings.isEmpty, "\(run.transcript)")
        // A TA1-only golden holds no functional acknowledgment; the others one per group.
        let acknowledgments = try FunctionalAcknowledgment.all(in: bytes)
        #expect(acknowledgments.allSatisfy { $0.identifier == (golden.kind == .ia999 ? "999" : "997") })
        if golden.kind == .ta1 { #expect(acknowledgments.isEmpty) }
    }

    /// No golden without its fixture, and no fixture without its goldens.
    @Test func goldensAndFixturesMatch() throws {
        let expected = Set(try AcknowledgmentGolden.all().map(\.key))
        var found: Set<String> = []
        for folder in ["envelope-errors", "validation"] {
            let path = AcknowledgmentGolden.root.appending(path: folder).path
            for file in try FileManager.default.contentsOfDirectory(atPath: path) where !file.hasPrefix(".") {
                found.insert("\(folder)/\(file)")
            }
        }
        #expect(found.subtracting(expected).sorted() == [], "goldens without a fixture")
        #expect(expected.subtracting(found).sorted() == [], "fixtures without a golden")
    }

    /// The TA1-only list is exactly the inputs with a TA105 error finding.
    @Test func brokenEnvelopesAreTheOnesWithTA105Errors() throws {
        var broken: Set<String> = []
        for input in try AcknowledgmentGolden.inputs() {
            let run = try validate(file: FixturePaths.x12.appending(path: input.folder).appending(path: input.file))
            if run.errors.contains(where: { if case .ta105 = $0.acknowledgment { true } else { false } }) {
                broken.insert(input.file)
            }
        }
        #expect(broken == AcknowledgmentGolden.brokenEnvelopes)
    }

    /// The golden of every validation fixture answers its one finding as DOMAIN.md §2 says:
    /// an AK3 for the segment (AK304 for a segment error, 8 with an AK4 for an element error)
    /// and AK5 R 5; information-only fixtures are accepted.
    @Test(arguments: ValidationRuleCase.all)
    func validationGoldenAnswersTheFinding(_ rule: ValidationRuleCase) throws {
        let golden = AcknowledgmentGolden(folder: "validation", file: rule.file, kind: .fa997)
        let acknowledgments = try FunctionalAcknowledgment.all(in: try Array(Data(contentsOf: golden.golden)))
        let acknowledgment = try #require(acknowledgments.first)
        #expect(acknowledgments.count == 1)
        let answer = try #require(acknowledgment.answers.first)
        let expected = rule.expected
        guard expected.severity == .error else {
            #expect(acknowledgment.answers.allSatisfy { $0.ak5 == ["A"] && $0.detail.isEmpty })
            #expect(acknowledgment.ak9.first == "A")
            return
        }
        #expect(answer.ak5 == ["R", "5"])
        let position = expected.segmentPosition.map(String.init) ?? ""
        let loop = expected.loopIdentifier ?? ""
        let ak3 = try #require(answer.detail.first)
        switch expected.acknowledgment {
        case .ak304(let code):
            let wanted = "AK3*\(expected.segmentID ?? "")*\(position)*\(loop)*\(code)"
            #expect(ak3 == wanted)
            #expect(answer.detail.count == 1)
        case .ak403(let code):
            #expect(ak3 == "AK3*\(expected.segmentID ?? "")*\(position)*\(loop)*8")
            var element = String(expected.element ?? 0)
            if let component = expected.component { element += ":\(component)" }
            // 004010 has no AK403 12 or 13: Porter answers those with 6 there.
            let answered = (code == "12" || code == "13") && rule.file.contains("004010") ? "6" : code
            var ak4 = "AK4*\(element)*\(expected.elementReference ?? "")*\(answered)"
            // AK404 is the bad value without the delimiters (here the component separator).
            if let value = expected.value {
                ak4 += "*" + String(value.replacingOccurrences(of: ">", with: "").prefix(99))
            }
            #expect(answer.detail.dropFirst().first == ak4)
            #expect(answer.detail.count == 2)
        default:
            Issue.record("unexpected acknowledgment code \(String(describing: expected.acknowledgment))")
        }
        let rejected = acknowledgment.answers.filter { $0.ak5.first == "R" }.count
        let sets = acknowledgment.answers.count
        #expect(
            acknowledgment.ak9 == [rejected == sets ? "R" : "P", String(sets), String(sets), String(sets - rejected)])
    }
}
