import Foundation
import Orders
import Testing
import Translation

@testable import Partners

/// Code lists, cross-references, defaults, rules, routes and the PO split applied to the fixture orders.
@Suite struct MappingTests {
    struct FixtureError: Error {}

    static func order(_ fixture: String) throws -> PurchaseOrder {
        let url = MappingsFolder.packageRoot.appending(path: "Fixtures/x12/850/\(fixture)")
        let documents = try GoldenTestRunner.decodeX12(Array(try Data(contentsOf: url)))
        guard case .purchaseOrder(let order) = documents.first else { throw FixtureError() }
        return order
    }

    static func catalog() throws -> MappingsCatalog { try MappingsLoader(directory: MappingsFolder.examples).load() }

    static func profile(_ id: String) throws -> PartnerProfile { try #require(try catalog().profiles[id]) }

    @Test func codeListsGoOutAsTheirCodesAndComeBack() throws {
        let ironbridge = try Self.profile("ironbridge-fastener")
        let order = try Self.order("005010-industrial.edi")
        let mapped = PartnerMapping(profile: ironbridge).outbound(.purchaseOrder(order))
        guard case .purchaseOrder(let out) = mapped.document else { Issue.record("not an order"); return }
        #expect(out.lines.map(\.unit.rawValue) == ["CT", "LF", "PC"])
        #expect(out.lines[0].schedules.map(\.unit.rawValue) == ["CT", "CT"])
        #expect(!mapped.isHeld, "\(mapped.findings)")
        guard case .purchaseOrder(let back) = PartnerMapping(profile: ironbridge).inbound(mapped.document) else {
            return
        }
        #expect(back.lines.map(\.unit) == [.box, .foot, .each])
    }

    @Test func crossReferenceAddsTheMissingIdentifiers() throws {
        let ironbridge = try Self.profile("ironbridge-fastener")
        var order = try Self.order("005010-industrial.edi")
        for index in order.lines.indices { order.lines[index].items.removeAll { $0.kind == .vendorPart } }
        guard
            case .purchaseOrder(let out) = PartnerMapping(profile: ironbridge).outbound(.purchaseOrder(order)).document
        else { return }
        #expect(
            out.lines[1].items == [
                ItemIdentifier(.buyerPart, "CF-RM-1120"), ItemIdentifier(.vendorPart, "IFS-ATR-58-11"),
                ItemIdentifier(.gtin, "00614141000425"),
            ])
    }

    @Test func defaultsAddTheVendorNumberAndSendVN() throws {
        let tidewater = try Self.profile("tidewater-kitchenworks")
        let json = try Data(
            contentsOf: MappingsFolder.packageRoot.appending(path: "Fixtures/json/850/004010-retail-sdq.json"))
        guard case .purchaseOrder(var order) = try BusinessDocument.decode(json: Array(json)) else { return }
        order.references.removeAll { $0.qualifier == .internalVendorNumber }
        for line in order.lines.indices {
            for item in order.lines[line].items.indices where order.lines[line].items[item].kind == .vendorItem {
                order.lines[line].items[item].kind = .vendorPart
            }
        }
        let mapped = PartnerMapping(profile: tidewater).outbound(.purchaseOrder(order))
        guard case .purchaseOrder(let out) = mapped.document else { return }
        #expect(out.references.value(.internalVendorNumber) == "TKW-40022")
        #expect(out.lines.allSatisfy { $0.items.contains { $0.kind == .vendorItem } })
        #expect(!out.lines.contains { $0.items.contains { $0.kind == .vendorPart } })
        #expect(out.envelope.receiver == EnvelopeIdentity(qualifier: "01", id: "612093384"))
        #expect(!mapped.isHeld)
    }

    @Test func constantsAndOmittedReferences() throws {
        let finance = try Self.profile("finance-ledger")
        var order = try Self.order("004010-retail-sdq.edi")
        order.references.append(Reference(.lettersOrNotes, "NOTE"))
        guard case .purchaseOrder(let out) = PartnerMapping(profile: finance).outbound(.purchaseOrder(order)).document
        else { return }
        #expect(out.references.value(.customerReference) == "CC-4410")
        #expect(out.references.value(.lettersOrNotes) == nil)
        #expect(out.currency == "USD")
    }

    @Test func rulesHoldAnOrderWithLocatedFindings() throws {
        let tidewater = try Self.profile("tidewater-kitchenworks")
        var order = try Self.order("004010-retail-sdq.edi")
        order.references.removeAll { $0.qualifier == .department }
        order.lines[1].quantity = "500"
        order.lines[2].unit = .case
        let mapped = PartnerMapping(profile: tidewater).outbound(.purchaseOrder(order))
        #expect(mapped.isHeld)
        #expect(mapped.findings.map(\.rule) == [.requiredField, .quantity, .allowedUnits])
        #expect(mapped.findings[0].path == "references.department")
        #expect(mapped.findings[1].path == "lines[1].quantity")
        #expect(mapped.findings[1].lineNumber == "2")
        #expect(mapped.findings[1].message.contains("10 times the typical 48"))
        #expect(mapped.findings[2].path == "lines[2].unit")
        #expect(mapped.findings[0].ruleLocation.description.hasSuffix("tidewater-kitchenworks/partner.yaml:45:3"))
    }

    @Test func priceOutsideTheToleranceIsHeld() throws {
        let ironbridge = try Self.profile("ironbridge-fastener")
        var order = try Self.order("005010-industrial.edi")
        #expect(!PartnerMapping(profile: ironbridge).outbound(.purchaseOrder(order)).isHeld)  // 64 vs 62: within 5%
        order.lines[2].unitPrice = "66"
        let findings = PartnerMapping(profile: ironbridge).outbound(.purchaseOrder(order)).findings
        #expect(findings.map(\.rule) == [.price])
        #expect(findings.first?.path == "lines[2].unitPrice")
    }

    @Test func blanketReleaseMayNotExceedTheRemainingQuantity() throws {
        let order = try Self.order("004010-blanket-release.edi")
        var rules = AccuracyRules(blanketReleases: true)
        rules.locations[.blanketRelease] = MappingsLocation(file: "p.yaml", line: 3, column: 3)
        let profile = PartnerProfile(
            id: "quillon", name: "Quillon", role: .weBuyFromThem,
            blanketBalances: [
                "BPA-HME-2024-031": [
                    "QCW-16T-RED": "1000", "QCW-10T-BLK": "200", "QCW-HS8-25": "20", "QCW-ATC15": "60",
                ]
            ],
            rules: rules, location: MappingsLocation(file: "p.yaml"))
        let findings = PartnerMapping(profile: profile).outbound(.purchaseOrder(order)).findings
        #expect(findings.count == 1)
        #expect(findings.first?.rule == .blanketRelease)
        #expect(findings.first?.lineNumber == "2")
        #expect(findings.first?.message.contains("has 200 left") == true)
    }

    @Test func routesSendToTheNamedSupplierAndCopyToFinance() throws {
        let catalog = try Self.catalog()
        let order = try Self.order("004010-retail-sdq.edi")
        let outcome = OrderRouter(catalog: catalog).route(.purchaseOrder(order))
        #expect(outcome.deliveries.map(\.partner) == ["tidewater-kitchenworks", "finance-ledger"])
        #expect(outcome.deliveries.map(\.isCopy) == [false, true])
        #expect(outcome.problems.isEmpty)
    }

    @Test func aChangeGoesToTheSupplierItNamesElseToTheOrdersRecipients() throws {
        let catalog = try Self.catalog()
        let order = try Self.order("004010-retail-sdq.edi")
        var change = OrderChange(
            envelope: order.envelope, orderType: order.orderType, orderNumber: order.number, orderDate: order.orderDate)
        let router = OrderRouter(catalog: catalog)
        // The envelope receiver (612093384) names Tidewater.
        #expect(router.route(.orderChange(change)).deliveries.map(\.partner) == ["tidewater-kitchenworks"])
        change.envelope.receiver = EnvelopeIdentity(qualifier: "ZZ", id: "NOBODY")
        let unrouted = router.route(.orderChange(change))
        #expect(unrouted.deliveries.isEmpty)
        #expect(unrouted.problems.first?.contains("names no supplier") == true)
        let routed = router.route(.orderChange(change), orderRecipients: ["ironbridge-fastener", "copperleaf-office"])
        #expect(routed.deliveries.map(\.partner) == ["ironbridge-fastener", "copperleaf-office"])
        #expect(routed.problems.isEmpty)
    }

    @Test func anOrderForTwoSuppliersIsSplit() throws {
        let catalog = try Self.catalog()
        var order = try Self.order("005010-industrial.edi")
        // A line of Tidewater's skillets on the same order: its supplier is found by its party id on the line.
        var skillet = try Self.order("004010-retail-sdq.edi").lines[0]
        skillet.parties = [Party(role: .vendor, identifiers: [PartyIdentifier("assignedByBuyer", "TKW-40022")])]
        order.lines.insert(skillet, at: 1)
        let split = RoutingTable.Split(
            method: .lineSupplier, numbering: "{number}-{sequence}", location: MappingsLocation(file: "r"))
        let router = OrderRouter(catalog: catalog)
        var lines = order.lines
        for index in lines.indices where index != 1 {
            lines[index].parties = [Party(role: .seller, identifiers: [PartyIdentifier("duns", "338710526")])]
        }
        order.lines = lines
        let result = router.split(order, by: split)
        #expect(result.unassigned.isEmpty)
        #expect(result.orders.map(\.partner) == ["ironbridge-fastener", "tidewater-kitchenworks"])
        #expect(result.orders.map(\.order.number) == ["CF-PO-118204-1", "CF-PO-118204-2"])
        #expect(result.orders.map(\.order.lines.count) == [3, 1])
        #expect(result.orders[1].order.references.value(.purchaseOrder) == "CF-PO-118204")
        // By item cross-reference: only Ironbridge lists the industrial items; the skillet has no supplier.
        let byItems = router.split(
            order,
            by: RoutingTable.Split(
                method: .itemCrossReference, numbering: "{number}/{partner}", location: MappingsLocation(file: "r")))
        #expect(byItems.orders.map(\.order.number) == ["CF-PO-118204/ironbridge-fastener"])
        #expect(byItems.unassigned == ["1"])
    }
}
