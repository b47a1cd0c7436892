import AsyncHTTPClient
import PorterTestSupport
import Delivery
import Foundation
import NIOPosix

extension DeliveryOutcome {
    /// `delivered`, `retry` or `dead`.
    var kind: String {
        switch self {
        case .delivered: "delivered"
        case .retry: "retry"
        case .dead: "dead"
        }
    }

    /// The detail or reason.
    var text: String {
        switch self {
        case .delivered(let detail): detail
        case .retry(let reason), .dead(let reason): reason
        }
    }
}

extension OutboundDelivery {
    /// A cXML message, attempt `attempt`.
    static func cxml(_ payload: Data = CXMLSamples.orderRequest(), attempt: Int = 1) -> Self {
        OutboundDelivery(messageID: 42, fileName: "PO-1.xml", payload: payload, format: "cxml", attempt: attempt)
    }
}

/// Runs `body` against a scripted server and an HTTP client, then shuts both down, whatever happened.
func withScriptedServer(
    _ replies: [ScriptedHTTPServer.Reply], _ body: (ScriptedHTTPServer, HTTPClient) async throws -> Void
) async throws {
    let server = try await ScriptedHTTPServer.start(replies)
    let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    var failure: (any Error)?
    do { try await body(server, client) } catch { failure = error }
    try await client.shutdown()
    try await server.shutdown()
    if let failure { throw failure }
}

/// A fresh temporary folder, removed after `body`.
func withTemporaryFolder(_ body: (String) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "porter-delivery-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try await body(folder)
}
