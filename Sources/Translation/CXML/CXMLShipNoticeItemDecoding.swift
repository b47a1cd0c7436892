import Orders

/// Reads the orders, items and packages of a ship notice: `ShipNoticePortion`, `ShipNoticeItem`, `Packaging`.
///
/// A portion is an order (`OrderReference@orderID`, `@orderDate`; role `Contact`s → parties; Porter's extrinsics
/// `releaseNumber`, `changeSequence` and dates). A `ShipNoticeItem` is an item: `lineNumber`,
/// `shipNoticeLineNumber`, `quantity`, `UnitOfMeasure`, `ItemID`, the `ShipNoticeItemDetail`'s `Description`s,
/// `OrderedQuantity` → ordered quantity and unit, Porter's `quantityShippedToDate`.
///
/// cXML hangs packages under items; Porter's model hangs items under packages. Each `Packaging` is a package:
/// `PackagingLevelCode` `0001` a tare, `0002` a pack (DOMAIN.md §9.4), `ShippingContainerSerialCode` its SSCC-18
/// (one mark), `ShippingContainerSerialCodeReference` the SSCC of the package it is in, `PackagingCode` and the
/// `Dimension`s its details. Packages with the same SSCC are one package; an item goes into its innermost
/// package (the one no other of its packages is in), packages into the package their reference names. An item
/// without packaging sits directly under its order.
enum CXMLShipNoticeItemDecoding {
    /// One package as read, before the hierarchy is rebuilt.
    private struct Node {
        var pack: ShipNoticePack
        var sscc: String?
        var parent: String?
    }

    static func order(_ portion: CXMLCursor) -> ShipNoticeOrder {
        var order = ShipNoticeOrder(orderNumber: "")
        // Items first: their parts go to their own extensions.
        var nodes: [Node] = []
        var placed: [(item: ShipNoticeItem, node: Int?)] = []
        for itemCursor in portion.rootChildren("ShipNoticeItem") {
            let (item, packagings) = self.item(itemCursor)
            guard !packagings.isEmpty else {
                placed.append((item, nil))
                continue
            }
            var indices: [Int] = []
            for packaging in packagings {
                if let sscc = packaging.sscc, let existing = nodes.firstIndex(where: { $0.sscc == sscc }) {
                    if nodes[existing].parent == nil { nodes[existing].parent = packaging.parent }
                    indices.append(existing)
                } else {
                    nodes.append(packaging)
                    indices.append(nodes.count - 1)
                }
            }
            // The innermost package: the last one that no other package of this item names as its parent.
            let parents = Set(indices.compactMap { nodes[$0].parent })
            let innermost = indices.last { nodes[$0].sscc.map { !parents.contains($0) } ?? true } ?? indices.last
            placed.append((item, innermost))
        }
        if let reference = portion.child("OrderReference") {
            if let number = reference.attribute("orderID") {
                order.orderNumber = number
            } else {
                portion.context.finding(
                    .warning, .missingRequired, "the OrderReference has no orderID: the order number is empty",
                    at: reference.element)
            }
            order.orderDate = reference.date("orderDate")
        } else {
            portion.context.finding(
                .warning, .missingRequired, "the ShipNoticePortion has no OrderReference", at: portion.element)
        }
        for contact in CXMLLineDecoding.partyContacts(portion) {
            if let party = CXMLPartyDecoding.contact(contact).party { order.parties.append(party) }
        }
        order.releaseNumber = portion.extrinsic(CXMLPorterExtrinsics.releaseNumber)
        order.changeSequence = portion.extrinsic(CXMLPorterExtrinsics.changeSequence)
        order.dates = CXMLPorterExtrinsics.dates(portion, except: [])
        (order.items, order.packs) = self.hierarchy(nodes: nodes, placed: placed)
        portion.finish(into: &order.extensions)
        return order
    }

    /// Items with no package stay under the order; packages nest by their references.
    private static func hierarchy(
        nodes: [Node], placed: [(item: ShipNoticeItem, node: Int?)]
    ) -> (items: [ShipNoticeItem], packs: [ShipNoticePack]) {
        var packs = nodes.map(\.pack)
        for (item, node) in placed {
            if let node { packs[node].items.append(item) }
        }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (index, node) in nodes.enumerated() {
            if let parent = node.parent, let owner = nodes.firstIndex(where: { $0.sscc == parent }), owner != index {
                children[owner, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        func build(_ index: Int, depth: Int) -> ShipNoticePack {
            var pack = packs[index]
            if depth < 8 { pack.packs = (children[index] ?? []).map { build($0, depth: depth + 1) } }
            return pack
        }
        return (placed.filter { $0.node == nil }.map(\.item), roots.map { build($0, depth: 0) })
    }

    private static func item(_ cursor: CXMLCursor) -> (ShipNoticeItem, [Node]) {
        let quantity = cursor.decimal("quantity", severity: .error) ?? 0
        var item = ShipNoticeItem(lineNumber: cursor.attribute("lineNumber"), quantity: quantity, unit: "")
        item.shipNoticeLineNumber = cursor.attribute("shipNoticeLineNumber")
        if let itemID = cursor.child("ItemID") { item.items = CXMLCommonDecoding.itemIdentifiers(itemID) }
        if let detail = cursor.child("ShipNoticeItemDetail") {
            item.descriptions = CXMLCommonDecoding.descriptions(detail.children("Description"))
        }
        item.unit = CXMLLineDecoding.unit(cursor.child("UnitOfMeasure"), in: cursor)
        let packagings = cursor.rootChildren("Packaging").map(self.packaging)
        if let ordered = cursor.child("OrderedQuantity") {
            item.orderedQuantity = ordered.decimal("quantity")
            item.orderedUnit = ordered.child("UnitOfMeasure").map { CXMLLineDecoding.unit($0, in: ordered) }
        }
        if let shipped = cursor.extrinsic(CXMLPorterExtrinsics.quantityShippedToDate) {
            item.quantityShippedToDate = DecimalNumber(shipped)
        }
        cursor.finish(into: &item.extensions)
        return (item, packagings)
    }

    private static func packaging(_ cursor: CXMLCursor) -> Node {
        let level: PackLevel
        switch cursor.child("PackagingLevelCode")?.text {
        case "0001": level = .tare
        case nil, "0002": level = .pack
        case let other?: level = PackLevel(rawValue: other)
        }
        var pack = ShipNoticePack(level: level)
        var details = PackDetails()
        details.packagingCode = cursor.text(ofChild: "PackagingCode")
        let mapped: Set<String> = ["length", "width", "height", "weight", "grossWeight", "volume", "grossVolume"]
        for dimension in cursor.children("Dimension", where: { mapped.contains($0.attribute("type") ?? "") }) {
            let quantity = dimension.decimal("quantity")
            let unit = dimension.child("UnitOfMeasure").map { CXMLLineDecoding.unit($0, in: dimension) }
            switch dimension.attribute("type") {
            case "length":
                details.length = quantity
                details.dimensionUnit = unit
            case "width":
                details.width = quantity
                details.dimensionUnit = unit
            case "height":
                details.height = quantity
                details.dimensionUnit = unit
            case "weight", "grossWeight":
                details.weightQualifier = dimension.element.attribute("type") == "grossWeight" ? "G" : nil
                details.weight = quantity
                details.weightUnit = unit
            default:
                details.volume = quantity
                details.volumeUnit = unit
            }
        }
        if details != PackDetails() { pack.pack = details }
        let sscc = cursor.child("ShippingContainerSerialCode")?.text
        if let sscc {
            let isShort = sscc.utf8.count == 18
            pack.marks.append(ShippingMark(isShort ? .sscc : .ssccWithApplicationIdentifier, sscc))
        }
        let parent = cursor.child("ShippingContainerSerialCodeReference")?.text
        cursor.finish(into: &pack.extensions)
        return Node(pack: pack, sscc: sscc, parent: parent)
    }
}
