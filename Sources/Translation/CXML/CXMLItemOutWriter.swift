import CXML
import Orders

/// Writes an `ItemOut` from an order line (see ``CXMLLineDecoding`` for the mapping).
struct CXMLItemOutWriter {
    let model: CXMLModelWriter
    /// The order's date, for schedule lines without a date of their own.
    let orderDate: DateTime

    private var emitter: CXMLEmitter { self.model.emitter }

    func write(_ line: PurchaseOrderLine, in document: CXMLContentWriter) throws(CXMLError) {
        let path = "ItemOut"
        var attributes: [(String, String?)] = [("quantity", line.quantity.text), ("lineNumber", line.lineNumber)]
        if let date = line.dates.first(.deliveryRequested) {
            attributes.append(("requestedDeliveryDate", CXMLDateText.date(date.dateTime)))
        }
        if let date = line.dates.first(.shipRequested) {
            attributes.append(
                ("requestedShipmentDate", self.model.dateTime(date.dateTime, path: "\(path)@requestedShipmentDate")))
        }
        self.notCarried(line, path: path)
        try document.element("ItemOut", attributes, path: path) { item throws(CXMLError) in
            try self.model.itemID(line.items, in: item)
            try item.element("ItemDetail") { detail throws(CXMLError) in
                try self.detail(line, in: detail)
            }
            var parties = line.parties
            if let index = parties.firstIndex(where: { $0.role == .shipTo }) {
                try self.model.holder("ShipTo", parties.remove(at: index), in: item)
            }
            let (shipping, tax) = self.model.charges(line.allowancesCharges, path: path)
            if let shipping { try self.model.charge("Shipping", shipping, in: item) }
            if let tax { try self.model.charge("Tax", tax, in: item) }
            for party in parties { try self.model.contact(party, in: item) }
            for note in line.notes { try self.model.comments(note, in: item) }
            for schedule in line.schedules {
                var attributes: [(String, String?)] = [("quantity", schedule.quantity.text)]
                let delivery = schedule.dates.first(.deliveryRequested) ?? schedule.dates.first
                if let delivery {
                    attributes.append(
                        ("requestedDeliveryDate", self.model.dateTime(delivery.dateTime, path: item.path)))
                } else {
                    self.emitter.note(
                        "a schedule line without a date was written with the order date", path: item.path)
                    attributes.append(("requestedDeliveryDate", self.model.dateTime(self.orderDate, path: item.path)))
                }
                attributes.append(("lineNumber", schedule.lineNumber))
                if let ship = schedule.dates.first(.shipRequested) {
                    attributes.append(("requestedShipmentDate", self.model.dateTime(ship.dateTime, path: item.path)))
                }
                try item.element("ScheduleLine", attributes) { element throws(CXMLError) in
                    try self.model.unitOfMeasure(schedule.unit, in: element)
                }
            }
        }
    }

    private func detail(_ line: PurchaseOrderLine, in detail: CXMLContentWriter) throws(CXMLError) {
        try detail.element("UnitPrice") { price throws(CXMLError) in
            if line.unitPrice == nil {
                self.emitter.note("a line without a unit price was written with UnitPrice 0", path: price.path)
            }
            try self.model.money(line.unitPrice ?? 0, in: price)
        }
        try self.model.descriptions(line.descriptions, required: true, in: detail)
        try self.model.unitOfMeasure(line.unit, in: detail)
        let classifications = line.items.filter { $0.kind == .classification }
        if classifications.isEmpty, !detail.keeps("Classification") {
            let (domain, value) = self.model.options.defaultClassification
            self.emitter.note(
                "a line without a classification was written with Classification \(domain) \(value)",
                path: detail.path)
            try detail.element("Classification", [("domain", domain)], text: value)
        }
        for classification in classifications {
            try detail.element(
                "Classification", [("domain", CXMLDefaults.classificationDomain)], text: classification.value)
        }
        if let part = line.items.first(where: { $0.kind == .manufacturerPart }) {
            try detail.element("ManufacturerPartID", text: part.value)
        }
        if let name = line.items.first(where: { $0.kind == .manufacturer }) {
            try detail.element("ManufacturerName", text: name.value)
        }
        try self.model.dateExtrinsics(line.dates, except: [.deliveryRequested, .shipRequested], in: detail)
    }

    private func notCarried(_ line: PurchaseOrderLine, path: String) {
        var parts: [String] = []
        if line.priceBasis != nil { parts.append("price basis") }
        if line.pack != nil { parts.append("pack details") }
        if !line.destinations.isEmpty { parts.append("destination quantities") }
        if !line.references.isEmpty { parts.append("references") }
        for part in parts {
            self.emitter.note(
                "a line's \(part) have no place in a cXML ItemOut; not written", path: path, code: .notCarried,
                severity: .info)
        }
    }
}
