import Foundation
import Orders

/// Runs a profile's accuracy rules over an order about to go out.
///
/// Each failure is an ``AccuracyFinding`` located in the order and in the profile; an order with any is held.
struct AccuracyCheck {
    let profile: PartnerProfile

    private var rules: AccuracyRules { self.profile.rules }

    private func location(_ rule: AccuracyFinding.Rule) -> MappingsLocation {
        self.rules.locations[rule] ?? self.profile.location
    }

    func check(_ order: PurchaseOrder) -> [AccuracyFinding] {
        var findings: [AccuracyFinding] = []
        for field in self.rules.requiredFields {
            for missing in field.missing(in: order) {
                findings.append(
                    AccuracyFinding(
                        rule: .requiredField, message: "\(field) is required by \(self.profile.name) and missing",
                        path: missing.path, lineNumber: missing.lineNumber, ruleLocation: self.location(.requiredField))
                )
            }
        }
        for (index, line) in order.lines.enumerated() {
            if !self.rules.allowedUnits.isEmpty, !self.rules.allowedUnits.contains(line.unit) {
                findings.append(
                    AccuracyFinding(
                        rule: .allowedUnits,
                        message: "unit \(line.unit) is not one \(self.profile.name) accepts ("
                            + self.rules.allowedUnits.map(\.rawValue).joined(separator: ", ") + ")",
                        path: "lines[\(index)].unit", lineNumber: line.lineNumber,
                        ruleLocation: self.location(.allowedUnits)))
            }
            findings += self.checkPrice(line, index: index)
            findings += self.checkQuantity(line, index: index)
        }
        findings += self.checkBlanket(order)
        return findings
    }

    /// The item key a price list or blanket list uses for a line: its vendor part, else its buyer part.
    private func keys(_ line: PurchaseOrderLine) -> [String] {
        let vendor = line.items.filter { ItemCrossReference.vendorKinds.contains($0.kind) }.map(\.value)
        let buyer = line.items.filter { ItemCrossReference.buyerKinds.contains($0.kind) }.map(\.value)
        return vendor + buyer
    }

    private func checkPrice(_ line: PurchaseOrderLine, index: Int) -> [AccuracyFinding] {
        guard let tolerance = self.rules.priceTolerancePercent, let price = line.unitPrice else { return [] }
        guard let key = self.keys(line).first(where: { self.profile.priceList[$0] != nil }),
            let listed = self.profile.priceList[key]
        else {
            return [
                AccuracyFinding(
                    rule: .price, message: "the item is not on \(self.profile.name)'s price list",
                    path: "lines[\(index)].items", lineNumber: line.lineNumber, ruleLocation: self.location(.price))
            ]
        }
        let allowed = listed.value * tolerance / 100
        let difference = abs(price.value - listed.value)
        guard difference > allowed else { return [] }
        return [
            AccuracyFinding(
                rule: .price,
                message: "price \(price) for \(key) is more than \(tolerance)% from the price list's \(listed)",
                path: "lines[\(index)].unitPrice", lineNumber: line.lineNumber, ruleLocation: self.location(.price))
        ]
    }

    private func checkQuantity(_ line: PurchaseOrderLine, index: Int) -> [AccuracyFinding] {
        let quantity = line.quantity.value
        if let cap = self.rules.hardCap, quantity > cap {
            return [
                AccuracyFinding(
                    rule: .quantity, message: "quantity \(line.quantity) is above the hard cap of \(cap)",
                    path: "lines[\(index)].quantity", lineNumber: line.lineNumber,
                    ruleLocation: self.location(.quantity))
            ]
        }
        if let typical = self.rules.typicalQuantity, let times = self.rules.maximumTimesTypical,
            quantity > typical * times
        {
            return [
                AccuracyFinding(
                    rule: .quantity,
                    message: "quantity \(line.quantity) is more than \(times) times the typical \(typical)",
                    path: "lines[\(index)].quantity", lineNumber: line.lineNumber,
                    ruleLocation: self.location(.quantity))
            ]
        }
        return []
    }

    private func checkBlanket(_ order: PurchaseOrder) -> [AccuracyFinding] {
        guard self.rules.blanketReleases, order.orderType == .release else { return [] }
        guard let blanket = order.blanketOrderNumber, let balances = self.profile.blanketBalances[blanket] else {
            return [
                AccuracyFinding(
                    rule: .blanketRelease,
                    message:
                        "release against blanket \(order.blanketOrderNumber ?? "(none)"), which has no remaining quantities",
                    path: "blanketOrderNumber", ruleLocation: self.location(.blanketRelease))
            ]
        }
        var findings: [AccuracyFinding] = []
        var used: [String: Decimal] = [:]
        for (index, line) in order.lines.enumerated() {
            guard let key = self.keys(line).first(where: { balances[$0] != nil }), let remaining = balances[key] else {
                findings.append(
                    AccuracyFinding(
                        rule: .blanketRelease, message: "the item is not on blanket \(blanket)",
                        path: "lines[\(index)].items", lineNumber: line.lineNumber,
                        ruleLocation: self.location(.blanketRelease)))
                continue
            }
            used[key, default: 0] += line.quantity.value
            if used[key, default: 0] > remaining.value {
                findings.append(
                    AccuracyFinding(
                        rule: .blanketRelease,
                        message:
                            "releases \(used[key, default: 0]) of \(key), but blanket \(blanket) has \(remaining) left",
                        path: "lines[\(index)].quantity", lineNumber: line.lineNumber,
                        ruleLocation: self.location(.blanketRelease)))
            }
        }
        return findings
    }
}
