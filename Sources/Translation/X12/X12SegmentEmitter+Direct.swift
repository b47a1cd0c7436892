import Orders
import X12

/// The 850 written element by element when nothing is kept aside in `extensions` (the usual case): no `[String?]`
/// per segment, no addresses, the values handed to the writer as they are read off the model. What is written is
/// what the general path writes through `emit` of element texts: a segment whose elements are all empty is left
/// out (``X12Writer/endSegment(discardingEmpty:)``).
extension X12SegmentEmitter {
    mutating func directHeader(_ order: PurchaseOrder, to writer: inout X12Writer) throws(X12Error) {
        try writer.segment(.beg) { sink in Self.beginning(order, into: &sink) }
        if let currency = order.currency {
            try writer.segment(.cur) { sink in
                sink.appendElement("BY")
                sink.appendElement(currency.rawValue)
            }
        }
        for reference in order.references { try writer.segment(.ref) { Self.reference(reference, into: &$0) } }
        for contact in order.contacts { try writer.segment(.per) { Self.contact(contact, kept: [], into: &$0) } }
        if let fob = order.fob { try writer.segment(.fob) { Self.fob(fob, into: &$0) } }
        for requirement in order.salesRequirements {
            try writer.segment(.csh) { $0.appendElement(X12Codes.salesRequirement.code(requirement)) }
        }
        for charge in order.allowancesCharges { try writer.segment(.sac) { Self.allowanceCharge(charge, into: &$0) } }
        for terms in order.paymentTerms { try writer.segment(.itd) { Self.terms(terms, into: &$0) } }
        for date in order.dates { try writer.segment(.dtm) { Self.date(date, into: &$0) } }
        for carrier in order.carriers { try writer.segment(.td5) { Self.carrier(carrier, into: &$0) } }
        try self.directNotes(order.notes, to: &writer)
        try self.directParties(order.parties, to: &writer)
    }

    /// BEG's elements.
    static func beginning<Sink: X12ElementSink & ~Copyable>(_ order: PurchaseOrder, into sink: inout Sink) {
        sink.element(X12Codes.purpose.code(order.purpose))
        sink.element(X12Codes.orderType.code(order.orderType))
        sink.element(order.number)
        sink.element(order.releaseNumber)
        sink.element(date: order.orderDate.date)
        sink.element(order.orderType == .release ? order.blanketOrderNumber : order.contractNumber)
    }

    /// The line read in place (passing it by value copied all its fields, a retain and release each).
    mutating func directLine(_ line: UnsafePointer<PurchaseOrderLine>, to writer: inout X12Writer) throws(X12Error) {
        try writer.segment(.po1) { sink in
            Self.lineItem(line, codes: &self.lineCodes, into: &sink)
            for (position, item) in line.pointee.items.enumerated() {
                sink.appendElement(self.lineCodes.itemKind(item.kind, at: position))
                sink.appendElement(item.value)
            }
        }
        for description in line.pointee.descriptions {
            try writer.segment(.pid) { sink in
                sink.appendElement("F")
                sink.empty(3)
                sink.appendElement(description.text)
                sink.empty(3)
                sink.element(description.language)
            }
        }
        if let pack = line.pointee.pack {
            try writer.segment(.po4) { Self.pack(pack, codes: &self.lineCodes, into: &$0) }
        }
        // Arrays tested before they are iterated: iterating retains the array, even an empty one.
        if !line.pointee.references.isEmpty {
            for reference in line.pointee.references {
                try writer.segment(.ref) { Self.reference(reference, into: &$0) }
            }
        }
        if !line.pointee.allowancesCharges.isEmpty {
            for charge in line.pointee.allowancesCharges {
                try writer.segment(.sac) { Self.allowanceCharge(charge, into: &$0) }
            }
        }
        let destinations = line.pointee.destinations
        if !destinations.isEmpty {
            try Self.destinationGroups(destinations) { (run: Range<Int>) throws(X12Error) in
                try writer.segment(.sdq) { Self.destinations(destinations, run, into: &$0) }
            }
        }
        if !line.pointee.dates.isEmpty {
            for date in line.pointee.dates { try writer.segment(.dtm) { Self.date(date, into: &$0) } }
        }
        if !line.pointee.schedules.isEmpty {
            for schedule in line.pointee.schedules {
                try writer.segment(.sch) { Self.schedule(schedule, into: &$0) }
            }
        }
        if !line.pointee.notes.isEmpty { try self.directNotes(line.pointee.notes, to: &writer) }
        if !line.pointee.parties.isEmpty { try self.directParties(line.pointee.parties, to: &writer) }
    }

    /// PO101 to PO105 (the items follow).
    static func lineItem<Sink: X12ElementSink & ~Copyable>(
        _ line: UnsafePointer<PurchaseOrderLine>, codes: inout X12LineCodes, into sink: inout Sink
    ) {
        sink.element(line.pointee.lineNumber)
        sink.element(line.pointee.quantity.text)
        sink.element(codes.unit(line.pointee.unit))
        sink.element(line.pointee.unitPrice?.text)
        sink.element(codes.priceBasis(line.pointee.priceBasis))
    }

    /// The N9 loops: N9 and MSG (MTX from 005010).
    func directNotes(_ notes: [Note], to writer: inout X12Writer) throws(X12Error) {
        for note in notes {
            try writer.segment(.n9) { sink in
                sink.appendElement(X12Codes.noteKind.optionalCode(note.kind) ?? "L1")
                sink.appendElement(note.title ?? "NOTES")
            }
            for line in note.lines {
                if self.usesMTX {
                    try writer.segment(.mtx) { sink in
                        sink.appendEmptyElement()
                        sink.appendElement(line)
                    }
                } else {
                    try writer.segment(.msg) { $0.appendElement(line) }
                }
            }
        }
    }

    /// The N1 loops: N1, N2, N3, N4, REF, PER.
    func directParties(_ parties: [Party], to writer: inout X12Writer) throws(X12Error) {
        for party in parties {
            try writer.segment(.n1) { sink in Self.name(party, into: &sink) }
            try Self.directPairs(.n2, party.additionalNames, to: &writer)
            if let postal = party.address {
                try Self.directPairs(.n3, postal.lines, to: &writer)
                if postal.city != nil || postal.stateOrProvince != nil || postal.postalCode != nil
                    || postal.country != nil || postal.countrySubdivision != nil
                {
                    try writer.segment(.n4) { Self.place(postal, into: &$0) }
                }
            }
            for reference in party.references { try writer.segment(.ref) { Self.reference(reference, into: &$0) } }
            for contact in party.contacts { try writer.segment(.per) { Self.contact(contact, kept: [], into: &$0) } }
        }
    }

    /// N1's elements.
    static func name<Sink: X12ElementSink & ~Copyable>(_ party: Party, into sink: inout Sink) {
        let identifier = party.identifiers.first
        sink.element(X12Codes.partyRole.code(party.role))
        sink.element(party.name)
        sink.element(identifier.map { X12Codes.partyIdentifierQualifier.code($0.qualifier) })
        sink.element(identifier?.value)
    }

    /// N4's elements.
    static func place<Sink: X12ElementSink & ~Copyable>(_ postal: Address, into sink: inout Sink) {
        sink.element(postal.city)
        sink.element(postal.stateOrProvince)
        sink.element(postal.postalCode)
        sink.element(postal.country)
        sink.empty(2)
        sink.element(postal.countrySubdivision)
    }

    /// Texts two to a segment (N2, N3).
    static func directPairs(_ id: X12SegmentID, _ texts: [String], to writer: inout X12Writer) throws(X12Error) {
        var index = 0
        while index < texts.count {
            try writer.segment(id) { sink in
                sink.appendElement(texts[index])
                if index + 1 < texts.count { sink.appendElement(texts[index + 1]) }
            }
            index += 2
        }
    }

    /// CTT and `AMT*TT` under it.
    func directTotals(_ totals: OrderTotals?, lineCount: Int?, to writer: inout X12Writer) throws(X12Error) {
        guard let totals, totals.lineCount != nil || totals.hashTotal != nil || totals.amount != nil else { return }
        try writer.segment(.ctt) { sink in
            sink.element(integer: totals.lineCount ?? (totals.hashTotal == nil ? lineCount : nil))
            sink.element(totals.hashTotal?.text)
        }
        if let amount = totals.amount {
            try writer.segment(.amt) { sink in
                sink.appendElement("TT")
                sink.appendElement(amount.text)
            }
        }
    }
}

extension X12Writer {
    /// A segment of `build`'s elements, left out when none has data.
    @inline(__always)
    mutating func segment(_ id: X12SegmentID, _ build: (inout X12Writer) -> Void) throws(X12Error) {
        try self.beginSegment(id)
        build(&self)
        try self.endSegment(discardingEmpty: true)
    }
}

extension X12SegmentID {
    static let beg: Self = "BEG"
    static let cur: Self = "CUR"
    static let ref: Self = "REF"
    static let per: Self = "PER"
    static let fob: Self = "FOB"
    static let csh: Self = "CSH"
    static let sac: Self = "SAC"
    static let itd: Self = "ITD"
    static let dtm: Self = "DTM"
    static let td5: Self = "TD5"
    static let n9: Self = "N9"
    static let msg: Self = "MSG"
    static let mtx: Self = "MTX"
    static let n1: Self = "N1"
    static let n2: Self = "N2"
    static let n3: Self = "N3"
    static let n4: Self = "N4"
    static let po1: Self = "PO1"
    static let pid: Self = "PID"
    static let po4: Self = "PO4"
    static let sdq: Self = "SDQ"
    static let sch: Self = "SCH"
    static let ctt: Self = "CTT"
    static let amt: Self = "AMT"
}
