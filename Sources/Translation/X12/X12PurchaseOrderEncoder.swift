public import Orders
public import X12

/// Writes a ``PurchaseOrder`` as an X12 850.
///
/// ``write(_:to:controlNumber:)`` writes the set (ST to SE) into a group the caller has opened on an ``X12Writer``;
/// ``encodeInterchange(_:delimiters:lineEnding:)`` writes a whole interchange from the order's `envelope`. The
/// segments follow `Fixtures/json/README.md` the other way round, and what the decoder kept in `extensions` is
/// written back where it came from, so X12 → order → X12 → order gives the same order.
public struct X12PurchaseOrderEncoder: Sendable {
    /// The version written (`004010` or `005010`: N9 text goes in MSG or MTX); `nil` takes the envelope's
    /// (`004010` when it has none).
    public var version: String?

    public init(version: String? = nil) { self.version = version }

    /// The version an order is written in.
    public func version(for order: PurchaseOrder) -> String {
        self.version ?? X12InterchangeEncoding.x12Version(order.envelope) ?? "004010"
    }

    /// Writes the order as one 850 set into the open functional group of `writer`.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - writer: A writer with an open interchange and group (GS01 `PO`).
    ///   - controlNumber: ST02; `nil` takes the envelope's transaction control number, else the writer's numbering.
    public func write(
        _ order: PurchaseOrder, to writer: inout X12Writer, controlNumber: String? = nil
    ) throws(X12Error) {
        let version = self.version(for: order)
        var emitter = X12SegmentEmitter(
            index: X12ExtensionAddress.Index(order.extensions), usesMTX: X12InterchangeEncoding.isFiveOrLater(version))
        try writer.beginTransaction(
            "850",
            implementationReference: X12InterchangeEncoding.implementationReference(order.envelope, version: version),
            controlNumber: controlNumber ?? order.envelope.transactionControlNumber)
        try emitter.header(order, to: &writer)
        let header = emitter.index
        // The lines read in place (iterating the array copied each line, a retain and release per field), and no
        // index made for the usual line that keeps nothing.
        try order.lines.withUnsafeBufferPointer { (lines) throws(X12Error) in
            guard let first = lines.baseAddress else { return }
            for line in first..<first + lines.count {
                if line.pointee.extensions.isEmpty {
                    if !emitter.index.isEmpty { emitter.index = X12ExtensionAddress.Index() }
                    try emitter.directLine(line, to: &writer)
                } else {
                    emitter.index = X12ExtensionAddress.Index(line.pointee.extensions)
                    try emitter.line(line.pointee, to: &writer)
                }
            }
        }
        emitter.index = header
        try emitter.summary(order, to: &writer)
        try writer.endTransaction()
    }

    /// Writes the order in an interchange of its own, built from its `envelope` (ISA, GS, the set, GE, IEA).
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, the order date for the envelope date, `0000` for the time,
    /// the writer's numbering for control numbers.
    public func encodeInterchange(
        _ order: PurchaseOrder, delimiters: X12Delimiters = .standard, lineEnding: X12Writer.LineEnding = .lf
    ) throws(X12Error) -> [UInt8] {
        try X12InterchangeEncoding.encode(
            order.envelope, version: self.version(for: order),
            fallbackDate: order.orderDate.date,
            functionalIdentifier: "PO", delimiters: delimiters, lineEnding: lineEnding
        ) { (writer: inout X12Writer) throws(X12Error) in
            try self.write(order, to: &writer)
        }
    }
}
