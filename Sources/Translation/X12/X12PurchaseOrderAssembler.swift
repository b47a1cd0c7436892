import Orders
import X12

/// The state of decoding one 850: where in the set the next segment falls, and what has been built so far.
///
/// The header (but its BEG), its N9 and N1 loops and the summary are read by ``X12DocumentHeaderState``.
struct X12PurchaseOrderAssembler {
    /// Where the segments being read belong.
    private enum Scope {
        case header
        case line
        case lineNote(Int)
        case lineParty(Int)
        case summary
    }

    static let noteMembers = X12DocumentHeaderState.noteMemberCodes
    static let linePartyMembers = X12DocumentHeaderState.linePartyMemberCodes

    var implementationReference: String?
    private var reader: X12SegmentReader
    private var scope = Scope.header
    private var header: X12DocumentHeaderState
    private var lineCounts = X12OccurrenceCounts()
    private var sawBEG = false

    private var purpose: Purpose?
    private var orderType: OrderType?
    private var number: String?
    private var releaseNumber: String?
    private var blanketOrderNumber: String?
    private var contractNumber: String?
    private var orderDate: CalendarDate?
    /// The lines read so far; while `lineOpen`, the last is the open line, built in place (``line``).
    private var lines: [PurchaseOrderLine] = []
    /// Whether the last of `lines` is still being read (a PO1 opened it; the next PO1 or the CTT closes it).
    private var lineOpen = false

    /// The open line, changed where it lies in `lines`: a line kept in an optional and moved into the array when it
    /// closed was copied (~380 bytes) for every segment and once more at the end. Read only while `lineOpen`.
    private var line: PurchaseOrderLine {
        _read { yield self.lines[self.lines.count - 1] }
        _modify { yield &self.lines[self.lines.count - 1] }
    }

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.header = X12DocumentHeaderState(envelope: envelope, readsTerms: true)
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    /// Reserves room for `count` lines before the first: a first capacity from the interchange's previous order.
    /// Grown by doubling from one line, the array copied its lines (~380 bytes each) about once more an order (~1
    /// instruction per byte of X12).
    mutating func reserveLines(_ count: Int) {
        self.lines.reserveCapacity(count)
    }

    /// The number of lines read so far (the order's, once finished).
    var lineCount: Int { self.lines.count }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let code = located.segment.code
        if code == X12SegmentCode.po1 {
            self.closeLine()
            self.lineCounts.removeAll()
            self.scope = .line
            self.startLine(located)
            return
        }
        if code == X12SegmentCode.ctt, !self.inSummary {
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

    mutating func finish() -> X12PurchaseOrderDecoding {
        // One result made from the order (its findings read after it: finishing may add one), the header's fields
        // read in place rather than from a copy of the whole header state. (Measured neutral: the result is still
        // copied once by the compiler.)
        X12PurchaseOrderDecoding(order: self.finishOrder(), findings: self.reader.findings)
    }

    private mutating func finishOrder() -> PurchaseOrder? {
        self.closeLine()
        // The room reserved from an earlier, larger order (``reserveLines(_:)``) is not kept with a much smaller
        // one: a caller that holds many orders of one file (the gateway plans a file's orders together) would
        // otherwise hold up to 2,048 lines' room for each, whatever its size.
        if self.lines.capacity > 2 * self.lines.count + 16 {
            var kept: [PurchaseOrderLine] = []
            kept.reserveCapacity(self.lines.count)
            kept.append(contentsOf: self.lines)
            self.lines = kept
        }
        guard self.sawBEG, let number = self.number, let orderDate = self.orderDate else {
            if !self.sawBEG {
                self.reader.finding(.error, .mandatorySegmentMissing, "the 850 has no BEG segment", nil, nil)
            }
            return nil
        }
        return PurchaseOrder(
            envelope: self.header.envelope, purpose: self.purpose ?? .original, orderType: self.orderType ?? "",
            number: number, releaseNumber: self.releaseNumber, blanketOrderNumber: self.blanketOrderNumber,
            contractNumber: self.contractNumber, orderDate: DateTime(date: orderDate), currency: self.header.currency,
            dates: self.header.dates, parties: self.header.parties, contacts: self.header.contacts,
            references: self.header.references, paymentTerms: self.header.paymentTerms, fob: self.header.fob,
            carriers: self.header.carriers, allowancesCharges: self.header.allowancesCharges,
            notes: self.header.notes, lines: self.lines, totals: self.header.totals,
            extensions: self.header.extensions, salesRequirements: self.header.salesRequirements)
    }

    // MARK: Header

    /// BEG (the first) here; every other header segment in ``X12DocumentHeaderState``.
    private mutating func headerSegment(_ located: X12LocatedSegment) {
        guard !self.header.process(located, reader: &self.reader) else { return }
        let occurrence = self.header.occurrence(of: located.segment)
        var cursor = X12ElementCursor(located.segment)
        let placed = located.segment.code == X12SegmentCode.beg && occurrence == 1
        if placed { self.beginning(&cursor, located) }
        X12DocumentHeaderState.record(cursor, placed: placed, occurrence: occurrence, in: &self.header.extensions)
    }

    private mutating func beginning(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) {
        self.sawBEG = true
        self.purpose = cursor.text(1).map { self.reader.coded(X12Codes.purpose, $0, located, 1) }
        self.orderType = cursor.text(2).map { self.reader.coded(X12Codes.orderType, $0, located, 2) }
        self.number = cursor.text(3)
        self.releaseNumber = cursor.text(4)
        self.orderDate = self.reader.date(&cursor, 5, located)
        if let agreement = cursor.text(6) {
            if self.orderType == .release {
                self.blanketOrderNumber = agreement
            } else {
                self.contractNumber = agreement
            }
        }
        if self.number == nil {
            self.reader.finding(
                .error, .mandatoryElementMissing, "BEG03 (purchase order number) is missing", located, 3)
        }
        if self.orderDate == nil, cursor.peek(5) == nil {
            self.reader.finding(.error, .mandatoryElementMissing, "BEG05 (purchase order date) is missing", located, 5)
        }
    }

    // MARK: Detail

    private mutating func startLine(_ located: X12LocatedSegment) {
        // The usual line, every element typed, read in one pass over the view's bytes. (PO1's own occurrence count
        // is not needed: PO1 clears the counts and is never counted under a line.)
        if let elements = located.segment.simpleElements, self.appendQuickLine(elements) {
            self.lineOpen = true
            return
        }
        var cursor = X12ElementCursor(located.segment)
        let occurrence = self.lineCounts.next(located.segment)
        let lineNumber = cursor.text(1)
        let quantity = self.reader.decimal(&cursor, 2, located)
        if quantity == nil {
            self.reader.finding(
                .warning, .mandatoryElementMissing, "PO102 (quantity) is missing; 0 assumed", located, 2)
        }
        let unit = self.reader.coded(X12Codes.unitOfMeasure, &cursor, 3, located) ?? ""
        let price = self.reader.decimal(&cursor, 4, located)
        let basis = self.reader.coded(X12Codes.priceBasis, &cursor, 5, located)
        let items = self.reader.itemIdentifiers(&cursor, from: 6, to: located.segment.elementCount, located)
        // Made in place (no local copy moved in afterwards).
        self.lines.append(
            PurchaseOrderLine(
                lineNumber: lineNumber, quantity: quantity ?? 0, unit: unit, unitPrice: price, priceBasis: basis,
                items: items))
        self.lineOpen = true
        if cursor.mayHaveLeftovers {
            cursor.recordLeftovers(at: X12ExtensionAddress.segment("", "PO1", occurrence), in: &self.line.extensions)
        }
    }

    private mutating func closeLine() {
        self.lineOpen = false
    }

    private mutating func lineSegment(_ located: X12LocatedSegment) {
        guard self.lineOpen else { return }
        let segment = located.segment
        let code = segment.code
        switch self.scope {
        case .lineNote(let index) where Self.noteMembers.contains(code):
            // Taken out of `lines` (a move): two of its fields are changed at once.
            var line = self.lines.removeLast()
            defer { self.lines.append(line) }
            let address = X12SegmentReader.occurrence(&self.lineCounts, "N9[\(index + 1)]/", segment)
            self.reader.noteMember(located, address: address, note: &line.notes[index], extensions: &line.extensions)
            return
        case .lineParty(let index) where Self.linePartyMembers.contains(code):
            // Taken out of `lines` (a move): two of its fields are changed at once.
            var line = self.lines.removeLast()
            defer { self.lines.append(line) }
            self.reader.partyMember(
                located, path: "N1[\(index + 1)]/", counts: &self.lineCounts, party: &line.parties[index],
                extensions: &line.extensions)
            return
        default: self.scope = .line
        }
        // The address is made only when something goes to extensions (rarely): the occurrence is what is counted.
        let occurrence = self.lineCounts.next(segment)
        if self.quickSegment(code, segment, isFirst: occurrence == 1) { return }
        var address: String { X12ExtensionAddress.segment("", segment.id, occurrence) }
        var cursor = X12ElementCursor(segment)
        // The line is changed in place (`self.line`), not copied out and back for every segment.
        switch code {
        case X12SegmentCode.pid:
            guard let text = cursor.peek(5) else { return cursor.recordWhole(at: address, in: &self.line.extensions) }
            cursor.take(5)
            cursor.take(1, ifEqualTo: "F" as StaticString)
            self.line.descriptions.append(ItemDescription(text, language: cursor.text(9)))
        case X12SegmentCode.po4 where occurrence == 1:
            self.line.pack = self.reader.pack(&cursor, located)
        case X12SegmentCode.sdq:
            self.line.destinations.add(contentsOf: self.reader.destinations(&cursor, located))
        case X12SegmentCode.sch:
            guard let schedule = self.reader.schedule(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &self.line.extensions)
            }
            self.line.schedules.append(schedule)
        case X12SegmentCode.sac:
            guard let charge = self.reader.allowanceCharge(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &self.line.extensions)
            }
            self.line.allowancesCharges.append(charge)
        case X12SegmentCode.ref: self.line.references.append(self.reader.reference(&cursor, located))
        case X12SegmentCode.dtm:
            guard let date = self.reader.qualifiedDate(&cursor, located) else {
                return cursor.recordWhole(at: address, in: &self.line.extensions)
            }
            self.line.dates.append(date)
        case X12SegmentCode.n9:
            self.line.notes.append(self.reader.note(&cursor, located))
            self.scope = .lineNote(self.line.notes.count - 1)
        case X12SegmentCode.n1:
            self.line.parties.append(self.reader.party(&cursor, located))
            self.scope = .lineParty(self.line.parties.count - 1)
        default: return cursor.recordWhole(at: address, in: &self.line.extensions)
        }
        if cursor.mayHaveLeftovers { cursor.recordLeftovers(at: address, in: &self.line.extensions) }
    }
}

// MARK: Fast paths

extension X12PurchaseOrderAssembler {
    /// PID, the first PO4, SDQ and DTM of the open line read in one pass over the view's bytes (before any cursor is
    /// made); false, with nothing changed, when the general path must read the segment.
    private mutating func quickSegment(_ code: UInt32, _ segment: X12SegmentInput, isFirst: Bool) -> Bool {
        switch code {
        case X12SegmentCode.pid:
            guard let elements = segment.simpleElements, let description = Self.quickDescription(elements) else {
                return false
            }
            self.line.descriptions.add(description)
        case X12SegmentCode.po4 where isFirst:
            guard let elements = segment.simpleElements, Self.quickPack(elements, into: &self.line.pack) else {
                return false
            }
        case X12SegmentCode.sdq:
            guard let elements = segment.simpleElements, let destinations = Self.quickDestinations(elements) else {
                return false
            }
            self.line.destinations.add(contentsOf: destinations)
        case X12SegmentCode.dtm:
            guard let elements = segment.simpleElements, let date = elements.qualifiedDate() else { return false }
            self.line.dates.append(date)
        default: return false
        }
        return true
    }
}

/// The usual PO1, PID and PO4 read straight from the view's bytes: each takes a segment only when every non-empty
/// element goes to a typed field without a finding (canonical numbers, codes Porter names, item identifiers in
/// pairs), so the general path would record nothing in `extensions`; `nil` (or `false`) sends the segment to the
/// general path.
extension X12PurchaseOrderAssembler {
    /// Appends the line the usual PO1 opens; false, with nothing appended, when the general path must read it. The
    /// line is made in the `append` call: returned as an optional, the ~380-byte line was copied about six times.
    private mutating func appendQuickLine(_ elements: X12SimpleElements) -> Bool {
        let count = elements.count
        guard let quantityElement = elements.decimal(2), let quantity = quantityElement,
            let unitElement = elements.named(X12Codes.unitOfMeasure, 3), let unit = unitElement,
            let price = elements.decimal(4), let basis = elements.named(X12Codes.priceBasis, 5)
        else { return false }
        // (Reserving capacity costs ~320 instructions, less than growing; an uninitialized array or three optionals
        // cost more.)
        var items: [ItemIdentifier] = []
        items.reserveCapacity(max(0, (count - 5) / 2))
        var position = 6
        while position < count {
            let qualifier = elements[position]
            let value = elements[position + 1]
            position += 2
            if qualifier.isEmpty && value.isEmpty { continue }
            guard !value.isEmpty, let kind = X12Codes.itemIdentifierKind.namedValue(qualifier) else { return false }
            items.append(ItemIdentifier(kind, ASCIIText.string(value)))
        }
        // An element left without its pair (PO1 with an even count) would go to extensions.
        guard position > count || elements[count].isEmpty else { return false }
        self.lines.append(
            PurchaseOrderLine(
                lineNumber: elements.text(1), quantity: quantity, unit: unit, unitPrice: price, priceBasis: basis,
                items: items))
        return true
    }

    /// PID with its description in PID05, PID01 empty or `F`, an optional language in PID09 and nothing else.
    static func quickDescription(_ elements: X12SimpleElements) -> ItemDescription? {
        guard let text = elements.text(5) else { return nil }
        let kind = elements[1]
        guard kind.isEmpty || (kind.count == 1 && kind[0] == UInt8(ascii: "F")) else { return nil }
        guard elements[2].isEmpty, elements[3].isEmpty, elements[4].isEmpty, elements[6].isEmpty, elements[7].isEmpty,
            elements[8].isEmpty, elements.isEmpty(from: 10)
        else { return nil }
        return ItemDescription(text, language: elements.text(9))
    }

    /// SDQ with a unit and a qualifier Porter names and location/quantity pairs (canonical quantities) up to SDQ22.
    static func quickDestinations(_ elements: X12SimpleElements) -> [DestinationQuantity]? {
        guard let unitElement = elements.named(X12Codes.unitOfMeasure, 1), let unit = unitElement,
            let qualifierElement = elements.named(X12Codes.partyIdentifierQualifier, 2),
            let qualifier = qualifierElement, elements.isEmpty(from: 23)
        else { return nil }
        var result: [DestinationQuantity] = []
        result.reserveCapacity(min(10, max(0, (elements.count - 1) / 2)))
        for position in stride(from: 3, through: 21, by: 2) {
            guard let quantityElement = elements.decimal(position + 1) else { return nil }
            let location = elements.text(position)
            switch (location, quantityElement) {
            case (nil, nil): continue
            case (let location?, let quantity?):
                result.append(
                    DestinationQuantity(location: PartyIdentifier(qualifier, location), quantity: quantity, unit: unit))
            default: return nil
            }
        }
        return result
    }

    /// PO4 with canonical numbers, units Porter names and nothing past PO414, stored in `pack` (made there, not
    /// returned as an optional and copied again); false, with `pack` unchanged, otherwise.
    static func quickPack(_ elements: X12SimpleElements, into pack: inout PackDetails?) -> Bool {
        guard let packCount = elements.decimal(1), let size = elements.decimal(2),
            let sizeUnit = elements.named(X12Codes.unitOfMeasure, 3),
            let weight = elements.decimal(6), let weightUnit = elements.named(X12Codes.unitOfMeasure, 7),
            let volume = elements.decimal(8), let volumeUnit = elements.named(X12Codes.unitOfMeasure, 9),
            let length = elements.decimal(10), let width = elements.decimal(11), let height = elements.decimal(12),
            let dimensionUnit = elements.named(X12Codes.unitOfMeasure, 13), let innerPack = elements.decimal(14),
            elements.isEmpty(from: 15)
        else { return false }
        pack = PackDetails(
            pack: packCount, size: size, sizeUnit: sizeUnit, packagingCode: elements.text(4),
            weightQualifier: elements.text(5), weight: weight, weightUnit: weightUnit, volume: volume,
            volumeUnit: volumeUnit, length: length, width: width, height: height, dimensionUnit: dimensionUnit,
            innerPack: innerPack)
        return true
    }
}

/// The segments an 850 and an 860 share beyond ``X12SegmentReader``'s own: FOB, SAC, ITD, TD5, SDQ and SCH.
extension X12SegmentReader {

    mutating func fobTerms(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> FOBTerms? {
        guard let code = cursor.text(1) else { return nil }
        var terms = FOBTerms(paymentMethod: self.coded(X12Codes.shipmentPaymentMethod, code, located, 1))
        terms.locationQualifier = cursor.text(2)
        terms.locationDescription = cursor.text(3)
        if cursor.peek(4) == "01", let incoterms = cursor.peek(5) {
            cursor.take(4)
            cursor.take(5)
            terms.incoterms = incoterms
        }
        return terms
    }

    mutating func allowanceCharge(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment
    ) -> AllowanceCharge? {
        guard let indicator = cursor.text(1) else { return nil }
        var charge = AllowanceCharge(
            indicator: self.coded(X12Codes.allowanceChargeIndicator, indicator, located, 1))
        charge.code = cursor.text(2)
        if let text = cursor.peek(5), let amount = X12Text.implied(text, decimals: 2) {
            cursor.take(5)
            charge.amount = amount
        }
        if cursor.peek(6) == nil { charge.percent = self.decimal(&cursor, 7, located) }
        charge.rate = self.decimal(&cursor, 8, located)
        charge.unit = cursor.text(9).map { self.coded(X12Codes.unitOfMeasure, $0, located, 9) }
        charge.quantity = self.decimal(&cursor, 10, located)
        charge.handling = cursor.text(12)
        charge.reference = cursor.text(13)
        charge.description = cursor.text(15)
        return charge
    }

    mutating func terms(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> PaymentTerms {
        var terms = PaymentTerms()
        terms.termsType = cursor.text(1).map { self.coded(X12Codes.paymentTermsType, $0, located, 1) }
        terms.basisDate = cursor.text(2).map { self.coded(X12Codes.termsBasisDate, $0, located, 2) }
        terms.discountPercent = self.decimal(&cursor, 3, located)
        terms.discountDueDate = self.date(&cursor, 4, located)
        terms.discountDays = self.integer(&cursor, 5, located)
        terms.netDueDate = self.date(&cursor, 6, located)
        terms.netDays = self.integer(&cursor, 7, located)
        if let text = cursor.peek(8), let amount = X12Text.implied(text, decimals: 2) {
            cursor.take(8)
            terms.discountAmount = amount
        }
        terms.description = cursor.text(12)
        return terms
    }

    mutating func carrier(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> CarrierRouting {
        var routing = CarrierRouting(routingSequence: cursor.text(1))
        if let qualifier = cursor.peek(2), let code = cursor.peek(3) {
            cursor.take(2)
            cursor.take(3)
            routing.carrier = PartyIdentifier(
                self.coded(X12Codes.partyIdentifierQualifier, qualifier, located, 2), code)
        }
        routing.transportMethod = cursor.text(4).map { self.coded(X12Codes.transportMethod, $0, located, 4) }
        routing.carrierName = cursor.text(5)
        for position in 12...14 {
            guard let code = cursor.peek(position) else { break }
            cursor.take(position)
            routing.serviceLevels.append(self.coded(X12Codes.serviceLevel, code, located, position))
        }
        return routing
    }

    mutating func destinations(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment
    ) -> [DestinationQuantity] {
        let unit = self.coded(X12Codes.unitOfMeasure, &cursor, 1, located) ?? ""
        let qualifier = self.coded(X12Codes.partyIdentifierQualifier, &cursor, 2, located) ?? ""
        var result: [DestinationQuantity] = []
        result.reserveCapacity(min(10, max(0, (cursor.segment.elementCount - 1) / 2)))
        for position in stride(from: 3, through: 21, by: 2) {
            guard let location = cursor.peek(position), let quantity = Self.decimalValue(cursor.segment, position + 1)
            else { continue }
            cursor.take(position)
            cursor.take(position + 1)
            result.append(
                DestinationQuantity(location: PartyIdentifier(qualifier, location), quantity: quantity, unit: unit))
        }
        return result
    }

    mutating func schedule(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> ScheduleLine? {
        guard let quantity = Self.decimalValue(cursor.segment, 1) else { return nil }
        cursor.take(1)
        let unit = self.coded(X12Codes.unitOfMeasure, &cursor, 2, located) ?? ""
        var schedule = ScheduleLine(quantity: quantity, unit: unit, dates: [])
        for start in [5, 8] {
            guard let code = cursor.peek(start), let text = cursor.peek(start + 1), let date = X12Text.date(text)
            else { continue }
            cursor.take(start)
            cursor.take(start + 1)
            var time: TimeOfDay?
            if let text = cursor.peek(start + 2), let value = X12Text.time(text) {
                cursor.take(start + 2)
                time = value
            }
            schedule.dates.append(
                QualifiedDate(self.coded(X12Codes.dateKind, code, located, start), date, time: time))
        }
        schedule.reference = cursor.text(11)
        schedule.lineNumber = cursor.text(12)
        return schedule
    }
}
