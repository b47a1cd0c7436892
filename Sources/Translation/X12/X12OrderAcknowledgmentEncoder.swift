public import Orders
public import X12

/// Writes an ``OrderAcknowledgment`` as an X12 855.
///
/// ``write(_:to:controlNumber:)`` writes the set (ST to SE) into a group the caller has opened on an ``X12Writer``;
/// ``encodeInterchange(_:delimiters:lineEnding:)`` writes a whole interchange from the acknowledgment's `envelope`.
/// The segments follow ``X12OrderAcknowledgmentDecoder`` the other way round (BAK, CUR, REF, PER, DTM, N9 and N1
/// loops; per line PO1, `CTP*CUP` for the first price-changing status with a price, PID, REF, DTM, then one ACK
/// loop per status; CTT), and what the decoder kept in `extensions` is written back where it came from, so
/// X12 → acknowledgment → X12 → acknowledgment gives the same acknowledgment.
public struct X12OrderAcknowledgmentEncoder: Sendable {
    /// The version written (`004010` or `005010`: N9 text goes in MSG or MTX); `nil` takes the envelope's
    /// (`004010` when it has none).
    public var version: String?

    public init(version: String? = nil) { self.version = version }

    /// The version an acknowledgment is written in.
    public func version(for acknowledgment: OrderAcknowledgment) -> String {
        self.version ?? X12InterchangeEncoding.x12Version(acknowledgment.envelope) ?? "004010"
    }

    /// Writes the acknowledgment as one 855 set into the open functional group of `writer`.
    ///
    /// - Parameters:
    ///   - acknowledgment: The acknowledgment.
    ///   - writer: A writer with an open interchange and group (GS01 `PR`).
    ///   - controlNumber: ST02; `nil` takes the envelope's transaction control number, else the writer's numbering.
    public func write(
        _ acknowledgment: OrderAcknowledgment, to writer: inout X12Writer, controlNumber: String? = nil
    ) throws(X12Error) {
        let version = self.version(for: acknowledgment)
        var emitter = X12OrderAcknowledgmentEmitter(
            index: X12ExtensionAddress.Index(acknowledgment.extensions),
            usesMTX: X12InterchangeEncoding.isFiveOrLater(version))
        try writer.beginTransaction(
            "855",
            implementationReference: X12InterchangeEncoding.implementationReference(
                acknowledgment.envelope, version: version),
            controlNumber: controlNumber ?? acknowledgment.envelope.transactionControlNumber)
        try emitter.header(acknowledgment, to: &writer)
        for line in acknowledgment.lines {
            emitter.index = X12ExtensionAddress.Index(line.extensions)
            try emitter.line(line, to: &writer)
        }
        emitter.index = X12ExtensionAddress.Index(acknowledgment.extensions)
        try emitter.summary(acknowledgment, to: &writer)
        try writer.endTransaction()
    }

    /// Writes the acknowledgment in an interchange of its own, built from its `envelope` (ISA, GS, the set, GE, IEA).
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, the acknowledgment date (else the order date, else
    /// 2000-01-01) for the envelope date, `0000` for the time, the writer's numbering for control numbers.
    public func encodeInterchange(
        _ acknowledgment: OrderAcknowledgment, delimiters: X12Delimiters = .standard,
        lineEnding: X12Writer.LineEnding = .lf
    ) throws(X12Error) -> [UInt8] {
        try X12InterchangeEncoding.encode(
            acknowledgment.envelope, version: self.version(for: acknowledgment),
            fallbackDate: acknowledgment.acknowledgmentDate?.date ?? acknowledgment.orderDate?.date
                ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            functionalIdentifier: "PR", delimiters: delimiters, lineEnding: lineEnding
        ) { (writer: inout X12Writer) throws(X12Error) in
            try self.write(acknowledgment, to: &writer)
        }
    }
}
