import ArgumentParser
import Foundation
import Gateway
import Store

/// `porter status`: counts, per-partner latencies and rates, open alerts.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the gateway's status: queue, orders, files, partner figures and open alerts.",
        discussion: """
            Per partner: order legs and inbound files, 997 and 855 latency (median and 95th percentile, from \
            delivery), the share of 997s on time, of orders changed, of orders with a discrepancy and of files \
            that failed, and the oldest open exception.
            """)

    @OptionGroup var options: GatewayOptions
    @Option(help: "Show at most this many open alerts.") var alerts = 20
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try self.options.openStore()
        let view = try await reporting { () async throws(StoreError) in
            try await StatusView.load(from: store, now: Date(), alertLimit: self.alerts)
        }
        print(self.json ? ReportJSON.encode(view) : view.text)
    }
}
