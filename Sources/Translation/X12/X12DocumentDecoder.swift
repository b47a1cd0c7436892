public import Orders
public import X12

/// Decodes whichever supported transaction set an ``X12Reader`` opens into a ``BusinessDocument``.
///
/// The entry point for callers that read mixed interchanges (`porter translate`, the gateway): create one at each
/// `transactionStart`, feed it the set's segments, and decode at `transactionEnd`. Sets Porter has no codec for give
/// `nil` from ``init(interchange:group:transaction:sourceName:)``; ``supports(_:)`` says which those are.
///
/// ```swift
/// case .transactionStart(let header):
///     decoder = X12DocumentDecoder(interchange: isa, group: gs, transaction: header, sourceName: name)
/// case .segment(let segment): decoder?.add(segment)
/// case .transactionEnd: if let result = decoder?.decode() { ... }
/// ```
public struct X12DocumentDecoder {
    private enum Codec {
        case order(X12PurchaseOrderDecoder)
        case acknowledgment(X12OrderAcknowledgmentDecoder)
        case change(X12OrderChangeDecoder)
        case shipNotice(X12ShipNoticeDecoder)
        case functionalAcknowledgment(X12FunctionalAcknowledgmentDecoder)
    }

    private var codec: Codec

    /// The transaction set identifiers (ST01) Porter decodes.
    public static let supportedIdentifiers: [String] = ["850", "855", "856", "860", "997", "999"]

    /// Whether Porter decodes transaction sets with identifier `identifier` (ST01).
    public static func supports(_ identifier: String) -> Bool { self.supportedIdentifiers.contains(identifier) }

    /// A decoder for the set `transaction` opens, or `nil` when Porter has no codec for its kind.
    public init?(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader,
        sourceName: String? = nil
    ) {
        switch transaction.identifier {
        case "850":
            self.codec = .order(
                X12PurchaseOrderDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "855":
            self.codec = .acknowledgment(
                X12OrderAcknowledgmentDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "860":
            self.codec = .change(
                X12OrderChangeDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "856":
            self.codec = .shipNotice(
                X12ShipNoticeDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "997", "999":
            self.codec = .functionalAcknowledgment(
                X12FunctionalAcknowledgmentDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        default:
            return nil
        }
    }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    public mutating func add(_ segment: X12Segment) {
        switch self.codec {
        case .order(var decoder):
            decoder.add(segment)
            self.codec = .order(decoder)
        case .acknowledgment(var decoder):
            decoder.add(segment)
            self.codec = .acknowledgment(decoder)
        case .change(var decoder):
            decoder.add(segment)
            self.codec = .change(decoder)
        case .shipNotice(var decoder):
            decoder.add(segment)
            self.codec = .shipNotice(decoder)
        case .functionalAcknowledgment(var decoder):
            decoder.add(segment)
            self.codec = .functionalAcknowledgment(decoder)
        }
    }

    /// The document decoded from the segments added so far (`nil` when the set could not be decoded), and the
    /// findings met on the way.
    public func decode() -> (document: BusinessDocument?, findings: [X12Finding]) {
        switch self.codec {
        case .order(let decoder):
            let result = decoder.decode()
            return (result.order.map { .purchaseOrder($0) }, result.findings)
        case .acknowledgment(let decoder):
            let result = decoder.decode()
            return (result.acknowledgment.map { .orderAcknowledgment($0) }, result.findings)
        case .change(let decoder):
            let result = decoder.decode()
            return (result.change.map { .orderChange($0) }, result.findings)
        case .shipNotice(let decoder):
            let result = decoder.decode()
            return (result.shipNotice.map { .shipNotice($0) }, result.findings)
        case .functionalAcknowledgment(let decoder):
            let result = decoder.decode()
            return (result.acknowledgment.map { .functionalAcknowledgment($0) }, result.findings)
        }
    }
}
