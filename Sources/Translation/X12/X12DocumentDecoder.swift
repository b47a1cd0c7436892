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
    // One optional per codec rather than an enum with payloads: `add(_:)` then grows the decoder's arrays in place
    // (an enum payload would be copied out and back for every segment).
    private var order: X12PurchaseOrderDecoder?
    private var acknowledgment: X12OrderAcknowledgmentDecoder?
    private var change: X12OrderChangeDecoder?
    private var shipNotice: X12ShipNoticeDecoder?
    private var functionalAcknowledgment: X12FunctionalAcknowledgmentDecoder?

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
            self.order = X12PurchaseOrderDecoder(
                interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
        case "855":
            self.acknowledgment = X12OrderAcknowledgmentDecoder(
                interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
        case "860":
            self.change = X12OrderChangeDecoder(
                interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
        case "856":
            self.shipNotice = X12ShipNoticeDecoder(
                interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
        case "997", "999":
            self.functionalAcknowledgment = X12FunctionalAcknowledgmentDecoder(
                interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
        default:
            return nil
        }
    }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    public mutating func add(_ segment: X12Segment) {
        self.order?.add(segment)
        self.acknowledgment?.add(segment)
        self.change?.add(segment)
        self.shipNotice?.add(segment)
        self.functionalAcknowledgment?.add(segment)
    }

    /// The document decoded from the segments added so far (`nil` when the set could not be decoded), and the
    /// findings met on the way.
    public func decode() -> (document: BusinessDocument?, findings: [X12Finding]) {
        var decoder = self
        return decoder.finish()
    }

    /// ``decode()`` in place (what was built is not copied): nothing may be added afterwards.
    mutating func finish() -> (document: BusinessDocument?, findings: [X12Finding]) {
        if self.order != nil {
            let result = self.order!.finish()
            return (result.order.map { .purchaseOrder($0) }, result.findings)
        }
        if self.acknowledgment != nil {
            let result = self.acknowledgment!.finish()
            return (result.acknowledgment.map { .orderAcknowledgment($0) }, result.findings)
        }
        if self.change != nil {
            let result = self.change!.finish()
            return (result.change.map { .orderChange($0) }, result.findings)
        }
        if self.shipNotice != nil {
            let result = self.shipNotice!.finish()
            return (result.shipNotice.map { .shipNotice($0) }, result.findings)
        }
        let result = self.functionalAcknowledgment!.finish()
        return (result.acknowledgment.map { .functionalAcknowledgment($0) }, result.findings)
    }
}
