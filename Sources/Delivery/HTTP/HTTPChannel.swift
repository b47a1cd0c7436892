public import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1

/// Delivers cXML by HTTP POST to a partner's URL and reads the cXML `Response` that comes back on the same
/// connection.
///
/// The request carries the payload as is, with `Content-Type: text/xml; charset=utf-8`. The answer is judged on both
/// layers (HTTP status, then the cXML `Status` in the body, read with Porter's secure cXML reader); the full table is
/// in the README ("Delivery channels"). In short: a cXML 2xx is delivered, and so is a cXML 409 answering a resend
/// (the partner has the document from an earlier attempt); HTTP 408, 429 and 5xx, a cXML 500/550/560, timeouts and
/// connection failures are retried; any other refusal (an HTTP 4xx, an HTTP 200 carrying a cXML 4xx, a 2xx whose body
/// is not a cXML `Response`) is dead, with the codes and the partner's text in the reason.
///
/// ``timeout`` bounds the whole exchange, the response body included; the body is read up to
/// ``maximumResponseSize``. Reasons and logs never hold the payload, and a `SharedSecret` (or `CredentialMac`) the
/// payload carries is removed from anything the partner says back before it is kept. The channel does not own
/// `client`: its owner shuts it down.
public final class HTTPChannel: DeliveryChannel {
    /// The partner's endpoint (`http` or `https`).
    public let url: String
    /// How long one attempt may take, from sending the request to the end of the response body.
    public let timeout: Duration
    /// The largest response body read (1 MiB by default); a 2xx with a larger one is dead.
    public let maximumResponseSize: Int
    private let client: HTTPClient
    private let logger: Logger

    /// Creates a channel posting to `url` through `client`.
    ///
    /// - Parameters:
    ///   - url: The partner's endpoint; one that is not an `http`/`https` URL makes every delivery dead.
    ///   - client: The HTTP client to use, shared across channels; its owner shuts it down.
    ///   - timeout: How long one attempt may take, the response body included (30 seconds by default).
    ///   - maximumResponseSize: The largest response body read, in bytes (1 MiB by default).
    ///   - logger: Where the channel logs at debug level (outcomes, never payloads); silent by default.
    public init(
        url: String, client: HTTPClient, timeout: Duration = .seconds(30), maximumResponseSize: Int = 1 << 20,
        logger: Logger = Logger(label: "porter.delivery.http", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.url = url
        self.client = client
        self.timeout = timeout
        self.maximumResponseSize = maximumResponseSize
        self.logger = logger
    }

    public func deliver(_ delivery: OutboundDelivery) async -> DeliveryOutcome {
        let outcome = await self.attempt(delivery)
        self.logger.debug(
            "HTTP delivery attempt finished",
            metadata: [
                "message.id": "\(delivery.messageID)", "delivery.attempt": "\(delivery.attempt)",
                "delivery.outcome": "\(outcome)",
            ])
        return outcome
    }

    private func attempt(_ delivery: OutboundDelivery) async -> DeliveryOutcome {
        guard delivery.format == "cxml" else {
            return .dead(reason: "the HTTP channel posts cXML; this message is \(delivery.format)")
        }
        if let problem = Self.problem(withURL: self.url) { return .dead(reason: problem) }
        var request = HTTPClientRequest(url: self.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/xml; charset=utf-8")
        request.headers.add(name: "Accept", value: "text/xml, application/xml")
        request.body = .bytes(ByteBuffer(bytes: delivery.payload))
        let deadline = NIODeadline.now() + Self.timeAmount(self.timeout)
        let verdict = CXMLResponseVerdict(
            attempt: delivery.attempt, redactor: SecretRedactor(payload: delivery.payload))
        let response: HTTPClientResponse
        do {
            response = try await self.client.execute(request, deadline: deadline, logger: self.logger)
        } catch {
            return self.outcome(ofFailure: error, redactor: verdict.redactor)
        }
        var body: CXMLResponseVerdict.Body?
        var bodyProblem: String?
        do {
            // The client's deadline stops at the response head; the body gets what is left of it.
            let bytes = try await Self.collect(response.body, upTo: self.maximumResponseSize, before: deadline)
            body = CXMLResponseVerdict.read(Array(buffer: bytes))
        } catch is NIOTooManyBytesError {
            bodyProblem = "it is larger than \(self.maximumResponseSize) bytes"
        } catch {
            if (200..<300).contains(response.status.code) {
                return .retry(reason: "the response body did not arrive within \(self.timeout)")
            }
        }
        return verdict.outcome(
            status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase, body: body,
            bodyProblem: bodyProblem)
    }

    /// The outcome of a request that got no HTTP answer: a bad URL or redirect loop is dead, anything else
    /// (refused connection, timeout, reset, TLS failure) may pass later and is retried.
    private func outcome(ofFailure error: any Error, redactor: SecretRedactor) -> DeliveryOutcome {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return .retry(reason: "no answer within \(self.timeout) (\(error))")
            case .invalidURL, .emptyHost, .emptyScheme, .redirectLimitReached, .redirectCycleDetected:
                return .dead(reason: "the request cannot be sent: \(redactor.redact("\(error)"))")
            default:
                break
            }
        }
        return .retry(reason: "the request failed: \(redactor.redact(String(describing: error)))")
    }

    /// Why `url` cannot be posted to, or nil when it can.
    static func problem(withURL url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parsed.host(), !host.isEmpty
        else {
            return "the channel's URL is not an http or https URL with a host"
        }
        return nil
    }

    /// Reads `body` up to `limit` bytes, giving up at `deadline` (``HTTPChannelTimeout``).
    private static func collect(
        _ body: HTTPClientResponse.Body, upTo limit: Int, before deadline: NIODeadline
    ) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                let remaining = deadline - NIODeadline.now()
                if remaining.nanoseconds > 0 { try await Task.sleep(nanoseconds: UInt64(remaining.nanoseconds)) }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw HTTPChannelTimeout() }
            return buffer
        }
    }

    /// `duration` in NIO's unit, at most about 292 years.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .nanoseconds(seconds < 0 ? 0 : .max) }
        return .nanoseconds(max(0, nanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue))
    }
}

/// The response body did not arrive before the attempt's deadline.
struct HTTPChannelTimeout: Error {}
