import Orders

/// A deterministic random number generator (SplitMix64): the same seed gives the same documents on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Random canonical documents holding only what X12 can carry: values within their elements' lengths and types,
/// no delimiter characters (`*`, `:`, `^`, `~`, `>`), no leading or trailing spaces.
///
/// Each generator takes the version it will be written in, so 005010-only elements appear only there.
struct RandomDocuments {
    var random: SeededGenerator
    /// Whether the document will be written in 005010 (else 004010).
    let isFiveOrLater: Bool

    init(seed: UInt64, version: String) {
        self.random = SeededGenerator(seed: seed)
        self.isFiveOrLater = version.hasPrefix("005")
    }

    // MARK: Primitives

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self.random) }

    mutating func chance(_ percent: Int) -> Bool { self.int(1...100) <= percent }

    mutating func pick<Value>(_ values: [Value]) -> Value { values[self.int(0...values.count - 1)] }

    mutating func maybe<Value>(_ percent: Int = 50, _ make: (inout Self) -> Value) -> Value? {
        self.chance(percent) ? make(&self) : nil
    }

    mutating func list<Value>(_ count: ClosedRange<Int>, _ make: (inout Self) -> Value) -> [Value] {
        (0..<self.int(count)).map { _ in make(&self) }
    }

    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    /// Text characters that are no delimiter of the writers used in the tests (`*`, `:`, `^`, `~`, and `>` where
    /// the component separator falls back to it), with some beyond ASCII.
    static let textCharacters = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -.,/#&'()!?@+=%$;<[]{}|_\"\\`éüñÅß€")

    mutating func string(_ alphabet: [Character], _ length: ClosedRange<Int>) -> String {
        String((0..<self.int(length)).map { _ in self.pick(alphabet) })
    }

    /// Free text: a letter or digit last (X12 drops trailing spaces), now and then a leading space (which it keeps).
    mutating func text(_ length: ClosedRange<Int>) -> String {
        let count = self.int(length)
        guard count > 1 else { return self.string(Self.alphanumeric, 1...1) }
        let first = self.chance(3) ? " " : self.string(Self.alphanumeric, 1...1)
        return first + self.string(Self.textCharacters, (count - 2)...(count - 2))
            + self.string(Self.alphanumeric, 1...1)
    }

    /// An identifier: letters (either case) and digits.
    mutating func identifier(_ length: ClosedRange<Int>) -> String {
        self.string(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), length)
    }

    mutating func digits(_ length: ClosedRange<Int>) -> String { self.string(Array("0123456789"), length) }

    /// A whole number as N0 text: no leading zeros.
    mutating func number(_ range: ClosedRange<Int>) -> String { String(self.int(range)) }

    /// One of `named`, or (one time in `unnamedPercent`) a code Porter does not name.
    mutating func coded<Value: CodedValue>(_ unnamedPercent: Int = 10, _ unnamed: [String] = ["ZZ9"]) -> Value {
        if self.chance(unnamedPercent) { return Value(rawValue: self.pick(unnamed)) }
        return self.pick(Value.namedValues)
    }

    mutating func date() -> CalendarDate {
        CalendarDate(year: self.int(1990...2099), month: self.int(1...12), day: self.int(1...28))!
    }

    /// A time as X12 sends it: `HHMM`, `HHMMSS` or `HHMMSSd`.
    mutating func time() -> TimeOfDay {
        let second = self.maybe { $0.int(0...59) }
        let fraction = second == nil ? nil : self.maybe(30) { $0.digits(1...2) }
        return TimeOfDay(hour: self.int(0...23), minute: self.int(0...59), second: second, fractionDigits: fraction)!
    }

    // MARK: Envelope

    /// An envelope the encoders write and the decoders read back unchanged: identifiers without padding, a
    /// nine-digit ISA13, a GS06 without leading zeros, a GS05 of four or six digits.
    mutating func envelope(version: String) -> Envelope {
        let qualifiers = ["01", "08", "12", "14", "ZZ"]
        let second = self.maybe(30) { $0.int(0...59) }
        let fraction = second == nil ? nil : self.maybe(30) { $0.digits(1...2) }
        return Envelope(
            standard: .x12,
            sender: EnvelopeIdentity(qualifier: self.pick(qualifiers), id: self.identifier(2...15)),
            receiver: EnvelopeIdentity(qualifier: self.pick(qualifiers), id: self.identifier(2...15)),
            applicationSender: self.identifier(2...15), applicationReceiver: self.identifier(2...15),
            interchangeControlNumber: Self.padded(self.int(1...999_999_999), 9),
            groupControlNumber: self.number(1...999_999_999),
            transactionControlNumber: Self.padded(self.int(1...9999), self.int(4...9)),
            interchangeVersion: self.isFiveOrLater ? "00501" : "00401", version: version,
            implementationReference: self.isFiveOrLater ? self.maybe(20) { $0.pick(["005010X999", "VICS"]) } : nil,
            date: DateTime(
                date: self.date(),
                time: TimeOfDay(
                    hour: self.int(0...23), minute: self.int(0...59), second: second, fractionDigits: fraction)),
            usage: self.pick([.production, .test, .information]), acknowledgmentRequested: self.chance(50))
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: 997 / 999

    /// A functional acknowledgment, written as a 999 when `is999`.
    mutating func functionalAcknowledgment(version: String, is999: Bool) -> FunctionalAcknowledgment {
        var acknowledgment = FunctionalAcknowledgment(
            envelope: self.envelope(version: version),
            functionalIdentifier: self.chance(80)
                ? self.pick(["PO", "PR", "PC", "SH", "IN"]) : self.string(Self.upper, 2...2),
            groupControlNumber: self.digits(1...9),
            groupVersion: self.isFiveOrLater ? self.maybe(70) { $0.pick(["004010", "005010", "004010VICS"]) } : nil,
            status: self.coded(5, ["Z"]))
        acknowledgment.transactionSets = self.list(0...4) { $0.transactionSetAcknowledgment() }
        acknowledgment.includedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.receivedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.acceptedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.errors = self.list(0...5) { $0.coded(20, ["10", "19", "24"]) }
        acknowledgment.transactionSet = is999 ? "999" : "997"
        if is999 {
            if self.isFiveOrLater, self.chance(70) { acknowledgment.envelope.implementationReference = "005010X231" }
            // A CTX after some segment errors and element errors, kept in extensions.
            for (set, transactionSet) in acknowledgment.transactionSets.enumerated() {
                for (error, segmentError) in transactionSet.segmentErrors.enumerated() where self.chance(40) {
                    let path = "AK2[\(set + 1)]/IK3[\(error + 1)]/"
                    self.context(at: path + "CTX[1]", in: &acknowledgment.extensions)
                    if !segmentError.elementErrors.isEmpty, self.chance(50) {
                        self.context(at: path + "IK4[1]/CTX[1]", in: &acknowledgment.extensions)
                    }
                }
            }
        }
        return acknowledgment
    }

    /// A CTX kept whole: its context name and reference (C998), and a segment ID.
    private mutating func context(at address: String, in extensions: inout Extensions) {
        extensions[address] = "segment"
        extensions[address + "01-1"] = self.pick(["SITUATIONAL TRIGGER", "CLM01"])
        extensions[address + "01-2"] = self.text(1...20)
        extensions[address + "02"] = self.pick(["CLM", "NM1", "PO1"])
    }

    mutating func transactionSetAcknowledgment() -> TransactionSetAcknowledgment {
        TransactionSetAcknowledgment(
            identifier: self.pick(["850", "855", "856", "860", "810"]),
            controlNumber: Self.padded(self.int(1...999_999), self.int(4...9)),
            implementationReference: self.isFiveOrLater ? self.maybe(30) { $0.pick(["005010X220A1", "VICS"]) } : nil,
            status: self.coded(5, ["Z"]), errors: self.list(0...5) { $0.coded(20, ["8", "19", "I5"]) },
            segmentErrors: self.list(0...3) { $0.segmentError() })
    }

    mutating func segmentError() -> SegmentError {
        SegmentError(
            segmentID: self.string(Self.upper, 1...1) + self.string(Self.alphanumeric, 1...2),
            position: self.int(1...999_999),
            loopID: self.maybe { $0.string(Self.alphanumeric, 1...($0.isFiveOrLater ? 4 : 6)) },
            code: self.maybe(80) { $0.coded(10, ["I4", "I9"]) }, elementErrors: self.list(0...3) { $0.elementError() })
    }

    mutating func elementError() -> ElementError {
        ElementError(
            position: self.int(1...99), componentPosition: self.maybe(30) { $0.int(1...99) },
            repetitionPosition: self.isFiveOrLater ? self.maybe(20) { $0.int(1...9999) } : nil,
            referenceNumber: self.maybe(80) { $0.number(1...9999) }, code: self.coded(10, ["I6", "I12"]),
            badValue: self.maybe(60) { $0.text(1...99) })
    }
}

// MARK: - 850, 855 and 860

/// The named values that have an X12 code (a name without one would be written as its name), and codes no list
/// names (kept as sent both ways).
extension RandomDocuments {
    static let units: [UnitOfMeasure] = [
        "each", "case", "box", "package", "carton", "dozen", "pound", "kilogram", "foot", "gallon", "pallet", "roll",
        "set", "pair", "hour", "Q9",
    ]
    static let roles: [PartyRole] = [
        "buyer", "seller", "vendor", "supplier", "shipTo", "billTo", "soldTo", "shipFrom", "remitTo", "markFor",
        "store", "warehouse", "manufacturer", "carrier", "Z8",
    ]
    static let identifierQualifiers: [PartyIdentifierQualifier] = [
        "duns", "dunsPlusFour", "scac", "iata", "gln", "glnPrefix", "san", "sellerAssigned", "buyerAssigned",
        "mutuallyDefined", "Q7",
    ]
    static let itemKinds: [ItemIdentifierKind] = [
        "buyerPart", "buyerItem", "buyerCatalog", "vendorPart", "vendorItem", "vendorCatalog", "vendorStyle",
        "manufacturerPart", "upc", "ean", "gtin", "sku", "partDescription", "classification", "color", "size",
        "nationalDrugCode", "batch", "lot", "Q5",
    ]
    static let referenceQualifiers: [ReferenceQualifier] = [
        "purchaseOrder", "vendorOrder", "internalVendorNumber", "department", "customerOrder", "contract", "agreement",
        "orderRevision", "requisition", "billOfLading", "invoice", "store", "mutuallyDefined", "Q3",
    ]
    static let dateKinds: [DateKind] = [
        "cancelAfter", "deliveryRequested", "purchaseOrder", "effective", "shipRequested", "shipped",
        "estimatedDelivery", "shipNotBefore", "shipNoLater", "deliverNotAfter", "promisedDelivery", "acknowledgment",
        "Q01",
    ]
    static let zones: [TimeZoneDesignator] = ["ET", "CT", "MT", "PT", "UT", "GM", "01", "13", "24"]
    static let contactFunctions: [ContactFunction] = [
        "buyer", "general", "delivery", "information", "order", "salesRepresentative", "receiving", "Q2",
    ]
    static let communicationKinds: [CommunicationKind] = ["phone", "fax", "email", "phoneExtension", "mobile", "url"]
    static let orderTypes: [OrderType] = [
        "standAlone", "newOrder", "blanket", "release", "dropship", "rush", "emergency", "consigned", "Q4",
    ]
    static let purposes: [Purpose] = [
        "original", "cancellation", "add", "delete", "change", "replace", "confirmation", "duplicate", "status",
    ]
    static let priceBases: [PriceBasis] = [
        "perEach", "perUnit", "perDozen", "perHundred", "contract", "catalog", "quoted", "net", "wholesale", "Q6",
    ]
    static let termsTypes: [PaymentTermsType] = [
        "basic", "endOfMonth", "discountNotApplicable", "basicDiscountOffered", "previouslyAgreed", "mutuallyDefined",
    ]
    static let basisDates: [TermsBasisDate] = ["shipDate", "deliveryDate", "invoiceDate", "specifiedDate"]
    static let paymentMethods: [ShipmentPaymentMethod] = [
        "prepaid", "collect", "paidBySeller", "paidByBuyer", "thirdPartyPay", "pickup", "mixed",
    ]
    static let transportMethods: [TransportMethod] = [
        "air", "airExpress", "motor", "motorCommonCarrier", "lessThanTruckload", "privateParcel", "rail", "ocean",
        "bestWay", "customerPickup",
    ]
    static let serviceLevels: [ServiceLevel] = [
        "nextDayAir", "secondDayAir", "threeDay", "ground", "standardGround", "overnight", "saturday", "standard",
    ]
    static let acknowledgmentTypes: [AcknowledgmentType] = [
        "accepted", "acceptedWithChanges", "acceptedWithDetail", "acceptedWithExceptions", "acceptedNoDetail",
        "onHold", "rejected", "rejectedWithDetail", "rejectedNotAsAgreed", "noAcknowledgmentNeeded",
    ]
    static let itemStatuses: [ItemStatusCode] = [
        "accepted", "acceptedAndShipped", "acceptedWithChanges", "quantityChanged", "priceChanged", "dateRescheduled",
        "pricePending", "substituted", "backordered", "onHold", "deleted", "rejected", "rejectedInvalidUnit",
    ]
    static let changeKinds: [ChangeKind] = [
        "addItem", "deleteItem", "quantityIncrease", "quantityDecrease", "priceChange", "priceAndQuantityChange",
        "reschedule", "dateChange", "replaceAllValues", "lineItemChanges", "noChange", "cancelOrder",
    ]

    // MARK: Values

    /// An R (decimal) value: up to `integerDigits` integer digits and `fractionDigits` fraction digits.
    mutating func decimal(integerDigits: Int = 6, fractionDigits: Int = 4, negative: Bool = true) -> DecimalNumber {
        var text = String(self.int(0...(Int(pow10: self.chance(10) ? integerDigits + 3 : integerDigits) - 1)))
        let fraction = self.int(0...(self.chance(10) ? fractionDigits + 2 : fractionDigits))
        if fraction > 0 { text += "." + self.digits(fraction...fraction) }
        if negative, self.chance(10), text.contains(where: { $0 != "0" && $0 != "." }) { text = "-" + text }
        return DecimalNumber(text)!
    }

    /// An N2 amount: always two fraction digits, as X12 gives them back.
    mutating func amount() -> DecimalNumber {
        DecimalNumber("\(self.chance(10) ? "-" : "")\(self.int(0...9_999_999)).\(self.digits(2...2))")!
    }

    mutating func qualifiedDate() -> QualifiedDate {
        QualifiedDate(
            self.pick(Self.dateKinds), self.date(), time: self.maybe(40) { $0.time() },
            zone: self.maybe(25) { $0.pick(Self.zones) })
    }

    mutating func reference() -> Reference {
        var reference = Reference(self.pick(Self.referenceQualifiers), self.maybe(90) { $0.text(1...30) })
        reference.description = self.maybe(30) { $0.text(1...80) }
        return reference
    }

    /// A contact: PER01 is mandatory in X12, but a contact without a function but with a name is carried too.
    mutating func contact() -> Contact {
        let function = self.maybe(95) { $0.pick(Self.contactFunctions) }
        return Contact(
            function: function, name: function == nil ? self.text(1...60) : self.maybe(80) { $0.text(1...60) },
            communications: self.list(0...3) { Communication($0.pick(Self.communicationKinds), $0.text(1...80)) })
    }

    mutating func party() -> Party {
        var party = Party(role: self.pick(Self.roles), name: self.maybe(80) { $0.text(1...60) })
        if party.name == nil || self.chance(60) {
            party.identifiers = [PartyIdentifier(self.pick(Self.identifierQualifiers), self.text(2...20))]
        }
        party.additionalNames = self.list(0...3) { $0.text(1...60) }
        if self.chance(60) {
            var address = Address(lines: self.list(0...3) { $0.text(1...55) })
            address.city = self.maybe(80) { $0.text(2...30) }
            address.stateOrProvince = self.maybe(70) { $0.string(Self.upper, 2...2) }
            address.postalCode = self.maybe(70) { $0.string(Self.alphanumeric, 3...10) }
            address.country = self.maybe(50) { $0.string(Self.upper, 2...3) }
            address.countrySubdivision = self.maybe(10) { $0.string(Self.alphanumeric, 1...3) }
            if address.lines.isEmpty, address.city == nil { address.city = self.text(2...30) }
            party.address = address
        }
        party.contacts = self.list(0...2) { $0.contact() }
        party.references = self.list(0...2) { $0.reference() }
        return party
    }

    mutating func note() -> Note {
        Note(
            // N9 needs N902 or N903: a note always has its title (N902).
            kind: self.chance(80) ? .general : "ZZ", title: self.text(1...45),
            lines: self.list(0...3) { $0.text(1...264) })
    }

    mutating func allowanceCharge() -> AllowanceCharge {
        AllowanceCharge(
            indicator: self.pick(["allowance", "charge", "noCharge"]),
            code: self.maybe(80) { $0.pick(["D240", "C310", "F050", "H850"]) }, amount: self.maybe(70) { $0.amount() },
            percent: self.maybe(30) { $0.decimal(integerDigits: 2, fractionDigits: 3) },
            rate: self.maybe(20) { $0.decimal() }, quantity: self.maybe(20) { $0.decimal() },
            unit: self.maybe(20) { $0.pick(Self.units) }, handling: self.maybe(30) { $0.pick(["02", "05", "06"]) },
            reference: self.maybe(20) { $0.text(1...30) }, description: self.maybe(40) { $0.text(1...80) })
    }

    mutating func paymentTerms() -> PaymentTerms {
        var terms = PaymentTerms(
            termsType: self.maybe(90) { $0.pick(Self.termsTypes) },
            basisDate: self.maybe(70) { $0.pick(Self.basisDates) },
            discountPercent: self.maybe(50) { $0.decimal(integerDigits: 2, fractionDigits: 2) },
            discountDueDate: self.maybe(20) { $0.date() }, discountDays: self.maybe(50) { $0.int(0...999) },
            netDueDate: self.maybe(20) { $0.date() }, netDays: self.maybe(60) { $0.int(0...999) },
            discountAmount: self.maybe(20) { $0.amount() }, description: self.maybe(40) { $0.text(1...80) })
        if terms == PaymentTerms() { terms.netDays = 30 }  // an ITD with no data is not written
        return terms
    }

    mutating func fob() -> FOBTerms {
        FOBTerms(
            paymentMethod: self.pick(Self.paymentMethods),
            locationQualifier: self.maybe(60) { $0.pick(["OR", "DE", "PB"]) },
            locationDescription: self.maybe(60) { $0.text(1...80) },
            incoterms: self.maybe(50) { $0.pick(["FOB", "FCA", "EXW", "DDP", "CIF"]) })
    }

    mutating func carrier() -> CarrierRouting {
        var carrier = CarrierRouting(
            routingSequence: self.maybe(60) { $0.pick(["B", "O", "1", "2"]) },
            carrier: self.maybe(70) {
                PartyIdentifier($0.pick(Self.identifierQualifiers), $0.string(Self.alphanumeric, 2...17))
            },
            carrierName: self.maybe(50) { $0.text(1...35) },
            transportMethod: self.maybe(60) { $0.pick(Self.transportMethods) },
            serviceLevels: self.list(0...3) { $0.pick(Self.serviceLevels) })
        if carrier.routingSequence == nil, carrier.carrier == nil, carrier.carrierName == nil,
            carrier.transportMethod == nil, carrier.serviceLevels.isEmpty
        {
            carrier.carrierName = self.text(1...35)
        }
        return carrier
    }

    mutating func items(_ count: ClosedRange<Int>) -> [ItemIdentifier] {
        self.list(count) { ItemIdentifier($0.pick(Self.itemKinds), $0.text(1...48)) }
    }

    mutating func descriptions() -> [ItemDescription] {
        self.list(0...2) { ItemDescription($0.text(1...80), language: $0.maybe(30) { $0.pick(["EN", "FR", "ES"]) }) }
    }

    /// PO4: pack and size, weight, volume, dimensions, inner pack.
    mutating func pack() -> PackDetails {
        var pack = PackDetails(
            pack: self.maybe(80) { $0.decimal(integerDigits: 4, fractionDigits: 0) },
            size: self.maybe(60) { $0.decimal(integerDigits: 4, fractionDigits: 3) },
            sizeUnit: self.maybe(60) { $0.pick(Self.units) },
            packagingCode: self.maybe(30) { $0.pick(["CTN25", "PLT90"]) })
        if self.chance(40) {
            pack.weightQualifier = self.maybe(80) { $0.pick(["G", "N"]) }
            pack.weight = self.decimal(integerDigits: 5, fractionDigits: 2)
            pack.weightUnit = self.maybe(80) { $0.pick(["pound", "kilogram"]) }
        }
        if self.chance(30) {
            pack.volume = self.decimal(integerDigits: 4, fractionDigits: 2)
            pack.volumeUnit = self.maybe(80) { $0.pick(["cubicFoot", "liter"]) }
        }
        if self.chance(30) {
            pack.length = self.maybe(90) { $0.decimal(integerDigits: 3, fractionDigits: 2) }
            pack.width = self.maybe(90) { $0.decimal(integerDigits: 3, fractionDigits: 2) }
            pack.height = self.maybe(90) { $0.decimal(integerDigits: 3, fractionDigits: 2) }
            pack.dimensionUnit = self.maybe(80) { $0.pick(["inch", "centimeter"]) }
        }
        pack.innerPack = self.maybe(20) { $0.decimal(integerDigits: 3, fractionDigits: 0) }
        if pack == PackDetails() { pack.pack = 6 }  // a PO4 with no data is not written
        return pack
    }

    mutating func destinations() -> [DestinationQuantity] {
        let unit = self.pick(Self.units)
        let qualifier = self.pick(Self.identifierQualifiers)
        return self.list(0...14) {
            DestinationQuantity(
                location: PartyIdentifier(
                    $0.chance(85) ? qualifier : $0.pick(Self.identifierQualifiers), $0.string(Self.alphanumeric, 2...10)
                ),
                quantity: $0.decimal(integerDigits: 5, fractionDigits: 1),
                unit: $0.chance(90) ? unit : $0.pick(Self.units))
        }
    }

    mutating func schedule() -> ScheduleLine {
        ScheduleLine(
            quantity: self.decimal(integerDigits: 5, fractionDigits: 2), unit: self.pick(Self.units),
            dates: self.list(0...2) {
                QualifiedDate($0.pick(Self.dateKinds), $0.date(), time: $0.maybe(30) { $0.time() })
            },
            lineNumber: self.maybe(20) { $0.text(1...20) }, reference: self.maybe(20) { $0.text(1...30) })
    }

    mutating func totals() -> OrderTotals {
        OrderTotals(
            lineCount: self.int(0...999_999),
            hashTotal: self.maybe(50) { $0.decimal(integerDigits: 8, fractionDigits: 2) },
            amount: self.maybe(50) { $0.decimal(integerDigits: 10, fractionDigits: 2) })
    }

    // MARK: Extensions

    /// What a decoder keeps in a document's `extensions`, placed where the typed content leaves room: a free
    /// element of the beginning segment, REF04, DTM05, N105, MSG02 or MTX01, a second CUR, a TAX kept whole, a TD5 in
    /// the first N1 loop, CTT03.
    mutating func headerExtensions(
        beginning: String, free: [Int], references: Int, dates: Int, parties: Int, notes: [Note], hasCurrency: Bool,
        hasTotals: Bool
    ) -> Extensions {
        var extensions = Extensions()
        if self.chance(20) {
            extensions["\(beginning)[1]\(Self.element(self.pick(free)))"] = self.string(Self.upper, 2...2)
        }
        self.references(references, in: &extensions)
        for index in 0..<dates where self.chance(10) { extensions["DTM[\(index + 1)]05"] = "D8" }
        for index in 0..<parties where self.chance(10) { extensions["N1[\(index + 1)]05"] = "01" }
        self.notes(notes, in: &extensions)
        if hasCurrency, self.chance(10) {
            extensions["CUR[2]"] = "segment"
            extensions["CUR[2]01"] = "SE"
            extensions["CUR[2]02"] = "EUR"
        }
        if self.chance(10) {  // a TAX, which no model field holds
            extensions["TAX[1]"] = "segment"
            extensions["TAX[1]01"] = self.identifier(1...20)
        }
        if parties > 0, self.chance(10) {
            extensions["N1[1]/TD5[1]"] = "segment"
            extensions["N1[1]/TD5[1]05"] = self.text(1...35)
        }
        if hasTotals, self.chance(10) {
            extensions["CTT[1]03"] = self.decimal(integerDigits: 5, fractionDigits: 1).text
        }
        return extensions
    }

    /// What a decoder keeps in a line's `extensions`: a qualifier without its item before the items (which then
    /// start a pair later), PID02, REF04, MSG02 or MTX01, a TXI kept whole, a QTY in the first N1 loop.
    mutating func lineExtensions(
        beginning: String, itemStart: Int, descriptions: Int, references: Int, parties: Int, notes: [Note]
    ) -> Extensions {
        var extensions = Extensions()
        if self.chance(10) { extensions["\(beginning)[1]\(Self.element(itemStart))"] = self.pick(["VN", "UP"]) }
        for index in 0..<descriptions where self.chance(10) { extensions["PID[\(index + 1)]02"] = "08" }
        self.references(references, in: &extensions)
        self.notes(notes, in: &extensions)
        if self.chance(10) {
            extensions["TXI[1]"] = "segment"
            extensions["TXI[1]01"] = "ST"
            extensions["TXI[1]02"] = self.amount().text
        }
        if parties > 0, self.chance(10) {
            extensions["N1[1]/QTY[1]"] = "segment"
            extensions["N1[1]/QTY[1]01"] = "01"
            extensions["N1[1]/QTY[1]02"] = self.number(1...999)
        }
        return extensions
    }

    private mutating func references(_ count: Int, in extensions: inout Extensions) {
        for index in 0..<count where self.chance(10) {
            extensions["REF[\(index + 1)]04-1"] = "AH"
            extensions["REF[\(index + 1)]04-2"] = self.identifier(1...30)
        }
    }

    /// MSG02 (printer carriage control) in 004010, MTX01 (note reference code) in 005010, for each text line.
    private mutating func notes(_ notes: [Note], in extensions: inout Extensions) {
        for (index, note) in notes.enumerated() where self.chance(20) {
            for line in note.lines.indices {
                let address = "N9[\(index + 1)]/\(self.isFiveOrLater ? "MTX" : "MSG")[\(line + 1)]"
                extensions[address + (self.isFiveOrLater ? "01" : "02")] = self.isFiveOrLater ? "GEN" : "LC"
            }
        }
    }

    static func element(_ position: Int) -> String { position < 10 ? "0\(position)" : "\(position)" }

    // MARK: Documents

    /// An 850. BEG05 is a date only, and BEG06 is the blanket order number of a release, else the contract number.
    mutating func purchaseOrder(version: String) -> PurchaseOrder {
        let orderType = self.pick(Self.orderTypes)
        var order = PurchaseOrder(
            envelope: self.envelope(version: version), purpose: self.pick(Self.purposes), orderType: orderType,
            number: self.text(1...22), releaseNumber: self.maybe(30) { $0.text(1...30) },
            orderDate: DateTime(date: self.date()))
        if orderType == .release {
            order.blanketOrderNumber = self.maybe(70) { $0.text(1...30) }
        } else {
            order.contractNumber = self.maybe(30) { $0.text(1...30) }
        }
        order.currency = self.maybe(50) { CurrencyCode(rawValue: $0.pick(["USD", "CAD", "EUR", "MXN"])) }
        order.references = self.list(self.chance(5) ? 9...12 : 0...3) { $0.reference() }
        order.contacts = self.list(0...2) { $0.contact() }
        order.fob = self.maybe(40) { $0.fob() }
        order.allowancesCharges = self.list(0...3) { $0.allowanceCharge() }
        order.paymentTerms = self.list(0...2) { $0.paymentTerms() }
        order.dates = self.list(0...4) { $0.qualifiedDate() }
        order.carriers = self.list(0...2) { $0.carrier() }
        order.notes = self.list(0...2) { $0.note() }
        order.salesRequirements = self.list(0...2) { $0.pick([.shipComplete, .noBackorder, "P2"]) }
        order.parties = self.list(self.chance(5) ? 9...11 : 0...4) { $0.party() }
        order.lines = self.list(self.chance(5) ? 10...14 : 0...5) { $0.purchaseOrderLine() }
        order.totals = self.maybe(70) { $0.totals() }
        order.extensions = self.headerExtensions(
            beginning: "BEG", free: [7, 8], references: order.references.count, dates: order.dates.count,
            parties: order.parties.count, notes: order.notes, hasCurrency: order.currency != nil,
            hasTotals: order.totals != nil)
        return order
    }

    /// A PO1 loop; with `beginning` `POC`, the loop of an 860's change line (items from POC08), whose POC values
    /// ``changeLine()`` replaces.
    mutating func purchaseOrderLine(beginning: String = "PO1") -> PurchaseOrderLine {
        var line = PurchaseOrderLine(
            lineNumber: self.maybe(90) { $0.text(1...20) }, quantity: self.decimal(integerDigits: 7, fractionDigits: 3),
            unit: self.pick(Self.units), unitPrice: self.maybe(80) { $0.decimal(integerDigits: 7, fractionDigits: 4) },
            priceBasis: self.maybe(60) { $0.pick(Self.priceBases) })
        line.items = self.items(0...10)
        line.descriptions = self.descriptions()
        line.pack = self.maybe(30) { $0.pack() }
        line.references = self.list(0...2) { $0.reference() }
        line.allowancesCharges = self.list(0...2) { $0.allowanceCharge() }
        line.destinations = self.maybe(30) { $0.destinations() } ?? []
        line.dates = self.list(0...2) { $0.qualifiedDate() }
        line.schedules = self.list(0...2) { $0.schedule() }
        line.notes = self.list(0...1) { $0.note() }
        line.parties = self.list(0...2) { $0.party() }
        line.extensions = self.lineExtensions(
            beginning: beginning, itemStart: beginning == "POC" ? 8 : 6, descriptions: line.descriptions.count,
            references: line.references.count, parties: line.parties.count, notes: line.notes)
        return line
    }

    /// An 855. BAK04 and BAK09 are dates only; a line's confirmed price (CTP) is the first price-changing status's.
    mutating func orderAcknowledgment(version: String) -> OrderAcknowledgment {
        var acknowledgment = OrderAcknowledgment(
            envelope: self.envelope(version: version), purpose: self.pick(Self.purposes),
            acknowledgmentType: self.pick(Self.acknowledgmentTypes), orderNumber: self.text(1...22),
            orderDate: DateTime(date: self.date()), releaseNumber: self.maybe(20) { $0.text(1...30) },
            contractNumber: self.maybe(20) { $0.text(1...30) }, sellerOrderNumber: self.maybe(40) { $0.text(1...22) },
            acknowledgmentDate: self.maybe(50) { DateTime(date: $0.date()) })
        acknowledgment.currency = self.maybe(50) { CurrencyCode(rawValue: $0.pick(["USD", "CAD", "EUR"])) }
        acknowledgment.references = self.list(self.chance(5) ? 9...12 : 0...3) { $0.reference() }
        acknowledgment.contacts = self.list(0...2) { $0.contact() }
        acknowledgment.fob = self.maybe(30) { $0.fob() }
        acknowledgment.allowancesCharges = self.list(0...2) { $0.allowanceCharge() }
        acknowledgment.paymentTerms = self.list(0...1) { $0.paymentTerms() }
        acknowledgment.carriers = self.list(0...1) { $0.carrier() }
        acknowledgment.salesRequirements = self.list(0...1) { $0.pick([.shipComplete, "P2"]) }
        acknowledgment.dates = self.list(0...3) { $0.qualifiedDate() }
        acknowledgment.notes = self.list(0...2) { $0.note() }
        acknowledgment.parties = self.list(0...3) { $0.party() }
        acknowledgment.lines = self.list(0...5) { $0.acknowledgmentLine() }
        acknowledgment.totals = self.maybe(60) { $0.totals() }
        acknowledgment.extensions = self.headerExtensions(
            beginning: "BAK", free: [6, 10], references: acknowledgment.references.count,
            dates: acknowledgment.dates.count, parties: acknowledgment.parties.count, notes: acknowledgment.notes,
            hasCurrency: acknowledgment.currency != nil, hasTotals: acknowledgment.totals != nil)
        return acknowledgment
    }

    mutating func acknowledgmentLine() -> AcknowledgmentLine {
        var line = AcknowledgmentLine(
            lineNumber: self.text(1...20), quantity: self.maybe(90) { $0.decimal(integerDigits: 7, fractionDigits: 2) },
            unit: self.maybe(90) { $0.pick(Self.units) },
            unitPrice: self.maybe(70) { $0.decimal(integerDigits: 7, fractionDigits: 4) },
            priceBasis: self.maybe(50) { $0.pick(Self.priceBases) })
        line.items = self.items(0...10)
        line.descriptions = self.descriptions()
        line.references = self.list(0...2) { $0.reference() }
        line.dates = self.list(0...2) { $0.qualifiedDate() }
        line.statuses = self.list(0...3) { $0.itemStatus() }
        if let index = line.statuses.firstIndex(where: {
            [.priceChanged, .acceptedWithChanges, .pricePending].contains($0.status)
        }),
            self.chance(70)
        {
            line.statuses[index].unitPrice = self.decimal(integerDigits: 7, fractionDigits: 4)
        }
        line.notes = self.list(0...1) { $0.note() }
        line.parties = self.list(0...2) { $0.party() }
        line.extensions = self.lineExtensions(
            beginning: "PO1", itemStart: 6, descriptions: line.descriptions.count, references: line.references.count,
            parties: line.parties.count, notes: line.notes)
        // ACK06 (not read), for some statuses.
        for index in line.statuses.indices where self.chance(10) { line.extensions["ACK[\(index + 1)]06"] = "ZZ" }
        return line
    }

    mutating func itemStatus() -> ItemStatus {
        ItemStatus(
            status: self.pick(Self.itemStatuses),
            quantity: self.maybe(80) { $0.decimal(integerDigits: 7, fractionDigits: 2) },
            unit: self.maybe(80) { $0.pick(Self.units) }, dates: self.list(0...3) { $0.qualifiedDate() },
            items: self.items(0...3))
    }

    /// An 860. BCH06 and BCH11 are dates only.
    mutating func orderChange(version: String) -> OrderChange {
        var change = OrderChange(
            envelope: self.envelope(version: version), purpose: self.pick(Self.purposes),
            orderType: self.pick(Self.orderTypes), orderNumber: self.text(1...22),
            releaseNumber: self.maybe(20) { $0.text(1...30) }, changeSequence: self.maybe(60) { $0.text(1...8) },
            orderDate: DateTime(date: self.date()), contractNumber: self.maybe(20) { $0.text(1...30) },
            sellerOrderNumber: self.maybe(30) { $0.text(1...22) },
            changeDate: self.maybe(60) { DateTime(date: $0.date()) })
        change.currency = self.maybe(40) { CurrencyCode(rawValue: $0.pick(["USD", "CAD"])) }
        change.references = self.list(0...3) { $0.reference() }
        change.contacts = self.list(0...2) { $0.contact() }
        change.fob = self.maybe(30) { $0.fob() }
        change.allowancesCharges = self.list(0...2) { $0.allowanceCharge() }
        change.paymentTerms = self.list(0...2) { $0.paymentTerms() }
        change.dates = self.list(0...3) { $0.qualifiedDate() }
        change.carriers = self.list(0...2) { $0.carrier() }
        change.notes = self.list(0...2) { $0.note() }
        change.salesRequirements = self.list(0...1) { $0.pick([.shipComplete, .doNotPreship]) }
        change.parties = self.list(self.chance(5) ? 9...11 : 0...3) { $0.party() }
        change.lines = self.list(0...5) { $0.changeLine() }
        change.totals = self.maybe(60) { $0.totals() }
        change.extensions = self.headerExtensions(
            beginning: "BCH", free: [7, 10], references: change.references.count, dates: change.dates.count,
            parties: change.parties.count, notes: change.notes, hasCurrency: change.currency != nil,
            hasTotals: change.totals != nil)
        return change
    }

    /// A POC loop: its own values, then the rest of the loop as a PO1 loop's.
    mutating func changeLine() -> ChangeLine {
        let loop = self.purchaseOrderLine(beginning: "POC")
        return ChangeLine(
            lineNumber: loop.lineNumber, change: self.pick(Self.changeKinds),
            quantity: self.maybe(70) { $0.decimal(integerDigits: 7, fractionDigits: 2) },
            quantityLeftToReceive: self.maybe(40) { $0.decimal(integerDigits: 7, fractionDigits: 2) },
            unit: self.maybe(80) { $0.pick(Self.units) }, unitPrice: loop.unitPrice, priceBasis: loop.priceBasis,
            items: loop.items, descriptions: loop.descriptions, pack: loop.pack, dates: loop.dates,
            parties: loop.parties, destinations: loop.destinations, schedules: loop.schedules,
            allowancesCharges: loop.allowancesCharges, references: loop.references, notes: loop.notes,
            extensions: loop.extensions)
    }
}

extension Int {
    /// 10 to the power `exponent`.
    fileprivate init(pow10 exponent: Int) { self = (0..<exponent).reduce(1) { value, _ in value * 10 } }
}
