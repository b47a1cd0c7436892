import CXML
import Orders
import Partners
import Translation

/// The checks a cXML request passes before the listener persists it, in order: well-formed and not hostile (400),
/// from a known partner with its credential and shared secret (401), a valid document the partner may send (406).
///
/// Reading is synchronous and reads the file twice (the header scan to its end, then the decoder): run it off the
/// cooperative pool.
struct CXMLRequestCheck: Sendable {
    let catalog: MappingsCatalog
    let identity: GatewayIdentity

    /// A request that passed: who sent it and what it is.
    struct Accepted: Sendable {
        var payloadID: String
        var partner: String
        var document: BusinessDocument.Kind
    }

    /// Examines the request body in the file at `path`; `name` is how findings name it.
    func examine(path: String, name: String) -> Result<Accepted, ListenerAnswer> {
        let header: CXMLRequestHeader
        do {
            header = try CXMLRequestHeader.read(path: path)
        } catch {
            return .failure(ListenerAnswer(400, "the document is refused: \(error.description)"))
        }
        let payloadID = header.payloadID
        let profile: PartnerProfile
        switch self.authenticate(header) {
        case .success(let found): profile = found
        case .failure(var answer):
            answer.payloadID = payloadID
            return .failure(answer)
        }
        let decoding: CXMLDocumentDecoding
        do {
            decoding = try CXMLDocumentDecoder(sourceName: name).decode(path: path)
        } catch {
            return .failure(ListenerAnswer(400, "the document is refused: \(error.description)", payloadID: payloadID))
        }
        let errors = decoding.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            let shown = errors.prefix(5).map(\.description).joined(separator: "; ")
            return .failure(
                ListenerAnswer(
                    406, "the document is not valid (\(errors.count) error(s)): \(shown)", payloadID: payloadID))
        }
        guard case .document(let document) = decoding.content else {
            return .failure(
                ListenerAnswer(
                    406,
                    "Porter accepts OrderRequest, ConfirmationRequest and ShipNoticeRequest documents here, not "
                        + (decoding.documentElement ?? "this document"), payloadID: payloadID))
        }
        guard let payloadID, !payloadID.isEmpty else {
            return .failure(
                ListenerAnswer(406, "the cXML element has no payloadID: Porter needs it to accept a document once"))
        }
        guard profile.documents[document.kind]?.inbound?.format == .cxml else {
            return .failure(
                ListenerAnswer(
                    406,
                    "\(profile.id) may not send a \(document.kind.rawValue) in cXML: its profile has no inbound cXML "
                        + "exchange for it", payloadID: payloadID))
        }
        return .success(Accepted(payloadID: payloadID, partner: profile.id, document: document.kind))
    }

    /// The partner the first `From` credential names (as the pipeline identifies a cXML sender), once a `Sender`
    /// credential proves it: its identity is the partner's (or Porter's own, when a network sends on the partner's
    /// behalf with Porter's credential) and its `SharedSecret` is the one the partner's profile points to.
    private func authenticate(_ header: CXMLRequestHeader) -> Result<PartnerProfile, ListenerAnswer> {
        guard let from = header.from.first, !from.identity.isEmpty else {
            return .failure(ListenerAnswer(401, "the Header has no From credential"))
        }
        guard let profile = self.catalog.partner(identifiedBy: from.identity), let cxml = profile.identity.cxml else {
            return .failure(
                ListenerAnswer(401, "unknown sender: no partner profile has the cXML identity \(from.identity)"))
        }
        guard let source = cxml.sharedSecret else {
            return .failure(
                ListenerAnswer(
                    401,
                    "\(profile.id) has no shared secret in its profile (identity.cxml.sharedSecret): documents from it "
                        + "cannot be authenticated"))
        }
        guard let expected = OutboundEncoder.sharedSecret(source), !expected.isEmpty else {
            return .failure(
                ListenerAnswer(500, "the shared secret of \(profile.id) cannot be read from its \(source)"))
        }
        let accepted = [
            CXMLCredential(domain: cxml.domain, identity: cxml.identity),
            CXMLCredential(domain: self.identity.cxmlDomain, identity: self.identity.cxmlIdentity),
        ]
        var proven = false
        for sender in header.senders {
            let known = accepted.contains {
                $0.identity == sender.credential.identity
                    && $0.domain.lowercased() == sender.credential.domain.lowercased()
            }
            // Every secret is compared, so the time taken does not tell which credential was looked at.
            let matches = SharedSecretCheck.matches(sender.sharedSecret ?? "", expected: expected)
            if known && matches { proven = true }
        }
        guard proven else {
            return .failure(
                ListenerAnswer(
                    401, "the Sender credential of \(from) is not accepted: wrong identity or SharedSecret"))
        }
        return .success(profile)
    }
}
