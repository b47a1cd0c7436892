import Foundation
import Orders

/// Builds an ``OrderAcknowledgment`` from a `ConfirmationRequest` (DOMAIN.md §8.3, §9.3).
///
/// `ConfirmationHeader`: `type` → acknowledgment type (every DTD value: `accept` accepted, `allDetail`
/// acceptedWithDetail, `detail` acceptedWithChanges, `backordered`, `except` acceptedWithExceptions, `reject`
/// rejected; `requestToPay` and `replace` kept as sent), `operation` → purpose, `noticeDate` → acknowledgment date,
/// `confirmID` → seller order number, `invoiceID` → reference `invoice`, `Total` → totals amount, `Contact`s,
/// `Comments`, `IdReference`s, Porter's extrinsics. `OrderReference` → order number and date. Each
/// `ConfirmationItem` → a line (`lineNumber`, `quantity`, `UnitOfMeasure`), each `ConfirmationStatus` → a status:
/// `type` (`accept` accepted, `detail` acceptedWithChanges, `backordered`, `reject` rejected, `unknown`),
/// `quantity`, `UnitOfMeasure`, `shipmentDate` → `scheduledShip`, `deliveryDate` → `estimatedDelivery`,
/// `UnitPrice` (or `ItemIn`'s) → unit price, `ItemIn/ItemID` → the substitute's identifiers. When the statuses of a
/// line add up to less than its quantity, an `unknown` status holds the remainder (a warning).
enum CXMLConfirmationRequestAssembler {
    static func assemble(
        _ document: CXMLCursor, envelope decoded: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> OrderAcknowledgment? {
        guard let header = document.child("ConfirmationHeader") else {
            context.finding(
                .error, .missingRequired, "the ConfirmationRequest has no ConfirmationHeader", at: document.element)
            return nil
        }
        var lines: [AcknowledgmentLine] = []
        for item in document.rootChildren("ConfirmationItem") { lines.append(self.line(item)) }

        let operation = header.enumerated("operation", CXMLCodes.confirmationOperations, severity: .error)
        let purpose = operation.map { CXMLCodes.confirmationOperation.value($0).value } ?? .original
        let typeText = header.enumerated("type", CXMLCodes.acknowledgmentTypes, severity: .error)
        var type = typeText.map { CXMLCodes.acknowledgmentType.value($0).value } ?? ""
        if let exact = header.extrinsic(CXMLPorterExtrinsics.acknowledgmentType) {
            type = AcknowledgmentType(rawValue: exact)
        }
        var acknowledgment = OrderAcknowledgment(
            envelope: decoded.envelope, purpose: purpose, acknowledgmentType: type, orderNumber: "")
        acknowledgment.acknowledgmentDate = header.date("noticeDate", severity: .error)
        acknowledgment.sellerOrderNumber = header.attribute("confirmID")
        if let invoice = header.attribute("invoiceID") {
            acknowledgment.references.append(Reference(.invoice, invoice))
        }
        if let total = header.child("Total") {
            acknowledgment.totals = CXMLCommonDecoding.money(total).map { OrderTotals(amount: $0) }
        }
        for contact in header.children("Contact") {
            let (party, person) = CXMLPartyDecoding.contact(contact)
            if let party { acknowledgment.parties.append(party) }
            if let person { acknowledgment.contacts.append(person) }
        }
        acknowledgment.notes = header.children("Comments").compactMap(CXMLCommonDecoding.note)
        acknowledgment.references += header.children("IdReference").compactMap(CXMLCommonDecoding.reference)
        acknowledgment.releaseNumber = header.extrinsic(CXMLPorterExtrinsics.releaseNumber)
        acknowledgment.contractNumber = header.extrinsic(CXMLPorterExtrinsics.contractNumber)
        acknowledgment.dates = CXMLPorterExtrinsics.dates(header, except: [])

        if let reference = document.child("OrderReference") {
            if let number = reference.attribute("orderID") {
                acknowledgment.orderNumber = number
            } else {
                context.finding(
                    .warning, .missingRequired, "the OrderReference has no orderID: the order number is empty",
                    at: reference.element)
            }
            acknowledgment.orderDate = reference.date("orderDate")
        } else {
            context.finding(
                .error, .missingRequired, "the ConfirmationRequest has no OrderReference", at: document.element)
        }
        acknowledgment.lines = lines
        acknowledgment.currency = context.currency
        var extensions = Extensions()
        decoded.root.finish(into: &extensions)
        acknowledgment.extensions = extensions
        return acknowledgment
    }

    private static func line(_ item: CXMLCursor) -> AcknowledgmentLine {
        var line = AcknowledgmentLine(lineNumber: item.attribute("lineNumber"))
        line.quantity = item.decimal("quantity", severity: .error)
        line.unit = CXMLLineDecoding.unit(item.child("UnitOfMeasure"), in: item)
        for status in item.rootChildren("ConfirmationStatus") {
            line.statuses.append(self.status(status))
        }
        if line.statuses.isEmpty {
            item.context.finding(
                .warning, .missingRequired, "the ConfirmationItem has no ConfirmationStatus", at: item.element)
        }
        if let ordered = line.quantity {
            let confirmed = line.statuses.reduce(Decimal(0)) { $0 + ($1.quantity?.value ?? 0) }
            if confirmed < ordered.value {
                let remainder = DecimalNumber(ordered.value - confirmed)
                line.statuses.append(ItemStatus(status: .unknown, quantity: remainder, unit: line.unit))
                item.context.finding(
                    .warning, .quantityMismatch,
                    "the statuses confirm \(DecimalNumber(confirmed)) of \(ordered); an unknown status holds the "
                        + "remaining \(remainder)", at: item.element)
            } else if confirmed > ordered.value {
                item.context.finding(
                    .warning, .quantityMismatch,
                    "the statuses confirm \(DecimalNumber(confirmed)), more than the \(ordered) ordered",
                    at: item.element)
            }
        }
        item.finish(into: &line.extensions)
        return line
    }

    private static func status(_ cursor: CXMLCursor) -> ItemStatus {
        let typeText = cursor.enumerated("type", CXMLCodes.itemStatuses)
        var code = typeText.map { CXMLCodes.itemStatus.value($0).value } ?? ""
        if let exact = cursor.extrinsic(CXMLPorterExtrinsics.itemStatus) { code = ItemStatusCode(rawValue: exact) }
        var status = ItemStatus(status: code, quantity: cursor.decimal("quantity", severity: .error))
        status.unit = CXMLLineDecoding.unit(cursor.child("UnitOfMeasure"), in: cursor)
        if let date = cursor.date("shipmentDate") { status.dates.append(QualifiedDate(.scheduledShip, date)) }
        if let date = cursor.date("deliveryDate") { status.dates.append(QualifiedDate(.estimatedDelivery, date)) }
        if let price = cursor.child("UnitPrice") { status.unitPrice = CXMLCommonDecoding.money(price) }
        if let itemIn = cursor.child("ItemIn") {
            if let itemID = itemIn.child("ItemID") { status.items = CXMLCommonDecoding.itemIdentifiers(itemID) }
            if status.unitPrice == nil, let price = itemIn.child("ItemDetail")?.child("UnitPrice") {
                status.unitPrice = CXMLCommonDecoding.money(price)
            }
        }
        cursor.finish(into: &status.extensions)
        return status
    }
}
