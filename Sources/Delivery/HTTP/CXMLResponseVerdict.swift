import CXML
import Foundation
import Translation

/// Turns a partner's answer to a cXML POST (HTTP status, and the cXML `Response` in the body) into an outcome.
///
/// Both layers count (DOMAIN.md §8.1): an HTTP 200 carrying a cXML 4xx is a refusal. The table is in the README
/// ("Delivery channels").
struct CXMLResponseVerdict {
    /// The attempt answered: a cXML 409 to a resend means an earlier attempt got through.
    var attempt: Int
    /// Cleans what the partner said before it goes into a reason.
    var redactor: SecretRedactor

    /// The longest partner text (Status text and detail) kept in a reason.
    static let maximumQuotedLength = 300

    /// What the body held, as far as the verdict cares.
    enum Body {
        /// A cXML `Response` with this status.
        case response(CXMLStatus)
        /// Anything else, and why it is not a cXML `Response`.
        case other(String)
    }

    /// Reads a response body with Porter's secure cXML reader (no network, no entities, bounded).
    static func read(_ bytes: [UInt8]) -> Body {
        guard bytes.contains(where: { !Self.isXMLSpace($0) }) else { return .other("the body is empty") }
        let decoding: CXMLDocumentDecoding
        do {
            decoding = try CXMLDocumentDecoder(sourceName: "the HTTP response").decode(bytes: bytes)
        } catch {
            return .other("it is not well-formed cXML (\(error.message))")
        }
        switch decoding.content {
        case .response(let response):
            return .response(response.status)
        case .some:
            return .other("it is a cXML \(decoding.documentElement ?? "document"), not a Response")
        case nil:
            let problem = decoding.findings.first { $0.severity == .error }?.message ?? "it holds no cXML Response"
            return .other(problem)
        }
    }

    /// The outcome of an HTTP answer with `status`, whose body was read as `body` (nil when it could not be read:
    /// too large, or not in time).
    func outcome(status: Int, reasonPhrase: String, body: Body?, bodyProblem: String? = nil) -> DeliveryOutcome {
        let http = "HTTP \(status) \(self.quote(reasonPhrase))".trimmingCharacters(in: .whitespaces)
        let cxml: CXMLStatus? = if case .response(let status) = body { status } else { nil }
        let said = cxml.map { ", cXML \(self.describe($0))" } ?? ""
        switch status {
        case 200..<300:
            guard let cxml else {
                let why: String
                if let bodyProblem {
                    why = bodyProblem
                } else if case .other(let problem) = body {
                    why = problem
                } else {
                    why = "it could not be read"
                }
                return .dead(reason: "\(http), but the body is not a cXML Response: \(why)")
            }
            return self.outcome(of: cxml, http: http)
        case 408, 429, 500..<600:
            return .retry(reason: "\(http)\(said)")
        case 409:
            if let cxml, cxml.code == 409, self.attempt > 1 { return self.outcome(of: cxml, http: http) }
            return .dead(reason: "\(http)\(said)")
        case 400..<500:
            return .dead(reason: "\(http)\(said)")
        default:
            return .dead(
                reason: "\(http)\(said): not an answer Porter can act on (a redirect the HTTP client did not follow?)")
        }
    }

    /// The outcome the cXML status decides, the HTTP layer having accepted the request.
    private func outcome(of cxml: CXMLStatus, http: String) -> DeliveryOutcome {
        let said = "\(http), cXML \(self.describe(cxml))"
        switch cxml.code {
        case 200..<300:
            return .delivered(detail: said)
        case 409 where self.attempt > 1:
            return .delivered(
                detail: "already delivered: the partner answered a resend (attempt \(self.attempt)) with cXML "
                    + "\(self.describe(cxml)), so an earlier attempt got through")
        case 400..<500:
            return .dead(reason: "\(said): the partner refused the document")
        case _ where cxml.isRetryable:
            return .retry(reason: "\(said): a temporary failure")
        default:
            return .dead(reason: "\(said): not a status Porter retries")
        }
    }

    /// `400 "Bad Request": the detail`, cleaned and shortened.
    private func describe(_ status: CXMLStatus) -> String {
        var text = "\(status.code)"
        let label = self.quote(status.text)
        if !label.isEmpty { text += " \"\(label)\"" }
        if let detail = status.detail.map(self.quote), !detail.isEmpty { text += ": \(detail)" }
        return text
    }

    /// Partner text made safe to keep: secrets removed, white space folded, length bounded.
    private func quote(_ text: String) -> String {
        let folded = self.redactor.redact(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard folded.count > Self.maximumQuotedLength else { return folded }
        return String(folded.prefix(Self.maximumQuotedLength)) + "…"
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
