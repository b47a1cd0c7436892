import Foundation
import Orders
import Testing
import Translation
import X12

@Suite("850 decoding into typed fields")
struct TypedValueTests {
    private func order(_ name: String) throws -> PurchaseOrder {
        let results = try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/\(name).edi"))
        return try #require(results.first?.order)
    }

    @Test("the retail order's header, parties and lines are typed values")
    func retail() throws {
        let order = try self.order("004010-retail-sdq")
        #expect(order.number == "BO-7734210")
        #expect(order.purpose == .original)
        #expect(order.orderType == .standAlone)
        #expect(order.orderDate.date == CalendarDate(year: 2025, month: 3, day: 4))
        #expect(order.currency == "USD")
        #expect(order.dates.first(.deliveryRequested)?.date == CalendarDate(year: 2025, month: 3, day: 21))
        #expect(order.dates.first(.cancelAfter)?.date == CalendarDate(year: 2025, month: 4, day: 4))
        #expect(order.references.value(.department) == "118")
        #expect(order.parties.first(.buyer)?.identifiers == [PartyIdentifier(.duns, "804417263")])
        #expect(order.parties.first(.shipTo)?.identifiers == [PartyIdentifier(.buyerAssigned, "DC04")])
        #expect(order.parties.first(.vendor)?.address?.lines == ["14 Foundry Lane", "Building C"])
        #expect(order.carriers.first?.carrier == PartyIdentifier(.scac, "KSTL"))
        #expect(order.paymentTerms.first?.discountPercent?.value == Decimal(2))
        #expect(order.paymentTerms.first?.netDays == 45)
        #expect(order.notes.first?.lines.count == 2)
        #expect(order.lines.map(\.quantity.value) == [48, 36, 120])
        #expect(order.lines.map { $0.unitPrice?.value } == [Decimal(string: "12.5"), Decimal(string: "27.95"), 4.25])
        #expect(order.lines.allSatisfy { $0.unit == .each && $0.priceBasis == .perEach })
        #expect(order.lines[0].items.first { $0.kind == .upc }?.value == "084512300018")
        #expect(order.lines[0].pack?.pack == 6)
        #expect(order.lines[1].destinations.map(\.quantity.value).reduce(0, +) == 36)
        #expect(order.totals?.lineCount == 3)
        #expect(order.totals?.hashTotal?.value == 204)
        #expect(order.envelope.sender == EnvelopeIdentity(qualifier: "01", id: "804417263"))
        #expect(order.envelope.date?.time == TimeOfDay(hour: 8, minute: 15))
    }

    @Test("a release puts BEG04 in releaseNumber and BEG06 in blanketOrderNumber")
    func release() throws {
        let order = try self.order("004010-blanket-release")
        #expect(order.orderType == .release)
        #expect(order.releaseNumber == "0007")
        #expect(order.blanketOrderNumber == "BPA-HME-2024-031")
        #expect(order.contractNumber == nil)
        #expect(order.lines.map(\.unit) == [.foot, .foot, .package, .each])
        #expect(order.lines[2].unitPrice == DecimalNumber("9.4"))
        #expect(
            order.lines[0].items == [
                ItemIdentifier(.buyerPart, "HME-CBL-16AWG-RD"), ItemIdentifier(.vendorPart, "QCW-16T-RED"),
            ])
    }

    @Test("005010: MTX notes, SAC with N2 amounts, FOB Incoterms, SCH schedules and AMT")
    func industrial() throws {
        let order = try self.order("005010-industrial")
        #expect(order.envelope.version == "005010")
        #expect(order.envelope.date?.time == TimeOfDay(hour: 11, minute: 17, second: 42))
        #expect(order.contractNumber == nil)
        #expect(order.references.first == Reference(.contract, "MSA-CF-2023-114"))
        #expect(
            order.fob
                == FOBTerms(
                    paymentMethod: .collect, locationQualifier: "OR",
                    locationDescription: "Ironbridge dock Racine WI", incoterms: "FCA"))
        #expect(order.allowancesCharges.map(\.amount) == [DecimalNumber("85.00"), DecimalNumber("125.00")])
        #expect(order.allowancesCharges.map(\.indicator) == [.charge, .allowance])
        #expect(
            order.notes.first?.lines == [
                "Tag each bundle with PO line number and heat lot",
                "Certificates of conformance must travel with the shipment",
            ])
        #expect(order.lines[0].schedules.count == 2)
        #expect(
            order.lines[0].schedules[1].dates == [
                QualifiedDate(.deliveryRequested, CalendarDate(year: 2025, month: 3, day: 31)!)
            ])
        #expect(order.lines[1].allowancesCharges.first?.amount == DecimalNumber("24.00"))
        #expect(order.totals == OrderTotals(lineCount: 3, hashTotal: 652, amount: 4138))
        #expect(order.parties.first(.seller)?.identifiers == [PartyIdentifier(.duns, "338710526")])
    }

    @Test("a dropship order keeps party contacts and TD5 service levels")
    func dropship() throws {
        let order = try self.order("004010-dropship")
        #expect(order.orderType == .dropship)
        #expect(order.parties.first(.shipTo)?.contacts.first?.communications == [Communication(.phone, "5415550187")])
        #expect(order.carriers.first?.serviceLevels == [.ground])
        #expect(order.carriers.first?.transportMethod == .privateParcel)
        #expect(order.dates.first(.shipRequested) != nil)
    }
}
