import Orders
import X12

/// The segments of the placed levels: the shipment's TD1, TD5, TD3, REF, DTM, FOB and N1 loops; an order's PRF,
/// REF, DTM and N1 loops; a pack's MAN and PO4; an item's LIN, SN1, PID and PO4. Anything else, and what a typed
/// segment leaves, goes to the level's extensions.
extension X12ShipNoticeAssembler {
    /// Reads a segment of a placed level into its payload.
    mutating func readPlaced(_ located: X12LocatedSegment, into index: Int) {
        let id = located.segment.id
        if let party = self.levels[index].openParty {
            if X12ShipNoticeCodes.partyMembers.contains(id) {
                return self.readPartyMember(located, party: party, into: index)
            }
            self.levels[index].openParty = nil
        }
        let address = X12SegmentReader.occurrence(&self.levels[index].counts, "", id)
        let isFirst = address.hasSuffix("[1]")
        var cursor = X12ElementCursor(located.segment)
        let placed: Bool
        switch self.levels[index].kind {
        case .shipment: placed = self.readShipmentSegment(&cursor, located, isFirst: isFirst, level: index)
        case .order(let order): placed = self.readOrderSegment(&cursor, located, isFirst: isFirst, order, level: index)
        case .pack(let pack): placed = self.readPackSegment(&cursor, located, isFirst: isFirst, pack)
        case .item(let item): placed = self.readItemSegment(&cursor, located, isFirst: isFirst, item, level: index)
        case .kept: placed = false
        }
        X12DocumentHeaderState.record(cursor, placed: placed, at: address, in: &self.levels[index].extensions)
    }

    private mutating func readPartyMember(_ located: X12LocatedSegment, party: Int, into index: Int) {
        let address = X12SegmentReader.occurrence(
            &self.levels[index].counts, "N1[\(party + 1)]/", located.segment.id)
        switch self.levels[index].kind {
        case .shipment:
            self.reader.partyMember(
                located, address: address, party: &self.parties[party], extensions: &self.levels[index].extensions)
        case .order(let order):
            self.reader.partyMember(
                located, address: address, party: &self.orders[order].parties[party],
                extensions: &self.levels[index].extensions)
        default: break
        }
    }

    /// TD1, TD5, TD3, REF, PER, DTM, the first FOB, N1.
    private mutating func readShipmentSegment(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment, isFirst: Bool, level: Int
    ) -> Bool {
        switch located.segment.id {
        case "TD1":
            let lading = self.ladingDetail(&cursor, located)
            guard lading != LadingDetail() else { return false }
            self.lading.append(lading)
        case "TD5":
            let carrier = self.reader.carrier(&cursor, located)
            guard carrier != CarrierRouting() else { return false }
            self.carriers.append(carrier)
        case "TD3":
            guard let code = cursor.text(1) else { return false }
            self.equipment.append(
                Equipment(code: code, initial: cursor.text(2), number: cursor.text(3), sealNumber: cursor.text(9)))
        case "REF": self.references.append(self.reader.reference(&cursor, located))
        case "PER": self.contacts.append(self.reader.contact(&cursor, located))
        case "DTM": return X12DocumentHeaderState.append(self.reader.qualifiedDate(&cursor, located), to: &self.dates)
        case "FOB" where isFirst:
            self.fob = self.reader.fobTerms(&cursor, located)
            return self.fob != nil
        case "N1":
            self.parties.append(self.reader.party(&cursor, located))
            self.levels[level].openParty = self.parties.count - 1
        default: return false
        }
        return true
    }

    /// The first PRF, REF, DTM, N1.
    private mutating func readOrderSegment(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment, isFirst: Bool, _ order: Int, level: Int
    ) -> Bool {
        switch located.segment.id {
        case "PRF" where isFirst:
            self.levels[level].sawPrimarySegment = true
            if let number = cursor.text(1) {
                self.orders[order].orderNumber = number
            } else {
                self.reader.finding(
                    .warning, .mandatoryElementMissing, "PRF01 (purchase order number) is missing", located, 1)
            }
            self.orders[order].releaseNumber = cursor.text(2)
            self.orders[order].changeSequence = cursor.text(3)
            self.orders[order].orderDate = self.reader.date(&cursor, 4, located).map { DateTime(date: $0) }
        case "REF": self.orders[order].references.append(self.reader.reference(&cursor, located))
        case "DTM":
            return X12DocumentHeaderState.append(
                self.reader.qualifiedDate(&cursor, located), to: &self.orders[order].dates)
        case "N1":
            self.orders[order].parties.append(self.reader.party(&cursor, located))
            self.levels[level].openParty = self.orders[order].parties.count - 1
        default: return false
        }
        return true
    }

    /// MAN, the first PO4.
    private mutating func readPackSegment(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment, isFirst: Bool, _ pack: Int
    ) -> Bool {
        switch located.segment.id {
        case "MAN":
            guard let code = cursor.peek(1), let value = cursor.peek(2) else { return false }
            cursor.take(1)
            cursor.take(2)
            self.packs[pack].marks.append(
                ShippingMark(self.reader.coded(X12ShipNoticeCodes.marksQualifier, code, located, 1), value))
        case "PO4" where isFirst: self.packs[pack].pack = self.reader.pack(&cursor, located)
        default: return false
        }
        return true
    }

    /// The first LIN, the first SN1, PID with a description, the first PO4.
    private mutating func readItemSegment(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment, isFirst: Bool, _ item: Int, level: Int
    ) -> Bool {
        switch located.segment.id {
        case "LIN" where isFirst:
            self.items[item].shipNoticeLineNumber = cursor.text(1)
            self.items[item].items = self.reader.itemIdentifiers(
                &cursor, from: 2, to: located.segment.elementCount, located)
        case "SN1" where isFirst:
            self.levels[level].sawPrimarySegment = true
            self.shipped(&cursor, located, into: item)
        case "PID":
            guard let text = cursor.peek(5) else { return false }
            cursor.take(5)
            cursor.take(1, ifEqualTo: "F")
            self.items[item].descriptions.append(ItemDescription(text, language: cursor.text(9)))
        case "PO4" where isFirst: self.items[item].pack = self.reader.pack(&cursor, located)
        default: return false
        }
        return true
    }

    /// SN1: order line, quantity and unit shipped, shipped to date, ordered quantity and unit, status.
    private mutating func shipped(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment, into item: Int) {
        self.items[item].lineNumber = cursor.text(1)
        // Zero in no unit is also what an item level without SN1 gets: such an SN102 stays in extensions, so that
        // the two are told apart when written.
        let isZeroWithoutUnit = cursor.peek(3) == nil && cursor.peek(2).flatMap(X12Text.decimal)?.text == "0"
        if !isZeroWithoutUnit, let quantity = self.reader.decimal(&cursor, 2, located) {
            self.items[item].quantity = quantity
        } else if cursor.peek(2) == nil {
            self.reader.finding(
                .warning, .mandatoryElementMissing, "SN102 (number of units shipped) is missing; 0 assumed", located, 2)
        }
        if let unit = cursor.text(3) {
            self.items[item].unit = self.reader.coded(X12Codes.unitOfMeasure, unit, located, 3)
        } else {
            self.reader.finding(
                .warning, .mandatoryElementMissing, "SN103 (unit of measure) is missing", located, 3)
        }
        self.items[item].quantityShippedToDate = self.reader.decimal(&cursor, 4, located)
        self.items[item].orderedQuantity = self.reader.decimal(&cursor, 5, located)
        self.items[item].orderedUnit = cursor.text(6).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 6) }
        self.items[item].status = cursor.text(8).map {
            self.reader.coded(X12OrderAcknowledgmentCodes.itemStatus, $0, located, 8)
        }
    }

    /// TD1: packaging, lading quantity, weight and volume (TD103–TD105, commodity and lading description, are kept
    /// in extensions).
    private mutating func ladingDetail(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> LadingDetail {
        LadingDetail(
            packagingCode: cursor.text(1), ladingQuantity: self.reader.integer(&cursor, 2, located),
            weightQualifier: cursor.text(6).map {
                self.reader.coded(X12ShipNoticeCodes.weightQualifier, $0, located, 6)
            }, weight: self.reader.decimal(&cursor, 7, located),
            weightUnit: cursor.text(8).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 8) },
            volume: self.reader.decimal(&cursor, 9, located),
            volumeUnit: cursor.text(10).map { self.reader.coded(X12Codes.unitOfMeasure, $0, located, 10) })
    }
}
