import Orders
import X12

/// Writes the segments of one 856, laying what `extensions` kept over the typed values.
///
/// The hierarchy is written depth first: the shipment's HL `S`, then each order with its packs (and theirs) and
/// items, then the levels kept whole under each level. HL01 counts from 1 in output order, HL02 names the level
/// above, HL04 says whether a level has levels under it. Each level's segments come in the 856's standard order
/// (``X12ShipNoticeCodes/levelSegmentOrder``), those kept whole at their occurrence; N1 loops, REF, DTM, the
/// header's other segments and CTT are written by ``X12SegmentEmitter``.
struct X12ShipNoticeEmitter {
    private var segments = X12SegmentEmitter(index: X12ExtensionAddress.Index(Extensions()), usesMTX: false)
    /// The last HL01 written.
    private var lastNumber = 0

    /// The segment identifiers a level writes in their standard places, and the levels kept under it.
    private static let placed = Set(X12ShipNoticeCodes.levelSegmentOrder).union(["HL"])
    /// The same for the shipment, whose extensions also hold the header's BSN and the summary.
    private static let placedWithShipment = placed.union(["BSN", "CTT"])
    /// The N1 loop's members that follow N1 in the standard order.
    private static let partyAddressMembers = ["N2", "N3", "N4"]

    // MARK: Levels

    mutating func shipNotice(_ notice: ShipNotice, to writer: inout X12Writer) throws(X12Error) {
        self.segments.index = X12ExtensionAddress.Index(notice.extensions)
        try self.segments.series(
            "", "BSN",
            [
                [
                    X12Codes.purpose.code(notice.purpose), notice.shipmentID, X12Text.dateText(notice.noticeDate.date),
                    notice.noticeDate.time.map(X12Text.timeText), notice.hierarchyStructure,
                ]
            ], to: &writer)
        let typed: [String: [[String?]]] = [
            "TD1": notice.lading.map(Self.lading), "TD5": notice.carriers.map(X12SegmentEmitter.carrier),
            "TD3": notice.equipment.map(Self.equipment), "REF": notice.references.map(X12SegmentEmitter.reference),
            "PER": notice.contacts.map { X12SegmentEmitter.contact($0)([]) },
            "DTM": notice.dates.map(X12SegmentEmitter.date),
            "FOB": notice.fob.map { [X12SegmentEmitter.fob($0)] } ?? [],
        ]
        try self.level(
            X12ShipNoticeCodes.shipmentLevel, parent: nil, extensions: notice.extensions,
            hasChildren: !notice.orders.isEmpty, typed, parties: notice.parties, to: &writer
        ) { (emitter: inout Self, number: String, writer: inout X12Writer) throws(X12Error) in
            for order in notice.orders { try emitter.order(order, parent: number, to: &writer) }
        }
        try self.segments.totals(notice.totals, to: &writer)
    }

    private mutating func order(_ order: ShipNoticeOrder, parent: String, to writer: inout X12Writer) throws(X12Error) {
        let typed: [String: [[String?]]] = [
            "PRF": [
                [
                    order.orderNumber, order.releaseNumber, order.changeSequence,
                    order.orderDate.map { X12Text.dateText($0.date) },
                ]
            ],
            "REF": order.references.map(X12SegmentEmitter.reference), "DTM": order.dates.map(X12SegmentEmitter.date),
        ]
        try self.level(
            X12ShipNoticeCodes.orderLevel, parent: parent, extensions: order.extensions,
            hasChildren: !order.packs.isEmpty || !order.items.isEmpty, typed, parties: order.parties, to: &writer
        ) { (emitter: inout Self, number: String, writer: inout X12Writer) throws(X12Error) in
            try emitter.contents(packs: order.packs, items: order.items, parent: number, to: &writer)
        }
    }

    private mutating func pack(_ pack: ShipNoticePack, parent: String, to writer: inout X12Writer) throws(X12Error) {
        let typed: [String: [[String?]]] = [
            "PO4": pack.pack.map { [X12SegmentEmitter.pack($0)] } ?? [],
            "MAN": pack.marks.map { [X12ShipNoticeCodes.marksQualifier.code($0.qualifier), $0.value] },
        ]
        try self.level(
            X12ShipNoticeCodes.packLevel.code(pack.level), parent: parent, extensions: pack.extensions,
            hasChildren: !pack.packs.isEmpty || !pack.items.isEmpty, typed, to: &writer
        ) { (emitter: inout Self, number: String, writer: inout X12Writer) throws(X12Error) in
            try emitter.contents(packs: pack.packs, items: pack.items, parent: number, to: &writer)
        }
    }

    private mutating func item(_ item: ShipNoticeItem, parent: String, to writer: inout X12Writer) throws(X12Error) {
        let index = X12ExtensionAddress.Index(item.extensions)
        let typed: [String: [[String?]]] = [
            "LIN": [Self.itemIdentification(item, kept: index.positions(at: "LIN[1]"))], "SN1": [Self.shipped(item)],
            "PID": item.descriptions.map { ["F", nil, nil, nil, $0.text, nil, nil, nil, $0.language] },
            "PO4": item.pack.map { [X12SegmentEmitter.pack($0)] } ?? [],
        ]
        try self.level(
            X12ShipNoticeCodes.itemLevel, parent: parent, extensions: item.extensions, hasChildren: !item.packs.isEmpty,
            typed, to: &writer
        ) { (emitter: inout Self, number: String, writer: inout X12Writer) throws(X12Error) in
            try emitter.contents(packs: item.packs, items: [], parent: number, to: &writer)
        }
    }

    /// The packs, then the items, under level `parent`.
    private mutating func contents(
        packs: [ShipNoticePack], items: [ShipNoticeItem], parent: String, to writer: inout X12Writer
    ) throws(X12Error) {
        for pack in packs { try self.pack(pack, parent: parent, to: &writer) }
        for item in items { try self.item(item, parent: parent, to: &writer) }
    }

    /// Writes one level: its HL, its segments (`typed`, `parties` and what `extensions` kept), the levels `children`
    /// writes under it, then the levels kept whole under it. The level's extensions stay the emitter's index
    /// afterwards.
    private mutating func level(
        _ code: String, parent: String?, extensions: Extensions, hasChildren: Bool, _ typed: [String: [[String?]]],
        parties: [Party]? = nil, to writer: inout X12Writer,
        children: (inout Self, String, inout X12Writer) throws(X12Error) -> Void
    ) throws(X12Error) {
        let index = X12ExtensionAddress.Index(extensions)
        self.segments.index = index
        let number = try self.hierarchicalLevel(code, parent: parent, hasChildren: hasChildren, to: &writer)
        try self.levelSegments(typed, parties: parties, isShipment: parent == nil, to: &writer)
        try children(&self, number, &writer)
        self.segments.index = index
        try self.keptLevels(under: "", parent: number, to: &writer)
    }

    /// Writes HL with the next number and returns the number. HL04 also counts the levels kept under this one.
    private mutating func hierarchicalLevel(
        _ code: String, parent: String?, hasChildren: Bool, to writer: inout X12Writer
    ) throws(X12Error) -> String {
        let keepsLevels = self.segments.index.wholeSegments(under: "").contains { $0.id == "HL" }
        self.lastNumber += 1
        let number = String(self.lastNumber)
        try self.segments.emit(
            "HL", X12SegmentEmitter.values([number, parent, code, hasChildren || keepsLevels ? "1" : "0"]),
            to: &writer)
        return number
    }

    /// The segments of one level, typed or kept, in standard order, then any kept segment the 856 has no place for.
    private mutating func levelSegments(
        _ typed: [String: [[String?]]], parties: [Party]?, isShipment: Bool, to writer: inout X12Writer
    ) throws(X12Error) {
        for id in X12ShipNoticeCodes.levelSegmentOrder {
            if let parties, id == "N1" {
                // N2, N3 and N4 that were in no N1 loop go before the loops, so that reading them again leaves them
                // out of any.
                let none: [[String?]] = []
                for member in Self.partyAddressMembers { try self.segments.series("", member, none, to: &writer) }
                try self.segments.parties(parties, to: &writer)
            } else if parties == nil || !Self.partyAddressMembers.contains(id) {
                try self.segments.series("", id, typed[id] ?? [], to: &writer)
            }
        }
        try self.segments.unplaced(under: "", except: isShipment ? Self.placedWithShipment : Self.placed, to: &writer)
    }

    /// The levels kept whole under `path` (`""` for the current level's own), each with its segments in the order
    /// they came and the levels under it.
    private mutating func keptLevels(under path: String, parent: String, to writer: inout X12Writer) throws(X12Error) {
        let index = self.segments.index
        for level in index.wholeSegments(under: path) where level.id == "HL" {
            let members = index.wholeSegments(under: level.address + "/")
            self.lastNumber += 1
            let number = String(self.lastNumber)
            let hasChildren = members.contains { $0.id == "HL" }
            try self.segments.emit(
                "HL",
                index.overlay(
                    X12SegmentEmitter.values([number, parent, nil, hasChildren ? "1" : "0"]), at: level.address),
                to: &writer)
            for member in members.filter({ $0.id != "HL" }).sorted(by: { $0.occurrence < $1.occurrence }) {
                try self.segments.emit(member.id, index.overlay([], at: member.address), to: &writer)
            }
            try self.keptLevels(under: level.address + "/", parent: number, to: &writer)
        }
    }

    // MARK: Segments

    static func lading(_ lading: LadingDetail) -> [String?] {
        [
            lading.packagingCode, lading.ladingQuantity.map { String($0) }, nil, nil, nil,
            lading.weightQualifier.map(X12ShipNoticeCodes.weightQualifier.code), lading.weight?.text,
            lading.weightUnit.map(X12Codes.unitOfMeasure.code), lading.volume?.text,
            lading.volumeUnit.map(X12Codes.unitOfMeasure.code),
        ]
    }

    static func equipment(_ equipment: Equipment) -> [String?] {
        [equipment.code, equipment.initial, equipment.number, nil, nil, nil, nil, nil, equipment.sealNumber]
    }

    /// LIN: the ship notice line number, the items filling the pairs from LIN02 on around the positions `kept` in
    /// extensions.
    static func itemIdentification(_ item: ShipNoticeItem, kept: Set<Int>) -> [String?] {
        var elements: [String?] = [item.shipNoticeLineNumber]
        for identifier in item.items {
            while kept.contains(elements.count + 1) || kept.contains(elements.count + 2) { elements += [nil, nil] }
            elements += [X12Codes.itemIdentifierKind.code(identifier.kind), identifier.value]
        }
        return elements
    }

    /// SN1. SN101 is left out when LIN's `PL` identifier already gives the order line, and SN102 when nothing was
    /// shipped in no unit (an item level that had no SN1).
    static func shipped(_ item: ShipNoticeItem) -> [String?] {
        let orderLine = item.items.first { $0.kind == .purchaserOrderLine }?.value
        let isEmpty = item.quantity.text == "0" && item.unit.rawValue.isEmpty
        return [
            item.lineNumber == orderLine ? nil : item.lineNumber, isEmpty ? nil : item.quantity.text,
            item.unit.rawValue.isEmpty ? nil : X12Codes.unitOfMeasure.code(item.unit), item.quantityShippedToDate?.text,
            item.orderedQuantity?.text, item.orderedUnit.map(X12Codes.unitOfMeasure.code), nil,
            item.status.map(X12OrderAcknowledgmentCodes.itemStatus.code),
        ]
    }
}
