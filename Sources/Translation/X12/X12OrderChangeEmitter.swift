import Orders
import X12

/// Writes the segments of one 860, laying what `extensions` kept over the typed values.
///
/// The segments an 860 shares with an 850 (CUR, REF, PER, FOB, SAC, ITD, DTM, TD5, PID, PO4, SDQ, SCH, the N9 and
/// N1 loops, CTT) are written by ``X12SegmentEmitter``.
struct X12OrderChangeEmitter {
    private var segments: X12SegmentEmitter

    static let headerTyped = X12SegmentEmitter.headerTyped.subtracting(["BEG"]).union(["BCH"])
    static let lineTyped = X12SegmentEmitter.lineTyped.subtracting(["PO1"]).union(["POC"])

    init(index: X12ExtensionAddress.Index, usesMTX: Bool) {
        self.segments = X12SegmentEmitter(index: index, usesMTX: usesMTX)
    }

    var index: X12ExtensionAddress.Index {
        get { self.segments.index }
        set { self.segments.index = newValue }
    }

    // MARK: Areas

    /// The standard segment order of an 860 header: the 850's with BCH for BEG.
    static let headerOrder = ["BCH"] + X12SegmentEmitter.headerOrder.dropFirst()
    /// The standard segment order of a POC loop.
    static let lineOrder = ["POC"] + X12SegmentEmitter.lineOrder.dropFirst()

    mutating func header(_ change: OrderChange, to writer: inout X12Writer) throws(X12Error) {
        self.segments.beginArea(Self.headerOrder, typed: Self.headerTyped)
        try self.segments.series(
            "", "BCH",
            [
                [
                    X12Codes.purpose.code(change.purpose), X12Codes.orderType.code(change.orderType),
                    change.orderNumber, change.releaseNumber, change.changeSequence,
                    X12Text.dateText(change.orderDate.date), nil, change.contractNumber, change.sellerOrderNumber, nil,
                    change.changeDate.map { X12Text.dateText($0.date) },
                ]
            ], to: &writer)
        try self.segments.series("", "CUR", change.currency.map { [["BY", $0.rawValue]] } ?? [], to: &writer)
        try self.segments.series("", "REF", change.references.map(X12SegmentEmitter.reference), to: &writer)
        try self.segments.series("", "PER", change.contacts.map(X12SegmentEmitter.contact), to: &writer)
        try self.segments.series("", "FOB", change.fob.map { [X12SegmentEmitter.fob($0)] } ?? [], to: &writer)
        try self.segments.series(
            "", "CSH", change.salesRequirements.map { [X12Codes.salesRequirement.code($0)] }, to: &writer)
        try self.segments.series(
            "", "SAC", change.allowancesCharges.map(X12SegmentEmitter.allowanceCharge), to: &writer)
        try self.segments.series("", "ITD", change.paymentTerms.map(X12SegmentEmitter.terms), to: &writer)
        try self.segments.series("", "DTM", change.dates.map(X12SegmentEmitter.date), to: &writer)
        try self.segments.series("", "TD5", change.carriers.map(X12SegmentEmitter.carrier), to: &writer)
        try self.segments.unplaced(under: "", except: Self.headerTyped, to: &writer)
        try self.segments.notes(change.notes, to: &writer)
        try self.segments.parties(change.parties, to: &writer)
    }

    mutating func line(_ line: ChangeLine, to writer: inout X12Writer) throws(X12Error) {
        self.segments.beginArea(Self.lineOrder, typed: Self.lineTyped)
        try self.poc(line, to: &writer)
        try self.segments.series(
            "", "PID", line.descriptions.map { ["F", nil, nil, nil, $0.text, nil, nil, nil, $0.language] },
            to: &writer)
        try self.segments.series("", "PO4", line.pack.map { [X12SegmentEmitter.pack($0)] } ?? [], to: &writer)
        try self.segments.series("", "REF", line.references.map(X12SegmentEmitter.reference), to: &writer)
        try self.segments.series(
            "", "SAC", line.allowancesCharges.map(X12SegmentEmitter.allowanceCharge), to: &writer)
        try self.segments.series("", "SDQ", X12SegmentEmitter.destinations(line.destinations), to: &writer)
        try self.segments.series("", "DTM", line.dates.map(X12SegmentEmitter.date), to: &writer)
        try self.segments.series("", "SCH", line.schedules.map(X12SegmentEmitter.schedule), to: &writer)
        try self.segments.unplaced(under: "", except: Self.lineTyped, to: &writer)
        try self.segments.notes(line.notes, to: &writer)
        try self.segments.parties(line.parties, to: &writer)
    }

    mutating func summary(_ change: OrderChange, to writer: inout X12Writer) throws(X12Error) {
        try self.segments.totals(change.totals, lineCount: change.lines.count, to: &writer)
    }

    // MARK: Segments

    /// POC from its first seven elements, the items filling the pairs from POC08 on around any pair kept in
    /// extensions.
    private mutating func poc(_ line: ChangeLine, to writer: inout X12Writer) throws(X12Error) {
        var elements: [String?] = [
            line.lineNumber, X12OrderChangeCodes.changeKind.code(line.change), line.quantity?.text,
            line.quantityLeftToReceive?.text, line.unit.map(X12Codes.unitOfMeasure.code), line.unitPrice?.text,
            line.priceBasis.map(X12Codes.priceBasis.code),
        ]
        let kept = self.index.positions(at: "POC[1]")
        for item in line.items {
            while kept.contains(elements.count + 1) || kept.contains(elements.count + 2) { elements += [nil, nil] }
            elements += [X12Codes.itemIdentifierKind.code(item.kind), item.value]
        }
        try self.segments.series("", "POC", [elements], to: &writer)
    }
}
