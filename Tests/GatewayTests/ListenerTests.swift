import AsyncHTTPClient
import Foundation
import Gateway
import NIOCore
import NIOHTTP1
import PorterTestSupport
import Store
import Testing

/// The inbound cXML listener over real HTTP on 127.0.0.1: a real workspace, a real SQLite store, the repository's
/// Mappings (copied, with shared secrets read from a file).
@Suite("cXML listener")
struct ListenerTests {
    @Test("an OrderRequest from the ERP is answered 200 once committed: archived, stored, queued as from the inbox")
    func orderIsAccepted() async throws {
        let site = try ListenerSite()
        let body = try ListenerSite.orderRequest(payloadID: "order-1@erp.example")
        try await site.withListener { url in
            let reply = try await ListenerSite.post(body, to: url)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.text.contains(#"<Status code="200" text="OK">"#))
            #expect(reply.text.contains(#"payloadID="order-1@erp.example""#))
            #expect(reply.contentType?.hasPrefix("text/xml") == true)
        }
        #expect(site.files(in: "work").isEmpty)
        let archived = site.files(in: "archive")
        #expect(archived.count == 1)
        #expect(archived.first?.hasSuffix("/order-1_erp.example.xml") == true)
        #expect(try await site.runtime.store.receivedPayloadIDs(["order-1@erp.example"]) == ["order-1@erp.example"])
        let queued = try await site.runtime.store.messages(state: nil, limit: 10)

        // The same document dropped into the inbox of another gateway queues the same messages.
        let inbox = try ListenerSite()
        try inbox.gateway.drop(Data(body), as: "order.xml")
        let results = await inbox.runtime.processInbox()
        #expect(results.map(\.disposition) == [.archived])
        let expected = try await inbox.runtime.store.messages(state: nil, limit: 10)
        #expect(!expected.isEmpty)
        #expect(queued.map(\.draft.partner).sorted() == expected.map(\.draft.partner).sorted())
        #expect(queued.map(\.draft.format).sorted() == expected.map(\.draft.format).sorted())
    }

    @Test("24 concurrent posts: every one answered 200 after its commit, each stored once")
    func concurrentPosts() async throws {
        let site = try ListenerSite()
        let ids = (1...24).map { "burst-\($0)@erp.example" }
        let bodies = try ids.map { try ListenerSite.orderRequest(payloadID: $0) }
        try await site.withListener { url in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for body in bodies { group.addTask { try await ListenerSite.post(body, to: url).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: ids.count))
        }
        #expect(try await site.runtime.store.receivedPayloadIDs(ids) == Set(ids))
        #expect(site.files(in: "archive").count == ids.count)
        #expect(site.files(in: "work").isEmpty)
        #expect(try await site.runtime.store.duplicates(limit: 10).isEmpty)
    }

    @Test("a ConfirmationRequest from a cXML supplier is accepted and recorded")
    func confirmationIsAccepted() async throws {
        let site = try ListenerSite()
        try await site.withListener { url in
            let reply = try await ListenerSite.post(
                try ListenerSite.confirmation(payloadID: "conf-1@copperleaf.example"), to: url)
            #expect(reply.status == 200, "\(reply.text)")
        }
        #expect(site.files(in: "work").isEmpty)
        #expect(site.files(in: "archive").count == 1)
        #expect(
            try await site.runtime.store.receivedPayloadIDs(["conf-1@copperleaf.example"]).count == 1)
    }

    @Test("the same payloadID twice: 200, then 409; stored and queued once")
    func samePayloadIDTwiceIsAConflict() async throws {
        let site = try ListenerSite()
        let body = try ListenerSite.orderRequest(payloadID: "twice@erp.example")
        try await site.withListener { url in
            #expect(try await ListenerSite.post(body, to: url).status == 200)
            let again = try await ListenerSite.post(body, to: url)
            #expect(again.status == 409)
            #expect(again.text.contains(#"<Status code="409" text="Conflict">"#))
            #expect(again.text.contains(#"payloadID="twice@erp.example""#))
        }
        #expect(site.files(in: "archive").count == 1)
        #expect(site.files(in: "work").isEmpty)
        #expect(try await site.runtime.store.duplicates(limit: 10).isEmpty)
        let inbox = try ListenerSite()
        try inbox.gateway.drop(Data(body), as: "order.xml")
        _ = await inbox.runtime.processInbox()
        let once = try await inbox.runtime.store.messages(state: nil, limit: 10).count
        #expect(try await site.runtime.store.messages(state: nil, limit: 10).count == once)
    }

    /// A refused request and what it must be answered.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var payloadID: String?
        var body: @Sendable () throws -> [UInt8]
        var testDescription: String { "\(self.name) → \(self.status)" }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "wrong shared secret", status: 401, payloadID: "bad-secret@erp.example") {
            try ListenerSite.orderRequest(payloadID: "bad-secret@erp.example", secret: "not-the-secret")
        },
        Refusal(name: "no shared secret", status: 401, payloadID: "no-secret@erp.example") {
            try ListenerSite.orderRequest(payloadID: "no-secret@erp.example", secret: nil)
        },
        Refusal(name: "unknown sender", status: 401, payloadID: "stranger@nowhere.example") {
            let text = String(
                decoding: try ListenerSite.orderRequest(payloadID: "stranger@nowhere.example"), as: UTF8.self)
            return Array(
                text.replacingOccurrences(of: "<Identity>804417263</Identity>", with: "<Identity>999</Identity>").utf8)
        },
        Refusal(name: "not well-formed", status: 400, payloadID: nil) {
            Array(#"<?xml version="1.0"?><cXML payloadID="x"><Header></cXML>"#.utf8)
        },
        Refusal(name: "billion laughs", status: 400, payloadID: nil) {
            try ListenerSite.fixture("Fixtures/cxml/hostile/billion-laughs.xml")
        },
        Refusal(name: "internal subset", status: 400, payloadID: nil) {
            try ListenerSite.fixture("Fixtures/cxml/hostile/internal-subset.xml")
        },
        Refusal(name: "X12, not XML", status: 400, payloadID: nil) {
            try ListenerSite.fixture("Fixtures/x12/850/004010-retail-sdq.edi")
        },
        Refusal(name: "invalid document", status: 406, payloadID: "invalid@erp.example") {
            let text = String(
                decoding: try ListenerSite.orderRequest(payloadID: "invalid@erp.example"), as: UTF8.self)
            return Array(text.replacingOccurrences(of: #"type="new""#, with: #"type="sideways""#).utf8)
        },
        Refusal(name: "a document the partner may not send", status: 406, payloadID: "conf-from-erp@erp.example") {
            let text = String(
                decoding: try ListenerSite.confirmation(payloadID: "conf-from-erp@erp.example"), as: UTF8.self)
            return Array(
                text.replacingOccurrences(of: #"<Credential domain="NetworkID">"#, with: #"<Credential domain="DUNS">"#)
                    .replacingOccurrences(of: "AN01000123456", with: "804417263").utf8)
        },
    ]

    @Test("a refused request is answered with its status and leaves nothing behind", arguments: Self.refusals)
    func refusedRequestLeavesNothing(_ refusal: Refusal) async throws {
        let site = try ListenerSite()
        try await site.withListener { url in
            let reply = try await ListenerSite.post(try refusal.body(), to: url)
            #expect(reply.status == refusal.status, "\(reply.text)")
            #expect(reply.text.contains(#"<Status code="\#(refusal.status)""#), "\(reply.text)")
            if let payloadID = refusal.payloadID {
                #expect(reply.text.contains(#"payloadID="\#(payloadID)""#))
            }
            #expect(!reply.text.contains(ListenerSite.secret))
        }
        try await site.expectNothingKept(payloadID: refusal.payloadID)
    }

    @Test("a body over maxBodyBytes is 413, with or without a Content-Length; nothing is kept")
    func tooLargeIsRefused() async throws {
        let site = try ListenerSite(maxBodyBytes: 4_096)
        let body = Array(repeating: UInt8(ascii: "x"), count: 64 << 10)
        try await site.withListener { url in
            let declared = try await ListenerSite.post(body, to: url)
            #expect(declared.status == 413)
            #expect(declared.text.contains(#"<Status code="413" text="Payload Too Large">"#))

            var request = HTTPClientRequest(url: url)
            request.method = .POST
            let chunks = (0..<16).map { _ in ByteBuffer(bytes: body[0..<4_096]) }
            request.body = .stream(chunks.async, length: .unknown)
            let streamed = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            #expect(streamed.status.code == 413)
        }
        try await site.expectNothingKept(payloadID: nil)
    }

    @Test("another path is 404, another method 405")
    func pathAndMethod() async throws {
        let site = try ListenerSite()
        try await site.withListener { url in
            let other = try await ListenerSite.post([], to: url.replacingOccurrences(of: "/cxml", with: "/other"))
            #expect(other.status == 404)
            var get = HTTPClientRequest(url: url)
            get.method = .GET
            let response = try await HTTPClient.shared.execute(get, timeout: .seconds(30))
            #expect(response.status.code == 405)
            #expect(response.headers.first(name: "Allow") == "POST")
        }
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence (a streamed request body).
    fileprivate var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

/// A gateway with the listener on a free port of 127.0.0.1, a temporary workspace and a copy of the repository's
/// Mappings in which the ERP also sends purchase orders in cXML (DUNS 804417263) and the shared secrets of the ERP
/// and Copperleaf are read from a file.
final class ListenerSite {
    static let secret = "listener-test-secret"
    /// The test gateway whose workspace, store and copied Mappings this site uses.
    let gateway: TestGateway
    /// A runtime on the rewritten Mappings.
    let runtime: GatewayRuntime
    let settings: ListenerSettings

    init(maxBodyBytes: Int = ListenerSettings.defaultMaxBodyBytes) throws {
        self.gateway = try TestGateway()
        let secretFile = self.gateway.root.appending(path: "shared.secret")
        try (Self.secret + "\n").write(to: secretFile, atomically: true, encoding: .utf8)
        try Self.prepareMappings(URL(filePath: self.gateway.configuration.mappings), secretFile: secretFile.path)
        self.settings = ListenerSettings(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes)
        self.runtime = try GatewayRuntime(configuration: self.gateway.configuration, store: self.gateway.store)
    }

    /// Rewrites a copy of the repository's Mappings for the listener: the ERP sends cXML orders with a shared
    /// secret, Copperleaf's secret comes from the same file.
    static func prepareMappings(_ mappings: URL, secretFile: String) throws {
        try TestMappings.erpSendsCXML(in: mappings, secretFile: secretFile, copperleafToo: true)
    }

    /// Runs the listener for `body`, which gets its URL; stops it afterwards.
    func withListener(_ body: (String) async throws -> Void) async throws {
        let (addresses, continuation) = AsyncStream.makeStream(of: ListenerAddress.self)
        let listener = CXMLListener(runtime: self.runtime, settings: self.settings) { address in
            continuation.yield(address)
        }
        let server = Task { try await listener.run() }
        var failure: (any Error)?
        var iterator = addresses.makeAsyncIterator()
        if let address = await iterator.next() {
            do { try await body(address.url) } catch { failure = error }
        }
        server.cancel()
        _ = await server.result
        if let failure { throw failure }
    }

    /// What an HTTP request got back.
    struct Reply {
        var status: Int
        var text: String
        var contentType: String?
    }

    static func post(_ body: [UInt8], to url: String) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=UTF-8")
        request.body = .bytes(body)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 1 << 20)
        return Reply(
            status: Int(response.status.code), text: String(buffer: data),
            contentType: response.headers.first(name: "Content-Type"))
    }

    /// A repository file's bytes.
    static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repositoryRoot.appending(path: path)))
    }

    /// Copperleaf's golden OrderRequest, sent by the ERP (DUNS 804417263) for production, with `payloadID` and, in
    /// its `Sender` credential, `secret`.
    static func orderRequest(payloadID: String, secret: String? = ListenerSite.secret) throws -> [UInt8] {
        var text = String(
            decoding: try Self.fixture("Mappings/copperleaf-office/tests/order-to-cxml.expected.xml"), as: UTF8.self)
        text = text.replacingOccurrences(of: "golden-order-to-cxml@porter.invalid", with: payloadID)
            .replacingOccurrences(of: #"<Request deploymentMode="test">"#, with: "<Request>")
        if let secret { text = Self.insertSecret(secret, into: text) }
        return Array(text.utf8)
    }

    /// A ConfirmationRequest from Copperleaf (NetworkID AN01000123456) with `payloadID` and `secret`.
    static func confirmation(payloadID: String, secret: String = ListenerSite.secret) throws -> [UInt8] {
        let text = String(
            decoding: try Self.fixture("Fixtures/cxml/ConfirmationRequest/accept.xml"), as: UTF8.self
        )
        .replacingOccurrences(of: "conf-accept-1@quillon.example", with: payloadID)
        .replacingOccurrences(of: "AN01000000202", with: "AN01000123456")
        .replacingOccurrences(of: "supplier-secret", with: secret)
        return Array(text.utf8)
    }

    /// `text` with `<SharedSecret>` added to the `Sender` credential.
    static func insertSecret(_ secret: String, into text: String) -> String {
        guard let sender = text.range(of: "<Sender>"),
            let end = text.range(of: "</Credential>", range: sender.upperBound..<text.endIndex)
        else { return text }
        return text.replacingCharacters(
            in: end.lowerBound..<end.lowerBound, with: "  <SharedSecret>\(secret)</SharedSecret>\n      ")
    }

    func files(in folder: String) -> [String] { self.gateway.files(in: folder) }

    /// Nothing in `work/`, `archive/`, `error/` or `quarantine/`, no payloadID and no message in the store.
    func expectNothingKept(payloadID: String?, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for folder in ["work", "archive", "error", "quarantine"] {
            #expect(self.files(in: folder).isEmpty, "\(folder)/", sourceLocation: sourceLocation)
        }
        if let payloadID {
            #expect(
                try await self.runtime.store.receivedPayloadIDs([payloadID]).isEmpty, sourceLocation: sourceLocation)
        }
        #expect(try await self.runtime.store.messages(state: nil, limit: 10).isEmpty, sourceLocation: sourceLocation)
    }
}
