import CXML
import Foundation
public import Orders

/// Writes an ``OrderAcknowledgment`` as a cXML `ConfirmationRequest` (`Fulfill.dtd`).
///
/// The mapping is ``CXMLConfirmationRequestDecoder``'s the other way round. Each line is a `ConfirmationItem`
/// whose `ConfirmationStatus` quantities add up to the line's quantity: a line without statuses gets one of the
/// header's kind for its whole quantity, and any remainder gets an `unknown` status (DOMAIN.md §11, rule 13). A
/// `reject` confirmation carries no items (the DTD's rule); the reason belongs in its `Comments`. A Porter status
/// or type that cXML only approximates (`quantityChanged` → `detail`) is written as the nearest cXML value with
/// Porter's name in an `Extrinsic`, so it reads back the same.
public struct CXMLConfirmationRequestEncoder: Sendable {
    /// How the document is written.
    public var options: CXMLEncodingOptions

    /// Creates an encoder.
    public init(options: CXMLEncodingOptions = CXMLEncodingOptions()) { self.options = options }

    /// Writes `acknowledgment` as a `ConfirmationRequest`.
    ///
    /// - Throws: ``CXMLEncodingError`` with code `writer` when the output cannot be written.
    public func encode(_ acknowledgment: OrderAcknowledgment) throws(CXMLEncodingError) -> CXMLEncoding {
        try CXMLEnvelopeEncoding.write(
            acknowledgment.envelope, extensions: acknowledgment.extensions, options: self.options, dtd: .fulfill,
            element: "ConfirmationRequest"
        ) { emitter, document throws(CXMLError) in
            let model = CXMLModelWriter(emitter: emitter, options: self.options, currency: acknowledgment.currency)
            let type = self.headerType(acknowledgment, emitter: emitter)
            try self.header(acknowledgment, type: type, model: model, in: document)
            let orderDate = acknowledgment.orderDate.map { model.dateTime($0, path: "OrderReference@orderDate") }
            try document.element(
                "OrderReference", [("orderID", acknowledgment.orderNumber), ("orderDate", orderDate)]
            ) { reference throws(CXMLError) in
                try model.documentReference(toOrder: self.options.orderPayloadID, in: reference)
            }
            if type.code == "reject", !acknowledgment.lines.isEmpty {
                emitter.note(
                    "a reject confirmation carries no ConfirmationItem (cXML's rule); its lines were not written",
                    path: "ConfirmationRequest", code: .notCarried)
                return
            }
            for (position, line) in acknowledgment.lines.enumerated() {
                let documentPath =
                    "cXML/Request/ConfirmationRequest/ConfirmationItem" + (position > 0 ? "[\(position + 1)]" : "")
                try emitter.with(line.extensions, root: "ConfirmationItem", documentPath: documentPath) {
                    () throws(CXMLError) in
                    try self.item(line, position: position + 1, headerType: type.code, model: model, in: document)
                }
            }
        }
    }

    /// `ConfirmationHeader@type`, and Porter's name when the cXML value is only the nearest.
    private func headerType(
        _ acknowledgment: OrderAcknowledgment, emitter: CXMLEmitter
    ) -> (code: String, exact: String?) {
        let type = acknowledgment.acknowledgmentType
        var code: String
        var exact: String?
        if let (nearest, isExact) = CXMLCodes.acknowledgmentType.nearestCode(type) {
            code = nearest
            exact = isExact ? nil : type.rawValue
        } else if CXMLCodes.acknowledgmentTypes.contains(type.rawValue) {
            code = type.rawValue
        } else {
            code = "detail"
            exact = type.rawValue
        }
        // `accept` and `backordered` confirmations allow statuses of their own kind only.
        let statuses = acknowledgment.lines.flatMap(\.statuses).map { self.statusCode($0.status).code }
        if code == "accept" || code == "backordered", statuses.contains(where: { $0 != code && $0 != "unknown" }) {
            exact = exact ?? type.rawValue
            code = "detail"
        }
        if exact != nil {
            emitter.note(
                "the acknowledgment type \(type) is written as the cXML type \(code), Porter's name in an Extrinsic",
                path: "ConfirmationHeader@type", code: .approximated, severity: .info)
        }
        return (code, exact)
    }

    private func statusCode(_ status: ItemStatusCode) -> (code: String, exact: String?) {
        if let (code, isExact) = CXMLCodes.itemStatus.nearestCode(status) {
            return (code, isExact ? nil : status.rawValue)
        }
        if CXMLCodes.itemStatuses.contains(status.rawValue) { return (status.rawValue, nil) }
        return ("unknown", status.rawValue)
    }

    private func header(
        _ acknowledgment: OrderAcknowledgment, type: (code: String, exact: String?), model: CXMLModelWriter,
        in document: CXMLContentWriter
    ) throws(CXMLError) {
        let emitter = model.emitter
        let path = "ConfirmationHeader"
        let operation: String
        if let (code, isExact) = CXMLCodes.confirmationOperation.nearestCode(acknowledgment.purpose) {
            operation = code
            if !isExact {
                emitter.note(
                    "the purpose \(acknowledgment.purpose) is written as the operation \(code)", path: path,
                    code: .approximated, severity: .info)
            }
        } else {
            operation = "new"
            emitter.note(
                "the purpose \(acknowledgment.purpose) has no cXML operation; written as new", path: path,
                code: .approximated, severity: .info)
        }
        var noticeDate = acknowledgment.acknowledgmentDate
        if noticeDate == nil {
            noticeDate = acknowledgment.envelope.date
            emitter.note(
                "the acknowledgment has no date; noticeDate is the envelope's date", path: "\(path)@noticeDate")
        }
        var references = acknowledgment.references
        let invoice =
            references.firstIndex { $0.qualifier == .invoice && $0.value != nil }.map {
                references.remove(at: $0).value
            } ?? nil
        var attributes: [(String, String?)] = [
            ("confirmID", acknowledgment.sellerOrderNumber), ("operation", operation), ("type", type.code),
        ]
        if let noticeDate {
            attributes.append(("noticeDate", model.dateTime(noticeDate, path: "\(path)@noticeDate")))
        } else {
            attributes.append(("noticeDate", CXMLTimestamp.string(from: Date())))
        }
        attributes.append(("invoiceID", invoice))
        try document.element("ConfirmationHeader", attributes) { header throws(CXMLError) in
            if let amount = acknowledgment.totals?.amount {
                try header.element("Total") { total throws(CXMLError) in try model.money(amount, in: total) }
            }
            for party in acknowledgment.parties { try model.contact(party, in: header) }
            for contact in acknowledgment.contacts { try model.contact(contact, in: header) }
            for note in acknowledgment.notes { try model.comments(note, in: header) }
            for reference in references { try model.idReference(reference, in: header) }
            try model.extrinsic(CXMLPorterExtrinsics.acknowledgmentType, type.exact, in: header)
            try model.extrinsic(CXMLPorterExtrinsics.releaseNumber, acknowledgment.releaseNumber, in: header)
            try model.extrinsic(CXMLPorterExtrinsics.contractNumber, acknowledgment.contractNumber, in: header)
            try model.dateExtrinsics(acknowledgment.dates, except: [], in: header)
        }
    }

    private func item(
        _ line: AcknowledgmentLine, position: Int, headerType: String, model: CXMLModelWriter,
        in document: CXMLContentWriter
    ) throws(CXMLError) {
        let emitter = model.emitter
        let path = "ConfirmationItem"
        var statuses = line.statuses
        let confirmed = statuses.reduce(Decimal(0)) { $0 + ($1.quantity?.value ?? 0) }
        var quantity = line.quantity
        if quantity == nil {
            quantity = DecimalNumber(confirmed)
            emitter.note("a line without its ordered quantity is confirmed for the statuses' sum", path: path)
        }
        let unit = line.unit ?? statuses.first?.unit ?? ""
        if statuses.isEmpty {
            let code: ItemStatusCode =
                headerType == "accept" ? .accepted : headerType == "backordered" ? .backordered : .unknown
            statuses.append(ItemStatus(status: code, quantity: quantity, unit: unit))
            emitter.note("a line without statuses is confirmed whole as \(code)", path: path, severity: .info)
        } else if let ordered = quantity, confirmed < ordered.value {
            statuses.append(
                ItemStatus(status: .unknown, quantity: DecimalNumber(ordered.value - confirmed), unit: unit))
            emitter.note(
                "the statuses of a line add up to less than its quantity; an unknown status holds the rest",
                path: path, code: .quantityMismatch, severity: .info)
        } else if let ordered = quantity, confirmed > ordered.value {
            emitter.finding(
                .warning, .quantityMismatch,
                "the statuses confirm \(DecimalNumber(confirmed)), more than the line's \(ordered)", path: path)
        }
        var lineNumber = line.lineNumber
        if lineNumber == nil {
            lineNumber = String(position)
            emitter.note("a line without a number is numbered by its position", path: "\(path)@lineNumber")
        }
        try document.element(
            "ConfirmationItem", [("quantity", quantity?.text ?? "0"), ("lineNumber", lineNumber)], path: path
        ) { item throws(CXMLError) in
            try model.unitOfMeasure(unit, in: item)
            for status in statuses {
                try emitter.with(
                    status.extensions, root: "ConfirmationStatus", documentPath: emitter.documentPath(path)
                ) { () throws(CXMLError) in
                    try self.status(status, lineUnit: unit, line: line, model: model, in: item)
                }
            }
        }
    }

    private func status(
        _ status: ItemStatus, lineUnit: UnitOfMeasure, line: AcknowledgmentLine, model: CXMLModelWriter,
        in item: CXMLContentWriter
    ) throws(CXMLError) {
        let (code, exact) = self.statusCode(status.status)
        if exact != nil {
            model.emitter.note(
                "the status \(status.status) is written as the cXML type \(code), Porter's name in an Extrinsic",
                path: "ConfirmationStatus@type", code: .approximated, severity: .info)
        }
        var attributes: [(String, String?)] = [("quantity", status.quantity?.text ?? "0"), ("type", code)]
        if let date = status.dates.first(.scheduledShip) {
            attributes.append(("shipmentDate", model.dateTime(date.dateTime, path: "ConfirmationStatus@shipmentDate")))
        }
        if let date = status.dates.first(.estimatedDelivery) {
            attributes.append(("deliveryDate", model.dateTime(date.dateTime, path: "ConfirmationStatus@deliveryDate")))
        }
        let unit = status.unit ?? lineUnit
        try item.element("ConfirmationStatus", attributes, path: "ConfirmationStatus") { element throws(CXMLError) in
            try model.unitOfMeasure(unit, in: element)
            if !status.items.isEmpty {
                try element.element("ItemIn", [("quantity", status.quantity?.text ?? "0")]) {
                    itemIn throws(CXMLError) in
                    try model.itemID(status.items, in: itemIn)
                    try itemIn.element("ItemDetail") { detail throws(CXMLError) in
                        try detail.element("UnitPrice") { price throws(CXMLError) in
                            try model.money(status.unitPrice ?? line.unitPrice ?? 0, in: price)
                        }
                        // What the substitute's detail kept from the document is written back instead of the line's.
                        if !detail.keeps("Description") {
                            try model.descriptions(line.descriptions, required: true, in: detail)
                        }
                        if !detail.keeps("UnitOfMeasure") { try model.unitOfMeasure(unit, in: detail) }
                        if !detail.keeps("Classification") {
                            let (domain, value) = model.options.defaultClassification
                            model.emitter.note(
                                "a substitute item was written with Classification \(domain) \(value)",
                                path: detail.path)
                            try detail.element("Classification", [("domain", domain)], text: value)
                        }
                    }
                }
            } else if let price = status.unitPrice {
                try element.element("UnitPrice") { holder throws(CXMLError) in try model.money(price, in: holder) }
            }
            try model.extrinsic(CXMLPorterExtrinsics.itemStatus, exact, in: element)
        }
    }
}
