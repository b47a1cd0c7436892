public import Orders
public import X12

/// Writes a ``ShipNotice`` as an X12 856.
///
/// ``write(_:to:controlNumber:)`` writes the set (ST to SE) into a group the caller has opened on an ``X12Writer``;
/// ``encodeInterchange(_:delimiters:lineEnding:)`` writes a whole interchange from the notice's `envelope` (GS01
/// `SH`). The segments follow ``X12ShipNoticeDecoder`` the other way round: BSN; the HL `S` level with TD1, TD5,
/// TD3, REF, DTM, FOB and N1 loops; each order (HL `O`: PRF, REF, DTM, N1 loops) followed by its packs (HL `T`,
/// `P`, `Q`: PO4, MAN) and items (HL `I`: LIN, SN1, PID, PO4), depth first; CTT. HL01 counts from 1 in output
/// order and HL02 names the level above, so the hierarchy, not the numbers sent, is what comes back.
///
/// What the decoder kept in `extensions` is written back where it came from, so X12 → notice → X12 → notice gives
/// the same notice. The addresses are relative to the level that holds them: `TD1[1]03` in the notice's
/// extensions (its header, shipment level and summary share one address space), `PRF[1]05` in an order's,
/// `MAN[2]` in a pack's, `N1[1]/N2[1]` for a member of a level's N1 loop. A level kept whole is `HL[n]` with its
/// HL03 (`HL[n]03`), its segments `HL[n]/LIN[1]`, `HL[n]/SN1[2]`... numbered in the order they came, and the levels
/// under it `HL[n]/HL[1]`...; an `HL[n]02` (empty) marks one written at the top, without a parent. The notice's
/// `notes` have no place in an 856 and are not written.
public struct X12ShipNoticeEncoder: Sendable {
    /// The version written in GS08 (`004010`, `005010`); `nil` takes the envelope's (`004010` when it has none).
    public var version: String?

    public init(version: String? = nil) { self.version = version }

    /// The version a notice is written in.
    public func version(for notice: ShipNotice) -> String {
        self.version ?? X12InterchangeEncoding.x12Version(notice.envelope) ?? "004010"
    }

    /// Writes the notice as one 856 set into the open functional group of `writer`.
    ///
    /// - Parameters:
    ///   - notice: The ship notice.
    ///   - writer: A writer with an open interchange and group (GS01 `SH`).
    ///   - controlNumber: ST02; `nil` takes the envelope's transaction control number, else the writer's numbering.
    /// - Throws: ``X12Error`` when a value holds an active delimiter, or the writer fails.
    public func write(_ notice: ShipNotice, to writer: inout X12Writer, controlNumber: String? = nil) throws(X12Error) {
        var emitter = X12ShipNoticeEmitter()
        try writer.beginTransaction(
            "856",
            implementationReference: X12InterchangeEncoding.implementationReference(
                notice.envelope, version: self.version(for: notice)),
            controlNumber: controlNumber ?? notice.envelope.transactionControlNumber)
        try emitter.shipNotice(notice, to: &writer)
        try writer.endTransaction()
    }

    /// Writes the notice in an interchange of its own, built from its `envelope` (ISA, GS, the set, GE, IEA).
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, the notice date for the envelope date, `0000` for the
    /// time, the writer's numbering for control numbers.
    ///
    /// - Returns: The interchange's bytes.
    /// - Throws: ``X12Error`` when a value holds an active delimiter.
    public func encodeInterchange(
        _ notice: ShipNotice, delimiters: X12Delimiters = .standard, lineEnding: X12Writer.LineEnding = .lf
    ) throws(X12Error) -> [UInt8] {
        try X12InterchangeEncoding.encode(
            notice.envelope, version: self.version(for: notice), fallbackDate: notice.noticeDate.date,
            functionalIdentifier: "SH", delimiters: delimiters, lineEnding: lineEnding
        ) { (writer: inout X12Writer) throws(X12Error) in
            try self.write(notice, to: &writer)
        }
    }
}
