import Orders
import X12

/// The state of decoding one 860: where in the set the next segment falls, and what has been built so far.
///
/// BCH opens the header; the rest of the header, its N9 and N1 loops and the summary are read as in an 850, by
/// ``X12DocumentHeaderState``, and the segments of a line's loop as in an 850 (``X12SegmentReader``), with POC in the
/// place of PO1.
struct X12OrderChangeAssembler: X12TransactionSetAssembler {
    /// Where the segments being read belong.
    private enum Scope {
        case header
        case line
        case lineNote(Int)
        case lineParty(Int)
        case summary
    }

    static let noteMembers = X12DocumentHeaderState.noteMembers
    static let linePartyMembers = X12DocumentHeaderState.linePartyMembers

    var implementationReference: String?
    private var reader: X12SegmentReader
    private var scope = Scope.header
    private var header: X12DocumentHeaderState
    private var lineCounts = X12OccurrenceCounts()
    private var sawBCH = false

    private var purpose: Purpose?
    private var orderType: OrderType?
    private var orderNumber: String?
    private var releaseNumber: String?
    private var changeSequence: String?
    private var orderDate: CalendarDate?
    private var contractNumber: String?
    private var sellerOrderNumber: String?
    private var changeDate: CalendarDate?
    private var lines: [ChangeLine] = []
    private var line: ChangeLine?

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.header = X12DocumentHeaderState(envelope: envelope, readsTerms: true)
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let id = located.segment.id
        if id == "POC" {
            self.closeLine()
            self.lineCounts.removeAll()
            self.scope = .line
            self.startLine(located)
            return
        }
        if id == "CTT", !self.inSummary {
            self.closeLine()
            self.scope = .summary
        }
        switch self.scope {
        case .summary: self.header.summary(located, reader: &self.reader)
        case .line, .lineNote, .lineParty: self.lineSegment(located)
        case .header: self.headerSegment(located)
        }
    }

    private var inSummary: Bool {
        if case .summary = self.scope { return true }
        return false
    }

    mutating func finish() -> X12OrderChangeDecoding {
        self.closeLine()
        guard self.sawBCH, let orderNumber = self.orderNumber, let orderDate = self.orderDate else {
            if !self.sawBCH {
                self.reader.finding(.error, .mandatorySegmentMissing, "the 860 has no BCH segment", nil, nil)
            }
            return X12OrderChangeDecoding(change: nil, findings: self.reader.findings)
        }
        let header = self.header
        let change = OrderChange(
            envelope: header.envelope, purpose: self.purpose ?? .change, orderType: self.orderType ?? "",
            orderNumber: orderNumber, releaseNumber: self.releaseNumber, changeSequence: self.changeSequence,
            orderDate: DateTime(date: orderDate), contractNumber: self.contractNumber,
            sellerOrderNumber: self.sellerOrderNumber, changeDate: self.changeDate.map { DateTime(date: $0) },
            currency: header.currency, dates: header.dates, parties: header.parties, contacts: header.contacts,
            references: header.references, paymentTerms: header.paymentTerms, fob: header.fob,
            carriers: header.carriers, allowancesCharges: header.allowancesCharges, notes: header.notes,
            lines: self.lines, totals: header.totals, extensions: header.extensions,
            salesRequirements: header.salesRequirements)
        return X12OrderChangeDecoding(change: change, findings: self.reader.findings)
    }

    // MARK: Header

    /// BCH (the first) here; every other header segment in ``X12DocumentHeaderState``.
    private mutating func headerSegment(_ located: X12LocatedSegment) {
        guard !self.header.process(located, reader: &self.reader) else { return }
        let address = self.header.address(of: located)
        var cursor = X12ElementCursor(located.segment)
        let placed = located.segment.id == "BCH" && address.hasSuffix("[1]")
        if placed { self.beginning(&cursor, located) }
        X12DocumentHeaderState.record(cursor, placed: placed, at: address, in: &self.header.extensions)
    }

    /// BCH: purpose, order type, order number, release, change sequence, order date, contract number, seller's order
    /// number and change date (BCH07 and BCH10 are kept in extensions).
    private mutating func beginning(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) {
        self.sawBCH = true
        self.purpose = cursor.text(1).map { self.reader.coded(X12Codes.purpose, $0, located, 1) }
        self.orderType = cursor.text(2).map { self.reader.coded(X12Codes.orderType, $0, located, 2) }
        self.orderNumber = cursor.text(3)
        self.releaseNumber = cursor.text(4)
        self.changeSequence = cursor.text(5)
        self.orderDate = self.reader.date(&cursor, 6, located)
        self.contractNumber = cursor.text(8)
        self.sellerOrderNumber = cursor.text(9)
        self.changeDate = self.reader.date(&cursor, 11, located)
        if self.orderNumber == nil {
            self.reader.finding(
                .error, .mandatoryElementMissing, "BCH03 (purchase order number) is missing", located, 3)
        }
        if self.orderDate == nil, cursor.peek(6) == nil {
            self.reader.finding(.error, .mandatoryElementMissing, "BCH06 (purchase order date) is missing", located, 6)
        }
    }

    // MARK: Detail

    /// POC: line number, change, new quantity, quantity left to receive, unit, new price, price basis, items.
    private mutating func startLine(_ located: X12LocatedSegment) {
        var cursor = X12ElementCursor(located.segment)
        let address = X12SegmentReader.occurrence(&self.lineCounts, "", "POC")
        let change = cursor.text(2).map { self.reader.coded(X12OrderChangeCodes.changeKind, $0, located, 2) }
        if change == nil {
            self.reader.finding(
                .error, .mandatoryElementMissing, "POC02 (change or response type) is missing", located, 2)
        }
        var line = ChangeLine(
            lineNumber: cursor.text(1), change: change ?? "", quantity: self.reader.decimal(&cursor, 3, located),
            quantityLeftToReceive: self.reader.decimal(&cursor, 4, located),
            unit: cursor.text(5).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 5) },
            unitPrice: self.reader.decimal(&cursor, 6, located),
            priceBasis: cursor.text(7).map { self.reader.coded(X12Codes.priceBasis, $0, located, 7) })
        line.items = self.reader.itemIdentifiers(&cursor, from: 8, to: located.segment.elementCount, located)
        cursor.recordLeftovers(at: address, in: &line.extensions)
        self.line = line
    }

    private mutating func closeLine() {
        if let line = self.line.take() { self.lines.append(line) }
    }

    private mutating func lineSegment(_ located: X12LocatedSegment) {
        // Taken out of `self` so that its arrays stay uniquely referenced while they grow (no copy per segment).
        guard var line = self.line.take() else { return }
        defer { self.line = line }
        let id = located.segment.id
        switch self.scope {
        case .lineNote(let index) where Self.noteMembers.contains(id):
            let address = X12SegmentReader.occurrence(&self.lineCounts, "N9[\(index + 1)]/", id)
            self.reader.noteMember(located, address: address, note: &line.notes[index], extensions: &line.extensions)
            return
        case .lineParty(let index) where Self.linePartyMembers.contains(id):
            let address = X12SegmentReader.occurrence(&self.lineCounts, "N1[\(index + 1)]/", id)
            self.reader.partyMember(
                located, address: address, party: &line.parties[index], extensions: &line.extensions)
            return
        default: self.scope = .line
        }
        let address = X12SegmentReader.occurrence(&self.lineCounts, "", id)
        var cursor = X12ElementCursor(located.segment)
        var placed = true
        switch id {
        case "PID":
            if let text = cursor.peek(5) {
                cursor.take(5)
                cursor.take(1, ifEqualTo: "F")
                line.descriptions.append(ItemDescription(text, language: cursor.text(9)))
            } else {
                placed = false
            }
        case "PO4" where address.hasSuffix("[1]"):
            line.pack = self.reader.pack(&cursor, located)
        case "SDQ": line.destinations += self.reader.destinations(&cursor, located)
        case "SCH": placed = X12DocumentHeaderState.append(self.reader.schedule(&cursor, located), to: &line.schedules)
        case "SAC":
            placed = X12DocumentHeaderState.append(
                self.reader.allowanceCharge(&cursor, located), to: &line.allowancesCharges)
        case "REF": line.references.append(self.reader.reference(&cursor, located))
        case "DTM": placed = X12DocumentHeaderState.append(self.reader.qualifiedDate(&cursor, located), to: &line.dates)
        case "N9":
            line.notes.append(self.reader.note(&cursor, located))
            self.scope = .lineNote(line.notes.count - 1)
        case "N1":
            line.parties.append(self.reader.party(&cursor, located))
            self.scope = .lineParty(line.parties.count - 1)
        default: placed = false
        }
        X12DocumentHeaderState.record(cursor, placed: placed, at: address, in: &line.extensions)
    }
}
