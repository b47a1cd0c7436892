import AsyncHTTPClient
import PorterTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import Delivery

@Suite("HTTP channel")
struct HTTPChannelTests {
    @Test func cXML200IsDeliveredAndTheRequestCarriesThePayload() async throws {
        try await withScriptedServer([.cxml(code: 200, text: "OK")]) { server, client in
            let delivery = OutboundDelivery.cxml()
            let outcome = await HTTPChannel(url: server.url("/in/cxml"), client: client).deliver(delivery)
            #expect(outcome == .delivered(detail: "HTTP 200 OK, cXML 200 \"OK\""))
            let requests = server.requests
            try #require(requests.count == 1)
            #expect(requests[0].method == .POST)
            #expect(requests[0].uri == "/in/cxml")
            #expect(requests[0].headers["Content-Type"] == ["text/xml; charset=utf-8"])
            #expect(requests[0].body == Array(delivery.payload))
        }
    }

    @Test func http503IsRetriedThenDelivered() async throws {
        try await withScriptedServer([.plain(503, "maintenance"), .cxml(code: 200, text: "OK")]) { server, client in
            let channel = HTTPChannel(url: server.url(), client: client)
            let first = await channel.deliver(.cxml(attempt: 1))
            #expect(first == .retry(reason: "HTTP 503 Service Unavailable"))
            let second = await channel.deliver(.cxml(attempt: 2))
            #expect(second.kind == "delivered")
            #expect(server.requests.count == 2)
            #expect(
                server.requests.map(\.body) == [
                    Array(OutboundDelivery.cxml().payload), Array(OutboundDelivery.cxml().payload),
                ])
        }
    }

    @Test func http200CarryingCXML400IsDeadWithTheCode() async throws {
        let reply = ScriptedHTTPServer.Reply.cxml(code: 400, text: "Bad Request", detail: "unknown ship-to")
        try await withScriptedServer([reply]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml())
            #expect(outcome.kind == "dead")
            #expect(outcome.text.contains("HTTP 200"))
            #expect(outcome.text.contains("cXML 400 \"Bad Request\": unknown ship-to"))
        }
    }

    @Test(arguments: [(200, 2), (200, 5), (409, 2)])
    func cXML409OnAResendMeansAlreadyDelivered(http: Int, attempt: Int) async throws {
        try await withScriptedServer([.cxml(http: http, code: 409, text: "Conflict")]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml(attempt: attempt))
            #expect(outcome.kind == "delivered")
            #expect(outcome.text.contains("already delivered"))
            #expect(outcome.text.contains("attempt \(attempt)) with cXML 409"))
        }
    }

    @Test func cXML409OnAFirstAttemptIsDead() async throws {
        try await withScriptedServer([.cxml(code: 409, text: "Conflict")]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml(attempt: 1))
            #expect(outcome.kind == "dead")
            #expect(outcome.text.contains("cXML 409 \"Conflict\""))
        }
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func transientHTTPStatusesAreRetried(status: Int) async throws {
        try await withScriptedServer([.plain(status)]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml())
            #expect(outcome.kind == "retry")
            #expect(outcome.text.hasPrefix("HTTP \(status)"))
        }
    }

    @Test(arguments: [400, 401, 403, 404, 409, 413])
    func otherHTTP4xxAreDead(status: Int) async throws {
        try await withScriptedServer([.plain(status, "<html>nope</html>")]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml(attempt: 2))
            #expect(outcome.kind == "dead")
            #expect(outcome.text.hasPrefix("HTTP \(status)"))
        }
    }

    @Test func anHTTP4xxCarryingACXMLResponseQuotesIt() async throws {
        try await withScriptedServer([.cxml(http: 401, code: 401, text: "Unauthorized")]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml())
            #expect(outcome == .dead(reason: "HTTP 401 Unauthorized, cXML 401 \"Unauthorized\""))
        }
    }

    @Test(arguments: [(500, "retry"), (550, "retry"), (560, "retry"), (551, "dead"), (201, "delivered"), (302, "dead")])
    func cXMLStatusInAnHTTP200Decides(code: Int, kind: String) async throws {
        try await withScriptedServer([.cxml(code: code, text: "Status \(code)")]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml())
            #expect(outcome.kind == kind)
            #expect(outcome.text.contains("cXML \(code)"))
        }
    }

    @Test func aConnectionRefusedIsRetried() async throws {
        let port = try await ScriptedHTTPServer.closedPort()
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let outcome = await HTTPChannel(url: "http://127.0.0.1:\(port)/cxml", client: client, timeout: .seconds(1))
            .deliver(.cxml())
        try await client.shutdown()
        #expect(outcome.kind == "retry")
    }

    @Test func aServerSlowerThanTheTimeoutIsRetried() async throws {
        // Far beyond the timeout, so a loaded machine (the whole suite on two cores) cannot make the reply win.
        try await withScriptedServer([.cxml(code: 200, text: "OK", delay: .seconds(60))]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client, timeout: .milliseconds(300))
                .deliver(.cxml())
            #expect(outcome.kind == "retry")
            #expect(outcome.text.contains("no answer within"))
        }
    }

    @Test func aBodySlowerThanTheTimeoutIsRetried() async throws {
        var reply = ScriptedHTTPServer.Reply.cxml(code: 200, text: "OK")
        reply.bodyDelay = .seconds(60)  // far beyond the timeout, even on a loaded machine
        try await withScriptedServer([reply]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client, timeout: .milliseconds(300))
                .deliver(.cxml())
            #expect(outcome == .retry(reason: "the response body did not arrive within 0.3 seconds"))
        }
    }

    @Test(arguments: ["OK", "", "<html><body>thanks</body></html>", "<cXML><Request/></cXML>"])
    func a2xxWhoseBodyIsNotACXMLResponseIsDead(body: String) async throws {
        try await withScriptedServer([.plain(200, body)]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(.cxml())
            #expect(outcome.kind == "dead")
            #expect(outcome.text.contains("the body is not a cXML Response"))
        }
    }

    @Test func aResponseBodyOverTheLimitIsDead() async throws {
        let reply = ScriptedHTTPServer.Reply.cxml(code: 200, text: "OK", detail: String(repeating: "x", count: 4096))
        try await withScriptedServer([reply]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client, maximumResponseSize: 1024)
                .deliver(.cxml())
            #expect(outcome.kind == "dead")
            #expect(outcome.text.contains("larger than 1024 bytes"))
        }
    }

    @Test func theSharedSecretNeverReachesAReason() async throws {
        let secret = "s3cr3t-Porter"
        let reply = ScriptedHTTPServer.Reply.cxml(
            code: 401, text: "Unauthorized", detail: "SharedSecret \(secret) does not match")
        try await withScriptedServer([reply]) { server, client in
            let outcome = await HTTPChannel(url: server.url(), client: client)
                .deliver(.cxml(CXMLSamples.orderRequest(secret: secret)))
            #expect(outcome.kind == "dead")
            #expect(!outcome.text.contains(secret))
            #expect(outcome.text.contains("SharedSecret [redacted] does not match"))
        }
    }

    @Test func anotherFormatIsDeadWithoutARequest() async throws {
        try await withScriptedServer([.cxml(code: 200, text: "OK")]) { server, client in
            let delivery = OutboundDelivery(
                messageID: 7, fileName: "PO-1.x12", payload: Data("ISA*00*".utf8), format: "x12", attempt: 1)
            let outcome = await HTTPChannel(url: server.url(), client: client).deliver(delivery)
            #expect(outcome.kind == "dead")
            #expect(server.requests.isEmpty)
        }
    }

    @Test(arguments: ["", "ftp://partner.example/in", "not a url", "http://"])
    func aURLThatIsNotHTTPIsDead(url: String) async throws {
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let outcome = await HTTPChannel(url: url, client: client).deliver(.cxml())
        try await client.shutdown()
        #expect(outcome.kind == "dead")
    }
}
