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
    let interchange: X12InterchangeHeader
    let group: X12GroupHeader
    let transaction: X12TransactionHeader
    let sourceName: String?
    private var segments: [X12LocatedSegment] = []

    /// Creates a decoder for the set that `transaction` opens, inside `group` and `interchange`.
    public init(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader,
        sourceName: String? = nil
    ) {
        self.interchange = interchange
        self.group = group
        self.transaction = transaction
        self.sourceName = sourceName
    }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    public mutating func add(_ segment: X12Segment) {
        let id = segment.idString
        guard id != "ST", id != "SE" else { return }
        self.segments.append(
            X12LocatedSegment(
                segment: segment.copy(), position: segment.position, byteOffset: segment.byteOffset,
                line: segment.line))
    }

    /// Adds a segment already copied, with its position in the set (ST is 1).
    public mutating func add(_ segment: X12OwnedSegment, position: Int) {
        guard segment.id != "ST", segment.id != "SE" else { return }
        self.segments.append(
            X12LocatedSegment(segment: segment, position: position, byteOffset: self.transaction.byteOffset, line: 0))
    }

    /// Decodes the segments added so far.
    public func decode() -> X12PurchaseOrderDecoding {
        var assembler = X12PurchaseOrderAssembler(
            envelope: self.makeEnvelope(), context: self.makeContext(), implementationReference: nil)
        assembler.implementationReference = self.transaction.implementationReference
        for located in self.segments { assembler.process(located) }
        return assembler.finish()
    }

    /// Reads every 850 in `source` and decodes each.
    ///
    /// Sets of other kinds are skipped; reader findings are not included (read with ``X12Reader`` to see them).
    public static func decodeAll(
        from source: some ByteSource, sourceName: String? = nil
    ) throws(X12Error) -> [X12PurchaseOrderDecoding] {
        var reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: sourceName))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var decoder: X12PurchaseOrderDecoder?
        var results: [X12PurchaseOrderDecoding] = []
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                if header.identifier == "850", let interchange, let group {
                    decoder = X12PurchaseOrderDecoder(
                        interchange: interchange, group: group, transaction: header, sourceName: sourceName)
                }
            case .segment(let segment): decoder?.add(segment)
            case .transactionEnd:
                if let current = decoder { results.append(current.decode()) }
                decoder = nil
            default: break
            }
        }
        if let current = decoder { results.append(current.decode()) }
        return results
    }

    private func makeContext() -> X12FindingContext {
        X12FindingContext(
            file: self.sourceName, interchange: self.interchange.controlNumber, group: self.group.controlNumber,
            transaction: self.transaction.controlNumber, byteOffset: self.transaction.byteOffset,
            line: self.transaction.line)
    }

    private func makeEnvelope() -> Envelope {
        func trimmed(_ text: String) -> String {
            var text = text
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var date: DateTime?
        if let day = X12Text.date(self.group.date) ?? X12Text.shortDate(self.group.date) {
            date = DateTime(date: day, time: X12Text.time(self.group.time))
        }
        return Envelope(
            standard: .x12,
            sender: EnvelopeIdentity(
                qualifier: self.interchange.senderQualifier, id: trimmed(self.interchange.senderID)),
            receiver: EnvelopeIdentity(
                qualifier: self.interchange.receiverQualifier, id: trimmed(self.interchange.receiverID)),
            applicationSender: self.group.senderCode, applicationReceiver: self.group.receiverCode,
            interchangeControlNumber: self.interchange.controlNumber, groupControlNumber: self.group.controlNumber,
            transactionControlNumber: self.transaction.controlNumber, interchangeVersion: self.interchange.version,
            version: self.group.version, date: date, usage: X12Codes.usage.value(self.interchange.usage).value,
            acknowledgmentRequested: self.interchange.acknowledgmentRequested)
    }
}
