import Foundation
import Testing

/// `porter status`, `porter track` and `porter alerts` as users run them: the built binary on a workspace that
/// `porter run --once` filled (a real SQLite store, the repository's Mappings).
@Suite("porter status, track and alerts")
struct StatusCommandTests {
    @Test("after a run: status per partner, the order's timeline, the failed file's alert; unknown order exits 1")
    func afterARun() throws {
        let site = try GatewaySite()
        try site.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "order.edi")
        try site.drop(Data("not an order\n".utf8), as: "junk.txt")
        #expect(try site.porter(["run", "--once"]).status == 1)

        let status = try site.porter(["status", "--json"])
        #expect(status.status == 0, "\(status.standardError)")
        let report = try Self.object(status.standardOutput)
        let partners = try #require(report["partners"] as? [[String: Any]])
        let tidewater = try #require(partners.first { $0["partner"] as? String == "tidewater-kitchenworks" })
        #expect(tidewater["orders"] as? Int == 1)
        #expect((report["openAlerts"] as? [String: Int])?["failedFile"] == 1)
        #expect((report["messages"] as? [String: Int])?["delivered"] == 2)
        let text = try site.porter(["status"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("PARTNER"))
        #expect(text.standardOutput.contains("tidewater-kitchenworks"))
        #expect(!text.standardOutput.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

        let track = try site.porter(["track", "BO-7734210", "--json"])
        #expect(track.status == 0, "\(track.standardError)")
        let order = try Self.object(track.standardOutput)
        let legs = try #require(order["legs"] as? [[String: Any]])
        #expect(legs.map { $0["partner"] as? String } == ["tidewater-kitchenworks"])
        let timeline = try #require(order["timeline"] as? [[String: Any]])
        #expect(timeline.contains { $0["kind"] as? String == "distributed" })
        #expect(timeline.contains { $0["kind"] as? String == "delivered" })
        #expect(try site.porter(["track", "BO-7734210"]).standardOutput.contains("Timeline:"))

        let unknown = try site.porter(["track", "NOPE-1"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no order NOPE-1"))
        #expect(unknown.standardOutput.isEmpty)

        let alerts = try site.porter(["alerts", "--open", "--json"])
        #expect(alerts.status == 0)
        let list = try #require(try Self.object(alerts.standardOutput)["alerts"] as? [[String: Any]])
        let failed = try #require(list.first { $0["kind"] as? String == "failedFile" })
        #expect((failed["evidence"] as? [String: Any])?["file"] as? String == "junk.txt")
        #expect(try site.porter(["alerts"]).standardOutput.contains("failedFile"))
        #expect(try site.porter(["alerts", "--limit", "0"]).status == 64)

        // Closed by hand: the reason is recorded; an id that is not open is exit 1.
        let id = try #require(failed["id"] as? Int)
        let close = try site.porter(["alerts", "close", String(id), "--reason", "junk from a test"])
        #expect(close.status == 0)
        #expect(close.standardOutput.contains("closed \(id) failedFile"))
        #expect(try site.porter(["alerts", "close", String(id)]).status == 1)
        let all = try #require(
            try Self.object(try site.porter(["alerts", "--json"]).standardOutput)["alerts"] as? [[String: Any]])
        #expect(all.first { $0["id"] as? Int == id }?["closedBecause"] as? String == "junk from a test")
    }

    @Test("an empty workspace: status and alerts say so and exit 0")
    func emptyWorkspace() throws {
        let site = try GatewaySite()
        let status = try site.porter(["status"])
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains("No open alerts."))
        let alerts = try site.porter(["alerts", "--json"])
        #expect(alerts.status == 0)
        #expect((try Self.object(alerts.standardOutput)["alerts"] as? [Any])?.isEmpty == true)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
