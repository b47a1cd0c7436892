import Orders
public import X12

/// Turns the segments of one 856 transaction set into a ``ShipNotice``.
///
/// Feed it the segments an ``X12Reader`` hands out between `transactionStart` and `transactionEnd` (the ST and SE
/// segments may be included; they are skipped), then call ``decode()``. Values follow `Fixtures/json/README.md`:
/// BSN → purpose, shipment identifier, notice date and hierarchical structure; the header's DTMs and the shipment
/// level's (HL `S`) TD1, TD5, TD3, REF, DTM, FOB and N1 loops → the shipment; each HL `O` → a
/// ``ShipNoticeOrder`` (PRF, REF, DTM, N1 loops); HL `T`, `P` and `Q` → a ``ShipNoticePack`` (MAN, PO4) under
/// its order, pack or item; HL `I` → a ``ShipNoticeItem`` (LIN, SN1, PID, PO4) under its order or pack; CTT →
/// `totals`. The hierarchy is built from HL02 (a parent comes before its children), not from HL01's numbers.
///
/// Anything not placed in a typed field is kept in the `extensions` of its level under its address (see
/// ``X12ShipNoticeEncoder``), so encoding the notice again loses nothing; an HL level the model has no place for
/// (an item under the shipment, an order under a pack, a level code such as `F`) is kept whole, with everything
/// under it, in the extensions of the nearest level that has a place. Problems are findings, never crashes.
///
/// ```swift
/// var decoder = X12ShipNoticeDecoder(interchange: isa, group: gs, transaction: st)
/// decoder.add(segment)  // for each segment of the set
/// let result = decoder.decode()
/// ```
public struct X12ShipNoticeDecoder {
    private var input: X12TransactionSetInput<X12ShipNoticeAssembler>

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
    public func decode() -> X12ShipNoticeDecoding { self.input.decode() }

    /// ``decode()`` in place, for ``X12DocumentDecoder`` at the set's end: nothing may be added afterwards.
    mutating func finish() -> X12ShipNoticeDecoding { self.input.finish() }

    /// Reads every 856 in `source` and decodes each.
    ///
    /// Sets of other kinds are skipped; reader findings are not included (read with ``X12Reader`` to see them).
    public static func decodeAll(
        from source: some ByteSource, sourceName: String? = nil
    ) throws(X12Error) -> [X12ShipNoticeDecoding] {
        try X12TransactionSetInput<X12ShipNoticeAssembler>.decodeAll("856", from: source, sourceName: sourceName) {
            $0.decode()
        }
    }
}
