import Orders

/// Documents with every field set, so tests reach every key of the writer, the decoder and the schema.
enum Samples {
    static let date = CalendarDate(year: 2025, month: 3, day: 4)!
    static let later = CalendarDate(year: 2025, month: 3, day: 21)!
    static let time = TimeOfDay(hour: 8, minute: 15, second: 0, fractionDigits: "25")!
    static let dateTime = DateTime(date: date, time: time, zone: "-05:00")
    static let extensions: Extensions = ["BEG07": "AC", "PO1[1]/PO4/PO405": "G", "quote\"and\\slash": "tab\there"]

    static let envelope = Envelope(
        standard: .cxml, sender: EnvelopeIdentity(qualifier: "NetworkID", id: "AN01000000001"),
        receiver: EnvelopeIdentity(qualifier: "DUNS", id: "612093384"), applicationSender: "SENDER",
        applicationReceiver: "RECEIVER", interchangeControlNumber: "000000001", groupControlNumber: "1",
        transactionControlNumber: "0001", interchangeVersion: "00401", version: "1.2.063",
        implementationReference: "005010X220", payloadID: "1741094100.1234@porter.example", date: dateTime,
        usage: .test, acknowledgmentRequested: true,
        userAgent: "Porter")

    static let address = Address(
        deliverTo: ["Receiving, dock 4"], lines: ["2200 Carver Industrial Pkwy", "Suite 1"], city: "Lebanon",
        stateOrProvince: "TN", postalCode: "37090", country: "US", countrySubdivision: "TN")

    static let contact = Contact(
        function: .buyer, name: "Dana Whitlock",
        communications: [Communication(.phone, "6155550142"), Communication(.email, "dana@example.com")])

    static let party = Party(
        role: .shipTo, name: "Bramble & Oak DC 4", additionalNames: ["Building 2"],
        identifiers: [PartyIdentifier(.gln, "0614141000012")], address: address, contacts: [contact],
        references: [Reference(.store, "0112", description: "Store")])

    static let dates = [QualifiedDate(.deliveryRequested, later, time: time, zone: "ET")]
    static let references = [Reference(.department, "118"), Reference("XY", nil, description: "as sent")]
    static let notes = [
        Note(kind: .general, title: "SPECIAL", lines: ["Line one", "Zeile zwei: Größe"], language: "de")
    ]
    static let items = [ItemIdentifier(.vendorPart, "AB-12"), ItemIdentifier(.upc, "084512300018")]
    static let descriptions = [ItemDescription("Skillet", language: "en")]
    static let pack = PackDetails(
        pack: 6, size: "1.5", sizeUnit: .liter, packagingCode: "CTN25", weightQualifier: "G", weight: "9.6",
        weightUnit: .pound, volume: "0.5", volumeUnit: .cubicFoot, length: "12", width: "8", height: "6.5",
        dimensionUnit: .inch, innerPack: 2)
    static let allowance = AllowanceCharge(
        indicator: .charge, code: "D240", amount: "12.00", percent: "1.5", rate: "0.10", quantity: 3, unit: .each,
        handling: "06", reference: "FRT-1", description: "Freight")
    static let destination = DestinationQuantity(
        location: PartyIdentifier(.buyerAssigned, "0112"), quantity: 12, unit: .each)
    static let schedule = ScheduleLine(quantity: 24, unit: .each, dates: dates, lineNumber: "1", reference: "REQ-1")
    static let terms = PaymentTerms(
        termsType: .basicDiscountOffered, basisDate: .invoiceDate, discountPercent: "2", discountDueDate: date,
        discountDays: 15, netDueDate: later, netDays: 45, discountAmount: "10.00", description: "2% 15 NET 45")
    static let fob = FOBTerms(
        paymentMethod: .prepaid, locationQualifier: "OR", locationDescription: "Origin", incoterms: "FOB")
    static let carrier = CarrierRouting(
        routingSequence: "B", carrier: PartyIdentifier(.scac, "KSTL"), carrierName: "Kestrel Freight Lines",
        transportMethod: .motorCommonCarrier, serviceLevels: [.ground, "XX"])
    static let totals = OrderTotals(lineCount: 1, hashTotal: "48", amount: "12345678901234567.89")

    static let purchaseOrder = PurchaseOrder(
        envelope: envelope, purpose: .original, orderType: .release, number: "PO-1", releaseNumber: "0007",
        blanketOrderNumber: "BPA-1", contractNumber: "CT-1", orderDate: dateTime, currency: "USD", dates: dates,
        parties: [party], contacts: [contact], references: references, paymentTerms: [terms], fob: fob,
        carriers: [carrier], allowancesCharges: [allowance], notes: notes,
        lines: [
            PurchaseOrderLine(
                lineNumber: "1", quantity: 48, unit: .each, unitPrice: "0.10", priceBasis: .perEach, items: items,
                descriptions: descriptions, pack: pack, dates: dates, parties: [party], destinations: [destination],
                schedules: [schedule], allowancesCharges: [allowance], references: references, notes: notes,
                extensions: extensions)
        ], totals: totals, extensions: extensions, salesRequirements: [.shipComplete, "P2"])

    static let acknowledgment = OrderAcknowledgment(
        envelope: envelope, purpose: .replace, acknowledgmentType: .acceptedWithChanges, orderNumber: "PO-1",
        orderDate: dateTime, releaseNumber: "0007", contractNumber: "CT-1", sellerOrderNumber: "SO-1",
        acknowledgmentDate: dateTime, currency: "EUR", dates: dates, parties: [party], contacts: [contact],
        references: references, notes: notes,
        lines: [
            AcknowledgmentLine(
                lineNumber: "1", quantity: 48, unit: .each, unitPrice: "0.10", priceBasis: .perEach, items: items,
                descriptions: descriptions,
                statuses: [
                    ItemStatus(
                        status: .substituted, quantity: 48, unit: .each, unitPrice: "0.11",
                        dates: [QualifiedDate(.scheduledShip, date)], items: [ItemIdentifier(.vendorPart, "AB-13")],
                        extensions: extensions)
                ], dates: dates, references: references, notes: notes, parties: [party], extensions: extensions)
        ], totals: totals, extensions: extensions, paymentTerms: [terms], fob: fob, carriers: [carrier],
        allowancesCharges: [allowance], salesRequirements: [.shipPartialBalanceBackorder])

    static let change = OrderChange(
        envelope: envelope, purpose: .change, orderType: .standAlone, orderNumber: "PO-1", releaseNumber: "0007",
        changeSequence: "2", orderDate: dateTime, contractNumber: "CT-1", sellerOrderNumber: "SO-1",
        changeDate: dateTime, currency: "USD", dates: dates, parties: [party], contacts: [contact],
        references: references, paymentTerms: [terms], fob: fob, carriers: [carrier], allowancesCharges: [allowance],
        notes: notes,
        lines: [
            ChangeLine(
                lineNumber: "1", change: .quantityIncrease, quantity: 60, quantityLeftToReceive: 50, unit: .each,
                unitPrice: "12.50", priceBasis: .perEach, items: items, descriptions: descriptions, pack: pack,
                dates: dates, parties: [party], destinations: [destination], schedules: [schedule],
                allowancesCharges: [allowance], references: references, notes: notes, extensions: extensions)
        ], totals: totals, extensions: extensions, salesRequirements: [.noBackorder])

    static let shipNoticeItem = ShipNoticeItem(
        lineNumber: "1", shipNoticeLineNumber: "1", items: items, quantity: 6, unit: .each,
        quantityShippedToDate: 12, orderedQuantity: 48, orderedUnit: .each, status: .partialShipmentBalanceBackordered,
        descriptions: descriptions, pack: pack,
        packs: [ShipNoticePack(level: .pack, marks: [ShippingMark(.sscc, "008451230000104514")])],
        extensions: extensions)

    static let shipNotice = ShipNotice(
        envelope: envelope, purpose: .replace, shipmentID: "ASN-1", noticeDate: dateTime, hierarchyStructure: "0001",
        dates: [QualifiedDate(.shipped, date)], carriers: [carrier],
        equipment: [Equipment(code: "TL", initial: "KSTL", number: "448102", sealNumber: "S-1")],
        lading: [
            LadingDetail(
                packagingCode: "CTN25", ladingQuantity: 4, weightQualifier: .gross, weight: "86.4", weightUnit: .pound,
                volume: "1.25", volumeUnit: .cubicFoot)
        ], fob: fob, parties: [party], references: references, notes: notes,
        orders: [
            ShipNoticeOrder(
                orderNumber: "PO-1", releaseNumber: "0007", changeSequence: "2", orderDate: dateTime, dates: dates,
                parties: [party], references: references,
                packs: [
                    ShipNoticePack(
                        level: .tare, marks: [ShippingMark(.ssccWithApplicationIdentifier, "00008451230000104507")],
                        pack: pack,
                        packs: [
                            ShipNoticePack(
                                level: .pack,
                                marks: [ShippingMark(.ssccWithApplicationIdentifier, "00008451230000104514")],
                                items: [shipNoticeItem])
                        ], items: [shipNoticeItem], extensions: extensions)
                ], items: [shipNoticeItem], extensions: extensions)
        ], totals: totals, extensions: extensions, contacts: [contact])

    static let functionalAcknowledgment = FunctionalAcknowledgment(
        envelope: envelope, functionalIdentifier: "PO", groupControlNumber: "402", groupVersion: "005010",
        status: .partiallyAccepted,
        transactionSets: [
            TransactionSetAcknowledgment(
                identifier: "850", controlNumber: "0002", implementationReference: "005010X220", status: .rejected,
                errors: [.segmentsInError, "19"],
                segmentErrors: [
                    SegmentError(
                        segmentID: "PO1", position: 8, loopID: "PO1", code: .hasElementErrors,
                        elementErrors: [
                            ElementError(
                                position: 3, componentPosition: 1, repetitionPosition: 2, referenceNumber: "355",
                                code: .invalidCode, badValue: "CX")
                        ])
                ])
        ], includedCount: 3, receivedCount: 3, acceptedCount: 2, errors: [.transactionCountMismatch],
        transactionSet: "999",
        extensions: extensions)

    static func document(_ kind: BusinessDocument.Kind) -> BusinessDocument {
        switch kind {
        case .purchaseOrder: .purchaseOrder(purchaseOrder)
        case .orderAcknowledgment: .orderAcknowledgment(acknowledgment)
        case .orderChange: .orderChange(change)
        case .shipNotice: .shipNotice(shipNotice)
        case .functionalAcknowledgment: .functionalAcknowledgment(functionalAcknowledgment)
        }
    }

    static let all: [BusinessDocument] = [
        .purchaseOrder(purchaseOrder), .orderAcknowledgment(acknowledgment), .orderChange(change),
        .shipNotice(shipNotice), .functionalAcknowledgment(functionalAcknowledgment),
    ]
}
