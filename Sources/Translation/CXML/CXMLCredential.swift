/// A cXML credential: a domain and an identity within it (`NetworkID`, `AN01000000001`).
///
/// The encoders take one to override the `From`, `To` or `Sender` identity of a document; on the command line it is
/// written `DOMAIN:ID`. It never holds a shared secret.
public struct CXMLCredential: Hashable, Sendable, CustomStringConvertible {
    /// The domain (`NetworkID`, `DUNS`…).
    public var domain: String
    /// The identity within the domain.
    public var identity: String

    /// Creates a credential.
    public init(domain: String, identity: String) {
        self.domain = domain
        self.identity = identity
    }

    /// Parses `DOMAIN:ID` (the identity may itself hold colons); `nil` when either part is empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let domain = String(text[..<colon])
        let identity = String(text[text.index(after: colon)...])
        guard !domain.isEmpty, !identity.isEmpty else { return nil }
        self.init(domain: domain, identity: identity)
    }

    /// `DOMAIN:ID`.
    public var description: String { "\(self.domain):\(self.identity)" }
}
