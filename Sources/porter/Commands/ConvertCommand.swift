import ArgumentParser
import CXML
import Conversion
import Foundation
import Translation

/// `porter convert INPUT... --to x12|cxml|json --out DIR|FILE.zip`: batch conversion of files, folders and `.zip`
/// archives, one output per document, with a summary and `errors.json`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert files, folders and .zip archives of documents: one output per document, and errors.json.",
        discussion: """
            Each INPUT is a file, a folder (read recursively; hidden files are left out) or a .zip archive. X12 and \
            cXML are read as streams, archive members one at a time, so a 10,000-member archive or a 1 GB member \
            does not load into memory. .tar and .tar.gz are refused: extract them first. Each document becomes one \
            file in the --out folder, or one entry of the --out archive when it ends in .zip, named after its \
            source and its ISA13-GS06-ST02 (X12) or document number (cXML, JSON), with -2, -3... on a collision; \
            nothing is overwritten. errors.json (in the folder, or beside the archive) lists every finding of every \
            document that failed. A progress bar is drawn on a terminal; otherwise a plain line every few seconds \
            goes to standard error. Exit 0 when every document converted, 1 when any failed (the others are \
            written), 2 when an input cannot be read or the output cannot be written, 64 on a usage error.
            """)

    @Argument(help: "Files, folders and .zip archives to convert.")
    var inputs: [String]

    @Option(help: "The output format: json, x12 or cxml.")
    var to: TranslateFormat

    @Option(help: "A folder (created if missing) for one file per document, or an archive path ending in .zip.")
    var out: String

    @Option(
        help:
            "Apply this partner's profile from the mappings folder: outbound (with its accuracy rules; a held document is not written and fails) with --to x12|cxml, inbound with --to json."
    )
    var partner: String?

    @Option(help: "The mappings folder --partner reads.")
    var mappings: String = "Mappings"

    @Option(help: "How many inputs to convert at once. Output names do not depend on it.")
    var jobs: Int = 1

    @Option(help: "X12 version to write (004010 or 005010). Default: the document's envelope, else 004010.")
    var version: X12VersionChoice?

    @Option(help: "cXML version to write (its DTD's version).")
    var cxmlVersion: String = "1.2.069"

    @Option(help: "Sender: QUALIFIER:ID for X12 (ZZ:ACME), DOMAIN:ID for cXML. Default: the document's envelope.")
    var sender: String?

    @Option(help: "Receiver: QUALIFIER:ID for X12, DOMAIN:ID for cXML. Default: the document's envelope.")
    var receiver: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        if self.jobs < 1 { throw ValidationError("--jobs takes a number of 1 or more.") }
        if self.to != .x12, self.version != nil { throw ValidationError("--version is only used with --to x12.") }
        for (name, value) in [("--sender", self.sender), ("--receiver", self.receiver)] {
            guard let value else { continue }
            if let problem = DocumentOutputEncoder.identityProblem(name, value, format: self.to.outputFormat) {
                throw ValidationError(problem)
            }
        }
    }

    func run() throws {
        let partner: PartnerSelection?
        do {
            partner = try self.partner.map { try PartnerSelection(partner: $0, mappings: self.mappings) }
        } catch {
            printError("porter convert: \(describe(error))")
            throw PorterExit.couldNotRun
        }
        let encoder = DocumentOutputEncoder(
            format: self.to.outputFormat, x12Version: self.version?.rawValue, cxmlVersion: self.cxmlVersion,
            sender: self.sender, receiver: self.receiver)
        let converter = Converter(
            inputs: self.inputs, output: self.out,
            options: ConversionOptions(encoder: encoder, partner: partner, jobs: self.jobs))
        let display = ConvertProgressDisplay(terminal: isatty(2) == 1)
        let summary: ConversionSummary
        do {
            summary = try converter.run { display.update($0) }
        } catch {
            display.finish()
            printError("porter convert: \(error.description)")
            throw PorterExit.couldNotRun
        }
        display.finish()
        var console = StandardOutput()
        if self.json {
            console.line(ConvertSummaryText.json(summary))
        } else {
            for line in ConvertSummaryText.table(summary) { console.line(line) }
        }
        console.flush()
        if summary.hasFailures { throw PorterExit.inputErrors }
    }
}
