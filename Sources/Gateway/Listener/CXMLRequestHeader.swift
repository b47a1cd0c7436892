import CXML
import Foundation
import Translation

/// What the listener needs from a cXML request before it decodes it: the `payloadID`, the `From` credentials, and the
/// `Sender` credentials with their `SharedSecret`s.
///
/// Reading it reads the whole document through ``CXMLReader``, so a document that is not well-formed, or that breaks
/// the reader's rules (an internal subset, entity declarations, depth, sizes), is refused here, before anything else
/// is looked at. The secrets are kept only for the comparison: this type has no description that shows them.
struct CXMLRequestHeader: Sendable, CustomStringConvertible {
    /// A `Sender` credential and the shared secret it carries, if any.
    struct SenderCredential: Sendable {
        var credential: CXMLCredential
        var sharedSecret: String?
    }

    /// `cXML@payloadID`.
    var payloadID: String?
    /// The `From` credentials, in document order.
    var from: [CXMLCredential] = []
    /// The `Sender` credentials, in document order.
    var senders: [SenderCredential] = []

    /// Reads the document in the file at `path` to its end.
    ///
    /// - Throws: ``CXMLError`` when the document is not well-formed or is refused by the reader.
    static func read(path: String) throws(CXMLError) -> CXMLRequestHeader {
        let reader = try CXMLReader(path: path)
        var header = CXMLRequestHeader()
        var stack: [String] = []
        while let event = try reader.next() {
            switch event {
            case .elementStart(let name, let attributes, _):
                stack.append(name)
                let domain = attributes.first { $0.name == "domain" }?.value ?? ""
                switch stack {
                case ["cXML"]:
                    header.payloadID = attributes.first { $0.name == "payloadID" }?.value
                case ["cXML", "Header", "From", "Credential"]:
                    header.from.append(CXMLCredential(domain: domain, identity: ""))
                case ["cXML", "Header", "Sender", "Credential"]:
                    header.senders.append(
                        SenderCredential(credential: CXMLCredential(domain: domain, identity: ""), sharedSecret: nil))
                default: break
                }
            case .text(let text, _):
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                switch stack {
                case ["cXML", "Header", "From", "Credential", "Identity"] where !header.from.isEmpty:
                    header.from[header.from.count - 1].identity += value
                case ["cXML", "Header", "Sender", "Credential", "Identity"] where !header.senders.isEmpty:
                    header.senders[header.senders.count - 1].credential.identity += value
                case ["cXML", "Header", "Sender", "Credential", "SharedSecret"] where !header.senders.isEmpty:
                    header.senders[header.senders.count - 1].sharedSecret =
                        (header.senders[header.senders.count - 1].sharedSecret ?? "") + value
                default: break
                }
            case .elementEnd:
                stack.removeLast()
            case .documentType:
                break
            }
        }
        return header
    }

    /// The payloadID and credentials, the secrets masked.
    var description: String {
        "CXMLRequestHeader(payloadID: \(self.payloadID ?? "none"), From: \(self.from.map(\.description)), "
            + "Sender: \(self.senders.map { "\($0.credential)\($0.sharedSecret == nil ? "" : " ****")" }))"
    }
}
