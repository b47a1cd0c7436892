import Orders
import X12

/// The state of decoding one 856: the hierarchy built from the HL segments so far, and what each level has read.
///
/// Level 0 is the shipment: the header (BSN, DTM) and the HL `S` level read into it, in one address space (`DTM[2]`
/// may be a header DTM or one of the shipment level's). Every other HL opens a level under the level its HL02
/// names; the model's places are an order under the shipment, a tare or pack under an order, a pack or an item,
/// and an item under an order or a pack. A level with no place (or an unknown parent, or nested deeper than
/// ``maximumDepth``) is kept whole: its HL and segments go into the extensions of the nearest placed level above it
/// as `HL[n]`, `HL[n]/LIN[1]`, `HL[n]/HL[1]`..., the `n` of a kept level's own segments counting them in order. A
/// level kept at the top (no parent to hang under) is marked by an empty `HL[n]02`. The segments of placed levels
/// are read in ``X12ShipNoticeAssembler+Levels.swift``.
struct X12ShipNoticeAssembler: X12TransactionSetAssembler {
    /// Where in the set the segments being read are.
    private enum Area {
        case header
        case detail
        case summary
    }

    /// How deep levels may nest before a level is kept at the top instead (it bounds addresses and recursion).
    static let maximumDepth = 32

    var implementationReference: String?
    var reader: X12SegmentReader
    private var area = Area.header
    private let envelope: Envelope

    private var sawBSN = false
    private var purpose: Purpose?
    private var shipmentID: String?
    private var noticeDate: CalendarDate?
    private var noticeTime: TimeOfDay?
    private var hierarchyStructure: String?
    private var totals: OrderTotals?
    /// The summary's (CTT's) occurrences and what it left, added to the shipment's extensions at the end.
    private var summaryCounts = X12OccurrenceCounts()
    private var summaryExtensions = Extensions()

    /// The levels, in document order; level 0 is the shipment.
    var levels = [X12ShipNoticeLevel(kind: .shipment, parent: nil, depth: 0, opening: nil)]
    /// The level the segments being read belong to.
    private var current = 0
    /// Levels by HL01.
    private var levelsByNumber: [String: Int] = [:]
    private var sawShipmentLevel = false

    // The shipment's values.
    var dates: [QualifiedDate] = []
    var carriers: [CarrierRouting] = []
    var equipment: [Equipment] = []
    var lading: [LadingDetail] = []
    var fob: FOBTerms?
    var parties: [Party] = []
    var references: [Reference] = []
    var contacts: [Contact] = []
    // The payloads of the placed levels, without their children until ``finish()``.
    var orders: [ShipNoticeOrder] = []
    var packs: [ShipNoticePack] = []
    var items: [ShipNoticeItem] = []

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.envelope = envelope
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let id = located.segment.id
        // A segment without a value carries nothing, and takes no occurrence number: writing it back could not be
        // told from leaving it out.
        guard located.segment.elements.contains(where: { !$0.isEmpty }) else {
            return self.reader.finding(.warning, .emptySegment, "\(id) has no value; ignored", located, nil)
        }
        if id == "CTT" { self.area = .summary }
        switch self.area {
        case .summary:
            self.reader.summarySegment(
                located, counts: &self.summaryCounts, totals: &self.totals, extensions: &self.summaryExtensions)
        case .header where id == "BSN" && self.levels[0].counts["BSN"] == nil:
            let address = X12SegmentReader.occurrence(&self.levels[0].counts, "", id)
            var cursor = X12ElementCursor(located.segment)
            self.beginning(&cursor, located)
            cursor.recordLeftovers(at: address, in: &self.levels[0].extensions)
        case .header, .detail:
            if id == "HL" {
                self.area = .detail
                self.openLevel(located)
            } else {
                self.read(located, into: self.current)
            }
        }
    }

    mutating func finish() -> X12ShipNoticeDecoding {
        self.levels[0].extensions.values.merge(self.summaryExtensions.values) { level, _ in level }
        guard self.sawBSN, let shipmentID = self.shipmentID, let noticeDate = self.noticeDate else {
            if !self.sawBSN {
                self.reader.finding(.error, .mandatorySegmentMissing, "the 856 has no BSN segment", nil, nil)
            }
            return X12ShipNoticeDecoding(shipNotice: nil, findings: self.reader.findings)
        }
        self.reportIncompleteLevels()
        self.attachChildren()
        let notice = ShipNotice(
            envelope: self.envelope, purpose: self.purpose ?? .original, shipmentID: shipmentID,
            noticeDate: DateTime(date: noticeDate, time: self.noticeTime), hierarchyStructure: self.hierarchyStructure,
            dates: self.dates, carriers: self.carriers, equipment: self.equipment, lading: self.lading, fob: self.fob,
            parties: self.parties, references: self.references,
            orders: self.levels[0].children.compactMap { child in
                if case .order(let index) = self.levels[child].kind { return self.orders[index] }
                return nil
            }, totals: self.totals, extensions: self.levels[0].extensions, contacts: self.contacts)
        return X12ShipNoticeDecoding(shipNotice: notice, findings: self.reader.findings)
    }

    // MARK: Header

    /// BSN: purpose, shipment identifier, date and time of the notice, hierarchical structure (BSN06 and BSN07
    /// are kept in extensions).
    private mutating func beginning(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) {
        self.sawBSN = true
        self.purpose = cursor.text(1).map { self.reader.coded(X12Codes.purpose, $0, located, 1) }
        self.shipmentID = cursor.text(2)
        self.noticeDate = self.reader.date(&cursor, 3, located)
        if let text = cursor.peek(4) {
            if let time = X12Text.time(text) {
                cursor.take(4)
                self.noticeTime = time
            } else {
                self.reader.finding(
                    .warning, .invalidElementTime, "BSN04 '\(text)' is not a time (HHMM[SS])", located, 4, value: text)
            }
        }
        self.hierarchyStructure = cursor.text(5)
        if self.shipmentID == nil {
            self.reader.finding(
                .error, .mandatoryElementMissing, "BSN02 (shipment identification) is missing", located, 2)
        }
        if self.noticeDate == nil, cursor.peek(3) == nil {
            self.reader.finding(.error, .mandatoryElementMissing, "BSN03 (date) is missing", located, 3)
        }
    }

    // MARK: Hierarchy

    /// HL: opens a level under the level HL02 names, placed in the model where it has a place, else kept.
    private mutating func openLevel(_ located: X12LocatedSegment) {
        let cursor = X12ElementCursor(located.segment)
        let number = cursor.peek(1)
        let code = cursor.peek(3)
        var parent: Int?
        if let parentNumber = cursor.peek(2) {
            parent = self.levelsByNumber[parentNumber]
            if parent == nil {
                self.reader.finding(
                    .error, .hierarchyParentMissing,
                    "HL02 '\(parentNumber)' names no earlier level (HL01)", located, 2, value: parentNumber)
            }
        }
        let index: Int
        if code == X12ShipNoticeCodes.shipmentLevel, parent == nil, !self.sawShipmentLevel {
            self.sawShipmentLevel = true
            self.levels[0].opening = located
            index = 0
        } else if let parent, self.levels[parent].depth < Self.maximumDepth,
            let kind = self.place(code, under: parent)
        {
            index = self.levels.count
            self.levels.append(
                X12ShipNoticeLevel(kind: kind, parent: parent, depth: self.levels[parent].depth + 1, opening: located))
            self.levels[parent].children.append(index)
        } else {
            index = self.keep(located, under: parent)
        }
        if let number {
            if self.levelsByNumber[number] != nil {
                self.reader.finding(
                    .error, .hierarchyDuplicateID, "HL01 '\(number)' is used by an earlier level", located, 1,
                    value: number)
            }
            self.levelsByNumber[number] = index
        } else {
            self.reader.finding(
                .error, .mandatoryElementMissing, "HL01 (hierarchical ID number) is missing", located, 1)
        }
        self.current = index
    }

    /// A new payload for level `code` under `parent`, if the model has a place for it there.
    private mutating func place(_ code: String?, under parent: Int) -> X12ShipNoticeLevel.Kind? {
        guard let code else { return nil }
        switch (code, self.levels[parent].kind) {
        case (X12ShipNoticeCodes.orderLevel, .shipment):
            self.orders.append(ShipNoticeOrder(orderNumber: ""))
            return .order(self.orders.count - 1)
        case (X12ShipNoticeCodes.itemLevel, .order), (X12ShipNoticeCodes.itemLevel, .pack):
            self.items.append(ShipNoticeItem(lineNumber: nil, quantity: 0, unit: ""))
            return .item(self.items.count - 1)
        case (_, .order), (_, .pack), (_, .item):
            let (level, isNamed) = X12ShipNoticeCodes.packLevel.value(code)
            guard isNamed else { return nil }
            self.packs.append(ShipNoticePack(level: level))
            return .pack(self.packs.count - 1)
        default: return nil
        }
    }

    /// Keeps a level whole under `parent` (at the top when there is none, or it is too deep), with a finding.
    private mutating func keep(_ located: X12LocatedSegment, under parent: Int?) -> Int {
        let code = X12ElementCursor(located.segment).peek(3)
        let level = code.map { "level \($0)" } ?? "a level without HL03"
        let owner: Int
        let address: String
        let depth: Int
        if let parent, self.levels[parent].depth < Self.maximumDepth {
            self.levels[parent].keptChildren += 1
            let child = X12ExtensionAddress.segment("", "HL", self.levels[parent].keptChildren)
            if case .kept(let above, let path) = self.levels[parent].kind {
                owner = above
                address = path + "/" + child
            } else {
                owner = parent
                address = child
                self.reader.finding(
                    .warning, .hierarchyLevelOrder,
                    "\(level) has no place under \(self.describe(parent)) in the model; kept whole in extensions",
                    located, 3, value: code)
            }
            depth = self.levels[parent].depth + 1
        } else {
            self.levels[0].keptChildren += 1
            owner = 0
            address = X12ExtensionAddress.segment("", "HL", self.levels[0].keptChildren)
            self.levels[0].extensions[address + X12ExtensionAddress.element(2)] = ""
            depth = 0
            let reason =
                parent != nil
                ? "is nested deeper than \(Self.maximumDepth) levels"
                : code == X12ShipNoticeCodes.shipmentLevel ? "is a second shipment level" : "has no parent level"
            self.reader.finding(
                .warning, .hierarchyLevelOrder, "\(level) \(reason); kept whole in extensions, at the top", located,
                parent == nil ? 2 : 3)
        }
        self.levels[owner].extensions[address] = X12ExtensionAddress.wholeSegmentMarker
        for (offset, value) in located.segment.elements.enumerated() where ![0, 1, 3].contains(offset) {
            X12ExtensionAddress.record(value, element: offset + 1, at: address, in: &self.levels[owner].extensions)
        }
        self.levels.append(
            X12ShipNoticeLevel(
                kind: .kept(owner: owner, address: address), parent: parent, depth: depth, opening: located))
        return self.levels.count - 1
    }

    private func describe(_ level: Int) -> String {
        switch self.levels[level].kind {
        case .shipment: "the shipment"
        case .order: "an order"
        case .pack: "a pack"
        case .item: "an item"
        case .kept: "a kept level"
        }
    }

    /// Warnings for orders without PRF and items without SN1.
    private mutating func reportIncompleteLevels() {
        for level in self.levels where !level.sawPrimarySegment {
            switch level.kind {
            case .order:
                self.reader.finding(
                    .warning, .mandatorySegmentMissing, "the order level has no PRF; its order number is empty",
                    level.opening, nil)
            case .item:
                self.reader.finding(
                    .warning, .mandatorySegmentMissing, "the item level has no SN1; quantity 0 assumed",
                    level.opening, nil)
            default: break
            }
        }
    }

    /// Puts each placed level's children into its payload, deepest first, and hands the levels their extensions.
    private mutating func attachChildren() {
        for index in self.levels.indices.reversed() {
            let level = self.levels[index]
            switch level.kind {
            case .order(let order):
                (self.orders[order].packs, self.orders[order].items) = self.children(of: level)
                self.orders[order].extensions = level.extensions
            case .pack(let pack):
                (self.packs[pack].packs, self.packs[pack].items) = self.children(of: level)
                self.packs[pack].extensions = level.extensions
            case .item(let item):
                self.items[item].packs = self.children(of: level).packs
                self.items[item].extensions = level.extensions
                if self.items[item].lineNumber == nil {
                    self.items[item].lineNumber = self.items[item].items.first { $0.kind == .purchaserOrderLine }?.value
                }
            case .shipment, .kept: break
            }
        }
    }

    /// The packs and items of the placed levels under `level`, in document order.
    private func children(of level: X12ShipNoticeLevel) -> (packs: [ShipNoticePack], items: [ShipNoticeItem]) {
        var packs: [ShipNoticePack] = []
        var items: [ShipNoticeItem] = []
        for child in level.children {
            switch self.levels[child].kind {
            case .pack(let pack): packs.append(self.packs[pack])
            case .item(let item): items.append(self.items[item])
            default: break
            }
        }
        return (packs, items)
    }

    // MARK: Segments

    /// A segment of the level `index`: kept whole in its owner's extensions when the level is kept, else read.
    private mutating func read(_ located: X12LocatedSegment, into index: Int) {
        guard case .kept(let owner, let address) = self.levels[index].kind else {
            return self.readPlaced(located, into: index)
        }
        self.levels[index].keptSegments += 1
        let segment = X12ExtensionAddress.segment(address + "/", located.segment.id, self.levels[index].keptSegments)
        X12ElementCursor(located.segment).recordWhole(at: segment, in: &self.levels[owner].extensions)
    }
}
