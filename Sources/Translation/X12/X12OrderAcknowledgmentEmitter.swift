import Orders
import X12

/// Writes the segments of one 855, laying what `extensions` kept over the typed values.
///
/// The segments an 855 shares with an 850 (CUR, REF, PER, DTM, PO1, PID, the N9 and N1 loops, CTT) are written by
/// ``X12SegmentEmitter``.
struct X12OrderAcknowledgmentEmitter {
    private var segments: X12SegmentEmitter

    static let headerTyped: Set<String> = [
        "BAK", "CUR", "REF", "PER", "FOB", "CSH", "SAC", "ITD", "DTM", "TD5", "N9", "N1",
    ]
    static let lineTyped: Set<String> = ["PO1", "PID", "CTP", "REF", "DTM", "ACK", "N9", "N1"]

    init(index: X12ExtensionAddress.Index, usesMTX: Bool) {
        self.segments = X12SegmentEmitter(index: index, usesMTX: usesMTX)
    }

    var index: X12ExtensionAddress.Index {
        get { self.segments.index }
        set { self.segments.index = newValue }
    }

    // MARK: Areas

    /// The standard segment order of an 855 header: the 850's with BAK for BEG.
    static let headerOrder = ["BAK"] + X12SegmentEmitter.headerOrder.dropFirst()
    /// The standard segment order of an 855 PO1 loop: the 850's, with the ACK loop after the dates and carriers.
    static let lineOrder = [
        "PO1", "LIN", "SI", "CUR", "CN1", "PO3", "CTP", "PAM", "MEA", "PID", "PWK", "PKG", "PO4", "REF", "PER", "SAC",
        "IT8", "CSH", "ITD", "DIS", "INC", "TAX", "FOB", "SDQ", "IT3", "DTM", "LDT", "TD1", "TD5", "TD3", "TD4", "ACK",
        "MAN", "AMT", "CTB", "TXI", "QTY", "PKG", "SCH", "N9", "N1", "SLN",
    ]

    mutating func header(_ acknowledgment: OrderAcknowledgment, to writer: inout X12Writer) throws(X12Error) {
        self.segments.beginArea(Self.headerOrder, typed: Self.headerTyped)
        try self.segments.series(
            "", "BAK",
            [
                [
                    X12Codes.purpose.code(acknowledgment.purpose),
                    X12OrderAcknowledgmentCodes.acknowledgmentType.code(acknowledgment.acknowledgmentType),
                    acknowledgment.orderNumber, acknowledgment.orderDate.map { X12Text.dateText($0.date) },
                    acknowledgment.releaseNumber, nil, acknowledgment.contractNumber,
                    acknowledgment.sellerOrderNumber,
                    acknowledgment.acknowledgmentDate.map { X12Text.dateText($0.date) },
                ]
            ], to: &writer)
        try self.segments.series(
            "", "CUR", acknowledgment.currency.map { [["BY", $0.rawValue]] } ?? [], to: &writer)
        try self.segments.series(
            "", "REF", acknowledgment.references.map(X12SegmentEmitter.reference), to: &writer)
        try self.segments.series("", "PER", acknowledgment.contacts.map(X12SegmentEmitter.contact), to: &writer)
        try self.segments.series(
            "", "FOB", acknowledgment.fob.map { [X12SegmentEmitter.fob($0)] } ?? [], to: &writer)
        try self.segments.series(
            "", "CSH", acknowledgment.salesRequirements.map { [X12Codes.salesRequirement.code($0)] }, to: &writer)
        try self.segments.series(
            "", "SAC", acknowledgment.allowancesCharges.map(X12SegmentEmitter.allowanceCharge), to: &writer)
        try self.segments.series("", "ITD", acknowledgment.paymentTerms.map(X12SegmentEmitter.terms), to: &writer)
        try self.segments.series("", "DTM", acknowledgment.dates.map(X12SegmentEmitter.date), to: &writer)
        try self.segments.series("", "TD5", acknowledgment.carriers.map(X12SegmentEmitter.carrier), to: &writer)
        try self.segments.unplaced(under: "", except: Self.headerTyped, to: &writer)
        try self.segments.notes(acknowledgment.notes, to: &writer)
        try self.segments.parties(acknowledgment.parties, to: &writer)
    }

    mutating func line(_ line: AcknowledgmentLine, to writer: inout X12Writer) throws(X12Error) {
        self.segments.beginArea(Self.lineOrder, typed: Self.lineTyped)
        try self.segments.po1(
            [
                line.lineNumber, line.quantity?.text, line.unit.map(X12Codes.unitOfMeasure.code),
                line.unitPrice?.text, line.priceBasis.map(X12Codes.priceBasis.code),
            ], items: line.items, to: &writer)
        // The confirmed price of the first price-changing status that has one.
        let price = line.statuses.first {
            X12OrderAcknowledgmentCodes.priceStatuses.contains($0.status) && $0.unitPrice != nil
        }?.unitPrice
        try self.segments.series("", "CTP", price.map { [[nil, "CUP", $0.text]] } ?? [], to: &writer)
        try self.segments.series(
            "", "PID", line.descriptions.map { ["F", nil, nil, nil, $0.text, nil, nil, nil, $0.language] },
            to: &writer)
        try self.segments.series("", "REF", line.references.map(X12SegmentEmitter.reference), to: &writer)
        try self.segments.series("", "DTM", line.dates.map(X12SegmentEmitter.date), to: &writer)
        try self.segments.writeKept(before: "ACK", to: &writer)
        try self.statuses(line.statuses, to: &writer)
        try self.segments.writeKept(before: "N9", to: &writer)
        try self.segments.notes(line.notes, to: &writer)
        try self.segments.parties(line.parties, to: &writer)
        try self.segments.unplaced(under: "", except: Self.lineTyped, to: &writer)
    }

    mutating func summary(_ acknowledgment: OrderAcknowledgment, to writer: inout X12Writer) throws(X12Error) {
        try self.segments.totals(acknowledgment.totals, lineCount: acknowledgment.lines.count, to: &writer)
    }

    // MARK: Loops

    /// The ACK loops: one ACK per status but `unknown` (its first date in ACK04/ACK05 when it has no time or zone),
    /// then a DTM for each further date; ACKs kept whole in their places.
    private mutating func statuses(_ statuses: [ItemStatus], to writer: inout X12Writer) throws(X12Error) {
        // cXML's `unknown` status is the quantity nobody confirmed (PO102 less the ACK02s); X12 says it by
        // leaving it out, so the 855 has no ACK for it.
        let statuses = statuses.filter { $0.status != .unknown }
        var next = 0
        var occurrence = 1
        while true {
            let address = X12ExtensionAddress.segment("", "ACK", occurrence)
            if self.index.wholeSegments.contains(address) {
                try self.segments.emit("ACK", self.index.overlay([], at: address), to: &writer)
            } else if next < statuses.count {
                let status = statuses[next]
                var dates = status.dates[...]
                var elements: [String?] = [
                    X12OrderAcknowledgmentCodes.itemStatus.code(status.status), status.quantity?.text,
                    status.unit.map(X12Codes.unitOfMeasure.code),
                ]
                let kept = self.index.positions(at: address)
                if let first = dates.first, first.time == nil, first.zone == nil, !kept.contains(4), !kept.contains(5) {
                    elements += [X12Codes.dateKind.code(first.kind), X12Text.dateText(first.date)]
                    dates = dates.dropFirst()
                }
                if !status.items.isEmpty {
                    while elements.count < 6 { elements.append(nil) }
                    for item in status.items {
                        while kept.contains(elements.count + 1) || kept.contains(elements.count + 2) {
                            elements += [nil, nil]
                        }
                        elements += [X12Codes.itemIdentifierKind.code(item.kind), item.value]
                    }
                }
                try self.segments.emit(
                    "ACK", self.index.overlay(X12SegmentEmitter.values(elements), at: address), to: &writer)
                try self.segments.series(address + "/", "DTM", dates.map(X12SegmentEmitter.date), to: &writer)
                next += 1
            } else {
                return
            }
            try self.segments.unplaced(under: address + "/", except: ["DTM"], to: &writer)
            occurrence += 1
        }
    }
}
