import ArgumentParser
import X12

/// `porter inspect FILE...`: the structure of X12 files as a tree, with envelope findings.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract:
            "Show the structure of X12 files (interchanges, groups, sets) and cXML documents, with their findings.",
        discussion: """
            Reads each FILE (or - for standard input) as a stream, in constant memory whatever its size. \
            Exit 0 when no file has an error (warnings allowed), 1 when one has, 2 when a file cannot be read.
            """)

    @Argument(help: "X12 or cXML files to inspect; - reads standard input.")
    var files: [String]

    @Flag(help: "Print one JSON object per file (JSON Lines when several files).")
    var json = false

    @Option(
        help:
            "Character set of the input (ISO-8859-1, IBM037, IBM500, UTF-16...). Default: detected (UTF-8/ASCII, UTF-16 by byte-order mark or pattern, EBCDIC by 'ISA')."
    )
    var encoding: String?

    @Flag(help: "List every transaction set (by default at most 20 per group are listed).")
    var allSets = false

    func run() throws {
        var output = StandardOutput()
        var exits: [ExitCode] = []
        for file in self.files {
            do {
                let (isCXML, input) = try TranslateInput.probe(file, encoding: self.encoding)
                if isCXML {
                    let report = CXMLFileReport(path: file, input: input)
                    if self.json {
                        output.line(report.json())
                    } else {
                        for line in report.text(verbose: false, findingsOnly: false) { output.line(line) }
                    }
                    exits.append(report.hasErrors ? PorterExit.inputErrors : PorterExit.success)
                    continue
                }
                let source = try X12Input.open(source: input, encoding: self.encoding)
                var report = InspectReport(path: file, json: self.json, listAllSets: self.allSets)
                var reader = X12Reader(source: source, configuration: .init(sourceName: file))
                while let event = try reader.next() {
                    report.record(event, output: &output)
                }
                report.finish(bytes: reader.byteOffset, output: &output)
                exits.append(report.hasErrors ? PorterExit.inputErrors : PorterExit.success)
            } catch {
                output.flush()
                printError("porter inspect: \(error.message)")
                exits.append(PorterExit.couldNotRun)
            }
        }
        output.flush()
        let exit = PorterExit.worst(exits)
        if exit != PorterExit.success { throw exit }
    }
}
