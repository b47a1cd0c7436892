import Foundation

/// Removes a payload's cXML secrets from text that came back from a partner before Porter keeps or logs it.
///
/// A server that refuses credentials sometimes quotes them in its `Status` text ("SharedSecret 'x' is wrong"), and an
/// error description could carry anything; a secret never goes into an outcome's reason, a log line or the store
/// (DESIGN.md, "Secrets").
struct SecretRedactor: Sendable {
    /// The secrets found in the payload, longest first (so one that contains another goes whole).
    private(set) var secrets: [String]

    /// What stands in a text where a secret was.
    static let replacement = "[redacted]"

    /// The elements whose text is a secret.
    private static let secretElements = ["SharedSecret", "CredentialMac"]

    /// Finds the secrets in `payload`: the text of each `SharedSecret` and `CredentialMac` element.
    init(payload: Data) {
        var found: Set<String> = []
        for element in Self.secretElements {
            let open = Data("<\(element)".utf8)
            let close = Data("</\(element)>".utf8)
            var start = payload.startIndex
            while let opening = payload.range(of: open, in: start..<payload.endIndex),
                let tagEnd = payload[opening.upperBound...].firstIndex(of: UInt8(ascii: ">")),
                let closing = payload.range(of: close, in: tagEnd..<payload.endIndex)
            {
                let text = String(decoding: payload[(tagEnd + 1)..<closing.lowerBound], as: UTF8.self)
                for candidate in [text, text.trimmingCharacters(in: .whitespacesAndNewlines)] where !candidate.isEmpty {
                    found.insert(candidate)
                }
                start = closing.upperBound
            }
        }
        self.secrets = found.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by ``replacement``.
    func redact(_ text: String) -> String {
        self.secrets.reduce(text) { text, secret in
            text.replacingOccurrences(of: secret, with: Self.replacement)
        }
    }
}
