import Foundation
import Orders
import Partners
import Store
import Translation
import X12

/// One message to write for a recipient, decided before the store transaction and encoded inside it (where its
/// control numbers are allocated).
struct PlannedMessage: Sendable {
    var recipient: PartnerProfile
    var settings: ExchangeSettings
    var document: BusinessDocument
    var isCopy: Bool
    var isTest: Bool
    /// For a change sent as a cXML restatement: the order as the gateway stored it (its current version).
    var original: PurchaseOrder? = nil
    /// `document`'s canonical JSON, when made while planning.
    var json: Data? = nil
}

/// Encodes planned messages with the gateway's identity and control numbers taken from the store's allocator.
struct OutboundEncoder: Sendable {
    var identity: GatewayIdentity
    var claim: String
    var now: Date

    func encode(_ plan: PlannedMessage, ordinal: Int, allocator: ControlNumberAllocator) throws -> OutboundDraft {
        var document = plan.document
        let partner = plan.recipient.id
        let payload: [UInt8]
        let controlReference: String
        let fileExtension: String
        var groupControlNumber: String?
        switch plan.settings.format {
        case .x12:
            let interchange = try allocator.next(.interchange, partner: partner)
            let group = try allocator.next(.group, partner: partner)
            document.envelope.sender = EnvelopeIdentity(qualifier: self.identity.x12Qualifier, id: self.identity.x12ID)
            document.envelope.applicationSender = self.identity.applicationCode ?? self.identity.x12ID
            document.envelope.interchangeControlNumber = String(interchange)
            document.envelope.groupControlNumber = String(group)
            groupControlNumber = String(group)
            document.envelope.transactionControlNumber = "0001"
            document.envelope.interchangeVersion = nil
            document.envelope.date = nil
            let encoder = X12DocumentEncoder(
                version: plan.settings.x12Version, delimiters: plan.settings.delimiters,
                lineEnding: plan.settings.lineEnding)
            payload = try encoder.encodeInterchange(document)
            controlReference = String(interchange).leftPadded(to: 9)
            fileExtension = "x12"
        case .cxml:
            let payloadID = Self.payloadID(claim: self.claim, ordinal: ordinal, now: self.now)
            var options = CXMLEncodingOptions(
                version: plan.settings.cxmlVersion ?? "1.2.069",
                sender: CXMLCredential(domain: self.identity.cxmlDomain, identity: self.identity.cxmlIdentity),
                receiver: plan.recipient.identity.cxml.map { CXMLCredential(domain: $0.domain, identity: $0.identity) },
                payloadID: payloadID)
            if let style = plan.settings.cxmlUnitStyle, let unitStyle = CXMLUnitsOfMeasure.Style(rawValue: style) {
                options.unitStyle = unitStyle
            }
            options.sharedSecret = Self.sharedSecret(plan.recipient.identity.cxml?.sharedSecret)
            payload = try CXMLDocumentEncoder(options: options).encode(document, original: plan.original).bytes
            controlReference = payloadID
            fileExtension = "xml"
        case .json:
            payload = (plan.json.map { [UInt8]($0) } ?? document.encodeCanonicalJSON()) + [UInt8(ascii: "\n")]
            controlReference = "\(self.claim)-\(ordinal)"
            fileExtension = "json"
        }
        let target: DeliveryTarget
        switch plan.settings.channel {
        case .http(let url, _): target = .http(url)
        case .outbox(let folder): target = .directory(folder)
        case nil: target = .directory("outbox/\(partner)")
        }
        let orderNumber = document.orderNumber
        let name = [document.kind.rawValue, orderNumber, controlReference]
            .compactMap { $0 }.joined(separator: "-")
        return OutboundDraft(
            partner: partner, documentKind: document.kind.rawValue, format: plan.settings.format.rawValue,
            target: target, fileName: Self.safeName(name) + "." + fileExtension, payload: Data(payload),
            controlReference: controlReference, orderNumber: orderNumber, isTest: plan.isTest, isCopy: plan.isCopy,
            groupControlNumber: groupControlNumber)
    }

    /// `<time>.<claim>.<ordinal>@porter`: unique per message, and kept by the queue, so a resend repeats it.
    static func payloadID(claim: String, ordinal: Int, now: Date) -> String {
        "\(Int64(now.timeIntervalSince1970 * 1000)).\(claim).\(ordinal)@porter"
    }

    /// The shared secret from its source (an environment variable or a file); never logged or stored in tracking.
    static func sharedSecret(_ source: PartnerIdentity.SecretSource?) -> String? {
        switch source {
        case .environment(let name)?: return ProcessInfo.processInfo.environment[name]
        case .file(let path)?:
            return (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        case nil: return nil
        }
    }

    /// Letters, digits, `-`, `_` and `.` only.
    static func safeName(_ text: String) -> String {
        String(
            text.map { character in
                character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                    ? character : "_"
            })
    }
}

extension BusinessDocument {
    /// The purchase order this document is about, when it names one.
    var orderNumber: String? {
        switch self {
        case .purchaseOrder(let order): order.number
        case .orderAcknowledgment(let acknowledgment): acknowledgment.orderNumber
        case .orderChange(let change): change.orderNumber
        case .shipNotice(let notice): notice.orders.first?.orderNumber
        case .functionalAcknowledgment: nil
        }
    }
}
