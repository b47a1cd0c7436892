import Orders
import X12

/// Writes the segments of one 850, laying what `extensions` kept over the typed values.
///
/// Its loops (N9, N1), PO1, CTT and segment writing are shared with ``X12OrderAcknowledgmentEmitter``.
struct X12SegmentEmitter {
    var index: X12ExtensionAddress.Index
    let usesMTX: Bool
    /// The standard place of each segment of the area being written (header or line), from ``beginArea(_:typed:)``.
    private var areaOrder: [String: Int] = [:]
    /// The segment identifiers the area writes from typed fields.
    private var areaTyped: Set<String> = []
    /// The addresses of the area's segments kept whole that were written already.
    private var keptWritten: Set<String> = []
    /// The codes of the previous line's units and item kinds.
    var lineCodes = X12LineCodes()

    init(index: X12ExtensionAddress.Index, usesMTX: Bool) {
        self.index = index
        self.usesMTX = usesMTX
    }

    /// The standard segment order of an 850 header (after ST), from DOMAIN.md's table.
    static let headerOrder = [
        "BEG", "CUR", "REF", "PER", "TAX", "FOB", "CTP", "PAM", "CSH", "TC2", "SAC", "ITD", "DIS", "INC", "DTM", "LDT",
        "LIN", "SI", "PID", "MEA", "PWK", "PKG", "TD1", "TD5", "TD3", "TD4", "MAN", "PCT", "CTB", "G53", "TXI", "AMT",
        "N9", "N1", "LM", "SPI", "ADV",
    ]
    /// The standard segment order of an 850 PO1 loop.
    static let lineOrder = [
        "PO1", "LIN", "SI", "CUR", "CN1", "PO3", "CTP", "PAM", "MEA", "PID", "PWK", "PKG", "PO4", "REF", "PER", "SAC",
        "IT8", "CSH", "ITD", "DIS", "INC", "TAX", "FOB", "SDQ", "IT3", "DTM", "TC2", "TD1", "TD5", "TD3", "TD4", "PCT",
        "MAN", "MSG", "SPI", "TXI", "CTB", "QTY", "SCH", "PKG", "LS", "LDT", "LE", "N9", "N1", "SLN", "AMT", "LM",
    ]

    static let headerTyped: Set<String> = [
        "BEG", "CUR", "REF", "PER", "FOB", "CSH", "SAC", "ITD", "DTM", "TD5", "N9", "N1",
    ]
    static let partyTyped: Set<String> = ["N2", "N3", "N4", "REF", "PER"]
    static let lineTyped: Set<String> = ["PO1", "PID", "PO4", "REF", "SAC", "SDQ", "DTM", "SCH", "N9", "N1"]

    // MARK: Areas

    /// Starts writing an area (a header or one line): segments kept whole with no typed place are written back
    /// before the first typed segment whose standard place (`order`) follows theirs, instead of all together.
    mutating func beginArea(_ order: [String], typed: Set<String>) {
        guard !self.index.isEmpty else {  // nothing kept aside: no places to look up
            self.areaOrder = [:]
            self.areaTyped = []
            self.keptWritten = []
            return
        }
        self.areaOrder = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.areaTyped = typed
        self.keptWritten = []
    }

    /// Writes the area's segments kept whole (with no typed place) whose standard place comes before `id`'s.
    mutating func writeKept(before id: String, to writer: inout X12Writer) throws(X12Error) {
        guard !self.index.isEmpty, let rank = self.areaOrder[id] else { return }
        for kept in self.keptInArea() where (self.areaOrder[kept.id] ?? Int.max) < rank {
            try self.emit(kept.id, self.index.overlay([], at: kept.address), to: &writer)
            self.keptWritten.insert(kept.address)
        }
    }

    /// The area's segments kept whole with no typed place and not yet written, in standard order.
    private func keptInArea() -> [(id: String, occurrence: Int, address: String)] {
        self.index.wholeSegments(under: "")
            .filter { !self.areaTyped.contains($0.id) && !self.keptWritten.contains($0.address) }
            .sorted {
                (self.areaOrder[$0.id] ?? Int.max, $0.occurrence) < (self.areaOrder[$1.id] ?? Int.max, $1.occurrence)
            }
    }

    mutating func header(_ order: PurchaseOrder, to writer: inout X12Writer) throws(X12Error) {
        if self.index.isEmpty { return try self.directHeader(order, to: &writer) }
        self.beginArea(Self.headerOrder, typed: Self.headerTyped)
        try self.series("", "BEG", [X12ElementTexts.collect { Self.beginning(order, into: &$0) }], to: &writer)
        try self.series("", "CUR", order.currency.map { [["BY", $0.rawValue]] } ?? [], to: &writer)
        try self.series("", "REF", order.references.map(Self.reference), to: &writer)
        try self.series("", "PER", order.contacts.map(Self.contact), to: &writer)
        try self.series("", "FOB", order.fob.map { [Self.fob($0)] } ?? [], to: &writer)
        try self.series("", "CSH", order.salesRequirements.map { [X12Codes.salesRequirement.code($0)] }, to: &writer)
        try self.series("", "SAC", order.allowancesCharges.map(Self.allowanceCharge), to: &writer)
        try self.series("", "ITD", order.paymentTerms.map(Self.terms), to: &writer)
        try self.series("", "DTM", order.dates.map(Self.date), to: &writer)
        try self.series("", "TD5", order.carriers.map(Self.carrier), to: &writer)
        try self.unplaced(under: "", except: Self.headerTyped, to: &writer)
        try self.notes(order.notes, to: &writer)
        try self.parties(order.parties, to: &writer)
    }

    mutating func line(_ line: PurchaseOrderLine, to writer: inout X12Writer) throws(X12Error) {
        if self.index.isEmpty {
            return try withUnsafePointer(to: line) { (line) throws(X12Error) in try self.directLine(line, to: &writer) }
        }
        self.beginArea(Self.lineOrder, typed: Self.lineTyped)
        let po1 = withUnsafePointer(to: line) { line in
            X12ElementTexts.collect { Self.lineItem(line, codes: &self.lineCodes, into: &$0) }
        }
        try self.po1(po1, items: line.items, to: &writer)
        try self.series(
            "", "PID", line.descriptions.map { ["F", nil, nil, nil, $0.text, nil, nil, nil, $0.language] },
            to: &writer)
        try self.series("", "PO4", line.pack.map { [Self.pack($0)] } ?? [], to: &writer)
        try self.series("", "REF", line.references.map(Self.reference), to: &writer)
        try self.series("", "SAC", line.allowancesCharges.map(Self.allowanceCharge), to: &writer)
        try self.series("", "SDQ", Self.destinations(line.destinations), to: &writer)
        try self.series("", "DTM", line.dates.map(Self.date), to: &writer)
        try self.series("", "SCH", line.schedules.map(Self.schedule), to: &writer)
        try self.unplaced(under: "", except: Self.lineTyped, to: &writer)
        try self.notes(line.notes, to: &writer)
        try self.parties(line.parties, to: &writer)
    }

    mutating func summary(_ order: PurchaseOrder, to writer: inout X12Writer) throws(X12Error) {
        try self.totals(order.totals, lineCount: order.lines.count, to: &writer)
    }

    /// PO1 from its first five elements, the items filling the pairs from PO106 on.
    mutating func po1(_ elements: [String?], items: [ItemIdentifier], to writer: inout X12Writer) throws(X12Error) {
        var po1 = elements
        // Items fill the pairs from PO106 on, around any pair kept in extensions (where it was sent).
        let kept = self.index.positions(at: "PO1[1]")
        for item in items {
            while kept.contains(po1.count + 1) || kept.contains(po1.count + 2) { po1 += [nil, nil] }
            po1 += [X12Codes.itemIdentifierKind.code(item.kind), item.value]
        }
        try self.series("", "PO1", [po1], to: &writer)
    }

    /// CTT and `AMT*TT` under it, with what else was kept under CTT.
    ///
    /// An amount needs its CTT (AMT sits in the CTT loop): when the totals give an amount but no count, CTT01 is
    /// `lineCount` (the document's lines, as a cXML order's total arrives).
    mutating func totals(_ totals: OrderTotals?, lineCount: Int? = nil, to writer: inout X12Writer) throws(X12Error) {
        if self.index.isEmpty { return try self.directTotals(totals, lineCount: lineCount, to: &writer) }
        var ctt: [[String?]] = []
        if let totals, totals.lineCount != nil || totals.hashTotal != nil || totals.amount != nil {
            let count = totals.lineCount ?? (totals.hashTotal == nil ? lineCount : nil)
            ctt = [[count.map { String($0) }, totals.hashTotal?.text]]
        }
        try self.series("", "CTT", ctt, to: &writer)
        try self.series("CTT[1]/", "AMT", totals?.amount.map { [["TT", $0.text]] } ?? [], to: &writer)
        try self.unplaced(under: "CTT[1]/", except: ["AMT"], to: &writer)
    }

    // MARK: Loops

    /// The N9 loops, in order.
    mutating func notes(_ notes: [Note], to writer: inout X12Writer) throws(X12Error) {
        if self.index.isEmpty { return try self.directNotes(notes, to: &writer) }
        for (position, note) in notes.enumerated() {
            try self.note(note, address: "N9[\(position + 1)]", to: &writer)
        }
    }

    /// The N1 loops, in order.
    mutating func parties(_ parties: [Party], to writer: inout X12Writer) throws(X12Error) {
        if self.index.isEmpty { return try self.directParties(parties, to: &writer) }
        for (position, party) in parties.enumerated() {
            try self.party(party, address: "N1[\(position + 1)]", to: &writer)
        }
    }

    /// An N9 loop. N9 needs N902 or N903: a note with neither (cXML `Comments` have no title) is titled `NOTES`.
    mutating func note(_ note: Note, address: String, to writer: inout X12Writer) throws(X12Error) {
        let kept = self.index.positions(at: address)
        let title = note.title ?? (kept.contains(2) || kept.contains(3) ? nil : "NOTES")
        try self.emit(
            "N9",
            self.index.overlay(Self.values([X12Codes.noteKind.optionalCode(note.kind) ?? "L1", title]), at: address),
            to: &writer)
        let path = address + "/"
        let id = self.usesMTX ? "MTX" : "MSG"
        try self.series(path, id, note.lines.map { self.usesMTX ? [nil, $0] : [$0] }, to: &writer)
        try self.unplaced(under: path, except: [id], to: &writer)
    }

    mutating func party(_ party: Party, address: String, to writer: inout X12Writer) throws(X12Error) {
        try self.emit(
            "N1", self.index.overlay(Self.values(X12ElementTexts.collect { Self.name(party, into: &$0) }), at: address),
            to: &writer)
        let path = address + "/"
        try self.series(path, "N2", Self.pairs(party.additionalNames), to: &writer)
        try self.series(path, "N3", Self.pairs(party.address?.lines ?? []), to: &writer)
        var n4: [[String?]] = []
        if let postal = party.address,
            postal.city != nil || postal.stateOrProvince != nil || postal.postalCode != nil || postal.country != nil
                || postal.countrySubdivision != nil
        {
            n4 = [X12ElementTexts.collect { Self.place(postal, into: &$0) }]
        }
        try self.series(path, "N4", n4, to: &writer)
        try self.series(path, "REF", party.references.map(Self.reference), to: &writer)
        try self.series(path, "PER", party.contacts.map(Self.contact), to: &writer)
        try self.unplaced(under: path, except: Self.partyTyped, to: &writer)
    }

    // MARK: Writing

    /// Writes the typed occurrences of one segment, with any kept whole in their places.
    mutating func series(
        _ path: String, _ id: String, _ typed: [[String?]], to writer: inout X12Writer
    ) throws(X12Error) {
        if self.index.isEmpty {
            for elements in typed { try self.emit(id, elements, to: &writer) }
            return
        }
        try self.series(path, id, typed.map { elements in { _ in elements } }, to: &writer)
    }

    /// Writes the typed occurrences of one segment, each built knowing which positions `extensions` fills.
    mutating func series(
        _ path: String, _ id: String, _ typed: [(Set<Int>) -> [String?]], to writer: inout X12Writer
    ) throws(X12Error) {
        if self.index.isEmpty {  // nothing kept aside: no addresses to make or look up
            for build in typed { try self.emit(id, build([]), to: &writer) }
            return
        }
        if path.isEmpty { try self.writeKept(before: id, to: &writer) }
        var next = 0
        var occurrence = 1
        while true {
            let address = X12ExtensionAddress.segment(path, id, occurrence)
            if self.index.wholeSegments.contains(address) {
                try self.emit(id, self.index.overlay([], at: address), to: &writer)
            } else if next < typed.count {
                let elements = typed[next](self.index.positions(at: address))
                try self.emit(id, self.index.overlay(Self.values(elements), at: address), to: &writer)
                next += 1
            } else {
                return
            }
            occurrence += 1
        }
    }

    /// Writes the segments kept whole under `path` whose identifiers have no typed place there.
    mutating func unplaced(
        under path: String, except typed: Set<String>, to writer: inout X12Writer
    ) throws(X12Error) {
        guard !self.index.isEmpty else { return }
        if path.isEmpty && !self.areaOrder.isEmpty {
            for kept in self.keptInArea() where !typed.contains(kept.id) {
                try self.emit(kept.id, self.index.overlay([], at: kept.address), to: &writer)
                self.keptWritten.insert(kept.address)
            }
            return
        }
        for kept in self.index.wholeSegments(under: path) where !typed.contains(kept.id) {
            try self.emit(kept.id, self.index.overlay([], at: kept.address), to: &writer)
        }
    }

    func emit(_ id: String, _ elements: [X12Value], to writer: inout X12Writer) throws(X12Error) {
        guard elements.contains(where: { !$0.isEmpty }) else { return }
        try writer.beginSegment(id)
        for element in elements { writer.appendElement(element) }
        try writer.endSegment()
    }

    /// Writes a segment from element texts (`nil` for an empty element); nothing when every element is empty.
    func emit(_ id: String, _ elements: [String?], to writer: inout X12Writer) throws(X12Error) {
        guard elements.contains(where: { $0.map { !$0.isEmpty } ?? false }) else { return }
        try writer.beginSegment(id)
        for element in elements {
            if let element { writer.appendElement(element) } else { writer.appendEmptyElement() }
        }
        try writer.endSegment()
    }

    static func values(_ texts: [String?]) -> [X12Value] { texts.map { .simple($0 ?? "") } }

    // MARK: Segments
    //
    // Each segment is described once, putting its elements into an `X12ElementSink`: an `X12Writer` when nothing is
    // kept aside (written straight, see X12SegmentEmitter+Direct.swift), element texts for the general path.

    static func pairs(_ texts: [String]) -> [[String?]] {
        stride(from: 0, to: texts.count, by: 2).map { Array(texts[$0..<min($0 + 2, texts.count)]) }
    }

    static func reference(_ reference: Reference) -> [String?] {
        X12ElementTexts.collect { Self.reference(reference, into: &$0) }
    }

    static func reference<Sink: X12ElementSink & ~Copyable>(_ reference: Reference, into sink: inout Sink) {
        sink.element(X12Codes.referenceQualifier.code(reference.qualifier))
        sink.element(reference.value)
        sink.element(reference.description)
    }

    /// PER, its communications in the pairs from PER03 on that `extensions` does not fill.
    static func contact(_ contact: Contact) -> (Set<Int>) -> [String?] {
        { kept in X12ElementTexts.collect { Self.contact(contact, kept: kept, into: &$0) } }
    }

    static func contact<Sink: X12ElementSink & ~Copyable>(
        _ contact: Contact, kept: Set<Int>, into sink: inout Sink
    ) {
        sink.element(X12Codes.contactFunction.optionalCode(contact.function))
        sink.element(contact.name)
        var count = 2
        for communication in contact.communications {
            while !kept.isEmpty && (kept.contains(count + 1) || kept.contains(count + 2)) {
                sink.empty(2)
                count += 2
            }
            guard count < 8 else { break }
            sink.element(X12Codes.communicationKind.code(communication.kind))
            sink.element(communication.value)
            count += 2
        }
    }

    static func fob(_ fob: FOBTerms) -> [String?] { X12ElementTexts.collect { Self.fob(fob, into: &$0) } }

    static func fob<Sink: X12ElementSink & ~Copyable>(_ fob: FOBTerms, into sink: inout Sink) {
        sink.element(X12Codes.shipmentPaymentMethod.code(fob.paymentMethod))
        sink.element(fob.locationQualifier)
        sink.element(fob.locationDescription)
        sink.element(fob.incoterms == nil ? nil : "01")
        sink.element(fob.incoterms)
    }

    static func allowanceCharge(_ charge: AllowanceCharge) -> [String?] {
        X12ElementTexts.collect { Self.allowanceCharge(charge, into: &$0) }
    }

    static func allowanceCharge<Sink: X12ElementSink & ~Copyable>(_ charge: AllowanceCharge, into sink: inout Sink) {
        sink.element(X12Codes.allowanceChargeIndicator.code(charge.indicator))
        sink.element(charge.code)
        sink.empty(2)
        sink.element(charge.amount.map { X12Text.impliedText($0, decimals: 2) })
        sink.empty(1)
        sink.element(charge.percent?.text)
        sink.element(charge.rate?.text)
        sink.element(X12Codes.unitOfMeasure.optionalCode(charge.unit))
        sink.element(charge.quantity?.text)
        sink.empty(1)
        sink.element(charge.handling)
        sink.element(charge.reference)
        sink.empty(1)
        sink.element(charge.description)
    }

    static func terms(_ terms: PaymentTerms) -> [String?] { X12ElementTexts.collect { Self.terms(terms, into: &$0) } }

    static func terms<Sink: X12ElementSink & ~Copyable>(_ terms: PaymentTerms, into sink: inout Sink) {
        sink.element(X12Codes.paymentTermsType.optionalCode(terms.termsType))
        sink.element(X12Codes.termsBasisDate.optionalCode(terms.basisDate))
        sink.element(terms.discountPercent?.text)
        sink.element(date: terms.discountDueDate)
        sink.element(integer: terms.discountDays)
        sink.element(date: terms.netDueDate)
        sink.element(integer: terms.netDays)
        sink.element(terms.discountAmount.map { X12Text.impliedText($0, decimals: 2) })
        sink.empty(3)
        sink.element(terms.description)
    }

    static func date(_ date: QualifiedDate) -> [String?] { X12ElementTexts.collect { Self.date(date, into: &$0) } }

    static func date<Sink: X12ElementSink & ~Copyable>(_ date: QualifiedDate, into sink: inout Sink) {
        sink.element(X12Codes.dateKind.code(date.kind))
        sink.element(date: date.date)
        sink.element(time: date.time)
        sink.element(date.zone.flatMap(X12Text.timeCode))
    }

    static func carrier(_ carrier: CarrierRouting) -> [String?] {
        X12ElementTexts.collect { Self.carrier(carrier, into: &$0) }
    }

    static func carrier<Sink: X12ElementSink & ~Copyable>(_ carrier: CarrierRouting, into sink: inout Sink) {
        sink.element(carrier.routingSequence)
        sink.element(carrier.carrier.map { X12Codes.partyIdentifierQualifier.code($0.qualifier) })
        sink.element(carrier.carrier?.value)
        sink.element(X12Codes.transportMethod.optionalCode(carrier.transportMethod))
        sink.element(carrier.carrierName)
        guard !carrier.serviceLevels.isEmpty else { return }
        sink.empty(6)
        for level in carrier.serviceLevels.prefix(3) { sink.element(X12Codes.serviceLevel.code(level)) }
    }

    static func pack(_ pack: PackDetails) -> [String?] {
        var codes = X12LineCodes()
        return X12ElementTexts.collect { Self.pack(pack, codes: &codes, into: &$0) }
    }

    /// PO4's elements (the pack borrowed: reading its optional through a pointer copied it for every field).
    static func pack<Sink: X12ElementSink & ~Copyable>(
        _ pack: PackDetails, codes: inout X12LineCodes, into sink: inout Sink
    ) {
        sink.element(pack.pack?.text)
        sink.element(pack.size?.text)
        sink.element(codes.sizeUnit(pack.sizeUnit))
        sink.element(pack.packagingCode)
        sink.element(pack.weightQualifier)
        sink.element(pack.weight?.text)
        sink.element(codes.weightUnit(pack.weightUnit))
        sink.element(pack.volume?.text)
        sink.element(X12Codes.unitOfMeasure.optionalCode(pack.volumeUnit))
        sink.element(pack.length?.text)
        sink.element(pack.width?.text)
        sink.element(pack.height?.text)
        sink.element(X12Codes.unitOfMeasure.optionalCode(pack.dimensionUnit))
        sink.element(pack.innerPack?.text)
    }

    static func destinations(_ destinations: [DestinationQuantity]) -> [[String?]] {
        var segments: [[String?]] = []
        Self.destinationGroups(destinations) { group in
            segments.append(X12ElementTexts.collect { Self.destinations(destinations, group, into: &$0) })
        }
        return segments
    }

    /// The runs of destinations one SDQ holds: the same unit and qualifier, at most 10 locations.
    static func destinationGroups<Failure: Error>(
        _ destinations: [DestinationQuantity], _ body: (Range<Int>) throws(Failure) -> Void
    ) throws(Failure) {
        var start = 0
        for index in destinations.indices where index > start {
            if index - start < 10, destinations[start].unit == destinations[index].unit,
                destinations[start].location.qualifier == destinations[index].location.qualifier
            {
                continue
            }
            try body(start..<index)
            start = index
        }
        if start < destinations.count { try body(start..<destinations.count) }
    }

    /// One SDQ: the unit and qualifier of the run, then its locations and quantities.
    static func destinations<Sink: X12ElementSink & ~Copyable>(
        _ destinations: [DestinationQuantity], _ run: Range<Int>, into sink: inout Sink
    ) {
        guard !run.isEmpty else { return }
        sink.element(X12Codes.unitOfMeasure.code(destinations[run.lowerBound].unit))
        sink.element(X12Codes.partyIdentifierQualifier.code(destinations[run.lowerBound].location.qualifier))
        for index in run {
            sink.element(destinations[index].location.value)
            sink.element(destinations[index].quantity.text)
        }
    }

    static func schedule(_ schedule: ScheduleLine) -> [String?] {
        X12ElementTexts.collect { Self.schedule(schedule, into: &$0) }
    }

    static func schedule<Sink: X12ElementSink & ~Copyable>(_ schedule: ScheduleLine, into sink: inout Sink) {
        sink.element(schedule.quantity.text)
        sink.element(X12Codes.unitOfMeasure.code(schedule.unit))
        sink.empty(2)
        var count = 4
        for date in schedule.dates.prefix(2) {
            sink.element(X12Codes.dateKind.code(date.kind))
            sink.element(date: date.date)
            sink.element(time: date.time)
            count += 3
        }
        guard schedule.reference != nil || schedule.lineNumber != nil else { return }
        sink.empty(10 - count)
        sink.element(schedule.reference)
        sink.element(schedule.lineNumber)
    }
}
