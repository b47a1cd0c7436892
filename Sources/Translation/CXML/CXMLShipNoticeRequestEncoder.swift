import CXML
public import Orders

/// Writes a ``ShipNotice`` as a cXML `ShipNoticeRequest` (`Fulfill.dtd`).
///
/// The mapping is ``CXMLShipNoticeRequestDecoder``'s the other way round: the header's dates and service levels,
/// one `ShipControl` per carrier (its identifier and name as `CarrierIdentifier`s, the tracking and bill of
/// lading numbers as `ShipmentIdentifier`s of the first, the transport method as its `Route`), one
/// `ShipNoticePortion` per order. Porter's packages hold items; cXML's items hold packages, so each item is
/// written with a `Packaging` for every package it is in, outermost first, each naming the package around it by
/// SSCC (`ShippingContainerSerialCodeReference`).
public struct CXMLShipNoticeRequestEncoder: Sendable {
    /// How the document is written.
    public var options: CXMLEncodingOptions

    /// Creates an encoder.
    public init(options: CXMLEncodingOptions = CXMLEncodingOptions()) { self.options = options }

    /// Writes `notice` as a `ShipNoticeRequest`.
    ///
    /// - Throws: ``CXMLEncodingError`` with code `writer` when the output cannot be written.
    public func encode(_ notice: ShipNotice) throws(CXMLEncodingError) -> CXMLEncoding {
        try CXMLEnvelopeEncoding.write(
            notice.envelope, extensions: notice.extensions, options: self.options, dtd: .fulfill,
            element: "ShipNoticeRequest"
        ) { emitter, document throws(CXMLError) in
            let model = CXMLModelWriter(emitter: emitter, options: self.options, currency: nil)
            try self.header(notice, model: model, in: document)
            var references = notice.references.filter { [.trackingNumber, .billOfLading].contains($0.qualifier) }
            for carrier in notice.carriers
            where carrier.carrier != nil || carrier.carrierName != nil || !references.isEmpty {
                try self.control(carrier, shipments: references, notice: notice, model: model, in: document)
                references = []
            }
            if notice.carriers.isEmpty, !references.isEmpty {
                try self.control(CarrierRouting(), shipments: references, notice: notice, model: model, in: document)
            }
            for (position, order) in notice.orders.enumerated() {
                let documentPath =
                    "cXML/Request/ShipNoticeRequest/ShipNoticePortion" + (position > 0 ? "[\(position + 1)]" : "")
                try emitter.with(order.extensions, root: "ShipNoticePortion", documentPath: documentPath) {
                    () throws(CXMLError) in
                    try self.portion(order, model: model, in: document)
                }
            }
        }
    }

    private func header(_ notice: ShipNotice, model: CXMLModelWriter, in document: CXMLContentWriter)
        throws(CXMLError)
    {
        let emitter = model.emitter
        let path = "ShipNoticeHeader"
        let operation: String
        if let (code, isExact) = CXMLCodes.shipNoticeOperation.nearestCode(notice.purpose) {
            operation = code
            if !isExact {
                emitter.note(
                    "the purpose \(notice.purpose) is written as the operation \(code)", path: path,
                    code: .approximated, severity: .info)
            }
        } else {
            operation = "new"
            emitter.note(
                "the purpose \(notice.purpose) has no cXML operation; written as new", path: path,
                code: .approximated, severity: .info)
        }
        var attributes: [(String, String?)] = [
            ("shipmentID", notice.shipmentID), ("operation", operation),
            ("noticeDate", model.dateTime(notice.noticeDate, path: "\(path)@noticeDate")),
        ]
        let dated: [(String, DateKind)] = [
            ("shipmentDate", .shipped), ("deliveryDate", .estimatedDelivery),
            ("requestedDeliveryDate", .deliveryRequested),
        ]
        for (attribute, kind) in dated {
            if let date = notice.dates.first(kind) {
                attributes.append((attribute, model.dateTime(date.dateTime, path: "\(path)@\(attribute)")))
            }
        }
        var notCarried: [String] = []
        if !notice.equipment.isEmpty { notCarried.append("equipment") }
        if notice.hierarchyStructure != nil { notCarried.append("the X12 hierarchy structure") }
        if notice.totals != nil { notCarried.append("control totals") }
        if notice.lading.count > 1 { notCarried.append("lading details after the first") }
        if notice.carriers.dropFirst().contains(where: { !$0.serviceLevels.isEmpty }) {
            notCarried.append("service levels of carriers after the first")
        }
        for part in notCarried {
            emitter.note(
                "the ship notice's \(part) have no place in cXML; not written", path: path, code: .notCarried,
                severity: .info)
        }
        let references = notice.references.filter { ![.trackingNumber, .billOfLading].contains($0.qualifier) }
        try document.element("ShipNoticeHeader", attributes) { header throws(CXMLError) in
            for level in notice.carriers.first?.serviceLevels ?? [] {
                try header.element(
                    "ServiceLevel", defaults: [("xml:lang", model.language)],
                    text: CXMLCodes.serviceLevel.code(level) ?? level.rawValue)
            }
            for party in notice.parties { try model.contact(party, in: header) }
            for note in notice.notes { try model.comments(note, in: header) }
            if let fob = notice.fob { try model.termsOfDelivery(fob, in: header) }
            if let lading = notice.lading.first { try self.lading(lading, model: model, in: header) }
            try model.dateExtrinsics(notice.dates, except: Set(dated.map(\.1)), in: header)
            for reference in references { try model.idReference(reference, in: header) }
        }
    }

    /// The header's `Packaging`: packaging code, weight and volume, and Porter's `ladingQuantity`.
    private func lading(_ lading: LadingDetail, model: CXMLModelWriter, in header: CXMLContentWriter)
        throws(CXMLError)
    {
        guard lading.packagingCode != nil || lading.weight != nil || lading.volume != nil else {
            model.emitter.note(
                "lading without a packaging code, weight or volume has no place in cXML", path: header.path,
                code: .notCarried, severity: .info)
            return
        }
        try header.element("Packaging") { packaging throws(CXMLError) in
            if let code = lading.packagingCode {
                try packaging.element("PackagingCode", defaults: [("xml:lang", model.language)], text: code)
            }
            if let weight = lading.weight {
                let type = lading.weightQualifier == .gross ? "grossWeight" : "weight"
                try packaging.element("Dimension", [("quantity", weight.text), ("type", type)]) {
                    dimension throws(CXMLError) in
                    try model.unitOfMeasure(lading.weightUnit ?? "", in: dimension)
                }
            }
            if let volume = lading.volume {
                try packaging.element("Dimension", [("quantity", volume.text), ("type", "volume")]) {
                    dimension throws(CXMLError) in
                    try model.unitOfMeasure(lading.volumeUnit ?? "", in: dimension)
                }
            }
            try model.extrinsic(
                CXMLPorterExtrinsics.ladingQuantity, lading.ladingQuantity.map(String.init), in: packaging)
        }
    }

    /// A `ShipControl`: the carrier's identifier and name, the shipment's identifiers, the route.
    private func control(
        _ carrier: CarrierRouting, shipments: [Reference], notice: ShipNotice, model: CXMLModelWriter,
        in document: CXMLContentWriter
    ) throws(CXMLError) {
        let emitter = model.emitter
        let path = document.nextPath("ShipControl")
        var method: (code: String, exact: String?)?
        if let transport = carrier.transportMethod {
            if let (code, isExact) = CXMLCodes.transportMethod.nearestCode(transport) {
                method = (code, isExact ? nil : transport.rawValue)
            } else {
                method = ("custom", transport.rawValue)
            }
        }
        if carrier.routingSequence != nil {
            emitter.note(
                "a carrier's routing sequence has no place in cXML", path: path, code: .notCarried, severity: .info)
        }
        try document.element("ShipControl") { control throws(CXMLError) in
            if let identifier = carrier.carrier {
                let domain = CXMLCodes.carrierDomain.code(identifier.qualifier) ?? identifier.qualifier.rawValue
                try control.element("CarrierIdentifier", [("domain", domain)], text: identifier.value)
            }
            if let name = carrier.carrierName {
                try control.element("CarrierIdentifier", [("domain", "companyName")], text: name)
            }
            if carrier.carrier == nil, carrier.carrierName == nil, !control.keeps("CarrierIdentifier") {
                emitter.note("a shipment without a carrier names the carrier unknown", path: path)
                try control.element("CarrierIdentifier", [("domain", "companyName")], text: "unknown")
            }
            for shipment in shipments {
                let domain = shipment.qualifier == .billOfLading ? "billOfLading" : "trackingNumber"
                try control.element("ShipmentIdentifier", [("domain", domain)], text: shipment.value ?? "")
            }
            if shipments.isEmpty, !control.keeps("ShipmentIdentifier") {
                emitter.note("a shipment without a tracking number is identified by its shipment ID", path: path)
                try control.element("ShipmentIdentifier", text: notice.shipmentID)
            }
            if let method { try control.element("Route", [("method", method.code)]) }
            try model.extrinsic(CXMLPorterExtrinsics.transportMethod, method?.exact, in: control)
        }
    }

    private func portion(_ order: ShipNoticeOrder, model: CXMLModelWriter, in document: CXMLContentWriter)
        throws(CXMLError)
    {
        let path = "ShipNoticePortion"
        if !order.references.isEmpty {
            model.emitter.note(
                "an order's references have no place in a cXML ShipNoticePortion", path: path, code: .notCarried,
                severity: .info)
        }
        try document.element("ShipNoticePortion", path: path) { portion throws(CXMLError) in
            let orderDate = order.orderDate.map { model.dateTime($0, path: "\(path)/OrderReference@orderDate") }
            try portion.element("OrderReference", [("orderID", order.orderNumber), ("orderDate", orderDate)]) {
                reference throws(CXMLError) in
                try model.documentReference(toOrder: self.options.orderPayloadID, in: reference)
            }
            for party in order.parties { try model.contact(party, in: portion) }
            try model.extrinsic(CXMLPorterExtrinsics.releaseNumber, order.releaseNumber, in: portion)
            try model.extrinsic(CXMLPorterExtrinsics.changeSequence, order.changeSequence, in: portion)
            try model.dateExtrinsics(order.dates, except: [], in: portion)
            var placed: [(item: ShipNoticeItem, chain: [ShipNoticePack])] = order.items.map { ($0, []) }
            for pack in order.packs { self.collect(pack, chain: [], into: &placed) }
            for (position, entry) in placed.enumerated() {
                let documentPath =
                    model.emitter.documentPath(path) + "/ShipNoticeItem" + (position > 0 ? "[\(position + 1)]" : "")
                try model.emitter.with(entry.item.extensions, root: "ShipNoticeItem", documentPath: documentPath) {
                    () throws(CXMLError) in
                    try self.item(entry.item, chain: entry.chain, position: position + 1, model: model, in: portion)
                }
            }
        }
    }

    /// Every item in `pack` and the packs within it, with the packs around it, outermost first.
    private func collect(
        _ pack: ShipNoticePack, chain: [ShipNoticePack],
        into placed: inout [(item: ShipNoticeItem, chain: [ShipNoticePack])]
    ) {
        let chain = chain + [pack]
        for item in pack.items { placed.append((item, chain)) }
        for inner in pack.packs { self.collect(inner, chain: chain, into: &placed) }
    }

    private func item(
        _ item: ShipNoticeItem, chain: [ShipNoticePack], position: Int, model: CXMLModelWriter,
        in portion: CXMLContentWriter
    ) throws(CXMLError) {
        let emitter = model.emitter
        let path = "ShipNoticeItem"
        var lineNumber = item.lineNumber
        if lineNumber == nil {
            lineNumber = String(position)
            emitter.note("an item without its order line number is numbered by its position", path: path)
        }
        var notCarried: [String] = []
        if item.status != nil { notCarried.append("status") }
        if item.pack != nil { notCarried.append("pack details") }
        if !item.packs.isEmpty { notCarried.append("packages under the item") }
        for part in notCarried {
            emitter.note(
                "an item's \(part) have no place in a cXML ShipNoticeItem", path: path, code: .notCarried,
                severity: .info)
        }
        try portion.element(
            "ShipNoticeItem",
            [
                ("quantity", item.quantity.text), ("lineNumber", lineNumber),
                ("shipNoticeLineNumber", item.shipNoticeLineNumber),
            ], path: path
        ) { element throws(CXMLError) in
            if !item.items.isEmpty { try model.itemID(item.items, in: element) }
            if !item.descriptions.isEmpty {
                try element.element("ShipNoticeItemDetail") { detail throws(CXMLError) in
                    try model.descriptions(item.descriptions, required: false, in: detail)
                }
            }
            try model.unitOfMeasure(item.unit, in: element)
            for (depth, pack) in chain.enumerated() {
                let parent = depth > 0 ? chain[depth - 1].sscc : nil
                try emitter.with(pack.extensions, root: "Packaging", documentPath: emitter.documentPath(path)) {
                    () throws(CXMLError) in
                    try self.packaging(pack, parent: parent, model: model, in: element)
                }
            }
            if let ordered = item.orderedQuantity {
                try element.element("OrderedQuantity", [("quantity", ordered.text)]) { quantity throws(CXMLError) in
                    if let unit = item.orderedUnit { try model.unitOfMeasure(unit, in: quantity) }
                }
            }
            try model.extrinsic(
                CXMLPorterExtrinsics.quantityShippedToDate, item.quantityShippedToDate?.text, in: element)
        }
    }

    /// A `Packaging`: code, measures, level (`0001` tare, `0002` pack), SSCC and the SSCC of the package around it.
    private func packaging(
        _ pack: ShipNoticePack, parent: String?, model: CXMLModelWriter, in item: CXMLContentWriter
    ) throws(CXMLError) {
        let details = pack.pack ?? PackDetails()
        try item.element("Packaging", path: "Packaging") { packaging throws(CXMLError) in
            var measures: [(String, DecimalNumber, UnitOfMeasure?)] = []
            if let length = details.length { measures.append(("length", length, details.dimensionUnit)) }
            if let width = details.width { measures.append(("width", width, details.dimensionUnit)) }
            if let height = details.height { measures.append(("height", height, details.dimensionUnit)) }
            if let weight = details.weight {
                measures.append((details.weightQualifier == "G" ? "grossWeight" : "weight", weight, details.weightUnit))
            }
            if let volume = details.volume { measures.append(("volume", volume, details.volumeUnit)) }
            if let code = details.packagingCode {
                try packaging.element("PackagingCode", defaults: [("xml:lang", model.language)], text: code)
            } else if measures.isEmpty, !packaging.keeps("PackagingCode"), !packaging.keeps("Dimension") {
                model.emitter.note(
                    "a package without a packaging code or measures is described by its level", path: packaging.path)
                try packaging.element(
                    "PackagingCode", defaults: [("xml:lang", model.language)], text: pack.level.rawValue)
            }
            for (type, quantity, unit) in measures {
                try packaging.element("Dimension", [("quantity", quantity.text), ("type", type)]) {
                    dimension throws(CXMLError) in
                    try model.unitOfMeasure(unit ?? "", in: dimension)
                }
            }
            let level: String? =
                switch pack.level {
                case .tare: "0001"
                case .pack: "0002"
                default: pack.level.rawValue
                }
            try packaging.element("PackagingLevelCode", text: level)
            if let sscc = pack.marks.first(where: { $0.sscc != nil })?.value {
                try packaging.element("ShippingContainerSerialCode", text: sscc)
            }
            if let parent { try packaging.element("ShippingContainerSerialCodeReference", text: parent) }
        }
    }
}
