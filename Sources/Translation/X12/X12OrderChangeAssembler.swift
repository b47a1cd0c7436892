import Orders
import X12

/// The state of decoding one 860: where in the set the next segment falls, and what has been built so far.
///
/// BCH opens the header; the rest of the header, the N9 and N1 loops, the segments of a line's loop and the summary
/// are read as in an 850 (``X12SegmentReader``), with POC in the place of PO1.
struct X12OrderChangeAssembler: X12TransactionSetAssembler {
    /// Where the segments being read belong.
    private enum Scope {
        case header
        case headerNote(Int)
        case headerParty(Int)
        case line
        case lineNote(Int)
        case lineParty(Int)
        case summary
    }

    static let noteMembers = X12PurchaseOrderAssembler.noteMembers
    static let headerPartyMembers = X12PurchaseOrderAssembler.headerPartyMembers
    static let linePartyMembers = X12PurchaseOrderAssembler.linePartyMembers

    var implementationReference: String?
    private var reader: X12SegmentReader
    private var scope = Scope.header
    private var counts: [String: Int] = [:]
    private var lineCounts: [String: Int] = [:]
    private var sawBCH = false

    private var envelope: Envelope
    private var purpose: Purpose?
    private var orderType: OrderType?
    private var orderNumber: String?
    private var releaseNumber: String?
    private var changeSequence: String?
    private var orderDate: CalendarDate?
    private var contractNumber: String?
    private var sellerOrderNumber: String?
    private var changeDate: CalendarDate?
    private var currency: CurrencyCode?
    private var dates: [QualifiedDate] = []
    private var parties: [Party] = []
    private var contacts: [Contact] = []
    private var references: [Reference] = []
    private var paymentTerms: [PaymentTerms] = []
    private var fob: FOBTerms?
    private var carriers: [CarrierRouting] = []
    private var allowancesCharges: [AllowanceCharge] = []
    private var notes: [Note] = []
    private var lines: [ChangeLine] = []
    private var totals: OrderTotals?
    private var extensions = Extensions()
    private var line: ChangeLine?

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.envelope = envelope
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let id = located.segment.id
        if id == "POC" {
            self.closeLine()
            self.lineCounts = [:]
            self.scope = .line
            self.startLine(located)
            return
        }
        if id == "CTT", !self.inSummary {
            self.closeLine()
            self.scope = .summary
        }
        switch self.scope {
        case .summary:
            self.reader.summarySegment(
                located, counts: &self.counts, totals: &self.totals, extensions: &self.extensions)
        case .line, .lineNote, .lineParty: self.lineSegment(located)
        case .header, .headerNote, .headerParty: self.headerSegment(located)
        }
    }

    private var inSummary: Bool {
        if case .summary = self.scope { return true }
        return false
    }

    mutating func finish() -> X12OrderChangeDecoding {
        self.closeLine()
        if let implementationReference { self.extensions["ST03"] = implementationReference }
        guard self.sawBCH, let orderNumber = self.orderNumber, let orderDate = self.orderDate else {
            if !self.sawBCH {
                self.reader.finding(.error, .mandatorySegmentMissing, "the 860 has no BCH segment", nil, nil)
            }
            return X12OrderChangeDecoding(change: nil, findings: self.reader.findings)
        }
        let change = OrderChange(
            envelope: self.envelope, purpose: self.purpose ?? .change, orderType: self.orderType ?? "",
            orderNumber: orderNumber, releaseNumber: self.releaseNumber, changeSequence: self.changeSequence,
            orderDate: DateTime(date: orderDate), contractNumber: self.contractNumber,
            sellerOrderNumber: self.sellerOrderNumber, changeDate: self.changeDate.map { DateTime(date: $0) },
            currency: self.currency, dates: self.dates, parties: self.parties, contacts: self.contacts,
            references: self.references, paymentTerms: self.paymentTerms, fob: self.fob, carriers: self.carriers,
            allowancesCharges: self.allowancesCharges, notes: self.notes, lines: self.lines, totals: self.totals,
            extensions: self.extensions)
        return X12OrderChangeDecoding(change: change, findings: self.reader.findings)
    }

    // MARK: Header

    private mutating func headerSegment(_ located: X12LocatedSegment) {
        let id = located.segment.id
        switch self.scope {
        case .headerNote(let index) where Self.noteMembers.contains(id):
            let address = X12SegmentReader.occurrence(&self.counts, "N9[\(index + 1)]/", id)
            self.reader.noteMember(
                located, address: address, note: &self.notes[index], extensions: &self.extensions)
            return
        case .headerParty(let index) where Self.headerPartyMembers.contains(id):
            let address = X12SegmentReader.occurrence(&self.counts, "N1[\(index + 1)]/", id)
            self.reader.partyMember(
                located, address: address, party: &self.parties[index], extensions: &self.extensions)
            return
        default: self.scope = .header
        }
        let address = X12SegmentReader.occurrence(&self.counts, "", id)
        var cursor = X12ElementCursor(located.segment)
        let isFirst = address.hasSuffix("[1]")
        var placed = true
        switch id {
        case "BCH" where isFirst: self.beginning(&cursor, located)
        case "CUR" where isFirst:
            cursor.take(1, ifEqualTo: "BY")
            self.currency = cursor.text(2).map { CurrencyCode(rawValue: $0) }
        case "REF": self.references.append(self.reader.reference(&cursor, located))
        case "PER": self.contacts.append(self.reader.contact(&cursor, located))
        case "FOB" where isFirst:
            self.fob = self.reader.fobTerms(&cursor, located)
            placed = self.fob != nil
        case "SAC": placed = Self.append(self.reader.allowanceCharge(&cursor, located), to: &self.allowancesCharges)
        case "ITD": self.paymentTerms.append(self.reader.terms(&cursor, located))
        case "DTM": placed = Self.append(self.reader.qualifiedDate(&cursor, located), to: &self.dates)
        case "TD5": self.carriers.append(self.reader.carrier(&cursor, located))
        case "N9":
            self.notes.append(self.reader.note(&cursor, located))
            self.scope = .headerNote(self.notes.count - 1)
        case "N1":
            self.parties.append(self.reader.party(&cursor, located))
            self.scope = .headerParty(self.parties.count - 1)
        default: placed = false
        }
        Self.record(cursor, placed: placed, at: address, in: &self.extensions)
    }

    /// Appends `value` when there is one; whether there was.
    private static func append<Value>(_ value: Value?, to values: inout [Value]) -> Bool {
        guard let value else { return false }
        values.append(value)
        return true
    }

    /// Keeps what a segment left: its unread elements when it was placed, else the whole segment.
    private static func record(
        _ cursor: X12ElementCursor, placed: Bool, at address: String, in extensions: inout Extensions
    ) {
        if placed {
            cursor.recordLeftovers(at: address, in: &extensions)
        } else {
            cursor.recordWhole(at: address, in: &extensions)
        }
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
        line.items = self.reader.itemIdentifiers(&cursor, from: 8, to: located.segment.elements.count, located)
        cursor.recordLeftovers(at: address, in: &line.extensions)
        self.line = line
    }

    private mutating func closeLine() {
        if let line = self.line { self.lines.append(line) }
        self.line = nil
    }

    private mutating func lineSegment(_ located: X12LocatedSegment) {
        guard var line = self.line else { return }
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
            line.pack = PackDetails(
                pack: self.reader.decimal(&cursor, 1, located), size: self.reader.decimal(&cursor, 2, located),
                sizeUnit: cursor.text(3).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 3) },
                packagingCode: cursor.text(4))
        case "SDQ": line.destinations += self.reader.destinations(&cursor, located)
        case "SCH": placed = Self.append(self.reader.schedule(&cursor, located), to: &line.schedules)
        case "SAC": placed = Self.append(self.reader.allowanceCharge(&cursor, located), to: &line.allowancesCharges)
        case "REF": line.references.append(self.reader.reference(&cursor, located))
        case "DTM": placed = Self.append(self.reader.qualifiedDate(&cursor, located), to: &line.dates)
        case "N9":
            line.notes.append(self.reader.note(&cursor, located))
            self.scope = .lineNote(line.notes.count - 1)
        case "N1":
            line.parties.append(self.reader.party(&cursor, located))
            self.scope = .lineParty(line.parties.count - 1)
        default: placed = false
        }
        Self.record(cursor, placed: placed, at: address, in: &line.extensions)
    }
}
