import CXML
import Orders

/// Reads the envelope of a cXML document: the `cXML` attributes, the `Header` credentials and the `Request`.
///
/// `From` → `envelope.sender` and `To` → `envelope.receiver` (the first credential of each: `domain` as the
/// qualifier, `Identity` as the id); `payloadID`; `timestamp` → `envelope.date`; the `DOCTYPE` version (else
/// `cXML@version`) → `envelope.version`; `Request@deploymentMode` → `usage`; `Sender/UserAgent` → `userAgent`.
/// The `Sender` credential, further credentials and everything else stay in the document's `extensions`
/// (`Header/Sender/Credential`, `cXML@xml:lang`…); shared secrets never reach the tree
/// (``CXMLDocumentTree/secrets``).
struct CXMLEnvelopeDecoding {
    var envelope: Envelope
    /// The `cXML` element, addressed `cXML`.
    let root: CXMLCursor
    /// The `Request`, addressed `Request`, when the document is one.
    let request: CXMLCursor?
    /// The `Response`, addressed `Response`, when the document is one.
    let response: CXMLCursor?
    /// The `Message`, addressed `Message`, when the document is one.
    let message: CXMLCursor?

    init(tree: CXMLDocumentTree, context: CXMLDecodingContext) {
        let root = CXMLCursor(tree.root, address: "cXML", context: context)
        self.root = root
        // The document's language: `en-US` (what the encoders write when nothing else is known) need not be kept.
        if let language = tree.root.attribute("xml:lang") {
            context.documentLanguage = language
            if language == CXMLDefaults.language { root.use(attribute: "xml:lang") }
        }
        var sender = EnvelopeIdentity(qualifier: nil, id: "")
        var receiver = EnvelopeIdentity(qualifier: nil, id: "")
        var userAgent: String?
        if let header = root.child("Header", address: "Header") {
            if let from = header.child("From") {
                sender = Self.identity(from, context: context)
            } else {
                context.finding(.warning, .missingRequired, "the Header has no From", at: header.element)
            }
            if let to = header.child("To") {
                receiver = Self.identity(to, context: context)
            } else {
                context.finding(.warning, .missingRequired, "the Header has no To", at: header.element)
            }
            userAgent = header.child("Sender")?.child("UserAgent")?.text
        }
        self.request = root.child("Request", address: "Request")
        self.response = root.child("Response", address: "Response")
        self.message = root.child("Message", address: "Message")
        let usage: Usage
        switch (self.request ?? self.message)?.enumerated("deploymentMode", ["production", "test"]) {
        case "test": usage = .test
        case nil, "production": usage = .production
        case let other?: usage = Usage(rawValue: other)
        }
        var date: DateTime?
        if let timestamp = root.attribute("timestamp") {
            date = CXMLDateText.parse(timestamp)
            if date == nil {
                context.finding(
                    .warning, .invalidDate, "cXML@timestamp is not an ISO 8601 date-time", value: timestamp,
                    at: root.element)
            }
        }
        // cXML@version is the envelope's version without a DOCTYPE, or says the same as the DOCTYPE: either way it
        // is read; one that differs from the DOCTYPE's stays in extensions.
        let doctypeVersion = tree.documentType?.version
        if doctypeVersion == nil || tree.root.attribute("version") == doctypeVersion { root.use(attribute: "version") }
        self.envelope = Envelope(
            standard: .cxml, sender: sender, receiver: receiver, version: tree.version,
            payloadID: root.attribute("payloadID"), date: date, usage: usage, userAgent: userAgent)
    }

    /// The first credential of `From` or `To`.
    private static func identity(_ party: CXMLCursor, context: CXMLDecodingContext) -> EnvelopeIdentity {
        guard let credential = party.child("Credential") else {
            context.finding(.warning, .missingRequired, "\(party.name) has no Credential", at: party.element)
            return EnvelopeIdentity(qualifier: nil, id: "")
        }
        let identity = credential.child("Identity")?.text ?? ""
        if identity.isEmpty {
            context.finding(
                .warning, .missingRequired, "the \(party.name) credential has no Identity", at: party.element)
        }
        return EnvelopeIdentity(qualifier: credential.attribute("domain"), id: identity)
    }

    /// The request's document element (`OrderRequest`…), addressed from the document (its children are
    /// `OrderRequestHeader`, `ItemOut`…), or `nil` when the document is not a request.
    func documentElement() -> CXMLCursor? { self.request?.firstChild(address: "") }
}
