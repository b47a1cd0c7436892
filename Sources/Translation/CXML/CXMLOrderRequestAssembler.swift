import Orders

/// Builds a ``PurchaseOrder`` from an `OrderRequest` (DOMAIN.md §8.2, §9.1).
///
/// Header: `orderID` → number, `orderDate`, `type` → purpose (`new` original, `update` replace, `delete` delete),
/// `orderType`, `orderVersion` → reference `orderRevision`, `requisitionID` → `requisition`, `agreementID` → the
/// blanket order of a release (else reference `agreement`), the date attributes → dates, `Total` → totals amount
/// and currency, `ShipTo`/`BillTo`/`Contact` → parties and contacts (the `ShipTo`'s carrier → the carrier), `Shipping`/`Tax` → charges `D240`/`H850`,
/// `PaymentTerm` → payment terms, `TermsOfDelivery` → FOB terms, `DeliveryPeriod` → the delivery window,
/// `Comments` → notes, `IdReference` → references, Porter's extrinsics (``CXMLPorterExtrinsics``).
/// Lines: `ItemOut` as described in ``CXMLLineDecoding``. Everything else is kept in `extensions`.
enum CXMLOrderRequestAssembler {
    static let headerDates: [(attribute: String, kind: DateKind)] = [
        ("requestedDeliveryDate", .deliveryRequested), ("pickUpDate", .pickUpRequested),
        ("effectiveDate", .effective), ("expirationDate", .expiration),
    ]

    /// Drops a `BillTo` that only repeats the buyer or sold-to party (or only names the sender): what the encoder
    /// writes when the order has no bill-to party of its own.
    static func dropDefaultBillTo(from parties: inout [Party], sender: String) {
        guard let index = parties.firstIndex(where: { $0.role == .billTo }) else { return }
        var billTo = parties[index]
        let onlyNamesSender = billTo == Party(role: .billTo, name: sender)
        let repeats = parties.contains { party in
            guard party.role == .buyer || party.role == .soldTo else { return false }
            billTo.role = party.role
            return billTo == party
        }
        if onlyNamesSender || repeats { parties.remove(at: index) }
    }

    static func assemble(
        _ document: CXMLCursor, envelope decoded: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> PurchaseOrder? {
        guard let header = document.child("OrderRequestHeader") else {
            context.finding(
                .error, .missingRequired, "the OrderRequest has no OrderRequestHeader", at: document.element)
            return nil
        }
        var extensions = Extensions()
        // Lines first: their parts go to their own extensions, before the document's are recorded.
        var lines: [PurchaseOrderLine] = []
        for item in document.rootChildren("ItemOut") {
            lines.append(CXMLLineDecoding.orderLine(item))
        }
        if lines.isEmpty {
            context.finding(.warning, .missingRequired, "the OrderRequest has no ItemOut", at: document.element)
        }

        let type = header.enumerated("type", CXMLCodes.orderRequestTypes, severity: .error)
        var purpose = type.map { CXMLCodes.orderRequestType.value($0).value } ?? .original
        if let exact = header.extrinsic(CXMLPorterExtrinsics.purpose) { purpose = Purpose(rawValue: exact) }
        let typeText = header.enumerated("orderType", CXMLCodes.orderTypes)
        var orderType = typeText.map { CXMLCodes.orderType.value($0).value } ?? .standAlone
        if let exact = header.extrinsic(CXMLPorterExtrinsics.orderType) { orderType = OrderType(rawValue: exact) }

        let number = header.attribute("orderID")
        var orderDate = header.date("orderDate", severity: .error)
        if orderDate == nil, let fallback = decoded.envelope.date {
            orderDate = fallback
            context.finding(
                .warning, .missingRequired, "the order date is taken from cXML@timestamp", at: header.element)
        }
        guard let number, let orderDate else {
            if number == nil {
                context.finding(.error, .missingRequired, "no order number (orderID): no order", at: header.element)
            }
            return nil
        }

        var references: [Reference] = []
        if let version = header.attribute("orderVersion") { references.append(Reference(.orderRevision, version)) }
        if let requisition = header.attribute("requisitionID") {
            references.append(Reference(.requisition, requisition))
        }
        var blanketOrderNumber: String?
        if let agreement = header.attribute("agreementID") {
            if orderType == .release {
                blanketOrderNumber = agreement
            } else {
                references.append(Reference(.agreement, agreement))
            }
        }
        var dates: [QualifiedDate] = []
        for (attribute, kind) in Self.headerDates {
            if let value = header.date(attribute) { dates.append(QualifiedDate(kind, value)) }
        }
        var totals: OrderTotals?
        if let total = header.child("Total") {
            totals = CXMLCommonDecoding.money(total).map { OrderTotals(amount: $0) }
        } else {
            context.finding(.warning, .missingRequired, "the OrderRequestHeader has no Total", at: header.element)
        }
        var parties: [Party] = []
        var carriers: [CarrierRouting] = []
        if let shipTo = header.child("ShipTo") {
            parties.append(CXMLPartyDecoding.party(.shipTo, from: shipTo))
            if let carrier = CXMLCommonDecoding.carrier(shipTo) { carriers.append(carrier) }
        }
        if let billTo = header.child("BillTo") {
            parties.append(CXMLPartyDecoding.party(.billTo, from: billTo))
        } else {
            context.finding(.warning, .missingRequired, "the OrderRequestHeader has no BillTo", at: header.element)
        }
        var charges: [AllowanceCharge] = []
        if let shipping = header.child("Shipping") {
            charges.append(CXMLCommonDecoding.charge(shipping, code: CXMLCommonDecoding.shippingCode))
        }
        if let tax = header.child("Tax") {
            charges.append(CXMLCommonDecoding.charge(tax, code: CXMLCommonDecoding.taxCode))
        }
        let payments = header.children("Payment") { payment in
            payment.children.contains { $0.name == "PCard" && $0.attribute("number") != nil }
        }
        if let card = payments.first?.child("PCard"), let cardNumber = card.element.attribute("number") {
            // A payment card number is never kept whole: its last four digits are.
            card.use(attribute: "number")
            let masked = String(repeating: "*", count: max(0, cardNumber.count - 4)) + cardNumber.suffix(4)
            extensions["OrderRequestHeader/Payment/PCard@number"] = masked
            context.finding(
                .info, .masked, "the payment card number is kept masked (its last four digits)", at: card.element)
        }
        let paymentTerms = CXMLCommonDecoding.paymentTerms(header.children("PaymentTerm"))
        var contacts: [Contact] = []
        for contact in header.children("Contact") {
            let (party, person) = CXMLPartyDecoding.contact(contact)
            if let party { parties.append(party) }
            if let person { contacts.append(person) }
        }
        let notes = header.children("Comments").compactMap(CXMLCommonDecoding.note)
        let fob = header.child("TermsOfDelivery").flatMap(CXMLCommonDecoding.fob)
        if let period = header.child("DeliveryPeriod")?.child("Period") {
            if let start = period.date("startDate") { dates.append(QualifiedDate(.deliveryWindowStart, start)) }
            if let end = period.date("endDate") { dates.append(QualifiedDate(.deliveryWindowEnd, end)) }
        }
        references += header.children("IdReference").compactMap(CXMLCommonDecoding.reference)
        let releaseNumber = header.extrinsic(CXMLPorterExtrinsics.releaseNumber)
        let contractNumber = header.extrinsic(CXMLPorterExtrinsics.contractNumber)
        dates += CXMLPorterExtrinsics.dates(header, except: Set(Self.headerDates.map(\.kind)))

        Self.dropDefaultBillTo(from: &parties, sender: decoded.envelope.sender.id)
        decoded.root.finish(into: &extensions)
        return PurchaseOrder(
            envelope: decoded.envelope, purpose: purpose, orderType: orderType, number: number,
            releaseNumber: releaseNumber, blanketOrderNumber: blanketOrderNumber, contractNumber: contractNumber,
            orderDate: orderDate, currency: context.currency, dates: dates, parties: parties, contacts: contacts,
            references: references, paymentTerms: paymentTerms, fob: fob, carriers: carriers,
            allowancesCharges: charges, notes: notes,
            lines: lines, totals: totals, extensions: extensions)
    }
}
