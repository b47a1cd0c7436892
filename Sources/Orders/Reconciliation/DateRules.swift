/// The date rules reconciliation applies: a confirmed or shipped date may not be later than the earliest
/// limit the order sets for the same event (shipment or delivery). Only dates of the same family are compared;
/// no date is ever inferred from another (a ship date is not turned into a delivery date).
enum DateRules {
    /// Order dates that limit when goods ship.
    static let shipLimits: Set<DateKind> = [.shipRequested, .shipNoLater, .cancelAfter]
    /// Order dates that limit when goods arrive.
    static let deliveryLimits: Set<DateKind> = [
        .deliveryRequested, .deliverNotAfter, .deliveryWindowEnd, .requiredDelivery,
    ]
    /// Seller dates for shipment.
    static let shipDates: Set<DateKind> = [.scheduledShip, .promisedShip, .shipped]
    /// Seller dates for delivery.
    static let deliveryDates: Set<DateKind> = [
        .scheduledDelivery, .promisedDelivery, .estimatedDelivery, .estimatedArrival,
    ]

    /// The earliest limit for a seller date of `kind`: from the line's dates when it has any of the family,
    /// else from the order's.
    static func limit(for kind: DateKind, line: PurchaseOrderLine?, order: PurchaseOrder) -> QualifiedDate? {
        let limits: Set<DateKind>
        if Self.shipDates.contains(kind) {
            limits = Self.shipLimits
        } else if Self.deliveryDates.contains(kind) {
            limits = Self.deliveryLimits
        } else {
            return nil
        }
        let lineLimits = (line?.dates ?? []).filter { limits.contains($0.kind) }
        let candidates = lineLimits.isEmpty ? order.dates.filter { limits.contains($0.kind) } : lineLimits
        return candidates.min { $0.date < $1.date }
    }

    /// A `date` discrepancy for each seller date later than its limit.
    static func check(
        _ dates: [QualifiedDate], line: PurchaseOrderLine?, lineNumber: String?, order: PurchaseOrder,
        items: [ItemIdentifier], shipped: Bool
    ) -> [Discrepancy] {
        var result: [Discrepancy] = []
        for date in dates {
            guard let limit = Self.limit(for: date.kind, line: line, order: order), date.date > limit.date else {
                continue
            }
            result.append(
                Discrepancy(
                    kind: .date, lineNumber: lineNumber, items: items, ordered: .date(limit),
                    confirmed: shipped ? nil : .date(date), shipped: shipped ? .date(date) : nil))
        }
        return result
    }
}
