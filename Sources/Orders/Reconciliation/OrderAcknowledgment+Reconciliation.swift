import Foundation

extension OrderAcknowledgment {
    /// Compares the acknowledgment with its order and lists what differs.
    ///
    /// Line by line (matched by line number, else by item identifiers):
    /// - `unknownItem`: an acknowledged line the order does not have, or whose identifiers name another item;
    /// - `unit`: a status in another unit than the order's (no conversion is guessed; quantities are then not
    ///   compared);
    /// - `quantity`: the confirmed quantity — the statuses' quantities, rejections and deletions counting as
    ///   zero; a status without quantity confirms the ordered quantity — differs from the ordered quantity;
    /// - `price`: the confirmed unit price (a status's, else the echoed line's) differs from the ordered price;
    /// - `date`: a scheduled or promised date is later than the order's earliest limit for the same event:
    ///   ship dates against the requested-ship, ship-no-later and cancel-after dates, delivery dates against the
    ///   requested, latest and required delivery dates; the line's dates replace the order's when it has any of
    ///   the family. A ship date is never compared with a delivery date;
    /// - `missingLine`: an order line the acknowledgment does not mention.
    ///
    /// An acknowledgment without lines (accepted or rejected as a whole) gives no line discrepancies; its
    /// ``acknowledgmentType`` says it all. Order lines are reported in order, then unknown lines in the
    /// acknowledgment's order.
    ///
    /// - Parameter order: The order acknowledged.
    /// - Returns: The discrepancies; empty when the acknowledgment confirms the order as sent.
    /// - Complexity: O(*n* + *m*) for *n* order lines and *m* acknowledged lines, plus identifier comparisons for
    ///   lines without numbers.
    public func discrepancies(against order: PurchaseOrder) -> [Discrepancy] {
        guard !self.lines.isEmpty else { return [] }
        let matcher = LineMatcher(order: order)
        var perLine = [[Discrepancy]](repeating: [], count: order.lines.count)
        var mentioned = [Bool](repeating: false, count: order.lines.count)
        var unknown: [Discrepancy] = []

        for line in self.lines {
            guard let index = matcher.match(lineNumber: line.lineNumber, items: line.items) else {
                unknown.append(
                    Discrepancy(
                        kind: .unknownItem, lineNumber: line.lineNumber, items: line.items,
                        confirmed: line.quantity.map { .quantity($0, unit: line.unit) }))
                continue
            }
            mentioned[index] = true
            perLine[index] += Self.compare(
                line, with: order.lines[index], lineNumber: matcher.lineNumber(at: index), order: order)
        }

        var result: [Discrepancy] = []
        for (index, orderLine) in order.lines.enumerated() {
            if !mentioned[index] {
                result.append(
                    Discrepancy(
                        kind: .missingLine, lineNumber: matcher.lineNumber(at: index), items: orderLine.items,
                        ordered: .quantity(orderLine.quantity, unit: orderLine.unit)))
            }
            result += perLine[index]
        }
        return result + unknown
    }

    private static func compare(
        _ line: AcknowledgmentLine, with orderLine: PurchaseOrderLine, lineNumber: String, order: PurchaseOrder
    ) -> [Discrepancy] {
        var result: [Discrepancy] = []
        let items = line.items.isEmpty ? orderLine.items : line.items
        let ordered = Discrepancy.Value.quantity(orderLine.quantity, unit: orderLine.unit)

        // Quantity and unit.
        var confirmed = Decimal(0)
        var unitMismatch: UnitOfMeasure?
        if line.statuses.isEmpty {
            if let quantity = line.quantity {
                confirmed = quantity.value
                if let unit = line.unit, unit != orderLine.unit { unitMismatch = unit }
            } else {
                confirmed = orderLine.quantity.value
            }
        } else {
            for status in line.statuses {
                if let unit = status.unit, unit != orderLine.unit, status.quantity != nil { unitMismatch = unit }
                guard !status.status.isRejection else { continue }
                confirmed += status.quantity?.value ?? orderLine.quantity.value
            }
        }
        if let unit = unitMismatch {
            result.append(
                Discrepancy(
                    kind: .unit, lineNumber: lineNumber, items: items, ordered: ordered,
                    confirmed: .quantity(DecimalNumber(confirmed), unit: unit)))
        } else if confirmed != orderLine.quantity.value {
            result.append(
                Discrepancy(
                    kind: .quantity, lineNumber: lineNumber, items: items, ordered: ordered,
                    confirmed: .quantity(DecimalNumber(confirmed), unit: orderLine.unit)))
        }

        // Price.
        let accepted = line.statuses.filter { !$0.status.isRejection }
        let confirmedPrice = accepted.lazy.compactMap(\.unitPrice).first ?? line.unitPrice
        if let orderedPrice = orderLine.unitPrice, let confirmedPrice, confirmedPrice.value != orderedPrice.value {
            result.append(
                Discrepancy(
                    kind: .price, lineNumber: lineNumber, items: items, ordered: .price(orderedPrice),
                    confirmed: .price(confirmedPrice)))
        }

        // Dates.
        let dates = line.dates + accepted.flatMap(\.dates)
        result += DateRules.check(
            dates, line: orderLine, lineNumber: lineNumber, order: order, items: items, shipped: false)
        return result
    }
}
