import Foundation
import Gateway
import NIOHTTP1
import PorterTestSupport
import Store
import Testing

/// An ERP order routed to Copperleaf, a cXML supplier reached by HTTP POST, delivered through the gateway to a real
/// HTTP server on 127.0.0.1 that answers from a script.
@Suite("Gateway HTTP delivery")
struct HTTPDeliveryTests {
    static let partner = "copperleaf-office"

    @Test("HTTP 503 then 200: delivered on attempt 2, both attempts recorded, the POST is a cXML OrderRequest")
    func unavailableThenDelivered() async throws {
        try await Self.withGateway([.plain(503, "maintenance"), .cxml(code: 200, text: "OK")]) { gateway, server in
            let message = try await Self.runOrder(gateway)
            #expect(message.state == .delivered)
            #expect(message.attempts == 2)
            let attempts = try await gateway.store.attempts(message: message.id)
            #expect(attempts.map(\.result) == ["retry", "delivered"])
            #expect(attempts.first?.detail.contains("HTTP 503") == true)
            let requests = server.requests
            try #require(requests.count == 2)
            #expect(requests.allSatisfy { $0.method == .POST && $0.uri == "/cxml" })
            let body = String(decoding: requests[1].body, as: UTF8.self)
            #expect(body.contains("<OrderRequest>"))
            #expect(body.contains("<Identity>AN01000123456</Identity>"))
            #expect(Self.payloadID(requests[0].body) == message.draft.controlReference)
            #expect(Self.payloadID(requests[1].body) == message.draft.controlReference)
            #expect(message.draft.controlReference.hasSuffix("@porter"))
        }
    }

    @Test("HTTP 200 carrying cXML 400 is a dead letter with the code; a manual retry delivers it")
    func refusedThenRetriedByHand() async throws {
        let refusal = ScriptedHTTPServer.Reply.cxml(code: 400, text: "Bad Request", detail: "unknown ship-to")
        try await Self.withGateway([refusal, .cxml(code: 200, text: "OK")]) { gateway, server in
            let dead = try await Self.runOrder(gateway)
            #expect(dead.state == .dead)
            #expect(dead.attempts == 1)
            #expect(dead.lastError?.contains("cXML 400") == true)
            #expect(dead.lastError?.contains("unknown ship-to") == true)
            #expect(server.requests.count == 1)

            #expect(try await gateway.store.retry(dead.id, at: Date()))
            try await gateway.runtime.deliverUntilIdle()
            let delivered = try #require(try await gateway.store.message(dead.id))
            #expect(delivered.state == .delivered)
            #expect(try await gateway.store.attempts(message: dead.id).map(\.result) == ["dead", "delivered"])
            let requests = server.requests
            try #require(requests.count == 2)
            #expect(requests[0].body == requests[1].body)
        }
    }

    @Test(
        "a first attempt that gets no answer, then cXML 409 on the resend: delivered, and the resend carried the same payloadID",
        arguments: ["hang up", "503"])
    func conflictOnResendIsDelivered(first: String) async throws {
        let reply: ScriptedHTTPServer.Reply = first == "hang up" ? .hangUp : .plain(503)
        try await Self.withGateway([reply, .cxml(code: 409, text: "Conflict")]) { gateway, server in
            let message = try await Self.runOrder(gateway)
            #expect(message.state == .delivered)
            #expect(message.attempts == 2)
            let attempts = try await gateway.store.attempts(message: message.id)
            #expect(attempts.map(\.result) == ["retry", "delivered"])
            #expect(attempts.last?.detail.contains("already delivered") == true)
            let requests = server.requests
            try #require(requests.count == 2)
            let payloadIDs = requests.map { Self.payloadID($0.body) }
            #expect(payloadIDs[0] != nil)
            #expect(payloadIDs[0] == payloadIDs[1])
            #expect(requests[0].body == requests[1].body)
        }
    }

    // MARK: Support

    /// Runs `body` with a gateway whose Copperleaf endpoint is a scripted server, then stops the server.
    static func withGateway(
        _ replies: [ScriptedHTTPServer.Reply], _ body: (TestGateway, ScriptedHTTPServer) async throws -> Void
    ) async throws {
        let server = try await ScriptedHTTPServer.start(replies)
        var failure: (any Error)?
        do {
            let gateway = try TestGateway(copperleafURL: server.url())
            try await body(gateway, server)
        } catch {
            failure = error
        }
        try await server.shutdown()
        if let failure { throw failure }
    }

    /// Drops Copperleaf's mapping-test order (made a test order naming Copperleaf as its vendor, as Copperleaf's
    /// profile is for test) into `inbox/erp-orders/`,
    /// processes it, delivers until idle and returns the message queued for Copperleaf.
    static func runOrder(_ gateway: TestGateway) async throws -> OutboundMessage {
        let fixture = try String(
            contentsOf: repositoryRoot.appending(path: "Mappings/copperleaf-office/tests/order-to-cxml.json"),
            encoding: .utf8)
        // Copperleaf is named as the vendor by its party id; the envelope says test.
        let order =
            fixture
            .replacingOccurrences(of: "\"usage\": \"production\"", with: "\"usage\": \"test\"")
            .replacingOccurrences(of: "\"TKW-40022\"", with: "\"CLO-7781\"")
        try #require(order != fixture)
        try gateway.drop(Data(order.utf8), as: "po-copperleaf.json", folder: "erp-orders")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        let queued = try await gateway.store.messages(state: nil, limit: 10).filter { $0.draft.partner == Self.partner }
        try #require(queued.count == 1)
        #expect(queued[0].draft.format == "cxml")
        return try #require(try await gateway.store.message(queued[0].id))
    }

    /// The `payloadID` of a cXML document's root element.
    static func payloadID(_ body: [UInt8]) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        guard let start = text.range(of: "<cXML")?.upperBound,
            let attribute = text[start...].range(of: "payloadID=\"")
        else { return nil }
        let rest = text[attribute.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
