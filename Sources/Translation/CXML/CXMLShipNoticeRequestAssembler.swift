import Orders

/// Builds a ``ShipNotice`` from a `ShipNoticeRequest` (DOMAIN.md §8.4, §9.4).
///
/// `ShipNoticeHeader`: `shipmentID`, `noticeDate`, `operation` → purpose, `shipmentDate` → date `shipped`,
/// `deliveryDate` → `estimatedDelivery`, `requestedDeliveryDate` → `deliveryRequested`, `ServiceLevel`s → the first
/// carrier's service levels, `Contact`s → parties and contacts, `Comments` → notes, `TermsOfDelivery` → FOB terms,
/// `Packaging` → lading (code, weight, volume, Porter's `ladingQuantity`), `IdReference`s → references.
/// Each `ShipControl` → a carrier (`CarrierIdentifier` `SCAC`/`DUNS`/`IATA` → its identifier, `companyName` → its
/// name, `Route@method` → transport method) and its `ShipmentIdentifier`s → references (`trackingNumber` or no
/// domain → tracking number, `billOfLading`, others by their domain). Each `ShipNoticePortion` → an order
/// (`OrderReference@orderID`, `@orderDate`), its `ShipNoticeItem`s → items (see ``CXMLShipNoticeItemDecoding``).
enum CXMLShipNoticeRequestAssembler {
    static func assemble(
        _ document: CXMLCursor, envelope decoded: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> ShipNotice? {
        guard let header = document.child("ShipNoticeHeader") else {
            context.finding(
                .error, .missingRequired, "the ShipNoticeRequest has no ShipNoticeHeader", at: document.element)
            return nil
        }
        var orders: [ShipNoticeOrder] = []
        for portion in document.rootChildren("ShipNoticePortion") {
            orders.append(CXMLShipNoticeItemDecoding.order(portion))
        }
        let operation = header.enumerated("operation", CXMLCodes.shipNoticeOperations, severity: .error)
        let purpose = operation.map { CXMLCodes.shipNoticeOperation.value($0).value } ?? .original
        let shipmentID = header.attribute("shipmentID")
        var noticeDate = header.date("noticeDate", severity: .error)
        if noticeDate == nil, let fallback = decoded.envelope.date {
            noticeDate = fallback
            context.finding(
                .warning, .missingRequired, "the notice date is taken from cXML@timestamp", at: header.element)
        }
        guard let shipmentID, let noticeDate else {
            if shipmentID == nil {
                context.finding(
                    .error, .missingRequired, "no shipment ID (shipmentID): no ship notice", at: header.element)
            }
            return nil
        }
        var notice = ShipNotice(
            envelope: decoded.envelope, purpose: purpose, shipmentID: shipmentID, noticeDate: noticeDate,
            orders: orders)
        for (attribute, kind) in [
            ("shipmentDate", DateKind.shipped), ("deliveryDate", .estimatedDelivery),
            ("requestedDeliveryDate", .deliveryRequested),
        ] {
            if let value = header.date(attribute) { notice.dates.append(QualifiedDate(kind, value)) }
        }
        let serviceLevels = header.children("ServiceLevel").compactMap { level -> ServiceLevel? in
            level.useLanguage()
            return level.text.map { CXMLCodes.serviceLevel.value($0).value }
        }
        // A ship notice has parties but no contacts: a person's Contact stays in extensions.
        for contact in CXMLLineDecoding.partyContacts(header) {
            if let party = CXMLPartyDecoding.contact(contact).party { notice.parties.append(party) }
        }
        notice.notes = header.children("Comments").compactMap(CXMLCommonDecoding.note)
        notice.fob = header.child("TermsOfDelivery").flatMap(CXMLCommonDecoding.fob)
        if let packaging = header.child("Packaging") { notice.lading.append(self.lading(packaging)) }
        notice.references = header.children("IdReference").compactMap(CXMLCommonDecoding.reference)
        notice.dates += CXMLPorterExtrinsics.dates(
            header, except: [.shipped, .estimatedDelivery, .deliveryRequested])

        for control in document.children("ShipControl") {
            notice.carriers.append(self.carrier(control, references: &notice.references))
        }
        if !serviceLevels.isEmpty {
            if notice.carriers.isEmpty { notice.carriers.append(CarrierRouting()) }
            notice.carriers[0].serviceLevels = serviceLevels
        }
        var extensions = Extensions()
        decoded.root.finish(into: &extensions)
        notice.extensions = extensions
        return notice
    }

    /// A `ShipControl`: one carrier, and its shipment identifiers as references.
    private static func carrier(_ control: CXMLCursor, references: inout [Reference]) -> CarrierRouting {
        var carrier = CarrierRouting()
        CXMLCommonDecoding.carrierIdentifiers(control, into: &carrier)
        for shipment in control.children("ShipmentIdentifier") {
            guard let text = shipment.text else { continue }
            let qualifier: ReferenceQualifier
            switch shipment.attribute("domain") {
            case nil, "trackingNumber": qualifier = .trackingNumber
            case "billOfLading": qualifier = .billOfLading
            case let other?: qualifier = ReferenceQualifier(rawValue: other)
            }
            references.append(Reference(qualifier, text))
        }
        if let route = control.child("Route"),
            let method = route.enumerated("method", CXMLCodes.transportMethods)
        {
            carrier.transportMethod = CXMLCodes.transportMethod.value(method).value
        }
        if let exact = control.extrinsic(CXMLPorterExtrinsics.transportMethod) {
            carrier.transportMethod = TransportMethod(rawValue: exact)
        }
        return carrier
    }

    /// The header's `Packaging`: the shipment's lading.
    private static func lading(_ packaging: CXMLCursor) -> LadingDetail {
        var lading = LadingDetail()
        lading.packagingCode = packaging.text(ofChild: "PackagingCode")
        let mapped: Set<String> = ["grossWeight", "weight", "volume", "grossVolume"]
        for dimension in packaging.children("Dimension", where: { mapped.contains($0.attribute("type") ?? "") }) {
            let type = dimension.attribute("type")
            let quantity = dimension.decimal("quantity")
            let unit = dimension.child("UnitOfMeasure").map { CXMLLineDecoding.unit($0, in: dimension) }
            switch type {
            case "grossWeight", "weight":
                lading.weightQualifier = type == "grossWeight" ? .gross : nil
                lading.weight = quantity
                lading.weightUnit = unit
            case "volume", "grossVolume":
                lading.volume = quantity
                lading.volumeUnit = unit
            default: break
            }
        }
        if let count = packaging.extrinsic(CXMLPorterExtrinsics.ladingQuantity) {
            lading.ladingQuantity = Int(count)
        }
        return lading
    }
}
