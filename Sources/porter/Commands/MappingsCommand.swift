import ArgumentParser
import Foundation
import Partners

/// `porter mappings`: work with the partner mappings folder.
struct MappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mappings",
        abstract: "Check partner mappings (profiles, code lists, cross-references, routes) and run their golden tests.",
        subcommands: [MappingsCheckCommand.self, MappingsSchemaCommand.self])
}

/// `porter mappings check [DIR] [--junit FILE] [--json]`.
struct MappingsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load every file under DIR, report each problem as file:line:column, and run the golden tests.",
        discussion: """
            Reports unknown keys (with "did you mean"), wrong types, missing files, duplicate identities, code \
            lists that lose information, routes to unknown partners and rules on unknown fields, then runs each \
            partner's golden tests (tests/NAME.<ext> against tests/NAME.expected.<ext>) and prints a diff for each \
            mismatch. Exit 0 when everything passes (warnings allowed), 1 on a problem or a failed golden test, 2 \
            when DIR cannot be read or the JUnit file cannot be written, 64 on a usage error.
            """)

    @Argument(help: "The mappings folder.")
    var directory: String = "Mappings"

    @Option(help: "Also write a JUnit XML report to FILE (one test case per file checked and per golden test).")
    var junit: String?

    @Flag(help: "Print the report as JSON on standard output instead of text.")
    var json = false

    @Flag(help: "Write each golden test's actual output as its expected file (new or differing), then check again.")
    var record = false

    func run() throws {
        if self.record {
            do {
                let first = try MappingsCheck(directory: self.directory).run()
                for path in try MappingsCheck.record(first) { printError("porter mappings check: wrote \(path)") }
            } catch {
                printError("porter mappings check: \(error.message)")
                throw PorterExit.couldNotRun
            }
        }
        let report: MappingsCheckReport
        do {
            report = try MappingsCheck(directory: self.directory).run()
        } catch {
            printError("porter mappings check: \(error.message)")
            throw PorterExit.couldNotRun
        }
        var output = StandardOutput()
        output.write(self.json ? report.json : report.text)
        output.flush()
        if let junit = self.junit {
            do {
                try Data(report.junitXML.utf8).write(to: URL(filePath: junit))
            } catch {
                printError("porter mappings check: cannot write \(junit): \(error.localizedDescription)")
                throw PorterExit.couldNotRun
            }
        }
        if report.failed { throw PorterExit.inputErrors }
    }
}

/// `porter mappings schema [DIR]`: writes the JSON Schema of each kind of mappings file.
struct MappingsSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schema files of partner profiles, code lists and routes (for editors).",
        discussion: "Writes partner-profile.schema.json, code-list.schema.json and routes.schema.json into DIR.")

    @Argument(help: "The folder to write into.")
    var directory: String = "Mappings/schema"

    func run() throws {
        for kind in MappingsFileKind.allCases {
            let path = "\(self.directory)/\(kind.schemaFileName)"
            do {
                try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
                try Data(MappingsSchemaWriter.jsonSchema(for: kind).utf8).write(to: URL(filePath: path))
            } catch {
                printError("porter mappings schema: cannot write \(path): \(error.localizedDescription)")
                throw PorterExit.couldNotRun
            }
        }
    }
}
