import CXML
import Foundation
import Orders

/// Writes an `OrderRequestHeader` from a purchase order (see ``CXMLOrderRequestAssembler`` for the mapping).
struct CXMLOrderRequestHeaderWriter {
    let model: CXMLModelWriter
    let order: PurchaseOrder
    /// The `payloadID` of the order this one updates or deletes.
    let previousPayloadID: String?

    private var emitter: CXMLEmitter { self.model.emitter }

    func write(in document: CXMLContentWriter) throws(CXMLError) {
        let order = self.order
        let path = "OrderRequestHeader"
        let (type, purposeExtrinsic) = self.type()
        let (orderType, orderTypeExtrinsic) = self.orderType()
        var references = order.references
        let version = self.take(.orderRevision, from: &references)
        let requisition = self.take(.requisition, from: &references)
        var agreement = order.blanketOrderNumber
        if agreement == nil { agreement = self.take(.agreement, from: &references) }
        var attributes: [(String, String?)] = [
            ("orderID", order.number), ("orderDate", self.model.dateTime(order.orderDate, path: "\(path)@orderDate")),
            ("orderType", orderType), ("type", type), ("orderVersion", version), ("requisitionID", requisition),
            ("agreementID", agreement),
        ]
        for (attribute, kind) in CXMLOrderRequestAssembler.headerDates {
            if let date = order.dates.first(kind) {
                attributes.append((attribute, self.model.dateTime(date.dateTime, path: "\(path)@\(attribute)")))
            }
        }
        try document.element("OrderRequestHeader", attributes) { header throws(CXMLError) in
            try header.element("Total") { total throws(CXMLError) in
                try self.model.money(self.total(), in: total)
            }
            var parties = order.parties
            if let shipTo = self.takeParty(.shipTo, from: &parties) {
                try self.model.holder("ShipTo", shipTo, carrier: order.carriers.first, in: header)
            }
            if order.carriers.count > 1 || (!order.carriers.isEmpty && order.parties.first(.shipTo) == nil) {
                self.emitter.note(
                    "carriers have a place in cXML only in the ShipTo, one each; the others were not written",
                    path: "OrderRequestHeader", code: .notCarried)
            }
            try self.model.holder("BillTo", self.billTo(from: &parties), in: header)
            let (shipping, tax) = self.model.charges(order.allowancesCharges, path: path)
            if let shipping { try self.model.charge("Shipping", shipping, in: header) }
            if let tax { try self.model.charge("Tax", tax, in: header) }
            if self.emitter.kept(attribute: "number", of: "OrderRequestHeader/Payment/PCard") != nil {
                // A payment card read from cXML, its number masked.
                try header.element("Payment") { payment throws(CXMLError) in try payment.element("PCard") }
            }
            try self.model.paymentTerms(order.paymentTerms, in: header)
            for party in parties { try self.model.contact(party, in: header) }
            for contact in order.contacts { try self.model.contact(contact, in: header) }
            for note in order.notes { try self.model.comments(note, in: header) }
            if let previousPayloadID {
                header.suppress("DocumentReference")
                try header.element("DocumentReference", [("payloadID", previousPayloadID)])
            } else if type != "new", !header.keeps("DocumentReference") {
                self.emitter.note(
                    "an update or delete without the previous document's payloadID has no DocumentReference",
                    path: path, code: .missingRequired)
            }
            if let fob = order.fob { try self.model.termsOfDelivery(fob, in: header) }
            if let start = order.dates.first(.deliveryWindowStart), let end = order.dates.first(.deliveryWindowEnd) {
                try header.element("DeliveryPeriod") { period throws(CXMLError) in
                    try period.element(
                        "Period",
                        [
                            ("startDate", self.model.dateTime(start.dateTime, path: period.path)),
                            ("endDate", self.model.dateTime(end.dateTime, path: period.path)),
                        ])
                }
            }
            for reference in references { try self.model.idReference(reference, in: header) }
            try self.model.extrinsic(CXMLPorterExtrinsics.releaseNumber, order.releaseNumber, in: header)
            try self.model.extrinsic(CXMLPorterExtrinsics.contractNumber, order.contractNumber, in: header)
            try self.model.extrinsic(CXMLPorterExtrinsics.purpose, purposeExtrinsic, in: header)
            try self.model.extrinsic(CXMLPorterExtrinsics.orderType, orderTypeExtrinsic, in: header)
            var attributeKinds = Set(CXMLOrderRequestAssembler.headerDates.map(\.kind))
            if order.dates.first(.deliveryWindowStart) != nil, order.dates.first(.deliveryWindowEnd) != nil {
                attributeKinds.formUnion([.deliveryWindowStart, .deliveryWindowEnd])
            }
            try self.model.dateExtrinsics(order.dates, except: attributeKinds, in: header)
        }
    }

    /// `type`, and Porter's name when the cXML value is only the nearest.
    private func type() -> (String, String?) {
        guard let (code, isExact) = CXMLCodes.orderRequestType.nearestCode(self.order.purpose) else {
            self.emitter.note(
                "the purpose \(self.order.purpose) has no cXML type; written as new", path: "OrderRequestHeader@type",
                code: .approximated, severity: .info)
            return ("new", self.order.purpose.rawValue)
        }
        if !isExact {
            self.emitter.note(
                "the purpose \(self.order.purpose) is written as the cXML type \(code), Porter's name in an "
                    + "Extrinsic", path: "OrderRequestHeader@type", code: .approximated, severity: .info)
        }
        return (code, isExact ? nil : self.order.purpose.rawValue)
    }

    /// `orderType` (left out for `regular`, the DTD's default), and Porter's name when only the nearest.
    private func orderType() -> (String?, String?) {
        let type = self.order.orderType
        if let (code, isExact) = CXMLCodes.orderType.nearestCode(type) {
            return (code == "regular" ? nil : code, isExact ? nil : type.rawValue)
        }
        if CXMLCodes.orderTypes.contains(type.rawValue) { return (type.rawValue, nil) }
        return (nil, type.rawValue)
    }

    /// Removes and returns the value of the first reference with `qualifier`.
    private func take(_ qualifier: ReferenceQualifier, from references: inout [Reference]) -> String? {
        guard let index = references.firstIndex(where: { $0.qualifier == qualifier && $0.value != nil }) else {
            return nil
        }
        return references.remove(at: index).value
    }

    private func takeParty(_ role: PartyRole, from parties: inout [Party]) -> Party? {
        guard let index = parties.firstIndex(where: { $0.role == role }) else { return nil }
        return parties.remove(at: index)
    }

    /// The bill-to party, else a copy of the buyer or the sold-to party (which is also written as a `Contact`; the
    /// decoder drops the copy), else a party named by the `From` identity.
    private func billTo(from parties: inout [Party]) -> Party {
        if let party = self.takeParty(.billTo, from: &parties) { return party }
        let path = "OrderRequestHeader/BillTo"
        for role in [PartyRole.buyer, .soldTo] {
            if var party = parties.first(role) {
                self.emitter.note("the order has no bill-to party; BillTo repeats the \(role) party", path: path)
                party.role = .billTo
                return party
            }
        }
        self.emitter.note("the order has no bill-to party; BillTo holds the sender's identity", path: path)
        return Party(role: .billTo, name: self.order.envelope.sender.id)
    }

    /// The total amount: the order's, else the sum of quantity × unit price.
    private func total() -> DecimalNumber {
        if let amount = self.order.totals?.amount { return amount }
        var sum = Decimal(0)
        for line in self.order.lines { sum += line.quantity.value * (line.unitPrice?.value ?? 0) }
        let total = DecimalNumber(sum)
        self.emitter.note(
            "the order states no total amount; Total is computed (\(total))", path: "OrderRequestHeader/Total")
        return total
    }
}
