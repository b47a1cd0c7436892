import Orders
import X12

/// What the 850 and 855 assemblers have in common: built from the envelope and a finding context, fed the set's
/// segments in order, then finished into a decoding.
protocol X12TransactionSetAssembler {
    associatedtype Decoding
    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?)
    mutating func process(_ located: X12LocatedSegment)
    mutating func finish() -> Decoding
}

extension X12PurchaseOrderAssembler: X12TransactionSetAssembler {}
extension X12OrderAcknowledgmentAssembler: X12TransactionSetAssembler {}

/// The segments of one transaction set gathered for decoding, with the headers that enclose it: the skeleton shared
/// by ``X12PurchaseOrderDecoder`` and ``X12OrderAcknowledgmentDecoder``.
struct X12TransactionSetInput {
    let interchange: X12InterchangeHeader
    let group: X12GroupHeader
    let transaction: X12TransactionHeader
    let sourceName: String?
    private var segments: [X12LocatedSegment] = []

    init(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader,
        sourceName: String?
    ) {
        self.interchange = interchange
        self.group = group
        self.transaction = transaction
        self.sourceName = sourceName
    }

    /// Adds the next segment of the set (copied: the reader's view is valid only until its next event).
    mutating func add(_ segment: X12Segment) {
        let id = segment.idString
        guard id != "ST", id != "SE" else { return }
        self.segments.append(
            X12LocatedSegment(
                segment: segment.copy(), position: segment.position, byteOffset: segment.byteOffset,
                line: segment.line))
    }

    /// Adds a segment already copied, with its position in the set (ST is 1).
    mutating func add(_ segment: X12OwnedSegment, position: Int) {
        guard segment.id != "ST", segment.id != "SE" else { return }
        self.segments.append(
            X12LocatedSegment(segment: segment, position: position, byteOffset: self.transaction.byteOffset, line: 0))
    }

    /// Runs the segments added so far through a new `Assembler`.
    func decode<Assembler: X12TransactionSetAssembler>(with _: Assembler.Type) -> Assembler.Decoding {
        var assembler = Assembler(
            envelope: self.makeEnvelope(), context: self.makeContext(),
            implementationReference: self.transaction.implementationReference)
        for located in self.segments { assembler.process(located) }
        return assembler.finish()
    }

    /// Reads every set with identifier `identifier` in `source` and decodes each with `decode`.
    ///
    /// Sets of other kinds are skipped; reader findings are not included.
    static func decodeAll<Result>(
        _ identifier: String, from source: some ByteSource, sourceName: String?,
        decode: (X12TransactionSetInput) -> Result
    ) throws(X12Error) -> [Result] {
        var reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: sourceName))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var input: X12TransactionSetInput?
        var results: [Result] = []
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                if header.identifier == identifier, let interchange, let group {
                    input = X12TransactionSetInput(
                        interchange: interchange, group: group, transaction: header, sourceName: sourceName)
                }
            case .segment(let segment): input?.add(segment)
            case .transactionEnd:
                if let current = input { results.append(decode(current)) }
                input = nil
            default: break
            }
        }
        if let current = input { results.append(decode(current)) }
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
            version: self.group.version, implementationReference: self.transaction.implementationReference, date: date,
            usage: X12Codes.usage.value(self.interchange.usage).value,
            acknowledgmentRequested: self.interchange.acknowledgmentRequested)
    }
}
