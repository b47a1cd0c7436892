import Orders
import X12

/// The usual header segments (and those of an N1 loop) read in one pass over the view's bytes, like the line
/// segments in ``X12PurchaseOrderAssembler``: each takes a segment only when every non-empty element goes to a typed
/// field without a finding (codes Porter names, canonical numbers, dates as `CCYYMMDD`, pairs complete) and nothing
/// would go to `extensions`; `nil` (or `false`) sends the segment to the general path (``X12SegmentReader``), so what
/// is decoded cannot change.
extension X12SimpleElements {
    /// REF: a qualifier Porter names, its value and description, nothing past REF03.
    func reference() -> Reference? {
        guard let qualifier = self.named(X12Codes.referenceQualifier, 1) ?? nil, self.isEmpty(from: 4) else {
            return nil
        }
        return Reference(qualifier, self.text(2), description: self.text(3))
    }

    /// PER: a function Porter names (or none), a name, and communication pairs Porter names up to PER08.
    func contact() -> Contact? {
        guard let function = self.named(X12Codes.contactFunction, 1), self.isEmpty(from: 9) else { return nil }
        var contact = Contact(function: function, name: self.text(2))
        for position in [3, 5, 7] {
            let code = self[position]
            let value = self[position + 1]
            if code.isEmpty && value.isEmpty { continue }
            guard !code.isEmpty, !value.isEmpty, let kind = X12Codes.communicationKind.namedValue(code) else {
                return nil
            }
            contact.communications.append(Communication(kind, ASCIIText.string(value)))
        }
        return contact
    }

    /// DTM: a date kind Porter names, a valid `CCYYMMDD` date, no time, an optional zone, nothing past DTM04.
    func qualifiedDate() -> QualifiedDate? {
        guard let kind = self.named(X12Codes.dateKind, 1) ?? nil, let date = self.date(2) ?? nil,
            self[3].isEmpty, self.isEmpty(from: 5)
        else { return nil }
        return QualifiedDate(kind, date, zone: self.text(4).map { TimeZoneDesignator(rawValue: $0) })
    }

    /// N1: a role Porter names, a name, an identifier with a qualifier Porter names (or none), nothing past N104.
    func party() -> Party? {
        guard let role = self.named(X12Codes.partyRole, 1) ?? nil, let identifier = self.partyIdentifier(3),
            self.isEmpty(from: 5)
        else { return nil }
        return Party(role: role, name: self.text(2), identifiers: identifier.map { [$0] } ?? [])
    }

    /// ITD: codes Porter names, canonical numbers, valid dates and whole numbers of days, a description; no
    /// discount amount (ITD08) and nothing in ITD09–ITD11 or past ITD12.
    func paymentTerms() -> PaymentTerms? {
        guard let termsType = self.named(X12Codes.paymentTermsType, 1),
            let basisDate = self.named(X12Codes.termsBasisDate, 2), let percent = self.decimal(3),
            let discountDueDate = self.date(4), let discountDays = self.integer(5), let netDueDate = self.date(6),
            let netDays = self.integer(7), self[8].isEmpty, self[9].isEmpty, self[10].isEmpty, self[11].isEmpty,
            self.isEmpty(from: 13)
        else { return nil }
        return PaymentTerms(
            termsType: termsType, basisDate: basisDate, discountPercent: percent, discountDueDate: discountDueDate,
            discountDays: discountDays, netDueDate: netDueDate, netDays: netDays, description: self.text(12))
    }

    /// TD5: a carrier with a qualifier Porter names (or none), a transport method and service levels Porter names,
    /// nothing in TD506–TD511 or past TD514.
    func carrier() -> CarrierRouting? {
        guard let carrier = self.partyIdentifier(2), let method = self.named(X12Codes.transportMethod, 4),
            self.carrierTailFits
        else { return nil }
        var routing = CarrierRouting(
            routingSequence: self.text(1), carrier: carrier, carrierName: self.text(5), transportMethod: method)
        for position in 12...14 {
            let code = self[position]
            if code.isEmpty { break }
            guard let level = X12Codes.serviceLevel.namedValue(code) else { return nil }
            routing.serviceLevels.append(level)
        }
        return routing
    }

    /// TD506–TD511 empty, service levels in TD512–TD514 without a gap, nothing past TD514.
    private var carrierTailFits: Bool {
        for position in 6...11 where !self[position].isEmpty { return false }
        var position = 12
        while position <= 14 && !self[position].isEmpty { position += 1 }
        return self.isEmpty(from: position)
    }

    /// FOB: a payment method Porter names, the location, Incoterms after `01` in FOB04, nothing past FOB05.
    func fobTerms() -> FOBTerms? {
        guard let method = self.named(X12Codes.shipmentPaymentMethod, 1) ?? nil, self.isEmpty(from: 6) else {
            return nil
        }
        var terms = FOBTerms(paymentMethod: method, locationQualifier: self.text(2), locationDescription: self.text(3))
        let qualifier = self[4]
        let incoterms = self[5]
        if !qualifier.isEmpty || !incoterms.isEmpty {
            guard !incoterms.isEmpty, qualifier.count == 2, qualifier[0] == UInt8(ascii: "0"),
                qualifier[1] == UInt8(ascii: "1")
            else { return nil }
            terms.incoterms = ASCIIText.string(incoterms)
        }
        return terms
    }

    /// CUR (the first): `BY` or nothing in CUR01, the currency, nothing past CUR02.
    func currency() -> CurrencyCode?? {
        let entity = self[1]
        guard entity.isEmpty || (entity.count == 2 && entity[0] == UInt8(ascii: "B") && entity[1] == UInt8(ascii: "Y")),
            self.isEmpty(from: 3)
        else { return nil }
        return .some(self.text(2).map { CurrencyCode(rawValue: $0) })
    }

    /// N2, N3, the first N4, REF and PER of an N1 loop into `party`; false, with `party` unchanged, when the general
    /// path must read the segment.
    func partyMember(_ code: UInt32, isFirst: Bool, party: inout Party) -> Bool {
        switch code {
        case X12SegmentCode.n3:
            guard self.isEmpty(from: 3) else { return false }
            party.addAddressLines(fromN3: { self.text($0) })
        case X12SegmentCode.n4 where isFirst:
            guard self[5].isEmpty, self[6].isEmpty, self.isEmpty(from: 8) else { return false }
            party.setPlace(fromN4: { self.text($0) })
        case X12SegmentCode.n2:
            guard self.isEmpty(from: 3) else { return false }
            party.addNames(fromN2: { self.text($0) })
        case X12SegmentCode.ref:
            guard let reference = self.reference() else { return false }
            party.references.append(reference)
        case X12SegmentCode.per:
            guard let contact = self.contact() else { return false }
            party.contacts.append(contact)
        default: return false
        }
        return true
    }
}

/// Values of the header's segments: `nil` when the fast path cannot take the element, `.some(nil)` when empty.
extension X12SimpleElements {
    /// A date `CCYYMMDD` (``X12Text/date(_:)``): eight digits naming a valid day.
    func date(_ position: Int) -> CalendarDate?? {
        let bytes = self[position]
        if bytes.isEmpty { return .some(nil) }
        guard bytes.count == 8, let number = Self.digits(bytes),
            let date = CalendarDate(year: number / 10000, month: number / 100 % 100, day: number % 100)
        else { return nil }
        return .some(date)
    }

    /// The identifier in the qualifier/code pair at `position` and the next, the qualifier one Porter names (like
    /// ``X12SegmentReader/party(_:_:)``): `.some(nil)` when both are empty, `nil` when one is or Porter has no name.
    func partyIdentifier(_ position: Int) -> PartyIdentifier?? {
        let qualifier = self[position]
        let code = self[position + 1]
        if qualifier.isEmpty && code.isEmpty { return .some(nil) }
        guard !qualifier.isEmpty, !code.isEmpty, let kind = X12Codes.partyIdentifierQualifier.namedValue(qualifier)
        else { return nil }
        return .some(PartyIdentifier(kind, ASCIIText.string(code)))
    }

    /// A whole number written as 1 to 18 digits (what `Int(text)` reads the same).
    func integer(_ position: Int) -> Int?? {
        let bytes = self[position]
        if bytes.isEmpty { return .some(nil) }
        guard bytes.count <= 18, let number = Self.digits(bytes) else { return nil }
        return .some(number)
    }

    /// The value of `bytes` when every one is a digit.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var number = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            number = number &* 10 &+ Int(digit)
        }
        return number
    }
}
