import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The cXML supplier of the demo (Copperleaf's order endpoint): an HTTP server (Hummingbird, as the gateway's own
/// listener) on 127.0.0.1, on a port the system picks, that answers every `POST /cxml` with a cXML `Response` 200
/// and keeps the bodies it received.
final class DemoSupplierEndpoint: Sendable {
    private let received = Mutex<[String]>([])
    private let address = Mutex<String>("")

    /// The bodies POSTed so far.
    var requests: [String] { self.received.withLock { $0 } }

    /// `http://127.0.0.1:PORT/cxml`, once listening.
    var url: String { self.address.withLock { $0 } }

    /// Starts a server, runs `body` with it, then shuts it down gracefully (also when `body` throws).
    static func with<T: Sendable>(_ body: (DemoSupplierEndpoint) async throws -> T) async throws -> T {
        let endpoint = DemoSupplierEndpoint()
        let logger = Logger(label: "porter.demo.endpoint", factory: { _ in SwiftLogNoOpLogHandler() })
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        router.post("/cxml") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 4 << 20)
            endpoint.received.withLock { $0.append(String(decoding: body.readableBytesView, as: UTF8.self)) }
            return Response(
                status: .ok, headers: [.contentType: "text/xml; charset=UTF-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: Self.okResponse)))
        }
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                announce.yield(channel.localAddress?.port ?? 0)
                announce.finish()
            }, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { announce.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let result: Result<T, any Error>
            if port > 0 {
                endpoint.address.withLock { $0 = "http://127.0.0.1:\(port)/cxml" }
                do {
                    result = .success(try await body(endpoint))
                } catch {
                    result = .failure(error)
                }
            } else {
                result = .failure(DemoError("the demo's cXML endpoint could not listen on 127.0.0.1"))
            }
            await group.triggerGracefulShutdown()
            do {
                try await tasks.waitForAll()
            } catch {
                if case .success = result { throw DemoError("the demo's cXML endpoint failed: \(error)") }
            }
            return try result.get()
        }
    }

    /// What the endpoint answers.
    static let okResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd">
        <cXML payloadID="demo-response@copperleaf.example" timestamp="2025-03-04T08:05:00+00:00" xml:lang="en-US">
          <Response>
            <Status code="200" text="OK" xml:lang="en-US">Order received.</Status>
          </Response>
        </cXML>
        """
}

/// The demo could not run.
public struct DemoError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { self.message }
}
