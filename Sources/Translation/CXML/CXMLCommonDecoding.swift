import Orders

/// Reads what the cXML documents share: `Money`, `Comments`, `IdReference`, `PaymentTerm`, `TermsOfDelivery`,
/// `ItemID`, `Description`, `Shipping` and `Tax`.
enum CXMLCommonDecoding {
    /// The `Money` inside `holder` (`Total`, `UnitPrice`…); its currency becomes the document's, or stays in
    /// extensions when it differs.
    static func money(_ holder: CXMLCursor) -> DecimalNumber? {
        guard let money = holder.child("Money") else {
            holder.context.finding(.warning, .missingRequired, "\(holder.name) has no Money", at: holder.element)
            return nil
        }
        if let currency = money.element.attribute("currency"),
            holder.context.note(currency: currency, at: money.element)
        {
            money.use(attribute: "currency")
        }
        return money.decimalText()
    }

    /// A `Comments` element as a note: `type` → kind, `xml:lang` → language, the text split at line feeds;
    /// `nil` for an empty one. Attachments stay in extensions.
    static func note(_ cursor: CXMLCursor) -> Note? {
        let kind = cursor.attribute("type").map { NoteKind(rawValue: $0) }
        let language = cursor.language()
        let lines = cursor.text.map(Self.lines)
        if lines == nil, cursor.element.children.isEmpty, kind == nil { return nil }
        return Note(kind: kind, lines: lines ?? [], language: language)
    }

    /// The lines of a text, split at each line feed (`\r\n` is one character, and no line break).
    static func lines(_ text: String) -> [String] {
        // Most comments are one line: without a line feed byte, the text is its only line.
        if text.utf8.withContiguousStorageIfAvailable({ !$0.contains(0x0A) }) == true { return [text] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// An `IdReference` as a reference: its domain is the qualifier (Porter's name, or the domain as sent).
    static func reference(_ cursor: CXMLCursor) -> Reference? {
        guard let identifier = cursor.attribute("identifier"), let domain = cursor.attribute("domain") else {
            return nil
        }
        return Reference(
            ReferenceQualifier(rawValue: domain), identifier, description: cursor.text(ofChild: "Description"))
    }

    /// `PaymentTerm`s as terms: one with a discount and one without make one set of terms (`2% 15 NET 45`).
    static func paymentTerms(_ cursors: [CXMLCursor]) -> [PaymentTerms] {
        var discounts: [PaymentTerms] = []
        var nets: [PaymentTerms] = []
        for cursor in cursors {
            let days = cursor.attribute("payInNumberOfDays")
            let dayCount = days.flatMap { Int($0) }
            if days != nil, dayCount == nil {
                cursor.context.finding(
                    .warning, .invalidNumber, "PaymentTerm@payInNumberOfDays is not a whole number", value: days,
                    at: cursor.element)
            }
            if let discount = cursor.child("Discount") {
                var terms = PaymentTerms(discountDays: dayCount)
                terms.discountPercent = discount.child("DiscountPercent")?.decimal("percent")
                if let amount = discount.child("DiscountAmount") { terms.discountAmount = self.money(amount) }
                discounts.append(terms)
            } else {
                nets.append(PaymentTerms(netDays: dayCount))
            }
        }
        var result: [PaymentTerms] = []
        for (index, var terms) in discounts.enumerated() {
            if index < nets.count { terms.netDays = nets[index].netDays }
            result.append(terms)
        }
        if nets.count > discounts.count { result += nets[discounts.count...] }
        return result
    }

    /// `TermsOfDelivery` as free-on-board terms: `ShippingPaymentMethod` and `TransportTerms` (the Incoterms rule);
    /// a value `Other` means the element's text.
    static func fob(_ cursor: CXMLCursor) -> FOBTerms? {
        // Porter's default terms code says nothing: it is not kept.
        let defaults = cursor.children("TermsOfDeliveryCode") {
            $0.attribute("value") == CXMLDefaults.termsOfDeliveryCode && $0.attributes.count == 1 && $0.isTextOnly
                && CXMLCursor.trim($0.text).isEmpty
        }
        for code in defaults { code.use(attribute: "value") }
        var method: ShipmentPaymentMethod?
        if let payment = cursor.child("ShippingPaymentMethod") {
            let value = payment.attribute("value")
            if value == "Other", let text = payment.text {
                method = ShipmentPaymentMethod(rawValue: text)
            } else if let value {
                method = CXMLCodes.shipmentPaymentMethod.value(value).value
            }
        }
        var incoterms: String?
        if let terms = cursor.child("TransportTerms") {
            let value = terms.attribute("value")
            incoterms = value == "Other" ? terms.text : value
        }
        guard let method else {
            if incoterms == nil { return nil }
            return FOBTerms(paymentMethod: "", incoterms: incoterms)
        }
        return FOBTerms(paymentMethod: method, incoterms: incoterms)
    }

    /// `ItemID`: `SupplierPartID` → vendor part, `SupplierPartAuxiliaryID` → vendor supplemental, `BuyerPartID` →
    /// buyer part, each `IdReference` → an identifier whose kind is its domain.
    ///
    /// The encoder writes another identifier into `SupplierPartID` when a line has no vendor part, and keeps that
    /// identifier in an `IdReference` too: a `SupplierPartID` equal to an `IdReference`'s identifier is that
    /// identifier, not a vendor part of its own.
    static func itemIdentifiers(_ cursor: CXMLCursor) -> [ItemIdentifier] {
        let supplierPart = cursor.child("SupplierPartID")?.text
        let auxiliary = cursor.child("SupplierPartAuxiliaryID")?.text
        let buyerPart = cursor.child("BuyerPartID")?.text
        var others: [ItemIdentifier] = []
        for reference in cursor.children("IdReference") {
            guard let identifier = reference.attribute("identifier"), let domain = reference.attribute("domain")
            else { continue }
            others.append(ItemIdentifier(ItemIdentifierKind(rawValue: domain), identifier))
        }
        var result: [ItemIdentifier] = []
        // Room for the parts, the references and what an order line adds (classification, manufacturer): one
        // allocation rather than a growth at each append.
        result.reserveCapacity(5 + others.count)
        if let supplierPart, !others.contains(where: { $0.value == supplierPart }) {
            result.append(ItemIdentifier(.vendorPart, supplierPart))
        }
        if let auxiliary { result.append(ItemIdentifier(.vendorSupplemental, auxiliary)) }
        if let buyerPart { result.append(ItemIdentifier(.buyerPart, buyerPart)) }
        result.append(contentsOf: others)
        return result
    }

    /// `Description`s: the text (without its `ShortName`, which stays in extensions) with its `xml:lang`.
    static func descriptions(_ cursors: [CXMLCursor]) -> [ItemDescription] {
        cursors.compactMap { cursor in
            let language = cursor.language()
            guard let text = cursor.text else { return nil }
            return ItemDescription(text, language: language)
        }
    }

    /// The carrier a `ShipTo` names: its `CarrierIdentifier`s (`companyName` → name, another domain → the
    /// identifier) and the `Route` of its `TransportInformation` (`method`, or Porter's exact name in `means`).
    static func carrier(_ shipTo: CXMLCursor) -> CarrierRouting? {
        var carrier = CarrierRouting()
        self.carrierIdentifiers(shipTo, into: &carrier)
        if let route = shipTo.child("TransportInformation")?.child("Route"),
            let method = route.enumerated("method", CXMLCodes.transportMethods)
        {
            carrier.transportMethod = CXMLCodes.transportMethod.value(method).value
            if let means = route.element.attribute("means"),
                TransportMethod.namedValues.contains(TransportMethod(means))
            {
                route.use(attribute: "means")
                carrier.transportMethod = TransportMethod(means)
            }
        }
        return carrier == CarrierRouting() ? nil : carrier
    }

    /// The first `CarrierIdentifier` in the domain `companyName` (the carrier's name) and the first in another
    /// domain (its identifier: `SCAC`, `DUNS`…); further ones stay whole in extensions.
    static func carrierIdentifiers(_ holder: CXMLCursor, into carrier: inout CarrierRouting) {
        var tookName = false
        var tookIdentifier = false
        let mapped = holder.children("CarrierIdentifier") { element in
            let isName = element.attribute("domain") == "companyName"
            if isName, !tookName {
                tookName = true
                return true
            }
            if !isName, !tookIdentifier, element.hasAttribute("domain") {
                tookIdentifier = true
                return true
            }
            return false
        }
        for identifier in mapped {
            guard let domain = identifier.attribute("domain"), let text = identifier.text else { continue }
            if domain == "companyName" {
                carrier.carrierName = text
            } else {
                carrier.carrier = PartyIdentifier(CXMLCodes.carrierDomain.value(domain).value, text)
            }
        }
    }

    /// `Shipping` (a freight charge, X12 `SAC` `D240`) or `Tax` (`H850`) as an allowance or charge.
    static func charge(_ cursor: CXMLCursor, code: String) -> AllowanceCharge {
        let amount = self.money(cursor)
        let description = cursor.text(ofChild: "Description")
        return AllowanceCharge(indicator: .charge, code: code, amount: amount, description: description)
    }

    /// The X12 `SAC02` codes of the charges cXML carries as `Shipping` and `Tax`.
    static let shippingCode = "D240"
    static let taxCode = "H850"
}
