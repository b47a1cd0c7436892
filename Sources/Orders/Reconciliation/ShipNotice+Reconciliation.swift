import Foundation

extension ShipNotice {
    /// Compares what this notice ships against `order` with the order, and lists what differs.
    ///
    /// Only the notice's portions for `order.number` count. See ``PurchaseOrder/shipmentDiscrepancies(_:)`` for
    /// the rules, and to reconcile several notices of one order together.
    ///
    /// - Parameter order: The order shipped.
    /// - Returns: The discrepancies; empty when the notice ships the order exactly.
    public func discrepancies(against order: PurchaseOrder) -> [Discrepancy] {
        order.shipmentDiscrepancies([self])
    }
}

extension PurchaseOrder {
    /// Compares what `notices` ship against this order, added up, with the order, and lists what differs.
    ///
    /// Items are matched to order lines by the order line number they carry, else by item identifiers:
    /// - `unknownItem`: a shipped item the order does not have;
    /// - `unit`: items shipped in another unit than ordered (no conversion is guessed; the line's quantities
    ///   are then not compared);
    /// - `overShipment` / `shortShipment`: the shipped total of a line is more or less than ordered;
    /// - `missingLine`: an order line nothing was shipped for;
    /// - `date`: a shipped or estimated delivery date (the notice's, else its order portion's) later than the
    ///   order's limit for that event.
    ///
    /// An order portion with no items means the whole order shipped (the cXML rule), so no line is then
    /// reported. When no notice has a portion for this order, every line is missing.
    ///
    /// - Parameter notices: Ship notices, in any order.
    /// - Returns: Line discrepancies in order-line order, then unknown items, then dates.
    /// - Complexity: O(*n* + *m*) for *n* order lines and *m* shipped items, plus identifier comparisons for
    ///   items without line numbers.
    public func shipmentDiscrepancies(_ notices: some Sequence<ShipNotice>) -> [Discrepancy] {
        let matcher = LineMatcher(order: self)
        var shipped = [Decimal](repeating: 0, count: self.lines.count)
        var shippedAny = [Bool](repeating: false, count: self.lines.count)
        var otherUnit = [UnitOfMeasure?](repeating: nil, count: self.lines.count)
        var unknown: [Discrepancy] = []
        var dates: [Discrepancy] = []
        var wholeOrderShipped = false

        for notice in notices {
            for portion in notice.orders where portion.orderNumber == self.number {
                let items = portion.allItems
                if items.isEmpty { wholeOrderShipped = true }
                for item in items {
                    guard let index = matcher.match(lineNumber: item.lineNumber, items: item.items) else {
                        unknown.append(
                            Discrepancy(
                                kind: .unknownItem, lineNumber: item.lineNumber, items: item.items,
                                shipped: .quantity(item.quantity, unit: item.unit)))
                        continue
                    }
                    shippedAny[index] = true
                    if item.unit != self.lines[index].unit { otherUnit[index] = item.unit }
                    shipped[index] += item.quantity.value
                }
                let shipmentDates = notice.dates.isEmpty ? portion.dates : notice.dates
                dates += DateRules.check(
                    shipmentDates, line: nil, lineNumber: nil, order: self, items: [], shipped: true)
            }
        }

        var result: [Discrepancy] = []
        if !wholeOrderShipped {
            for (index, line) in self.lines.enumerated() {
                let lineNumber = matcher.lineNumber(at: index)
                let ordered = Discrepancy.Value.quantity(line.quantity, unit: line.unit)
                let total = Discrepancy.Value.quantity(
                    DecimalNumber(shipped[index]), unit: otherUnit[index] ?? line.unit)
                if !shippedAny[index] {
                    result.append(
                        Discrepancy(kind: .missingLine, lineNumber: lineNumber, items: line.items, ordered: ordered))
                } else if otherUnit[index] != nil {
                    result.append(
                        Discrepancy(
                            kind: .unit, lineNumber: lineNumber, items: line.items, ordered: ordered, shipped: total))
                } else if shipped[index] > line.quantity.value {
                    result.append(
                        Discrepancy(
                            kind: .overShipment, lineNumber: lineNumber, items: line.items, ordered: ordered,
                            shipped: total))
                } else if shipped[index] < line.quantity.value {
                    result.append(
                        Discrepancy(
                            kind: .shortShipment, lineNumber: lineNumber, items: line.items, ordered: ordered,
                            shipped: total))
                }
            }
        }
        var seen = Set<Discrepancy>()
        return result + unknown + dates.filter { seen.insert($0).inserted }
    }
}
