import ArgumentParser
import Foundation
import Gateway
import Store

/// `porter alerts`: alerts with their evidence.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List alerts, newest first, with their evidence.")

    @OptionGroup var options: GatewayOptions
    @Flag(help: "Only the open ones.") var open = false
    @Option(help: "At most this many.") var limit = 100
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if self.limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let store = try self.options.openStore()
        let view = try await reporting { () async throws(StoreError) in
            try await AlertsView.load(from: store, openOnly: self.open, limit: self.limit, now: Date())
        }
        print(self.json ? ReportJSON.encode(view) : view.text)
    }
}
