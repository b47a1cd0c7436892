public import Orders
public import X12

/// Writes an ``OrderChange`` as an X12 860.
///
/// ``write(_:to:controlNumber:)`` writes the set (ST to SE) into a group the caller has opened on an ``X12Writer``;
/// ``encodeInterchange(_:delimiters:lineEnding:)`` writes a whole interchange from the change's `envelope`.
/// The segments follow ``X12OrderChangeDecoder`` the other way round (BCH, CUR, REF, PER, FOB, SAC, ITD, DTM, TD5,
/// N9 and N1 loops; per line POC, PID, PO4, REF, SAC, SDQ, DTM, SCH and its N9 and N1 loops; CTT), and what the
/// decoder kept in `extensions` is written back where it came from, so X12 → change → X12 → change gives the same
/// change.
public struct X12OrderChangeEncoder: Sendable {
    /// The version written (`004010` or `005010`: N9 text goes in MSG or MTX); `nil` takes the envelope's
    /// (`004010` when it has none).
    public var version: String?

    public init(version: String? = nil) { self.version = version }

    /// The version a change is written in.
    public func version(for change: OrderChange) -> String {
        self.version ?? X12InterchangeEncoding.x12Version(change.envelope) ?? "004010"
    }

    /// Writes the change as one 860 set into the open functional group of `writer`.
    ///
    /// - Parameters:
    ///   - change: The change.
    ///   - writer: A writer with an open interchange and group (GS01 `PC`).
    ///   - controlNumber: ST02; `nil` takes the envelope's transaction control number, else the writer's numbering.
    public func write(_ change: OrderChange, to writer: inout X12Writer, controlNumber: String? = nil) throws(X12Error)
    {
        var emitter = X12OrderChangeEmitter(
            index: X12ExtensionAddress.Index(change.extensions),
            usesMTX: X12InterchangeEncoding.isFiveOrLater(self.version(for: change)))
        try writer.beginTransaction(
            "860",
            implementationReference: X12InterchangeEncoding.implementationReference(
                change.envelope, version: self.version(for: change)),
            controlNumber: controlNumber ?? change.envelope.transactionControlNumber)
        try emitter.header(change, to: &writer)
        for line in change.lines {
            emitter.index = X12ExtensionAddress.Index(line.extensions)
            try emitter.line(line, to: &writer)
        }
        emitter.index = X12ExtensionAddress.Index(change.extensions)
        try emitter.summary(change, to: &writer)
        try writer.endTransaction()
    }

    /// Writes the change in an interchange of its own, built from its `envelope` (ISA, GS, the set, GE, IEA).
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, the change date (else the order date) for the envelope
    /// date, `0000` for the time, the writer's numbering for control numbers.
    public func encodeInterchange(
        _ change: OrderChange, delimiters: X12Delimiters = .standard, lineEnding: X12Writer.LineEnding = .lf
    ) throws(X12Error) -> [UInt8] {
        try X12InterchangeEncoding.encode(
            change.envelope, version: self.version(for: change),
            fallbackDate: change.changeDate?.date ?? change.orderDate.date, functionalIdentifier: "PC",
            delimiters: delimiters, lineEnding: lineEnding
        ) { (writer: inout X12Writer) throws(X12Error) in
            try self.write(change, to: &writer)
        }
    }
}
