import ArgumentParser
import Foundation
import Gateway
import Store

/// `porter track NUMBER`: one order's legs, timeline, versions, lines, documents and alerts.
struct TrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Show where a purchase order is: its legs, timeline, lines, documents and open alerts.",
        discussion: """
            The legs of a split order (NUMBER-1, NUMBER-2, ...) are shown with it. Exit 1 when the store knows \
            nothing about the number.
            """)

    @OptionGroup var options: GatewayOptions
    @Argument(help: "The purchase order number.") var number: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try self.options.openStore()
        let found = try await reporting { () async throws(StoreError) in
            try await TrackView.load(number: self.number, from: store, now: Date())
        }
        guard let view = found else {
            printError("porter track: no order \(self.number) is known to this gateway")
            throw PorterExit.inputErrors
        }
        print(self.json ? ReportJSON.encode(view) : view.text)
    }
}
