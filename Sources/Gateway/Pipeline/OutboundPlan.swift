import Foundation
import Orders
import Partners
import Store
import Translation
import X12

/// One message to write for a recipient, decided and encoded before the store transaction (which numbers its X12).
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

/// Encodes planned messages with the gateway's identity. Encoding happens while files are planned; X12 gets its
/// control numbers inside the store transaction that allocates them (``Encoded/draft(allocator:)``).
struct OutboundEncoder: Sendable {
    var identity: GatewayIdentity
    var claim: String
    var now: Date

    /// A message encoded but, for X12, for its control numbers.
    struct Encoded: Sendable {
        enum Payload: Sendable {
            case complete(Data, controlReference: String)
            case x12(X12ControlNumberTemplate)
        }

        var partner: String
        var document: BusinessDocument
        var format: ExchangeSettings.Format
        var target: DeliveryTarget
        var payload: Payload
        var isTest: Bool
        var isCopy: Bool

        /// The message, its X12 numbered from the partner's counters (one interchange, then one group).
        func draft(allocator: ControlNumberAllocator) throws(StoreError) -> OutboundDraft {
            let payload: Data
            let controlReference: String
            var groupControlNumber: String?
            let fileExtension: String
            switch self.payload {
            case .complete(let bytes, let reference):
                payload = bytes
                controlReference = reference
                fileExtension = self.format == .cxml ? "xml" : "json"
            case .x12(let template):
                let filled = try template.filled(from: allocator, partner: self.partner)
                payload = filled.bytes
                controlReference = filled.reference
                groupControlNumber = filled.groups.first.map { String($0) }
                fileExtension = "x12"
            }
            let orderNumber = self.document.orderNumber
            let name = [self.document.kind.rawValue, orderNumber, controlReference]
                .compactMap { $0 }.joined(separator: "-")
            return OutboundDraft(
                partner: self.partner, documentKind: self.document.kind.rawValue, format: self.format.rawValue,
                target: self.target, fileName: OutboundEncoder.safeName(name) + "." + fileExtension,
                payload: payload, controlReference: controlReference, orderNumber: orderNumber,
                isTest: self.isTest, isCopy: self.isCopy, groupControlNumber: groupControlNumber)
        }
    }

    func encode(_ plan: PlannedMessage, ordinal: Int) throws -> Encoded {
        var document = plan.document
        let partner = plan.recipient.id
        let payload: Encoded.Payload
        switch plan.settings.format {
        case .x12:
            document.envelope.sender = EnvelopeIdentity(qualifier: self.identity.x12Qualifier, id: self.identity.x12ID)
            document.envelope.applicationSender = self.identity.applicationCode ?? self.identity.x12ID
            // Placeholders, filled in by the store transaction.
            document.envelope.interchangeControlNumber = "1"
            document.envelope.groupControlNumber = "1"
            document.envelope.transactionControlNumber = "0001"
            document.envelope.interchangeVersion = nil
            document.envelope.date = nil
            let encoder = X12DocumentEncoder(
                version: plan.settings.x12Version, delimiters: plan.settings.delimiters,
                lineEnding: plan.settings.lineEnding)
            payload = .x12(try X12ControlNumberTemplate(try encoder.encodeInterchange(document)))
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
            payload = .complete(
                Data(try CXMLDocumentEncoder(options: options).encode(document, original: plan.original).bytes),
                controlReference: payloadID)
        case .json:
            var json = plan.json ?? Data(document.encodeCanonicalJSON())
            json.append(UInt8(ascii: "\n"))
            payload = .complete(json, controlReference: "\(self.claim)-\(ordinal)")
        }
        let target: DeliveryTarget
        switch plan.settings.channel {
        case .http(let url, _): target = .http(url)
        case .outbox(let folder): target = .directory(folder)
        case nil: target = .directory("outbox/\(partner)")
        }
        return Encoded(
            partner: partner, document: document, format: plan.settings.format, target: target, payload: payload,
            isTest: plan.isTest, isCopy: plan.isCopy)
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
        // ASCII without CR (CR LF is one character) maps byte for byte; anything else a character at a time.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return String(
                decoding: text.utf8.map { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                        byte
                    default: UInt8(ascii: "_")
                    }
                }, as: UTF8.self)
        }
        return String(
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
