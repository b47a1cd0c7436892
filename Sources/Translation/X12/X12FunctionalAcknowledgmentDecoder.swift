import Orders
public import X12

/// Turns the segments of one 997 (functional acknowledgment) or 999 (implementation acknowledgment) transaction set
/// into a ``FunctionalAcknowledgment``.
///
/// Feed it the segments an ``X12Reader`` hands out between `transactionStart` and `transactionEnd` (the ST and SE
/// segments may be included; they are skipped), then call ``decode()``. Both versions (004010, 005010) and both kinds
/// are read alike: AK1 → the acknowledged group (AK103 its `groupVersion`), each AK2 loop → a
/// ``TransactionSetAcknowledgment`` (AK5 or IK5 its verdict and errors), each AK3 or IK3 → a ``SegmentError`` with
/// an ``ElementError`` per AK4 or IK4 (AK401's components its position, component and repetition), AK9 → the group's
/// verdict, counts and errors. Codes are named as in `Fixtures/json/README.md`; a code Porter does not name is kept
/// as sent.
///
/// What has no typed field is kept in `extensions`: the 999's CTX segments and anything unexpected, under the
/// addresses ``X12FunctionalAcknowledgmentAssembler`` documents. ST01 goes to `transactionSet` (a 999 is written back
/// as one by ``X12FunctionalAcknowledgmentEncoder``) and ST03 to `envelope.implementationReference`. Problems are
/// findings, never crashes.
///
/// ```swift
/// var decoder = X12FunctionalAcknowledgmentDecoder(interchange: isa, group: gs, transaction: st)
/// decoder.add(segment)  // for each segment of the set
/// let result = decoder.decode()
/// ```
public struct X12FunctionalAcknowledgmentDecoder {
    /// The transaction set identifiers this decoder reads.
    public static let identifiers: Set<String> = ["997", "999"]

    private var input: X12TransactionSetInput<X12FunctionalAcknowledgmentAssembler>

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
    public func decode() -> X12FunctionalAcknowledgmentDecoding {
        var decoder = self
        return decoder.finish()
    }

    /// ``decode()`` in place, for ``X12DocumentDecoder`` at the set's end: nothing may be added afterwards.
    mutating func finish() -> X12FunctionalAcknowledgmentDecoding {
        var decoding = self.input.finish()
        decoding.acknowledgment?.transactionSet = self.input.transaction.identifier
        return decoding
    }

    /// Reads every 997 and 999 in `source` and decodes each, in the order they come.
    ///
    /// Sets of other kinds are skipped; reader findings are not included (read with ``X12Reader`` to see them).
    public static func decodeAll(
        from source: some ByteSource, sourceName: String? = nil
    ) throws(X12Error) -> [X12FunctionalAcknowledgmentDecoding] {
        var reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: sourceName))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var decoder: Self?
        var results: [X12FunctionalAcknowledgmentDecoding] = []
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                if let open = decoder { results.append(open.decode()) }
                decoder = nil
                if Self.identifiers.contains(header.identifier), let interchange, let group {
                    decoder = Self(interchange: interchange, group: group, transaction: header, sourceName: sourceName)
                }
            case .segment(let segment): decoder?.add(segment)
            case .transactionEnd:
                if let decoder { results.append(decoder.decode()) }
                decoder = nil
            default: break
            }
        }
        if let decoder { results.append(decoder.decode()) }
        return results
    }
}
