import Orders
import X12

/// The interchange around one set, shared by ``X12PurchaseOrderEncoder`` and ``X12OrderAcknowledgmentEncoder``.
enum X12InterchangeEncoding {
    /// Whether `version` (`004010`, `005010`, …) is 005 or later; N9 text then goes in MTX, not MSG.
    static func isFiveOrLater(_ version: String) -> Bool { (Int(version.prefix(3)) ?? 4) >= 5 }

    /// The X12 version an envelope records (GS08); `nil` for a document that came in another standard (a cXML
    /// version is no X12 version).
    static func x12Version(_ envelope: Envelope) -> String? {
        envelope.standard == .x12 ? envelope.version : nil
    }

    /// ISA05/ISA07 for an identity: its qualifier, or for a cXML credential the X12 qualifier of its domain
    /// (``CXMLIdentityDomains``: `DUNS` is `01`, `NetworkID` is `ZZ`); `ZZ` (mutually defined) otherwise.
    static func qualifier(_ identity: EnvelopeIdentity) -> String {
        guard let qualifier = identity.qualifier else { return "ZZ" }
        if qualifier.utf8.count <= 2 { return qualifier }
        return CXMLIdentityDomains.x12Qualifier(forDomain: qualifier) ?? "ZZ"
    }

    /// ST03 for a set written in `version`: the envelope's implementation reference from 004020 on, where ST03
    /// exists; `nil` before (a 004010 ST has two elements).
    static func implementationReference(_ envelope: Envelope, version: String) -> String? {
        (Int(version.prefix(6)) ?? 0) >= 4020 ? envelope.implementationReference : nil
    }

    /// Writes ISA and GS built from `envelope`, the set `body` writes, then GE and IEA, and returns the bytes.
    ///
    /// Missing envelope values fall back: qualifiers `ZZ`, `fallbackDate` for the envelope date, `0000` for the
    /// time, the writer's numbering for control numbers.
    static func encode(
        _ envelope: Envelope, version: String, fallbackDate: @autoclosure () -> CalendarDate,
        functionalIdentifier: String, delimiters: X12Delimiters, lineEnding: X12Writer.LineEnding,
        body: (inout X12Writer) throws(X12Error) -> Void
    ) throws(X12Error) -> [UInt8] {
        let isFiveOrLater = Self.isFiveOrLater(version)
        let sink = MemoryByteSink()
        var writer = try X12Writer(
            sink: sink, delimiters: delimiters, lineEnding: lineEnding, controlNumbers: SequentialControlNumbers())
        let date = envelope.date?.date ?? fallbackDate()
        let time = envelope.date?.time.map(X12Text.timeText) ?? "0000"
        let fullDate = X12Text.dateText(date)
        try writer.beginInterchange(
            X12InterchangeEnvelope(
                senderQualifier: Self.qualifier(envelope.sender), senderID: envelope.sender.id,
                receiverQualifier: Self.qualifier(envelope.receiver), receiverID: envelope.receiver.id,
                date: String(fullDate.dropFirst(2)), time: String(time.prefix(4)),
                version: envelope.interchangeVersion ?? (isFiveOrLater ? "00501" : "00401"),
                acknowledgmentRequested: envelope.acknowledgmentRequested ?? false,
                usage: X12Codes.usage.code(envelope.usage),
                controlNumber: envelope.interchangeControlNumber.flatMap { UInt64($0) }))
        try writer.beginGroup(
            X12GroupEnvelope(
                functionalIdentifier: functionalIdentifier,
                senderCode: envelope.applicationSender ?? envelope.sender.id,
                receiverCode: envelope.applicationReceiver ?? envelope.receiver.id, date: fullDate, time: time,
                version: version, controlNumber: envelope.groupControlNumber.flatMap { UInt64($0) }))
        try body(&writer)
        try writer.endGroup()
        try writer.endInterchange()
        return sink.bytes
    }
}
