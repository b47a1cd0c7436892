import Foundation
@preconcurrency import Glibc
import Synchronization

/// The cXML supplier of the demo (Copperleaf's order endpoint): an HTTP/1.1 server on 127.0.0.1, on a port the
/// system picks, that answers every request with a cXML `Response` 200 and keeps the bodies it received.
///
/// A plain socket server on a thread of its own (blocking `accept`/`read` never run on the cooperative pool; `poll`
/// with a short timeout lets it notice the stop). Hummingbird would do, but its router pulls NIO's Dispatch
/// headers into the Gateway module, which makes the `stat` fields of `FileSystemCalls.swift` ambiguous under
/// MemberImportVisibility; a demo endpoint is not worth that.
final class DemoSupplierEndpoint: Sendable {
    private let received = Mutex<[String]>([])
    private let stopping = Atomic<Bool>(false)
    private let listener: Int32
    /// `http://127.0.0.1:PORT/cxml`.
    let url: String

    private init(listener: Int32, port: Int) {
        self.listener = listener
        self.url = "http://127.0.0.1:\(port)/cxml"
    }

    /// The bodies received so far.
    var requests: [String] { self.received.withLock { $0 } }

    /// Starts a server, runs `body` with it, then stops it (also when `body` throws).
    static func with<T: Sendable>(_ body: (DemoSupplierEndpoint) async throws -> T) async throws -> T {
        let endpoint = try DemoSupplierEndpoint.open()
        let thread = Thread { endpoint.serve() }
        thread.start()
        defer {
            endpoint.stopping.store(true, ordering: .sequentiallyConsistent)
            while !thread.isFinished { usleep(1_000) }
            close(endpoint.listener)
        }
        return try await body(endpoint)
    }

    private static func open() throws -> DemoSupplierEndpoint {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DemoError("cannot open a socket: \(Self.lastError())") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && Glibc.listen(descriptor, 16) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard listening else {
            let reason = Self.lastError()
            close(descriptor)
            throw DemoError("the demo's cXML endpoint cannot listen on 127.0.0.1: \(reason)")
        }
        return DemoSupplierEndpoint(listener: descriptor, port: Int(UInt16(bigEndian: address.sin_port)))
    }

    /// The accept loop (on its own thread).
    private func serve() {
        while !self.stopping.load(ordering: .sequentiallyConsistent) {
            var waiting = pollfd(fd: self.listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 20) > 0 else { continue }
            let connection = accept(self.listener, nil, nil)
            guard connection >= 0 else { continue }
            self.answer(connection)
            close(connection)
        }
    }

    /// Reads one request (headers, then `Content-Length` bytes of body) and answers it.
    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var expected: Int?
        while expected.map({ bytes.count < $0 }) ?? true {
            let count = chunk.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
            if expected == nil, let end = Self.headerEnd(bytes) {
                let headers = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
                let length =
                    headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = end + 4 + length
            }
        }
        if let end = Self.headerEnd(bytes) {
            self.received.withLock { $0.append(String(decoding: bytes[(end + 4)...], as: UTF8.self)) }
        }
        let body = Array(Self.okResponse.utf8)
        let response =
            Array(
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
                    .utf8) + body
        var offset = 0
        while offset < response.count {
            let written = response.withUnsafeBytes { write(connection, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// The index of `\r\n\r\n`, if the headers are complete.
    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

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
