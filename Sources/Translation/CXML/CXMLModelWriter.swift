import CXML
import Foundation
import Orders

/// Writes the parts of the model every cXML document shares: money, dates, units, parties, contacts, comments,
/// references, item identifiers, terms. Each default it writes is a note on the emitter (a warning finding).
final class CXMLModelWriter {
    let emitter: CXMLEmitter
    let options: CXMLEncodingOptions
    /// The document's currency.
    let currency: String

    /// Whether the document states its currency.
    private let statesCurrency: Bool

    init(emitter: CXMLEmitter, options: CXMLEncodingOptions, currency: CurrencyCode?) {
        self.emitter = emitter
        self.options = options
        self.currency = currency?.rawValue ?? options.defaultCurrency
        self.statesCurrency = currency != nil
    }

    var language: String { self.emitter.language }

    // MARK: Values

    /// A `Money` element.
    func money(_ amount: DecimalNumber, in content: CXMLContentWriter) throws(CXMLError) {
        if !self.statesCurrency {
            self.emitter.note(
                "the document states no currency; Money is written in \(self.options.defaultCurrency)",
                path: content.path)
        }
        try content.element("Money", defaults: [("currency", self.currency)], text: amount.text)
    }

    /// The `datetime.tz` text of a date, with the default time and zone when it lacks them.
    func dateTime(_ value: DateTime, path: String) -> String {
        let (text, defaulted) = CXMLDateText.dateTime(value, defaultZone: self.options.defaultTimeZone)
        if defaulted {
            self.emitter.note(
                "a date without time or zone was written at 12:00:00\(self.options.defaultTimeZone)", path: path)
        }
        return text
    }

    /// The cXML code of a unit; one without a code is written `ZZ` (mutually defined), with a warning.
    func unit(_ unit: UnitOfMeasure, path: String) -> String {
        if let code = CXMLUnitsOfMeasure.code(for: unit, style: self.options.unitStyle) { return code }
        self.emitter.finding(
            .warning, .unknownUnit,
            "the unit \(unit.rawValue.isEmpty ? "(none)" : unit.rawValue) has no UN/CEFACT code in Porter's table; "
                + "written as ZZ (mutually defined)", value: unit.rawValue, path: path)
        return "ZZ"
    }

    func unitOfMeasure(_ unit: UnitOfMeasure, in content: CXMLContentWriter) throws(CXMLError) {
        try content.element("UnitOfMeasure", text: self.unit(unit, path: content.nextPath("UnitOfMeasure")))
    }

    /// An `Extrinsic` Porter writes for a value cXML has no place for (``CXMLPorterExtrinsics``).
    func extrinsic(_ name: String, _ value: String?, in content: CXMLContentWriter) throws(CXMLError) {
        guard let value else { return }
        try content.element("Extrinsic", [("name", name)], text: value)
    }

    /// Dates of kinds with no cXML attribute, as Porter extrinsics.
    func dateExtrinsics(_ dates: [QualifiedDate], except: Set<DateKind>, in content: CXMLContentWriter)
        throws(CXMLError)
    {
        var seen: Set<DateKind> = except
        for date in dates where !seen.contains(date.kind) {
            seen.insert(date.kind)
            try self.extrinsic(date.kind.rawValue, CXMLDateText.date(date.dateTime), in: content)
        }
    }

    // MARK: Parties

    /// An `Address`: the party's name, first identifier, postal address and first communications of each kind.
    func address(_ party: Party, in content: CXMLContentWriter) throws(CXMLError) {
        let (id, domain) = self.addressID(party)
        try content.element("Address", [("addressID", id), ("addressIDDomain", domain)]) { address throws(CXMLError) in
            try address.element("Name", defaults: [("xml:lang", self.language)], text: party.name ?? "")
            if let postal = party.address { try self.postalAddress(postal, in: address) }
            try self.communications(
                party.contacts.flatMap(\.communications), country: party.address?.country, single: true,
                in: address)
        }
    }

    /// The party's `IdReference`s: identifiers after the first, then references.
    func idReferences(_ party: Party, in content: CXMLContentWriter) throws(CXMLError) {
        for identifier in party.identifiers.dropFirst() {
            let domain = CXMLCodes.addressIDDomain.code(identifier.qualifier) ?? identifier.qualifier.rawValue
            try content.element("IdReference", [("identifier", identifier.value), ("domain", domain)])
        }
        for reference in party.references { try self.idReference(reference, in: content) }
    }

    /// A `ShipTo` or `BillTo`; a `ShipTo` also names the carrier, when there is one.
    func holder(_ name: String, _ party: Party, carrier: CarrierRouting? = nil, in content: CXMLContentWriter)
        throws(CXMLError)
    {
        try content.element(name) { holder throws(CXMLError) in
            try self.address(party, in: holder)
            if let carrier { try self.carrier(carrier, in: holder) }
            try self.idReferences(party, in: holder)
        }
    }

    /// A `ShipTo`'s `CarrierIdentifier`s and `TransportInformation/Route` (Porter's exact name in `means` when the
    /// method is only the nearest).
    private func carrier(_ carrier: CarrierRouting, in holder: CXMLContentWriter) throws(CXMLError) {
        if let identifier = carrier.carrier {
            let domain = CXMLCodes.carrierDomain.code(identifier.qualifier) ?? identifier.qualifier.rawValue
            try holder.element("CarrierIdentifier", [("domain", domain)], text: identifier.value)
        }
        if let name = carrier.carrierName {
            try holder.element("CarrierIdentifier", [("domain", "companyName")], text: name)
        }
        if let method = carrier.transportMethod {
            let (code, isExact) =
                CXMLCodes.transportMethod.nearestCode(method)
                ?? (CXMLCodes.transportMethods.contains(method.rawValue) ? (method.rawValue, true) : ("custom", false))
            try holder.element("TransportInformation") { information throws(CXMLError) in
                try information.element(
                    "Route",
                    [("method", code), ("means", isExact || !Self.isToken(method.rawValue) ? nil : method.rawValue)])
            }
        }
        if carrier.routingSequence != nil || !carrier.serviceLevels.isEmpty {
            self.emitter.note(
                "a carrier's routing sequence and service levels have no place in a cXML ShipTo", path: holder.path,
                code: .notCarried, severity: .info)
        }
    }

    /// A `Contact` for a party in a role.
    func contact(_ party: Party, in content: CXMLContentWriter) throws(CXMLError) {
        let role = CXMLCodes.partyRole.code(party.role) ?? party.role.rawValue
        let (id, domain) = self.addressID(party)
        try content.element(
            "Contact", [("role", Self.isToken(role) ? role : nil), ("addressID", id), ("addressIDDomain", domain)]
        ) { contact throws(CXMLError) in
            try contact.element("Name", defaults: [("xml:lang", self.language)], text: party.name ?? "")
            if let postal = party.address { try self.postalAddress(postal, in: contact) }
            try self.communications(
                party.contacts.flatMap(\.communications), country: party.address?.country, single: false,
                in: contact)
            try self.idReferences(party, in: contact)
        }
        if !Self.isToken(role) {
            self.emitter.note(
                "a party role that is not an XML name token was left out", path: content.path, code: .notCarried)
        }
    }

    /// A `Contact` for a person: the role is the function's (`purchasingAgent` for a buyer).
    func contact(_ person: Contact, in content: CXMLContentWriter) throws(CXMLError) {
        let role = person.function.map { CXMLCodes.contactFunction.code($0) ?? $0.rawValue }
        try content.element("Contact", [("role", role.flatMap { Self.isToken($0) ? $0 : nil })]) {
            contact throws(CXMLError) in
            try contact.element("Name", defaults: [("xml:lang", self.language)], text: person.name ?? "")
            try self.communications(person.communications, country: nil, single: false, in: contact)
        }
    }

    private func addressID(_ party: Party) -> (String?, String?) {
        guard let first = party.identifiers.first else { return (nil, nil) }
        if first.qualifier == .buyerAssigned { return (first.value, nil) }
        return (first.value, CXMLCodes.addressIDDomain.code(first.qualifier) ?? first.qualifier.rawValue)
    }

    func postalAddress(_ address: Address, in content: CXMLContentWriter) throws(CXMLError) {
        try content.element("PostalAddress") { postal throws(CXMLError) in
            for recipient in address.deliverTo { try postal.element("DeliverTo", text: recipient) }
            if address.lines.isEmpty {
                self.emitter.note("an address without street lines was written with an empty Street", path: postal.path)
                try postal.element("Street", text: "")
            }
            for line in address.lines { try postal.element("Street", text: line) }
            if address.city == nil {
                self.emitter.note("an address without a city was written with an empty City", path: postal.path)
            }
            try postal.element("City", text: address.city ?? "")
            if let state = address.stateOrProvince { try postal.element("State", text: state) }
            if let code = address.postalCode { try postal.element("PostalCode", text: code) }
            // The country's name, when the document came with one, is kept text; else the element is empty.
            let country = address.country ?? self.defaultCountry(path: postal.path)
            try postal.element("Country", [("isoCountryCode", country)])
        }
    }

    private func defaultCountry(path: String) -> String {
        self.emitter.note(
            "an address without a country was written in \(self.options.defaultCountryCode)", path: path)
        return self.options.defaultCountryCode
    }

    /// `Email`, `Phone`, `Fax`, `URL` (an `Address` takes one of each: `single`; the rest is not written).
    func communications(
        _ communications: [Communication], country: String?, single: Bool, in content: CXMLContentWriter
    ) throws(CXMLError) {
        let order: [(CommunicationKind, String)] = [(.email, "Email"), (.phone, "Phone"), (.fax, "Fax"), (.url, "URL")]
        for (kind, name) in order {
            let values = communications.filter { $0.kind == kind }.map(\.value)
            for (position, value) in values.enumerated() {
                if single, position > 0 {
                    self.emitter.note(
                        "an address holds one \(name); the others were not written", path: content.path,
                        code: .notCarried, severity: .info)
                    break
                }
                switch kind {
                case .phone, .fax:
                    try content.element(name) { element throws(CXMLError) in
                        try self.telephone(value, country: country, in: element)
                    }
                default: try content.element(name, text: value)
                }
            }
        }
        let others = communications.filter { ![.email, .phone, .fax, .url].contains($0.kind) }
        if !others.isEmpty {
            self.emitter.note(
                "communications other than e-mail, phone, fax and URL (extensions, mobile numbers) have no place "
                    + "in cXML", path: content.path, code: .notCarried, severity: .info)
        }
    }

    /// A `TelephoneNumber` from `+<country> <area> <number> x<extension>`, or from a number alone.
    private func telephone(_ value: String, country: String?, in content: CXMLContentWriter) throws(CXMLError) {
        var parts = value.split(separator: " ").map(String.init)
        var extensionNumber: String?
        if let last = parts.last, last.hasPrefix("x"), parts.count > 1 {
            extensionNumber = String(last.dropFirst())
            parts.removeLast()
        }
        var countryCode = ""
        var area = ""
        var number = value
        if let first = parts.first, first.hasPrefix("+"), parts.count >= 3 {
            countryCode = String(first.dropFirst())
            area = parts[1]
            number = parts[2...].joined(separator: " ")
        } else if extensionNumber != nil {
            number = parts.joined(separator: " ")
        }
        try content.element("TelephoneNumber") { telephone throws(CXMLError) in
            let path = telephone.nextPath("CountryCode")
            let iso =
                self.emitter.kept(attribute: "isoCountryCode", of: path) ?? country
                ?? self.defaultCountry(path: path)
            try telephone.element("CountryCode", defaults: [("isoCountryCode", iso)], text: countryCode)
            try telephone.element("AreaOrCityCode", text: area)
            try telephone.element("Number", text: number)
            if let extensionNumber { try telephone.element("Extension", text: extensionNumber) }
        }
    }

    // MARK: Notes, references, identifiers

    /// A `Comments`: the note's lines joined by line feeds, its kind as `type`, its language as `xml:lang`.
    func comments(_ note: Note, in content: CXMLContentWriter) throws(CXMLError) {
        if note.title != nil {
            self.emitter.note(
                "a note's title has no place in cXML Comments; not written", path: content.path, code: .notCarried,
                severity: .info)
        }
        try content.element(
            "Comments", [("xml:lang", note.language), ("type", note.kind?.rawValue)],
            text: note.lines.joined(separator: "\n"))
    }

    /// An `IdReference`; a reference without a value is not written.
    func idReference(_ reference: Reference, in content: CXMLContentWriter) throws(CXMLError) {
        guard let value = reference.value else {
            self.emitter.note(
                "a reference without a value has no place in cXML; not written", path: content.path,
                code: .notCarried, severity: .info)
            return
        }
        try content.element("IdReference", [("identifier", value), ("domain", reference.qualifier.rawValue)]) {
            element throws(CXMLError) in
            if let description = reference.description {
                try element.element("Description", defaults: [("xml:lang", self.language)], text: description)
            }
        }
    }

    /// The identifiers an `ItemID` holds in elements of their own.
    static let itemIDKinds: Set<ItemIdentifierKind> = [.vendorPart, .vendorSupplemental, .buyerPart]
    /// The identifiers an `ItemDetail` holds.
    static let itemDetailKinds: Set<ItemIdentifierKind> = [.classification, .manufacturerPart, .manufacturer]

    /// An `ItemID`: `SupplierPartID` (the vendor part; without one, the vendor item or the first identifier
    /// written as an `IdReference`, which the decoder recognizes), `SupplierPartAuxiliaryID`, `BuyerPartID`, then
    /// every other identifier as an `IdReference` whose domain is its kind.
    func itemID(_ items: [ItemIdentifier], in content: CXMLContentWriter) throws(CXMLError) {
        let references = items.filter {
            !Self.itemIDKinds.contains($0.kind) && !Self.itemDetailKinds.contains($0.kind)
        }
        try content.element("ItemID") { itemID throws(CXMLError) in
            var supplierPart = items.first { $0.kind == .vendorPart }?.value
            if supplierPart == nil {
                supplierPart = (references.first { $0.kind == .vendorItem } ?? references.first)?.value
                self.emitter.note(
                    supplierPart == nil
                        ? "a line without a vendor part number was written with an empty SupplierPartID"
                        : "a line without a vendor part number has another identifier in its SupplierPartID",
                    path: itemID.path)
            }
            try itemID.element("SupplierPartID", text: supplierPart ?? "")
            if let auxiliary = items.first(where: { $0.kind == .vendorSupplemental }) {
                try itemID.element("SupplierPartAuxiliaryID", text: auxiliary.value)
            }
            if let buyer = items.first(where: { $0.kind == .buyerPart }) {
                try itemID.element("BuyerPartID", text: buyer.value)
            }
            for item in references {
                try itemID.element("IdReference", [("identifier", item.value), ("domain", item.kind.rawValue)])
            }
        }
    }

    /// `Description`s (at least one: an empty one when the model has none and `required`).
    func descriptions(_ descriptions: [ItemDescription], required: Bool, in content: CXMLContentWriter)
        throws(CXMLError)
    {
        if descriptions.isEmpty, required, !content.keeps("Description") {
            self.emitter.note("a line without a description was written with an empty one", path: content.path)
            try content.element("Description", defaults: [("xml:lang", self.language)], text: "")
        }
        for description in descriptions {
            try content.element(
                "Description", [("xml:lang", description.language)], defaults: [("xml:lang", self.language)],
                text: description.text)
        }
    }

    /// `Shipping` or `Tax` from a charge: its amount (0 when none) and description.
    func charge(_ name: String, _ charge: AllowanceCharge, in content: CXMLContentWriter) throws(CXMLError) {
        try content.element(name) { element throws(CXMLError) in
            try self.money(charge.amount ?? 0, in: element)
            try element.element("Description", defaults: [("xml:lang", self.language)], text: charge.description ?? "")
        }
    }

    /// The first freight charge and the first tax of `charges`; the others are notes (cXML has no place for them).
    func charges(_ charges: [AllowanceCharge], path: String) -> (shipping: AllowanceCharge?, tax: AllowanceCharge?) {
        let shipping = charges.first { $0.indicator == .charge && $0.code == CXMLCommonDecoding.shippingCode }
        let tax = charges.first { $0.indicator == .charge && $0.code == CXMLCommonDecoding.taxCode }
        if charges.count > [shipping, tax].compactMap({ $0 }).count {
            self.emitter.note(
                "allowances and charges other than freight (D240) and tax (H850) have no place in cXML; not written",
                path: path, code: .notCarried)
        }
        return (shipping, tax)
    }

    /// `PaymentTerm`s: one per discount tier (its days and percent or amount), one for the net days.
    func paymentTerms(_ terms: [PaymentTerms], in content: CXMLContentWriter) throws(CXMLError) {
        for term in terms {
            if term.termsType != nil || term.basisDate != nil || term.description != nil || term.netDueDate != nil
                || term.discountDueDate != nil
            {
                self.emitter.note(
                    "payment terms' type, basis date, due dates and description have no place in cXML",
                    path: content.path, code: .notCarried, severity: .info)
            }
            if term.discountPercent != nil || term.discountAmount != nil {
                try content.element("PaymentTerm", [("payInNumberOfDays", String(term.discountDays ?? 0))]) {
                    element throws(CXMLError) in
                    try element.element("Discount") { discount throws(CXMLError) in
                        if let percent = term.discountPercent {
                            try discount.element("DiscountPercent", [("percent", percent.text)])
                        } else if let amount = term.discountAmount {
                            try discount.element("DiscountAmount") { holder throws(CXMLError) in
                                try self.money(amount, in: holder)
                            }
                        }
                    }
                }
            }
            if let days = term.netDays {
                try content.element("PaymentTerm", [("payInNumberOfDays", String(days))])
            }
        }
    }

    /// `TermsOfDelivery` from free-on-board terms.
    func termsOfDelivery(_ fob: FOBTerms, in content: CXMLContentWriter) throws(CXMLError) {
        if fob.locationQualifier != nil || fob.locationDescription != nil {
            self.emitter.note(
                "the FOB location has no place in cXML TermsOfDelivery", path: content.path, code: .notCarried,
                severity: .info)
        }
        try content.element("TermsOfDelivery") { terms throws(CXMLError) in
            try terms.element("TermsOfDeliveryCode", defaults: [("value", CXMLDefaults.termsOfDeliveryCode)])
            if let code = CXMLCodes.shipmentPaymentMethod.code(fob.paymentMethod) {
                try terms.element("ShippingPaymentMethod", [("value", code)])
            } else {
                try terms.element("ShippingPaymentMethod", [("value", "Other")], text: fob.paymentMethod.rawValue)
            }
            if let incoterms = fob.incoterms { try terms.element("TransportTerms", [("value", incoterms)]) }
        }
    }

    /// The `DocumentReference` to the order inside an `OrderReference`: `payloadID` from the options, else the
    /// one kept, else empty (a warning: the gateway's order store knows it).
    func documentReference(toOrder payloadID: String?, in reference: CXMLContentWriter) throws(CXMLError) {
        if let payloadID {
            reference.suppress("DocumentReference")
            try reference.element("DocumentReference", [("payloadID", payloadID)])
        } else if !reference.keeps("DocumentReference") {
            self.emitter.note(
                "the order's payloadID is not known; the DocumentReference to it is empty", path: reference.path)
            try reference.element("DocumentReference", [("payloadID", "")])
        }
    }

    /// Whether `text` is an XML name token (what `Contact@role` must be).
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-:".unicodeScalars.contains($0)
            }
    }
}
