import ArgumentParser

@main
struct Porter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "porter",
        abstract: "An EDI gateway for purchase-order distribution (X12 and cXML).",
        discussion: """
            Exit codes: 0 success (warnings allowed), 1 the input has errors, 2 could not run \
            (missing file, I/O error, bad configuration), 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            InspectCommand.self, ValidateCommand.self, TranslateCommand.self, ConvertCommand.self, MappingsCommand.self,
            RunCommand.self, QueueCommand.self, ReprocessCommand.self, ControlNumbersCommand.self, StatusCommand.self,
            TrackCommand.self, AlertsCommand.self, DemoCommand.self,
        ])
}
