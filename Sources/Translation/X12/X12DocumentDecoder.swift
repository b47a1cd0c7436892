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
    // One optional box per codec: the decoder of a set is large, and a value of five inline optionals was zeroed,
    // built and copied whole at every ST (~15,000 instructions a set). Each box is a class, so `add(_:)` grows the
    // decoder's arrays in place; it is copied first when shared (a copy of this decoder), keeping value semantics.
    private var order: Box<X12PurchaseOrderDecoder>?
    private var acknowledgment: Box<X12OrderAcknowledgmentDecoder>?
    private var change: Box<X12OrderChangeDecoder>?
    private var shipNotice: Box<X12ShipNoticeDecoder>?
    private var functionalAcknowledgment: Box<X12FunctionalAcknowledgmentDecoder>?

    private final class Box<Decoder> {
        /// Unchecked: reached only through ``X12DocumentDecoder/unique(_:)``, by its one owner, one access at a time.
        @exclusivity(unchecked) var decoder: Decoder
        init(_ decoder: Decoder) { self.decoder = decoder }
    }

    /// `box`'s decoder, copied into a box of its own first when another copy of this decoder shares it.
    @inline(__always)
    private static func unique<Decoder>(_ box: inout Box<Decoder>?) -> Box<Decoder>? {
        if box != nil, !isKnownUniquelyReferenced(&box) { box = Box(box!.decoder) }
        return box
    }

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
            self.order = Box(
                X12PurchaseOrderDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "855":
            self.acknowledgment = Box(
                X12OrderAcknowledgmentDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "860":
            self.change = Box(
                X12OrderChangeDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "856":
            self.shipNotice = Box(
                X12ShipNoticeDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        case "997", "999":
            self.functionalAcknowledgment = Box(
                X12FunctionalAcknowledgmentDecoder(
                    interchange: interchange, group: group, transaction: transaction, sourceName: sourceName))
        default:
            return nil
        }
    }

    /// Reserves room for `count` purchase-order lines, when the set is an 850 (a hint: any count is correct).
    mutating func reserveLines(_ count: Int) {
        Self.unique(&self.order)?.decoder.reserveLines(count)
    }

    /// The number of lines of the 850 read so far; `0` for other sets.
    var orderLineCount: Int { self.order?.decoder.lineCount ?? 0 }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    public mutating func add(_ segment: X12Segment) {
        Self.unique(&self.order)?.decoder.add(segment)
        Self.unique(&self.acknowledgment)?.decoder.add(segment)
        Self.unique(&self.change)?.decoder.add(segment)
        Self.unique(&self.shipNotice)?.decoder.add(segment)
        Self.unique(&self.functionalAcknowledgment)?.decoder.add(segment)
    }

    /// The document decoded from the segments added so far (`nil` when the set could not be decoded), and the
    /// findings met on the way.
    public func decode() -> (document: BusinessDocument?, findings: [X12Finding]) {
        var decoder = self
        return decoder.finish()
    }

    /// ``decode()`` in place (what was built is not copied): nothing may be added afterwards.
    mutating func finish() -> (document: BusinessDocument?, findings: [X12Finding]) {
        if let box = Self.unique(&self.order) {
            // The order taken out of the result (a move): mapped, it was copied and the result's own released.
            var result = box.decoder.finish()
            guard let order = result.order.take() else { return (nil, result.findings) }
            return (.purchaseOrder(order), result.findings)
        }
        if let box = Self.unique(&self.acknowledgment) {
            let result = box.decoder.finish()
            return (result.acknowledgment.map { .orderAcknowledgment($0) }, result.findings)
        }
        if let box = Self.unique(&self.change) {
            let result = box.decoder.finish()
            return (result.change.map { .orderChange($0) }, result.findings)
        }
        if let box = Self.unique(&self.shipNotice) {
            let result = box.decoder.finish()
            return (result.shipNotice.map { .shipNotice($0) }, result.findings)
        }
        let result = Self.unique(&self.functionalAcknowledgment)!.decoder.finish()
        return (result.acknowledgment.map { .functionalAcknowledgment($0) }, result.findings)
    }
}
