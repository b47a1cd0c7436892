import Orders

/// Reads order lines (`ItemOut`) and the units of measure every document uses.
///
/// `ItemOut`: `lineNumber`, `quantity`, `requestedDeliveryDate` → date `deliveryRequested`,
/// `requestedShipmentDate` → `shipRequested`; `ItemID` (``CXMLCommonDecoding/itemIdentifiers(_:)``); `ItemDetail`:
/// `UnitPrice` → unit price, `Description`s, `UnitOfMeasure` → unit (``CXMLUnitsOfMeasure``), a `Classification` in
/// the `UNSPSC` domain → identifier `classification` (others stay in extensions; Porter's default classification
/// is dropped), `ManufacturerPartID` → `manufacturerPart`, `ManufacturerName` → `manufacturer`, date extrinsics;
/// `ShipTo` and role `Contact`s → parties, `Shipping`/`Tax` → charges, `Comments` → notes, `ScheduleLine`s →
/// schedules. The rest is kept in the line's `extensions` under `ItemOut`.
enum CXMLLineDecoding {
    static func orderLine(_ item: CXMLCursor) -> PurchaseOrderLine {
        let quantity = item.decimal("quantity", severity: .error) ?? 0
        var line = PurchaseOrderLine(lineNumber: item.attribute("lineNumber"), quantity: quantity, unit: "")
        if let date = item.date("requestedDeliveryDate") { line.dates.append(QualifiedDate(.deliveryRequested, date)) }
        if let date = item.date("requestedShipmentDate") { line.dates.append(QualifiedDate(.shipRequested, date)) }
        if let itemID = item.child("ItemID") {
            line.items = CXMLCommonDecoding.itemIdentifiers(itemID)
        } else {
            item.context.finding(.warning, .missingRequired, "the ItemOut has no ItemID", at: item.element)
        }
        if let detail = item.child("ItemDetail") {
            self.read(detail: detail, into: &line)
        } else {
            item.context.finding(
                .warning, .missingRequired, "the ItemOut has no ItemDetail: no unit of measure", at: item.element)
        }
        if let shipTo = item.child("ShipTo") { line.parties.append(CXMLPartyDecoding.party(.shipTo, from: shipTo)) }
        if let shipping = item.child("Shipping") {
            line.allowancesCharges.append(CXMLCommonDecoding.charge(shipping, code: CXMLCommonDecoding.shippingCode))
        }
        if let tax = item.child("Tax") {
            line.allowancesCharges.append(CXMLCommonDecoding.charge(tax, code: CXMLCommonDecoding.taxCode))
        }
        for contact in self.partyContacts(item) {
            if let party = CXMLPartyDecoding.contact(contact).party { line.parties.append(party) }
        }
        line.notes = item.children("Comments").compactMap(CXMLCommonDecoding.note)
        for schedule in item.children("ScheduleLine") {
            if let value = self.schedule(schedule) { line.schedules.append(value) }
        }
        item.finish(into: &line.extensions)
        return line
    }

    private static func read(detail: CXMLCursor, into line: inout PurchaseOrderLine) {
        if let price = detail.child("UnitPrice") { line.unitPrice = CXMLCommonDecoding.money(price) }
        line.descriptions = CXMLCommonDecoding.descriptions(detail.children("Description"))
        line.unit = self.unit(detail.child("UnitOfMeasure"), in: detail)
        let isTyped: (CXMLElement) -> Bool = {
            ($0.attribute("domain") ?? "").lowercased() == Self.classificationDomain
                && $0.attribute("code") == nil && $0.attributes.count == 1
        }
        // Classifications in other domains stay whole in extensions.
        for classification in detail.children("Classification", where: isTyped) {
            classification.use(attribute: "domain")
            guard let value = classification.text, value != CXMLDefaults.classificationValue else { continue }
            line.items.append(ItemIdentifier(.classification, value))
        }
        if let part = detail.child("ManufacturerPartID")?.text {
            line.items.append(ItemIdentifier(.manufacturerPart, part))
        }
        if let name = detail.child("ManufacturerName")?.text { line.items.append(ItemIdentifier(.manufacturer, name)) }
        line.dates += CXMLPorterExtrinsics.dates(detail, except: Self.lineDateKinds)
    }

    /// The dates an `ItemOut` carries as attributes, not as `ItemDetail` Extrinsics (made once: a set literal is
    /// built, and hashed, on every call).
    private static let lineDateKinds: Set<DateKind> = [.deliveryRequested, .shipRequested]
    /// Porter's classification domain, lowercased once (for a comparison that ignores case).
    private static let classificationDomain = CXMLDefaults.classificationDomain.lowercased()

    /// The line's `Contact`s that are parties (a person's contact has no place on a line: it stays in extensions).
    static func partyContacts(_ item: CXMLCursor) -> [CXMLCursor] {
        item.children("Contact") { element in
            element.attribute("role").map { !CXMLCodes.contactFunction.value($0).isMapped } ?? false
        }
    }

    /// `ScheduleLine`: quantity, unit, requested delivery and shipment dates, line number.
    static func schedule(_ cursor: CXMLCursor) -> ScheduleLine? {
        guard let quantity = cursor.decimal("quantity") else { return nil }
        var dates: [QualifiedDate] = []
        if let date = cursor.date("requestedDeliveryDate") { dates.append(QualifiedDate(.deliveryRequested, date)) }
        if let date = cursor.date("requestedShipmentDate") { dates.append(QualifiedDate(.shipRequested, date)) }
        return ScheduleLine(
            quantity: quantity, unit: self.unit(cursor.child("UnitOfMeasure"), in: cursor), dates: dates,
            lineNumber: cursor.attribute("lineNumber"))
    }

    /// A `UnitOfMeasure` as Porter's unit: a code Porter does not map is kept as sent, with a warning.
    static func unit(_ cursor: CXMLCursor?, in parent: CXMLCursor) -> UnitOfMeasure {
        guard let cursor, let code = cursor.text else {
            parent.context.finding(
                .warning, .missingRequired, "\(parent.name) has no UnitOfMeasure", at: parent.element)
            return ""
        }
        if let unit = CXMLUnitsOfMeasure.unit(forCode: code) { return unit }
        parent.context.finding(
            .warning, .unknownUnit,
            "the unit of measure \(code) is not a UN/CEFACT code Porter maps; kept as sent", value: code,
            at: cursor.element)
        return UnitOfMeasure(rawValue: code)
    }
}
