import Orders
import X12

/// The state of decoding one 855: where in the set the next segment falls, and what has been built so far.
///
/// The header (but its BAK), its N9 and N1 loops and the summary are read as in an 850, by
/// ``X12DocumentHeaderState`` (FOB, SAC, ITD and TD5 kept whole); a PO1 loop holds the echoed line, and each ACK in it
/// opens an ACK loop (with its DTMs) that becomes one ``ItemStatus``. The first `CTP*CUP` of a PO1 loop is the
/// confirmed price of its first price-changing status (IP, IC, IE).
struct X12OrderAcknowledgmentAssembler {
    /// Where the segments being read belong.
    private enum Scope {
        case header
        case line
        case lineNote(Int)
        case lineParty(Int)
        /// An ACK loop: the status it made and the ACK's address.
        case acknowledgment(Int, String)
        case summary
    }

    static let noteMembers = X12DocumentHeaderState.noteMembers
    static let linePartyMembers = X12DocumentHeaderState.linePartyMembers

    var implementationReference: String?
    private var reader: X12SegmentReader
    private var scope = Scope.header
    private var header: X12DocumentHeaderState
    private var lineCounts = X12OccurrenceCounts()
    private var sawBAK = false

    private var purpose: Purpose?
    private var acknowledgmentType: AcknowledgmentType?
    private var orderNumber: String?
    private var orderDate: CalendarDate?
    private var releaseNumber: String?
    private var contractNumber: String?
    private var sellerOrderNumber: String?
    private var acknowledgmentDate: CalendarDate?
    private var lines: [AcknowledgmentLine] = []
    private var line: AcknowledgmentLine?
    /// The first `CTP*CUP` of the open line, waiting for its status.
    private var pendingPrice: (located: X12LocatedSegment, address: String, price: DecimalNumber)?

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.header = X12DocumentHeaderState(envelope: envelope, readsTerms: true)
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let id = located.segment.id
        if id == "PO1" {
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
        case .line, .lineNote, .lineParty, .acknowledgment: self.lineSegment(located)
        case .header: self.headerSegment(located)
        }
    }

    private var inSummary: Bool {
        if case .summary = self.scope { return true }
        return false
    }

    mutating func finish() -> X12OrderAcknowledgmentDecoding {
        self.closeLine()
        guard self.sawBAK, let orderNumber = self.orderNumber else {
            if !self.sawBAK {
                self.reader.finding(.error, .mandatorySegmentMissing, "the 855 has no BAK segment", nil, nil)
            }
            return X12OrderAcknowledgmentDecoding(acknowledgment: nil, findings: self.reader.findings)
        }
        let header = self.header
        let acknowledgment = OrderAcknowledgment(
            envelope: header.envelope, purpose: self.purpose ?? .original,
            acknowledgmentType: self.acknowledgmentType ?? "", orderNumber: orderNumber,
            orderDate: self.orderDate.map { DateTime(date: $0) }, releaseNumber: self.releaseNumber,
            contractNumber: self.contractNumber, sellerOrderNumber: self.sellerOrderNumber,
            acknowledgmentDate: self.acknowledgmentDate.map { DateTime(date: $0) }, currency: header.currency,
            dates: header.dates, parties: header.parties, contacts: header.contacts, references: header.references,
            notes: header.notes, lines: self.lines, totals: header.totals, extensions: header.extensions,
            paymentTerms: header.paymentTerms, fob: header.fob, carriers: header.carriers,
            allowancesCharges: header.allowancesCharges, salesRequirements: header.salesRequirements)
        return X12OrderAcknowledgmentDecoding(acknowledgment: acknowledgment, findings: self.reader.findings)
    }

    // MARK: Header

    /// BAK (the first) here; every other header segment in ``X12DocumentHeaderState``.
    private mutating func headerSegment(_ located: X12LocatedSegment) {
        guard !self.header.process(located, reader: &self.reader) else { return }
        let address = self.header.address(of: located)
        var cursor = X12ElementCursor(located.segment)
        let placed = located.segment.id == "BAK" && address.hasSuffix("[1]")
        if placed { self.beginning(&cursor, located) }
        X12DocumentHeaderState.record(cursor, placed: placed, at: address, in: &self.header.extensions)
    }

    private mutating func beginning(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) {
        self.sawBAK = true
        self.purpose = cursor.text(1).map { self.reader.coded(X12Codes.purpose, $0, located, 1) }
        self.acknowledgmentType = cursor.text(2).map {
            self.reader.coded(X12OrderAcknowledgmentCodes.acknowledgmentType, $0, located, 2)
        }
        self.orderNumber = cursor.text(3)
        self.orderDate = self.reader.date(&cursor, 4, located)
        self.releaseNumber = cursor.text(5)
        self.contractNumber = cursor.text(7)
        self.sellerOrderNumber = cursor.text(8)
        self.acknowledgmentDate = self.reader.date(&cursor, 9, located)
        if self.acknowledgmentType == nil {
            self.reader.finding(.error, .mandatoryElementMissing, "BAK02 (acknowledgment type) is missing", located, 2)
        }
        if self.orderNumber == nil {
            self.reader.finding(
                .error, .mandatoryElementMissing, "BAK03 (purchase order number) is missing", located, 3)
        }
        if self.orderDate == nil, cursor.peek(4) == nil {
            self.reader.finding(.error, .mandatoryElementMissing, "BAK04 (purchase order date) is missing", located, 4)
        }
    }

    // MARK: Detail

    private mutating func startLine(_ located: X12LocatedSegment) {
        var cursor = X12ElementCursor(located.segment)
        let address = X12SegmentReader.occurrence(&self.lineCounts, "", "PO1")
        var line = AcknowledgmentLine(
            lineNumber: cursor.text(1), quantity: self.reader.decimal(&cursor, 2, located),
            unit: cursor.text(3).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 3) },
            unitPrice: self.reader.decimal(&cursor, 4, located),
            priceBasis: cursor.text(5).map { self.reader.coded(X12Codes.priceBasis, $0, located, 5) })
        line.items = self.reader.itemIdentifiers(&cursor, from: 6, to: located.segment.elementCount, located)
        cursor.recordLeftovers(at: address, in: &line.extensions)
        self.line = line
    }

    private mutating func closeLine() {
        guard var line = self.line.take() else { return }
        if let pending = self.pendingPrice {
            var cursor = X12ElementCursor(pending.located.segment)
            if let index = line.statuses.firstIndex(where: {
                X12OrderAcknowledgmentCodes.priceStatuses.contains($0.status) && $0.unitPrice == nil
            }) {
                cursor.take(2)
                cursor.take(3)
                line.statuses[index].unitPrice = pending.price
                cursor.recordLeftovers(at: pending.address, in: &line.extensions)
            } else {
                cursor.recordWhole(at: pending.address, in: &line.extensions)
            }
        }
        self.pendingPrice = nil
        self.lines.append(line)
        self.line = nil
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
        case .acknowledgment(let index, let ack) where id == "DTM":
            let address = X12SegmentReader.occurrence(&self.lineCounts, ack + "/", id)
            var cursor = X12ElementCursor(located.segment)
            guard let date = self.reader.qualifiedDate(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &line.extensions)
            }
            line.statuses[index].dates.append(date)
            cursor.recordLeftovers(at: address, in: &line.extensions)
            return
        default: self.scope = .line
        }
        let address = X12SegmentReader.occurrence(&self.lineCounts, "", id)
        var cursor = X12ElementCursor(located.segment)
        switch id {
        case "ACK":
            guard let status = self.status(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &line.extensions)
            }
            line.statuses.append(status)
            self.scope = .acknowledgment(line.statuses.count - 1, address)
        case "CTP" where self.pendingPrice == nil && cursor.peek(2) == "CUP":
            guard let text = cursor.peek(3), let price = X12Text.decimal(text) else {
                return cursor.recordWhole(at: address, in: &line.extensions)
            }
            // Placed when the line closes, once its statuses are known.
            self.pendingPrice = (located.kept(), address, price)
            return
        case "PID":
            guard let text = cursor.peek(5) else { return cursor.recordWhole(at: address, in: &line.extensions) }
            cursor.take(5)
            cursor.take(1, ifEqualTo: "F")
            line.descriptions.append(ItemDescription(text, language: cursor.text(9)))
        case "REF": line.references.append(self.reader.reference(&cursor, located))
        case "DTM":
            guard let date = self.reader.qualifiedDate(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &line.extensions)
            }
            line.dates.append(date)
        case "N9":
            line.notes.append(self.reader.note(&cursor, located))
            self.scope = .lineNote(line.notes.count - 1)
        case "N1":
            line.parties.append(self.reader.party(&cursor, located))
            self.scope = .lineParty(line.parties.count - 1)
        default: return cursor.recordWhole(at: address, in: &line.extensions)
        }
        cursor.recordLeftovers(at: address, in: &line.extensions)
    }

    /// ACK: status, quantity and unit, ACK04/ACK05 as the first date, ACK07–ACK26 as substitute items.
    private mutating func status(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> ItemStatus? {
        guard let code = cursor.text(1) else { return nil }
        var status = ItemStatus(status: self.reader.coded(X12OrderAcknowledgmentCodes.itemStatus, code, located, 1))
        status.quantity = self.reader.decimal(&cursor, 2, located)
        status.unit = cursor.text(3).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 3) }
        if let kind = cursor.peek(4), let text = cursor.peek(5), let date = X12Text.date(text) {
            cursor.take(4)
            cursor.take(5)
            status.dates.append(QualifiedDate(self.reader.coded(X12Codes.dateKind, kind, located, 4), date))
        }
        status.items = self.reader.itemIdentifiers(&cursor, from: 7, to: 26, located)
        return status
    }

}
