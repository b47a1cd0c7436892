import ArgumentParser
import Foundation
import Gateway
import Store

/// `porter alerts [list]`: alerts with their evidence; `porter alerts close ID...`: close by hand.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List alerts with their evidence, or close them by hand.",
        subcommands: [List.self, Close.self], defaultSubcommand: List.self)
}

extension AlertsCommand {
    /// `porter alerts close ID... [--reason TEXT]`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close open alerts by id (a duplicate looked at, a gap the partner explained...).",
            discussion: "The closing is recorded with its reason and written to alerts/alerts.jsonl like any other.")

        @OptionGroup var options: GatewayOptions
        @Argument(help: "The ids of the alerts to close (see `porter alerts --open`).") var ids: [Int64]
        @Option(help: "Why they are closed (recorded with each).") var reason = "closed by hand"

        func validate() throws {
            if self.ids.isEmpty { throw ValidationError("give at least one alert id") }
        }

        func run() async throws {
            let store = try self.options.openStore()
            let (closed, notOpen) = try await reporting { () async throws(StoreError) in
                try await AlertClosing.close(ids: self.ids, because: self.reason, at: Date(), store: store)
            }
            for alert in closed { print("closed \(alert.id) \(alert.kind.rawValue) \(alert.key)") }
            if !notOpen.isEmpty {
                printError(
                    "porter alerts close: no open alert with id \(notOpen.map(String.init).joined(separator: ", "))")
                throw PorterExit.inputErrors
            }
        }
    }
}

/// `porter alerts [list]`: alerts, newest first, with their evidence.
extension AlertsCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List alerts, newest first, with their evidence.")

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
}
