import CXML
import Foundation
import Orders

/// Writes the frame of a cXML document: the `DOCTYPE`, the `cXML` attributes, the `Header` and the `Request`.
///
/// `From` and `To` come from the options or the envelope (an X12 qualifier becomes a domain through
/// ``CXMLIdentityDomains``); the `Sender` credential from the options, the one the document arrived with, or the
/// `From` credential; `UserAgent` from the options, the envelope, or `Porter`; `deploymentMode="test"` for a test
/// envelope. The document element is then written by the encoder, addressed from the document (path `""`).
enum CXMLEnvelopeEncoding {
    static func write(
        _ envelope: Envelope, extensions: Extensions, options: CXMLEncodingOptions, dtd: CXMLDTD,
        element: String, body: (CXMLEmitter, CXMLContentWriter) throws(CXMLError) -> Void
    ) throws(CXMLEncodingError) -> CXMLEncoding {
        do {
            let writer = try CXMLWriter(configuration: options.writerConfiguration)
            let language = options.language ?? extensions["cXML@xml:lang"] ?? CXMLDefaults.language
            let emitter = CXMLEmitter(writer: writer, dtd: dtd, language: language)
            try emitter.with(extensions, root: "", documentPath: "cXML/Request/\(element)") { () throws(CXMLError) in
                let timestamp =
                    options.timestamp ?? envelope.date.map {
                        let (text, defaulted) = CXMLDateText.dateTime($0, defaultZone: options.defaultTimeZone)
                        if defaulted {
                            emitter.note(
                                "a date without time or zone was written at 12:00:00\(options.defaultTimeZone)",
                                path: "cXML@timestamp")
                        }
                        return text
                    } ?? CXMLTimestamp.string(from: Date())
                try writer.writeStartDocument(
                    dtd, payloadID: options.payloadID ?? envelope.payloadID ?? CXMLPayloadID.generate(),
                    timestamp: timestamp, language: language)
                emitter.markVisited("cXML")
                let root = CXMLContentWriter(emitter: emitter, parent: "cXML", path: "cXML")
                root.suppress("ds:Signature")
                try self.header(envelope, options: options, emitter: emitter, root: root)
                let mode = envelope.usage == .test ? "test" : nil
                if envelope.usage != .test, envelope.usage != .production {
                    emitter.note(
                        "the usage \(envelope.usage) has no cXML deployment mode; written as production",
                        path: "Request", code: .approximated)
                }
                try root.element("Request", [("deploymentMode", mode)], path: "Request") { request throws(CXMLError) in
                    try request.element(element, path: "") { document throws(CXMLError) in
                        try body(emitter, document)
                    }
                }
                try root.finish()
            }
            let bytes = try writer.finish()
            return CXMLEncoding(bytes: bytes, dtd: dtd, findings: emitter.allFindings())
        } catch {
            throw CXMLEncodingError(
                .writer, "the document cannot be written as cXML: \(error.message)", writerError: error)
        }
    }

    private static func header(
        _ envelope: Envelope, options: CXMLEncodingOptions, emitter: CXMLEmitter, root: CXMLContentWriter
    ) throws(CXMLError) {
        let from =
            options.sender
            ?? self.credential(envelope.sender, standard: envelope.standard, role: "From", emitter: emitter)
        let to =
            options.receiver
            ?? self.credential(envelope.receiver, standard: envelope.standard, role: "To", emitter: emitter)
        try root.element("Header", path: "Header") { header throws(CXMLError) in
            try header.element("From") { party throws(CXMLError) in
                try self.write(from, secret: nil, in: party)
            }
            try header.element("To") { party throws(CXMLError) in
                try self.write(to, secret: nil, in: party)
            }
            try header.element("Sender") { sender throws(CXMLError) in
                let kept = emitter.keptChildren(of: "Header/Sender").first { $0.elementName == "Credential" }
                var credential = options.senderCredential ?? kept.flatMap(self.credential(kept:))
                if credential == nil {
                    credential = from
                    emitter.note("the Sender credential is the From credential", path: "Header/Sender")
                }
                sender.suppress("Credential")
                try self.write(credential ?? from, secret: options.sharedSecret, in: sender)
                var userAgent = options.userAgent ?? envelope.userAgent
                if userAgent == nil {
                    userAgent = CXMLDefaults.userAgent
                    emitter.note("the UserAgent is \(CXMLDefaults.userAgent)", path: "Header/Sender/UserAgent")
                }
                try sender.element("UserAgent", text: userAgent)
            }
        }
    }

    private static func write(
        _ credential: CXMLCredential, secret: String?, in party: CXMLContentWriter
    ) throws(CXMLError) {
        try party.element("Credential", [("domain", credential.domain)]) { element throws(CXMLError) in
            try element.element("Identity", text: credential.identity)
            if let secret { try element.element("SharedSecret", text: secret) }
        }
    }

    /// The credential of an envelope identity: a cXML envelope's qualifier is a domain already; an X12 qualifier
    /// is mapped (``CXMLIdentityDomains``).
    static func credential(
        _ identity: EnvelopeIdentity, standard: EnvelopeStandard, role: String, emitter: CXMLEmitter
    ) -> CXMLCredential {
        if identity.id.isEmpty {
            emitter.finding(
                .warning, .missingRequired, "the envelope has no \(role) identity; an empty one was written",
                path: "Header/\(role)")
        }
        guard let qualifier = identity.qualifier, !qualifier.isEmpty else {
            emitter.note("an identity without a qualifier was written in the domain NetworkID", path: "Header/\(role)")
            return CXMLCredential(domain: CXMLDefaults.credentialDomain, identity: identity.id)
        }
        if standard == .cxml { return CXMLCredential(domain: qualifier, identity: identity.id) }
        if let domain = CXMLIdentityDomains.domain(forX12Qualifier: qualifier) {
            return CXMLCredential(domain: domain, identity: identity.id)
        }
        emitter.note(
            "the X12 qualifier \(qualifier) has no cXML domain in Porter's table; written as the domain",
            path: "Header/\(role)")
        return CXMLCredential(domain: qualifier, identity: identity.id)
    }

    /// The domain and identity of a kept `<Credential>`.
    private static func credential(kept entry: CXMLExtensionAddress.Entry) -> CXMLCredential? {
        guard let (_, element) = try? CXMLDocumentTree.element(CXMLReader(bytes: Array(entry.value.utf8))),
            let domain = element.attribute("domain"),
            let identity = element.children.first(where: { $0.name == "Identity" })
        else { return nil }
        return CXMLCredential(domain: domain, identity: CXMLCursor.trim(identity.text))
    }
}
