import Conversion
import X12

/// Builds `porter inspect`'s output from reader events as they come, so that memory stays
/// constant: sets are printed when they end, findings are kept up to a cap.
struct InspectReport {
    static let maximumFindingsKept = 1000
    static let setsListedPerGroup = 20

    let path: String
    let json: Bool
    let listAllSets: Bool

    private(set) var hasErrors = false
    private var counts = (interchanges: 0, groups: 0, transactions: 0, segments: 0)
    private var findings: [X12Finding] = []
    private var findingsOmitted = 0
    private var severityCounts: [X12Finding.Severity: Int] = [:]

    // Streaming state.
    private var startedFile = false
    private var interchangeOpen = false
    private var groupOpen = false
    private var firstGroupInInterchange = true
    private var firstSetInGroup = true
    private var setsInGroup = 0
    private var setsByIdentifier: [String: Int] = [:]
    private var acknowledgmentSegments = 0
    private var firstInterchange = true

    init(path: String, json: Bool, listAllSets: Bool) {
        self.path = path
        self.json = json
        self.listAllSets = listAllSets
    }

    mutating func record(_ event: X12Reader.Event, output: inout StandardOutput) {
        self.startFileIfNeeded(&output)
        switch event {
        case .interchangeStart(let header):
            self.counts.interchanges += 1
            self.interchangeOpen = true
            self.firstGroupInInterchange = true
            self.acknowledgmentSegments = 0
            if self.json {
                if !self.firstInterchange { output.write(",") }
                let members: [(String, String)] = [
                    ("controlNumber", JSONText.string(header.controlNumber)),
                    ("sender", Self.identity(header.senderQualifier, header.senderID)),
                    ("receiver", Self.identity(header.receiverQualifier, header.receiverID)),
                    ("version", JSONText.string(header.version)),
                    ("date", JSONText.string(header.date)),
                    ("time", JSONText.string(header.time)),
                    ("usage", JSONText.string(header.usage)),
                    ("acknowledgmentRequested", header.acknowledgmentRequested ? "true" : "false"),
                    ("delimiters", Self.delimitersJSON(header.delimiters)),
                    ("byteOffset", String(header.byteOffset)),
                ]
                output.write("{" + JSONText.members(members) + ",\"groups\":[")
            } else {
                output.line(
                    "  interchange \(header.controlNumber)  \(header.senderQualifier):\(header.senderID) → "
                        + "\(header.receiverQualifier):\(header.receiverID)  version \(header.version)  "
                        + "\(header.date) \(header.time)  \(Self.usage(header.usage))"
                        + (header.acknowledgmentRequested ? "  TA1 requested" : ""))
                output.line("    delimiters: \(header.delimiters)")
            }
            self.firstInterchange = false
        case .groupStart(let header):
            self.counts.groups += 1
            self.groupOpen = true
            self.firstSetInGroup = true
            self.setsInGroup = 0
            self.setsByIdentifier = [:]
            if self.json {
                if !self.firstGroupInInterchange { output.write(",") }
                let members: [(String, String)] = [
                    ("functionalIdentifier", JSONText.string(header.functionalIdentifier)),
                    ("controlNumber", JSONText.string(header.controlNumber)),
                    ("sender", JSONText.string(header.senderCode)),
                    ("receiver", JSONText.string(header.receiverCode)),
                    ("date", JSONText.string(header.date)),
                    ("time", JSONText.string(header.time)),
                    ("version", JSONText.string(header.version)),
                ]
                output.write("{" + JSONText.members(members) + ",\"transactions\":[")
            } else {
                output.line(
                    "    group \(header.controlNumber)  \(header.functionalIdentifier)  \(header.senderCode) → "
                        + "\(header.receiverCode)  version \(header.version)  \(header.date) \(header.time)")
            }
            self.firstGroupInInterchange = false
        case .transactionStart:
            self.counts.transactions += 1
        case .segment(let segment):
            self.counts.segments += 1
            if segment.id == .ta1 { self.acknowledgmentSegments += 1 }
        case .transactionEnd(let header, let segmentCount):
            self.setsInGroup += 1
            self.setsByIdentifier[header.identifier, default: 0] += 1
            if self.json {
                guard self.groupOpen else { return }  // a set outside any group: counted, reported as a finding
                if !self.firstSetInGroup { output.write(",") }
                output.write(
                    JSONText.object([
                        ("identifier", JSONText.string(header.identifier)),
                        ("controlNumber", JSONText.string(header.controlNumber)),
                        ("implementationReference", JSONText.string(header.implementationReference)),
                        ("segments", String(segmentCount)),
                        ("byteOffset", String(header.byteOffset)),
                    ]))
                self.firstSetInGroup = false
            } else if self.listAllSets || self.setsInGroup <= Self.setsListedPerGroup {
                output.line("      \(header.identifier) \(header.controlNumber)  \(segmentCount) segments")
            }
        case .groupEnd(_, let transactionCount):
            self.groupOpen = false
            if self.json {
                output.write("],\"transactionCount\":\(transactionCount)}")
            } else if !self.listAllSets && self.setsInGroup > Self.setsListedPerGroup {
                let kinds = self.setsByIdentifier.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                output.line(
                    "      … and \(self.setsInGroup - Self.setsListedPerGroup) more transaction sets "
                        + "(\(kinds.joined(separator: ", ")) in all; --all-sets lists them)")
            }
        case .interchangeEnd(_, let groupCount):
            self.interchangeOpen = false
            if self.json {
                output.write("],\"groupCount\":\(groupCount),\"ta1\":\(self.acknowledgmentSegments)}")
            } else if self.acknowledgmentSegments > 0 {
                output.line("    TA1 acknowledgments: \(self.acknowledgmentSegments)")
            }
        case .finding(let finding):
            self.severityCounts[finding.severity, default: 0] += 1
            if finding.severity == .error { self.hasErrors = true }
            if self.findings.count < Self.maximumFindingsKept {
                self.findings.append(finding)
            } else {
                self.findingsOmitted += 1
            }
        }
    }

    mutating func finish(bytes: Int, output: inout StandardOutput) {
        self.startFileIfNeeded(&output)
        if self.json {
            let members: [(String, String)] = [
                ("bytes", String(bytes)),
                ("interchangeCount", String(self.counts.interchanges)),
                ("groupCount", String(self.counts.groups)),
                ("transactionCount", String(self.counts.transactions)),
                ("segmentCount", String(self.counts.segments)),
                ("valid", self.hasErrors ? "false" : "true"),
                ("findings", "[" + self.findings.map(FindingJSON.encode).joined(separator: ",") + "]"),
                ("findingsOmitted", String(self.findingsOmitted)),
            ]
            output.write("]," + JSONText.members(members) + "}")
            output.line()
            return
        }
        let parts: [String] = [
            Self.plural(self.counts.interchanges, "interchange"), Self.plural(self.counts.groups, "group"),
            Self.plural(self.counts.transactions, "transaction set"), Self.plural(self.counts.segments, "segment"),
            Self.plural(bytes, "byte"),
        ]
        let summary = parts.joined(separator: ", ")
        output.line("  total: \(summary)")
        if self.findings.isEmpty {
            output.line("  findings: none")
        } else {
            let errors = self.severityCounts[.error, default: 0]
            let warnings = self.severityCounts[.warning, default: 0]
            output.line("  findings: \(Self.plural(errors, "error")), \(Self.plural(warnings, "warning"))")
            for finding in self.findings { output.line("    \(finding)") }
            if self.findingsOmitted > 0 { output.line("    … and \(self.findingsOmitted) more findings") }
        }
    }

    private mutating func startFileIfNeeded(_ output: inout StandardOutput) {
        guard !self.startedFile else { return }
        self.startedFile = true
        if self.json {
            output.write("{\"path\":\(JSONText.string(self.path)),\"interchanges\":[")
        } else {
            output.line("\(self.path)")
        }
    }

    private static func identity(_ qualifier: String, _ id: String) -> String {
        JSONText.object([("qualifier", JSONText.string(qualifier)), ("id", JSONText.string(id))])
    }

    private static func delimitersJSON(_ delimiters: X12Delimiters) -> String {
        let text = { (byte: UInt8?) in byte.map { JSONText.string(String(decoding: [$0], as: UTF8.self)) } ?? "null" }
        return JSONText.object([
            ("element", text(delimiters.element)),
            ("component", text(delimiters.component)),
            ("repetition", text(delimiters.repetition)),
            ("segment", JSONText.string(String(decoding: delimiters.segment, as: UTF8.self))),
        ])
    }

    private static func usage(_ code: String) -> String {
        switch code {
        case "P": "production"
        case "T": "test"
        case "I": "information"
        default: "usage '\(code)'"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
