import CXML
import Foundation
public import Orders

/// Writes a ``PurchaseOrder`` as a cXML `OrderRequest` (`cXML.dtd`), and an ``OrderChange`` as an `OrderRequest`
/// of `type="update"` (or `"delete"`) restating the whole order.
///
/// The mapping is ``CXMLOrderRequestDecoder``'s the other way round, and what the decoder kept in `extensions` is
/// written back at its place, so cXML → order → cXML keeps the document. Values the DTD requires and the model
/// lacks get documented defaults (``CXMLDefaults``; a computed `Total`, `UnitPrice` 0, a default
/// `Classification`, the `Sender` identity…), each a warning finding; model values cXML has no place for are
/// notes (`notCarried`). The document is valid against the DTD of ``CXMLEncodingOptions/version``.
///
/// ```swift
/// let result = try CXMLOrderRequestEncoder().encode(order)
/// try Data(result.bytes).write(to: url)
/// ```
public struct CXMLOrderRequestEncoder: Sendable {
    /// How the document is written.
    public var options: CXMLEncodingOptions

    /// Creates an encoder.
    public init(options: CXMLEncodingOptions = CXMLEncodingOptions()) { self.options = options }

    /// Writes `order` as an `OrderRequest`.
    ///
    /// - Throws: ``CXMLEncodingError`` with code `writer` when the output cannot be written.
    public func encode(_ order: PurchaseOrder) throws(CXMLEncodingError) -> CXMLEncoding {
        try self.encode(order, previousPayloadID: nil)
    }

    /// Writes `change` as an `OrderRequest` with `type="update"` (or `"delete"` for a cancellation): the whole
    /// order, `original` with the change applied (lines deleted are left out, lines added appended), with a
    /// `DocumentReference` to the original's `payloadID` when it has one and `orderVersion` the change sequence.
    ///
    /// - Parameters:
    ///   - change: The change (an X12 860).
    ///   - original: The order being changed, as last sent; the gateway keeps it in its store.
    /// - Throws: ``CXMLEncodingError``: `missingOriginalOrder` without `original` (cXML has no way to state only
    ///   what changes), `orderMismatch` when `original` is another order, `writer` when the output fails.
    public func encode(_ change: OrderChange, original: PurchaseOrder?) throws(CXMLEncodingError) -> CXMLEncoding {
        guard let original else {
            throw CXMLEncodingError(
                .missingOriginalOrder,
                "order \(change.orderNumber): a cXML update restates the whole order, so the original order is "
                    + "needed (give it with --original FILE; the gateway uses the order it stored)")
        }
        guard original.number == change.orderNumber else {
            throw CXMLEncodingError(
                .orderMismatch,
                "the change is to order \(change.orderNumber), the original given is order \(original.number)")
        }
        let (restated, notes) = CXMLOrderChangeRestatement.restate(change, original: original)
        var result = try self.encode(restated, previousPayloadID: original.envelope.payloadID)
        result.findings = notes + result.findings
        return result
    }

    private func encode(_ order: PurchaseOrder, previousPayloadID: String?) throws(CXMLEncodingError)
        -> CXMLEncoding
    {
        try CXMLEnvelopeEncoding.write(
            order.envelope, extensions: order.extensions, options: self.options, dtd: .cXML, element: "OrderRequest"
        ) { emitter, document throws(CXMLError) in
            let model = CXMLModelWriter(emitter: emitter, options: self.options, currency: order.currency)
            try CXMLOrderRequestHeaderWriter(model: model, order: order, previousPayloadID: previousPayloadID)
                .write(in: document)
            if order.lines.isEmpty {
                emitter.finding(
                    .error, .missingRequired, "the order has no lines; cXML requires at least one ItemOut",
                    path: "OrderRequest")
            }
            for (position, line) in order.lines.enumerated() {
                let documentPath = "cXML/Request/OrderRequest/ItemOut" + (position > 0 ? "[\(position + 1)]" : "")
                try emitter.with(line.extensions, root: "ItemOut", documentPath: documentPath) {
                    () throws(CXMLError) in
                    try CXMLItemOutWriter(model: model, orderDate: order.orderDate).write(line, in: document)
                }
            }
        }
    }
}
