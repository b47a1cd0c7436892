public import Orders
public import X12

/// Writes a ``FunctionalAcknowledgment`` as an X12 997 or 999.
///
/// ``write(_:to:controlNumber:)`` writes the set (ST to SE) into a group the caller has opened on an ``X12Writer``;
/// ``encodeInterchange(_:delimiters:lineEnding:)`` writes a whole interchange (GS01 `FA`) from the acknowledgment's
/// `envelope`. The segments follow ``X12FunctionalAcknowledgmentDecoder`` the other way round, and what the decoder
/// kept in `extensions` is written back where it came from, so X12 → acknowledgment → X12 → acknowledgment gives
/// the same acknowledgment.
///
/// A 997 is written unless ``kind`` asks for a 999 or, with no ``kind``, the acknowledgment was decoded from one
/// (`transactionSet` is `999`). Writing the other kind than the one decoded moves what the extensions kept under
/// AK3/AK4/AK5 to IK3/IK4/IK5 or back, and leaves the 999's CTX segments out of a 997. The 005010 elements (AK103,
/// AK203, AK401-3) are written only when the version is 005010 or later; at most five set and five group error
/// codes are written (AK502-AK506, AK905-AK909).
public struct X12FunctionalAcknowledgmentEncoder: Sendable {
    /// The version written (`004010`, `005010`, `005010X231`); `nil` takes the envelope's (else `004010` for a 997,
    /// `005010` for a 999).
    public var version: String?
    /// The kind written; `nil` writes the kind the acknowledgment was decoded from (a 997 when it says nothing).
    public var kind: X12AcknowledgmentOptions.Kind?

    public init(version: String? = nil, kind: X12AcknowledgmentOptions.Kind? = nil) {
        self.version = version
        self.kind = kind
    }

    /// The kind an acknowledgment is written as.
    public func kind(for acknowledgment: FunctionalAcknowledgment) -> X12AcknowledgmentOptions.Kind {
        self.kind ?? (acknowledgment.transactionSet == "999" ? .ia999 : .fa997)
    }

    /// The version an acknowledgment is written in.
    public func version(for acknowledgment: FunctionalAcknowledgment) -> String {
        self.version ?? X12InterchangeEncoding.x12Version(acknowledgment.envelope)
            ?? (self.kind(for: acknowledgment) == .ia999 ? "005010" : "004010")
    }

    /// Writes the acknowledgment as one 997 or 999 set into the open functional group of `writer`.
    ///
    /// - Parameters:
    ///   - acknowledgment: The acknowledgment.
    ///   - writer: A writer with an open interchange and group (GS01 `FA`).
    ///   - controlNumber: ST02; `nil` takes the envelope's transaction control number, else the writer's numbering.
    public func write(
        _ acknowledgment: FunctionalAcknowledgment, to writer: inout X12Writer, controlNumber: String? = nil
    ) throws(X12Error) {
        let kind = self.kind(for: acknowledgment)
        var emitter = X12FunctionalAcknowledgmentEmitter(
            extensions: Self.extensions(of: acknowledgment, as: kind), kind: kind,
            isFiveOrLater: X12InterchangeEncoding.isFiveOrLater(self.version(for: acknowledgment)))
        try writer.beginTransaction(
            kind == .ia999 ? "999" : "997",
            implementationReference: X12InterchangeEncoding.implementationReference(
                acknowledgment.envelope, version: self.version(for: acknowledgment)),
            controlNumber: controlNumber ?? acknowledgment.envelope.transactionControlNumber)
        try emitter.write(acknowledgment, to: &writer)
        try writer.endTransaction()
    }

    /// Writes the acknowledgment in an interchange of its own, built from its `envelope` (ISA, GS with GS01 `FA`, the
    /// set, GE, IEA).
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, today's date (UTC) for the envelope date, `0000` for the
    /// time, the writer's numbering for control numbers.
    public func encodeInterchange(
        _ acknowledgment: FunctionalAcknowledgment, delimiters: X12Delimiters = .standard,
        lineEnding: X12Writer.LineEnding = .lf
    ) throws(X12Error) -> [UInt8] {
        try X12InterchangeEncoding.encode(
            acknowledgment.envelope, version: self.version(for: acknowledgment),
            fallbackDate: X12Text.date(X12AcknowledgmentOptions.Timestamp.now().date)
                ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            functionalIdentifier: "FA", delimiters: delimiters, lineEnding: lineEnding
        ) { (writer: inout X12Writer) throws(X12Error) in
            try self.write(acknowledgment, to: &writer)
        }
    }

    /// The extensions with the loop segments named as `kind` names them (AK3, AK4, AK5 or IK3, IK4, IK5), and without
    /// the CTX segments of a 999 written as a 997.
    private static func extensions(
        of acknowledgment: FunctionalAcknowledgment, as kind: X12AcknowledgmentOptions.Kind
    ) -> Extensions {
        let decodedKind: X12AcknowledgmentOptions.Kind = acknowledgment.transactionSet == "999" ? .ia999 : .fa997
        guard kind != decodedKind else { return acknowledgment.extensions }
        let (from, to) = kind == .ia999 ? ("AK", "IK") : ("IK", "AK")
        var renamed = Extensions()
        for (key, value) in acknowledgment.extensions.values {
            var parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1, parts[0].hasPrefix("AK2[") else {
                renamed[key] = value
                continue
            }
            if kind == .fa997, parts.contains(where: { $0.hasPrefix("CTX[") }) { continue }
            for (index, loop) in [(1, ["3[", "5["]), (2, ["4["])] where index < parts.count {
                for suffix in loop where parts[index].hasPrefix(from + suffix) {
                    parts[index] = to + parts[index].dropFirst(from.count)
                }
            }
            renamed[parts.joined(separator: "/")] = value
        }
        return renamed
    }
}
