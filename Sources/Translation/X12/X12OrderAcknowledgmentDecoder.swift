import Orders
public import X12

/// Turns the segments of one 855 transaction set into an ``OrderAcknowledgment``.
///
/// Feed it the segments an ``X12Reader`` hands out between `transactionStart` and `transactionEnd` (the ST and SE
/// segments may be included; they are skipped), then call ``decode()``. Values follow `Fixtures/json/README.md`:
/// BAK → the header fields, each PO1 → an ``AcknowledgmentLine``, each ACK in its loop → an ``ItemStatus``
/// (ACK04/ACK05 and the ACK loop's DTMs → its `dates`, ACK07–ACK26 → its substitute `items`), and the line's first
/// `CTP*CUP` → the `unitPrice` of its first price-changing status (IP, IC or IE). Anything not placed in a typed
/// field is kept in `extensions` under its address (ACK loop members as `ACK[n]/DTM[m]` in the line's), so encoding
/// the acknowledgment again loses nothing. Problems are findings, never crashes.
///
/// ```swift
/// var decoder = X12OrderAcknowledgmentDecoder(interchange: isa, group: gs, transaction: st)
/// decoder.add(segment)  // for each segment of the set
/// let result = decoder.decode()
/// ```
public struct X12OrderAcknowledgmentDecoder {
    private var input: X12TransactionSetInput<X12OrderAcknowledgmentAssembler>

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
    public func decode() -> X12OrderAcknowledgmentDecoding {
        self.input.decode()
    }

    /// ``decode()`` in place, for ``X12DocumentDecoder`` at the set's end: nothing may be added afterwards.
    mutating func finish() -> X12OrderAcknowledgmentDecoding { self.input.finish() }

    /// Reads every 855 in `source` and decodes each.
    ///
    /// Sets of other kinds are skipped; reader findings are not included (read with ``X12Reader`` to see them).
    public static func decodeAll(
        from source: some ByteSource, sourceName: String? = nil
    ) throws(X12Error) -> [X12OrderAcknowledgmentDecoding] {
        try X12TransactionSetInput<X12OrderAcknowledgmentAssembler>.decodeAll(
            "855", from: source, sourceName: sourceName
        ) {
            $0.decode()
        }
    }
}
