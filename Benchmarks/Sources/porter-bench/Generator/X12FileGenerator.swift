/// Writes interchanges of realistic 850 or 856 transaction sets with correct envelopes.
///
/// Each interchange holds one functional group of `setsPerGroup` transaction sets between one
/// buyer and one supplier. The generator owns every count and control number:
/// - `ISA13`/`IEA02` count up from 1 (zero-padded to 9 digits, wrapping after 999999999);
/// - `GS06`/`GE02` count up from 1; `GE01` and `IEA01` are the real counts;
/// - `ST02`/`SE02` count from `0001` within each group; `SE01` counts ST through SE.
///
/// Output depends only on the transaction set, version, seed and sets per group.
struct X12FileGenerator {
    struct Statistics {
        var interchanges = 0
        var groups = 0
        var transactionSets = 0
        var segments = 0
    }

    let transactionSet: TransactionSetKind
    let version: X12Version
    let setsPerGroup: Int

    var random: PseudoRandom
    let data: SampleData
    private(set) var statistics = Statistics()

    private var nextInterchangeControlNumber = 1
    private var nextGroupControlNumber = 1
    /// The interchange clock, in minutes since 1970-01-01; documents are dated from it.
    private var minutes: Int
    /// Running counters behind PO, shipment and SSCC numbers, so each is unique in the file.
    var nextDocumentNumber: Int
    var nextSerialNumber: Int

    init(transactionSet: TransactionSetKind, version: X12Version, seed: UInt64, setsPerGroup: Int = 50) {
        precondition(setsPerGroup > 0)
        self.transactionSet = transactionSet
        self.version = version
        self.setsPerGroup = setsPerGroup
        var random = PseudoRandom(seed: seed)
        self.data = SampleData(random: &random)
        self.minutes = CivilDate(year: 2024, month: 1, day: 2).daysSinceEpoch * 1440 + 6 * 60 + random.below(120)
        self.nextDocumentNumber = random.int(in: 10_000_000...20_000_000)
        self.nextSerialNumber = random.int(in: 1...1_000_000)
        self.random = random
    }

    /// Writes whole interchanges until the buffer holds at least `byteCount` bytes (or its sink
    /// failed). The last interchange is always completed.
    mutating func write(atLeast byteCount: Int, to writer: SegmentWriter) {
        repeat {
            self.writeInterchange(to: writer)
        } while writer.buffer.totalBytes < byteCount && writer.buffer.error == nil
    }

    /// Writes one interchange: ISA, GS, the transaction sets, GE, IEA.
    mutating func writeInterchange(to writer: SegmentWriter) {
        let segmentsBefore = writer.segmentCount
        self.minutes += self.random.int(in: 2...40)
        let date = CivilDate(daysSinceEpoch: self.minutes / 1440)
        let time = self.minutes % 1440
        let buyer = self.data.buyers[self.random.below(self.data.buyers.count)]
        let supplier = self.data.suppliers[self.random.below(self.data.suppliers.count)]
        let (sender, receiver) =
            self.transactionSet == .purchaseOrder
            ? (buyer.identity, supplier.identity) : (supplier.identity, buyer.identity)

        let interchangeControlNumber = self.nextInterchangeControlNumber
        self.nextInterchangeControlNumber = interchangeControlNumber % 999_999_999 + 1
        let groupControlNumber = self.nextGroupControlNumber
        self.nextGroupControlNumber = groupControlNumber % 999_999_999 + 1

        // ISA: fixed width, 106 bytes through the terminator.
        writer.begin("ISA")
        writer.add("00")
        writer.add("          ")
        writer.add("00")
        writer.add("          ")
        writer.add(sender.qualifier)
        writer.add(sender.interchangeID)
        writer.add(receiver.qualifier)
        writer.add(receiver.interchangeID)
        writer.add(shortDate: date)
        writer.add(time: time)
        writer.skip()
        writer.append(byte: self.version.isa11)
        writer.add(self.version.isa12)
        writer.add(interchangeControlNumber, width: 9)
        writer.add("0")
        writer.add("P")
        writer.skip()
        writer.append(byte: SegmentWriter.componentSeparator)
        writer.end()

        writer.begin("GS")
        writer.add(self.transactionSet.functionalIdentifier)
        writer.add(sender.applicationID)
        writer.add(receiver.applicationID)
        writer.add(date: date)
        writer.add(time: time)
        writer.add(groupControlNumber)
        writer.add("X")
        writer.add(self.version.gs08)
        writer.end()

        for setNumber in 1...self.setsPerGroup {
            let first = writer.segmentCount
            writer.begin("ST")
            writer.add(self.transactionSet.identifier)
            writer.add(setNumber, width: 4)
            writer.end()
            switch self.transactionSet {
            case .purchaseOrder:
                self.writePurchaseOrder(buyer: buyer, supplier: supplier, date: date, to: writer)
            case .shipNotice:
                self.writeShipNotice(buyer: buyer, supplier: supplier, date: date, time: time, to: writer)
            }
            writer.begin("SE")
            writer.add(writer.segmentCount - first + 1)
            writer.add(setNumber, width: 4)
            writer.end()
        }

        writer.begin("GE")
        writer.add(self.setsPerGroup)
        writer.add(groupControlNumber)
        writer.end()

        writer.begin("IEA")
        writer.add(1)
        writer.add(interchangeControlNumber, width: 9)
        writer.end()

        self.statistics.interchanges += 1
        self.statistics.groups += 1
        self.statistics.transactionSets += self.setsPerGroup
        self.statistics.segments += writer.segmentCount - segmentsBefore
    }

    /// Takes the next document number (PO or shipment), skipping a few now and then.
    mutating func takeDocumentNumber() -> Int {
        let number = self.nextDocumentNumber
        self.nextDocumentNumber += self.random.chance(90) ? 1 : self.random.int(in: 2...9)
        return number
    }

    /// Writes an `N1` loop: N1, N3 and N4.
    func writeParty(_ code: StaticString, _ party: SampleData.Party, to writer: SegmentWriter) {
        writer.begin("N1")
        writer.add(code)
        writer.add(party.name)
        writer.add(party.identificationQualifier)
        writer.add(party.identification)
        writer.end()
        writer.begin("N3")
        writer.add(party.street)
        writer.end()
        writer.begin("N4")
        writer.add(party.city)
        writer.add(party.state)
        writer.add(party.postalCode)
        writer.add("US")
        writer.end()
    }
}
