import ArgumentParser
import AsyncHTTPClient
import Foundation
import Gateway
import Logging
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// `porter-bench listener`: requests per second and latency of the inbound cXML listener.
///
/// Starts the listener in-process on a fresh workspace with a copy of the repository's `Mappings/` in which our ERP
/// sends purchase orders in cXML, then posts `--requests` OrderRequests (each with its own payloadID and order number)
/// from `--clients` concurrent clients. Latency is per request, from sending to the 200 (the document committed).
struct ListenerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listener", abstract: "Requests per second and latency of the cXML listener (POST /cxml).")

    @Option(help: "How many OrderRequests to post.") var requests = 2_000
    @Option(help: "Concurrent clients.") var clients = 8
    @Option(help: "The workspace (removed and created again).") var workspace = "/tmp/porter-listener-bench"

    static let secret = "bench-secret"

    func run() async throws {
        let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        try? FileManager.default.removeItem(atPath: self.workspace)
        let mappings = self.workspace + "/Mappings"
        try FileManager.default.createDirectory(atPath: self.workspace, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository.appending(path: "Mappings").path, toPath: mappings)
        setenv("PORTER_BENCH_SECRET", Self.secret, 1)
        let erp = mappings + "/erp-orders/partner.yaml"
        let profile = try String(contentsOfFile: erp, encoding: .utf8)
            .replacingOccurrences(
                of: "    applicationCode: \"804417263\"\n",
                with: "    applicationCode: \"804417263\"\n  cxml:\n    domain: DUNS\n    identity: \"804417263\"\n"
                    + "    sharedSecret:\n      environment: PORTER_BENCH_SECRET\n"
            )
            .replacingOccurrences(
                of: "purchaseOrder:\n    inbound:\n      format: json",
                with: "purchaseOrder:\n    inbound:\n      format: cxml")
        try profile.write(toFile: erp, atomically: true, encoding: .utf8)

        let configuration = GatewayConfiguration.defaults(workspace: self.workspace + "/data", mappings: mappings)
        let runtime = try GatewayRuntime(configuration: configuration)
        let template = try String(
            contentsOf: repository.appending(path: "Mappings/copperleaf-office/tests/order-to-cxml.expected.xml"),
            encoding: .utf8
        )
        .replacingOccurrences(of: #"<Request deploymentMode="test">"#, with: "<Request>")
        .replacingOccurrences(
            of: "</Identity>\n      </Credential>\n      <UserAgent>",
            with:
                "</Identity>\n        <SharedSecret>\(Self.secret)</SharedSecret>\n      </Credential>\n      <UserAgent>"
        )
        let bodies = (1...self.requests).map { number in
            Array(
                template.replacingOccurrences(of: "golden-order-to-cxml@porter.invalid", with: "bench-\(number)@erp")
                    .replacingOccurrences(of: "BO-7734310", with: "BO-\(number)").utf8)
        }

        let (addresses, continuation) = AsyncStream.makeStream(of: ListenerAddress.self)
        let listener = CXMLListener(
            runtime: runtime, settings: ListenerSettings(host: "127.0.0.1", port: 0),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { continuation.yield($0) }
        let server = Task { try await listener.run() }
        var iterator = addresses.makeAsyncIterator()
        guard let url = await iterator.next()?.url else { throw ExitCode(2) }

        let start = ContinuousClock.now
        let clients = max(1, self.clients)
        let results = try await withThrowingTaskGroup(of: [(Duration, Int)].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var measured: [(Duration, Int)] = []
                    for index in stride(from: client, to: bodies.count, by: clients) {
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "text/xml")
                        request.body = .bytes(bodies[index])
                        let sent = ContinuousClock.now
                        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        measured.append((ContinuousClock.now - sent, Int(response.status.code)))
                    }
                    return measured
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - start
        server.cancel()
        _ = await server.result
        await runtime.shutdown()

        let latencies = results.map {
            Double($0.0.components.attoseconds) / 1e15 + Double($0.0.components.seconds) * 1e3
        }
        .sorted()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let codes = Dictionary(grouping: results.map(\.1), by: { $0 }).mapValues(\.count)
        print(
            """
            \(self.requests) OrderRequests, \(clients) clients: \(String(format: "%.2f", seconds)) s, \
            \(String(format: "%.0f", Double(self.requests) / seconds)) requests/s
            status codes: \(codes.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", "))
            latency: median \(String(format: "%.1f", percentile(0.5))) ms, p99 \(String(format: "%.1f", percentile(0.99))) ms, \
            max \(String(format: "%.1f", percentile(1))) ms
            """)
    }
}
