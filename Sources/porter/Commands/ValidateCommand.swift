import ArgumentParser
import Conversion
import X12

/// `porter validate FILE...`: envelope and schema validation with located findings, and the
/// 997/999/TA1 acknowledgment for each file on request.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Validate X12 files (envelopes and transaction-set schemas) and cXML documents, and optionally write acknowledgments.",
        discussion: """
            Streams each FILE (or - for standard input) in constant memory. A file starting with < is cXML: \
            well-formedness and Porter's security limits, structure, required elements and attributes and \
            enumerations, each finding located by line, column and element path. Exit 0 when every file is valid \
            (warnings allowed), 1 when any file has an error, 2 when a file cannot be read, 64 on a usage error.
            """)

    @Argument(help: "X12 or cXML files to validate; - reads standard input.")
    var files: [String]

    @Flag(help: "Print one JSON object per file (JSON Lines when several files).")
    var json = false

    @Option(help: "Character set of the input (ISO-8859-1, IBM037, UTF-16...). Default: detected.")
    var encoding: String?

    @Flag(
        name: [.short, .long],
        help: "Also print information findings (partial code lists, schema choice) in text output.")
    var verbose = false

    @Option(help: "Write an acknowledgment: 997, 999 or ta1 (requires -o).")
    var ack: AcknowledgmentKind?

    @Option(
        name: [.short, .customLong("output")],
        help: "Where to write the acknowledgments (a file, or a folder for one file per input).")
    var output: String?

    func validate() throws {
        if self.ack != nil && self.output == nil {
            throw ValidationError("--ack needs -o OUT: where to write the acknowledgment.")
        }
        if self.output != nil && self.ack == nil {
            throw ValidationError("-o is only used with --ack.")
        }
    }

    func run() throws {
        var console = StandardOutput()
        var exits: [ExitCode] = []
        var acknowledgments: AcknowledgmentOutput?
        do {
            acknowledgments = try self.ack.map { kind in
                try AcknowledgmentOutput(kind: kind, path: self.output!, inputCount: self.files.count)
            }
        } catch {
            printError("porter validate: \(describe(error))")
            throw PorterExit.couldNotRun
        }
        for file in self.files {
            do {
                let (isCXML, input) = try TranslateInput.probe(file, encoding: self.encoding)
                if isCXML {
                    if self.ack != nil {
                        printError(
                            "porter validate: \(file): cXML is answered with a Response, not a 997; none written")
                    }
                    let report = CXMLFileReport(path: file, input: input)
                    if self.json {
                        console.line(report.json())
                    } else {
                        for line in report.text(verbose: self.verbose, findingsOnly: true) { console.line(line) }
                        console.line(report.verdict)
                    }
                    exits.append(report.hasErrors ? PorterExit.inputErrors : PorterExit.success)
                    continue
                }
                let source = try X12Input.open(source: input, encoding: self.encoding)
                var report = ValidateReport(path: file, json: self.json, verbose: self.verbose)
                var validator = X12Validator(
                    reader: X12Reader(source: source, configuration: .init(sourceName: file)), sourceName: file)
                report.begin(output: &console)
                if var files = acknowledgments {
                    var generator = try files.generator(for: file)
                    while let event = try validator.next() {
                        report.record(event, output: &console)
                        try generator.consume(event)
                    }
                    try generator.finish()
                    try files.finish(file: file, generator: generator)
                    acknowledgments = files
                } else {
                    while let event = try validator.next() { report.record(event, output: &console) }
                }
                report.finish(output: &console)
                exits.append(report.hasErrors ? PorterExit.inputErrors : PorterExit.success)
            } catch {
                console.flush()
                printError("porter validate: \(describe(error))")
                exits.append(PorterExit.couldNotRun)
            }
        }
        do {
            try acknowledgments?.close()
        } catch {
            acknowledgments?.abandon()
            printError("porter validate: \(describe(error))")
            exits.append(PorterExit.couldNotRun)
        }
        console.flush()
        let exit = PorterExit.worst(exits)
        if exit != PorterExit.success { throw exit }
    }
}

/// `--ack 997|999|ta1`.
enum AcknowledgmentKind: String, ExpressibleByArgument, CaseIterable {
    case fa997 = "997"
    case ia999 = "999"
    case ta1
}

/// Builds `porter validate`'s output from events as they come: findings are printed (or
/// written into the JSON object) at once, so memory stays constant.
struct ValidateReport {
    let path: String
    let json: Bool
    let verbose: Bool
    private(set) var hasErrors = false
    private var counts = (interchanges: 0, groups: 0, transactions: 0)
    private var severities: [X12Finding.Severity: Int] = [:]
    private var firstFinding = true

    init(path: String, json: Bool, verbose: Bool) {
        self.path = path
        self.json = json
        self.verbose = verbose
    }

    mutating func begin(output: inout StandardOutput) {
        if self.json {
            output.write("{\"path\":\(JSONText.string(self.path)),\"findings\":[")
        }
    }

    mutating func record(_ event: X12Reader.Event, output: inout StandardOutput) {
        switch event {
        case .interchangeStart: self.counts.interchanges += 1
        case .groupStart: self.counts.groups += 1
        case .transactionStart: self.counts.transactions += 1
        case .finding(let finding):
            self.severities[finding.severity, default: 0] += 1
            if finding.severity == .error { self.hasErrors = true }
            if self.json {
                if !self.firstFinding { output.write(",") }
                output.write(FindingJSON.encode(finding))
            } else if finding.severity != .info || self.verbose {
                output.line(finding.description)
            }
            self.firstFinding = false
        default: break
        }
    }

    mutating func finish(output: inout StandardOutput) {
        if self.json {
            let members: [(String, String)] = [
                ("valid", self.hasErrors ? "false" : "true"),
                ("interchanges", String(self.counts.interchanges)),
                ("groups", String(self.counts.groups)),
                ("transactions", String(self.counts.transactions)),
            ]
            output.write("]," + JSONText.members(members) + "}")
            output.line()
            return
        }
        let errors = self.severities[.error, default: 0]
        let warnings = self.severities[.warning, default: 0]
        let notes = self.severities[.info, default: 0]
        let verdict = self.hasErrors ? "invalid" : "valid"
        let noteText =
            notes == 0 ? "" : ", \(InspectReport.plural(notes, "note"))" + (self.verbose ? "" : " (-v shows them)")
        output.line(
            "\(self.path): \(verdict): \(InspectReport.plural(errors, "error")), \(InspectReport.plural(warnings, "warning"))\(noteText); "
                + "\(InspectReport.plural(self.counts.interchanges, "interchange")), "
                + "\(InspectReport.plural(self.counts.groups, "group")), "
                + "\(InspectReport.plural(self.counts.transactions, "transaction set"))")
    }
}
