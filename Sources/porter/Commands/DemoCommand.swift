import ArgumentParser
import Gateway

/// `porter demo`: the whole gateway on the bundled mappings, in a temporary workspace.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a day of purchase orders through the gateway in a temporary workspace and show what happened.",
        discussion: """
            Orders from the ERP to three suppliers (X12 004010, X12 005010, cXML over HTTP to a server on \
            127.0.0.1), a split order, a cancellation, the suppliers' 997/999s, an 855 with changes, a short 856, \
            a duplicate interchange, a bad file and an overdue acknowledgment. Works from any folder: the mappings \
            and documents are carried with Porter.
            """)

    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Keep the workspace in this new or empty folder.") var keep: String?

    func run() async throws {
        let report: DemoReport
        do {
            report = try await GatewayDemo.run(keep: self.keep)
        } catch {
            printError("porter demo: \(error)")
            throw PorterExit.couldNotRun
        }
        print(self.json ? ReportJSON.encode(report) : report.text)
    }
}
