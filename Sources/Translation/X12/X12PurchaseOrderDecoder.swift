import Orders
public import X12

/// Turns the segments of one 850 transaction set into a ``PurchaseOrder``.
///
/// Feed it the segments an ``X12Reader`` hands out between `transactionStart` and `transactionEnd` (the ST and SE
/// segments may be included; they are skipped), then call ``decode()``. Values follow `Fixtures/json/README.md`;
/// anything not placed in a typed field is kept in `extensions` under its address (see the README), so encoding
/// the order again loses nothing. Problems are findings, never crashes.
///
/// ```swift
/// var decoder = X12PurchaseOrderDecoder(interchange: isa, group: gs, transaction: st)
/// decoder.add(segment)  // for each segment of the set
/// let result = decoder.decode()
/// ```
public struct X12PurchaseOrderDecoder {
    private var input: X12TransactionSetInput<X12PurchaseOrderAssembler>

    /// Creates a decoder for the set that `transaction` opens, inside `group` and `interchange`.
    public init(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader,
        sourceName: String? = nil
    ) {
        self.input = X12TransactionSetInput(
            interchange: interchange, group: group, transaction: transaction, sourceName: sourceName)
    }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    public mutating func add(_ segment: X12Segment) { self.input.add(segment) }

    /// Adds a segment already copied, with its position in the set (ST is 1).
    public mutating func add(_ segment: X12OwnedSegment, position: Int) {
        self.input.add(segment, position: position)
    }

    /// Decodes the segments added so far.
    public func decode() -> X12PurchaseOrderDecoding { self.input.decode() }

    /// ``decode()`` in place, for ``X12DocumentDecoder`` at the set's end: nothing may be added afterwards.
    mutating func finish() -> X12PurchaseOrderDecoding { self.input.finish() }

    /// Reserves room for `count` order lines before the first is read.
    mutating func reserveLines(_ count: Int) { self.input.reserveLines(count) }

    /// The number of order lines read so far.
    var lineCount: Int { self.input.lineCount }

    /// Reads every 850 in `source` and decodes each.
    ///
    /// Sets of other kinds are skipped; reader findings are not included (read with ``X12Reader`` to see them).
    public static func decodeAll(
        from source: some ByteSource, sourceName: String? = nil
    ) throws(X12Error) -> [X12PurchaseOrderDecoding] {
        try X12TransactionSetInput<X12PurchaseOrderAssembler>.decodeAll("850", from: source, sourceName: sourceName) {
            $0.decode()
        }
    }
}
