public import Orders

/// Applies an ``OrderChange`` to the order it changes, giving the whole order as it now stands: what a cXML
/// `OrderRequest` of `type="update"` states (DOMAIN.md §9.2).
///
/// Header: the change's envelope; purpose `delete` for a cancellation or deletion, else `replace`; the change's
/// dates, parties, contacts, references, terms, carriers, charges and notes replace the original's of the same
/// kind (dates by kind, parties by role, references by qualifier; the others as a whole when the change has any);
/// the change sequence becomes the order revision (`orderVersion`). Lines, matched by line number: `deleteItem`
/// leaves the line out, `addItem` (or a number the original lacks) appends it, any other change overlays the
/// values the change line states (quantity, unit, price, identifiers, dates by kind…). `cancelOrder` on a line is a
/// deletion of that line.
enum CXMLOrderChangeRestatement {
    static func restate(_ change: OrderChange, original: PurchaseOrder) -> (PurchaseOrder, [CXMLFinding]) {
        var findings: [CXMLFinding] = []
        var order = original
        order.envelope = change.envelope
        order.purpose = [.cancellation, .delete].contains(change.purpose) ? .delete : .replace
        for (key, value) in change.extensions.values { order.extensions[key] = value }
        order.releaseNumber = change.releaseNumber ?? original.releaseNumber
        order.contractNumber = change.contractNumber ?? original.contractNumber
        order.currency = change.currency ?? original.currency
        order.dates = self.merge(original.dates, change.dates, key: \.kind)
        order.parties = self.merge(original.parties, change.parties, key: \.role)
        order.references = self.merge(original.references, change.references, key: \.qualifier)
        if let sequence = change.changeSequence {
            order.references.removeAll { $0.qualifier == .orderRevision }
            order.references.append(Reference(.orderRevision, sequence))
        }
        if !change.contacts.isEmpty { order.contacts = change.contacts }
        if !change.paymentTerms.isEmpty { order.paymentTerms = change.paymentTerms }
        if let fob = change.fob { order.fob = fob }
        if !change.carriers.isEmpty { order.carriers = change.carriers }
        if !change.allowancesCharges.isEmpty { order.allowancesCharges = change.allowancesCharges }
        if !change.notes.isEmpty { order.notes = change.notes }
        order.totals = change.totals?.amount != nil ? change.totals : nil

        for line in change.lines {
            let index = order.lines.firstIndex { $0.lineNumber != nil && $0.lineNumber == line.lineNumber }
            switch line.change {
            case .deleteItem, .cancelOrder:
                if let index { order.lines.remove(at: index) }
            case _ where index == nil:
                guard let quantity = line.quantity else {
                    findings.append(
                        CXMLFinding(
                            .warning, .missingRequired,
                            "change line \(line.lineNumber ?? "?") adds a line without a quantity; left out"))
                    continue
                }
                if line.change != .addItem {
                    findings.append(
                        CXMLFinding(
                            .warning, .approximated,
                            "change line \(line.lineNumber ?? "?") (\(line.change)) names no line of the original "
                                + "order; added as a new line"))
                }
                order.lines.append(self.newLine(line, quantity: quantity))
            default:
                if let index { order.lines[index] = self.overlay(line, on: order.lines[index]) }
            }
        }
        if order.purpose == .delete, order.lines.isEmpty { order.lines = original.lines }
        return (order, findings)
    }

    private static func newLine(_ line: ChangeLine, quantity: DecimalNumber) -> PurchaseOrderLine {
        PurchaseOrderLine(
            lineNumber: line.lineNumber, quantity: quantity, unit: line.unit ?? "", unitPrice: line.unitPrice,
            priceBasis: line.priceBasis, items: line.items, descriptions: line.descriptions, pack: line.pack,
            dates: line.dates, parties: line.parties, destinations: line.destinations, schedules: line.schedules,
            allowancesCharges: line.allowancesCharges, references: line.references, notes: line.notes,
            extensions: line.extensions)
    }

    private static func overlay(_ change: ChangeLine, on line: PurchaseOrderLine) -> PurchaseOrderLine {
        var line = line
        if let quantity = change.quantity { line.quantity = quantity }
        if let unit = change.unit { line.unit = unit }
        if let price = change.unitPrice { line.unitPrice = price }
        if let basis = change.priceBasis { line.priceBasis = basis }
        line.items = self.merge(line.items, change.items, key: \.kind)
        if !change.descriptions.isEmpty { line.descriptions = change.descriptions }
        if let pack = change.pack { line.pack = pack }
        line.dates = self.merge(line.dates, change.dates, key: \.kind)
        line.parties = self.merge(line.parties, change.parties, key: \.role)
        if !change.destinations.isEmpty { line.destinations = change.destinations }
        if !change.schedules.isEmpty { line.schedules = change.schedules }
        if !change.allowancesCharges.isEmpty { line.allowancesCharges = change.allowancesCharges }
        line.references = self.merge(line.references, change.references, key: \.qualifier)
        if !change.notes.isEmpty { line.notes = change.notes }
        for (key, value) in change.extensions.values { line.extensions[key] = value }
        return line
    }

    /// `original` with every element whose key the change states replaced by the change's elements of that key.
    private static func merge<Element, Key: Hashable>(
        _ original: [Element], _ change: [Element], key: (Element) -> Key
    ) -> [Element] {
        let changed = Set(change.map(key))
        return original.filter { !changed.contains(key($0)) } + change
    }
}

extension OrderChange {
    /// The whole order as it stands after this change is applied to `original` (the rules of a cXML update
    /// restatement, DOMAIN.md §9.2): what the gateway stores as an order's next version.
    ///
    /// - Parameter original: The order as it stood before the change.
    /// - Returns: The restated order (purpose `replace`, or `delete` for a cancellation).
    public func applied(to original: PurchaseOrder) -> PurchaseOrder {
        CXMLOrderChangeRestatement.restate(self, original: original).0
    }
}
