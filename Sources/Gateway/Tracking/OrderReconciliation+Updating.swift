public import Store
import Foundation
import Orders

extension OrderReconciliation {
    /// A leg's reconciliation: as stored, or, while none is stored (an order sent, nothing confirmed, shipped or
    /// released against it yet), the lines of the order as sent, read from its document. Nil when neither can be
    /// read.
    ///
    /// Sending an order stores no reconciliation: it would only repeat the order's lines, and writing it for every
    /// order leg cost more than the rest of tracking the order. The first 855, 856 or release stores one.
    public init?(of leg: TrackedOrder) {
        if leg.reconciliation.isEmpty {
            guard let order = try? OrderTracker.order(of: leg) else { return nil }
            self.init(order: order)
        } else {
            guard let stored = try? JSONDecoder().decode(OrderReconciliation.self, from: leg.reconciliation) else {
                return nil
            }
            self = stored
        }
    }

    /// The lines of `order`, nothing confirmed or shipped yet.
    init(order: PurchaseOrder) {
        self.init(
            lines: order.lines.enumerated().map { index, line in
                Line(
                    lineNumber: line.lineNumber ?? String(index + 1), items: line.items, unit: line.unit,
                    ordered: line.quantity, unitPrice: line.unitPrice)
            })
    }

    /// The line a document's line belongs to: by line number (numbers compared without leading zeros), else by a
    /// shared item identifier; `preferItems` tries identifiers first (releases number their own lines).
    func index(matching lineNumber: String?, items: [ItemIdentifier], preferItems: Bool = false) -> Int? {
        let byItems = items.isEmpty ? nil : self.lines.firstIndex { line in line.items.contains { items.contains($0) } }
        if preferItems, let byItems { return byItems }
        if let lineNumber {
            let key = LineNumbers.key(lineNumber)
            if let index = self.lines.firstIndex(where: { LineNumbers.key($0.lineNumber) == key }) { return index }
        }
        return byItems
    }

    /// Takes in an 855: per line the confirmed quantity (rejected and deleted statuses count as zero; a line
    /// without statuses confirms its own quantity, else the ordered one), price and first status. An 855 without
    /// lines confirms (or rejects) every line as ordered.
    mutating func confirm(_ acknowledgment: OrderAcknowledgment) {
        self.acknowledgment = acknowledgment
        for index in self.lines.indices {
            self.lines[index].confirmed = nil
            self.lines[index].confirmedPrice = nil
            self.lines[index].status = nil
        }
        if acknowledgment.lines.isEmpty {
            let rejected = acknowledgment.acknowledgmentType.rawValue.hasPrefix("rejected")
            for index in self.lines.indices {
                self.lines[index].confirmed = rejected ? 0 : self.lines[index].ordered
                self.lines[index].status = rejected ? "rejected" : "accepted"
            }
            return
        }
        for line in acknowledgment.lines {
            guard let index = self.index(matching: line.lineNumber, items: line.items) else { continue }
            var confirmed: Decimal = 0
            if line.statuses.isEmpty {
                confirmed = (line.quantity ?? self.lines[index].ordered).value
            } else {
                for status in line.statuses where !OrderTracker.isRejection(status.status.rawValue) {
                    confirmed += (status.quantity ?? line.quantity ?? self.lines[index].ordered).value
                }
            }
            self.lines[index].confirmed = DecimalNumber(confirmed + (self.lines[index].confirmed?.value ?? 0))
            self.lines[index].confirmedPrice = line.statuses.lazy.compactMap(\.unitPrice).first ?? line.unitPrice
            self.lines[index].status = self.lines[index].status ?? line.statuses.first?.status.rawValue ?? "accepted"
        }
    }

    /// Takes in the shipment reconciliation of every 856 so far: a line with a short, over or unit discrepancy
    /// shipped what the discrepancy says, a missing line nothing, any other line what was ordered.
    mutating func ship(_ discrepancies: [Discrepancy]) {
        for index in self.lines.indices {
            let key = LineNumbers.key(self.lines[index].lineNumber)
            let about = discrepancies.filter { $0.lineNumber.map(LineNumbers.key) == key }
            if about.contains(where: { $0.kind == .missingLine }) {
                self.lines[index].shipped = 0
            } else if let shipped = about.lazy.compactMap(\.shipped).first, case .quantity(let quantity, _) = shipped {
                self.lines[index].shipped = quantity
            } else {
                self.lines[index].shipped = self.lines[index].ordered
            }
        }
    }
}
