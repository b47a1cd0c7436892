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

/// One transaction set being decoded, with the headers that enclose it: the skeleton shared by every X12 decoder.
///
/// Each segment goes through the assembler as it is added (nothing of the set is gathered); ``decode()`` finishes a
/// copy of the assembler, so more segments may still follow.
struct X12TransactionSetInput<Assembler: X12TransactionSetAssembler> {
    let interchange: X12InterchangeHeader
    let group: X12GroupHeader
    let transaction: X12TransactionHeader
    let sourceName: String?
    private var assembler: Assembler

    init(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader,
        sourceName: String?
    ) {
        self.interchange = interchange
        self.group = group
        self.transaction = transaction
        self.sourceName = sourceName
        self.assembler = Assembler(
            envelope: Self.makeEnvelope(interchange: interchange, group: group, transaction: transaction),
            context: X12FindingContext(
                file: sourceName, interchange: interchange.controlNumber, group: group.controlNumber,
                transaction: transaction.controlNumber, byteOffset: transaction.byteOffset, line: transaction.line),
            implementationReference: transaction.implementationReference)
    }

    /// Decodes the next segment of the set (the reader's view is read at once, never kept).
    mutating func add(_ segment: X12Segment) {
        // Compared as integers: `X12SegmentID.st` is a lazily made global, one `swift_once` call a segment each.
        let code = segment.id.rawValue
        guard code != X12SegmentCode.st, code != X12SegmentCode.se else { return }
        self.assembler.process(
            X12LocatedSegment(
                segment: X12SegmentInput(view: segment), position: segment.position, byteOffset: segment.byteOffset,
                line: segment.line))
    }

    /// Decodes a segment already copied, with its position in the set (ST is 1).
    mutating func add(_ segment: X12OwnedSegment, position: Int) {
        guard segment.id != "ST", segment.id != "SE" else { return }
        self.assembler.process(
            X12LocatedSegment(segment: segment, position: position, byteOffset: self.transaction.byteOffset, line: 0))
    }

    /// The decoding of the segments added so far.
    func decode() -> Assembler.Decoding {
        var assembler = self.assembler
        return assembler.finish()
    }

    /// The decoding, finished in place: what ``decode()`` gives without copying what was built (its arrays grow in
    /// place when the last line closes). Nothing may be added afterwards.
    mutating func finish() -> Assembler.Decoding {
        self.assembler.finish()
    }

    /// Reads every set with identifier `identifier` in `source` and decodes each with `decode`.
    ///
    /// Sets of other kinds are skipped; reader findings are not included.
    static func decodeAll<Result>(
        _ identifier: String, from source: some ByteSource, sourceName: String?,
        decode: (Self) -> Result
    ) throws(X12Error) -> [Result] {
        var reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: sourceName))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var input: Self?
        var results: [Result] = []
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                if header.identifier == identifier, let interchange, let group {
                    input = Self(interchange: interchange, group: group, transaction: header, sourceName: sourceName)
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

    private static func makeEnvelope(
        interchange: X12InterchangeHeader, group: X12GroupHeader, transaction: X12TransactionHeader
    ) -> Envelope {
        func trimmed(_ text: String) -> String {
            var text = text
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var date: DateTime?
        if let day = X12Text.date(group.date) ?? X12Text.shortDate(group.date) {
            date = DateTime(date: day, time: X12Text.time(group.time))
        }
        return Envelope(
            standard: .x12,
            sender: EnvelopeIdentity(
                qualifier: interchange.senderQualifier, id: trimmed(interchange.senderID)),
            receiver: EnvelopeIdentity(
                qualifier: interchange.receiverQualifier, id: trimmed(interchange.receiverID)),
            applicationSender: group.senderCode, applicationReceiver: group.receiverCode,
            interchangeControlNumber: interchange.controlNumber, groupControlNumber: group.controlNumber,
            transactionControlNumber: transaction.controlNumber, interchangeVersion: interchange.version,
            version: group.version, implementationReference: transaction.implementationReference, date: date,
            usage: X12Codes.usage.value(interchange.usage).value,
            acknowledgmentRequested: interchange.acknowledgmentRequested)
    }
}

extension X12TransactionSetInput where Assembler == X12PurchaseOrderAssembler {
    /// Reserves room for `count` order lines (see ``X12PurchaseOrderAssembler/reserveLines(_:)``).
    mutating func reserveLines(_ count: Int) {
        self.assembler.reserveLines(count)
    }

    /// The number of order lines read so far.
    var lineCount: Int { self.assembler.lineCount }
}
