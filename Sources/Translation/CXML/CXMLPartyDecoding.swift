import Orders

/// Reads parties, addresses and contacts: `ShipTo`, `BillTo`, `Contact`, `Address`, `PostalAddress`, `Phone`.
///
/// A `ShipTo` or `BillTo` is a party in that role; a `Contact` is a party in its role (DOMAIN.md §9.6) unless its
/// role is a person's function (`purchasingAgent`…) or absent, when it is a contact. `Address@addressID` (with
/// `addressIDDomain`) is the party's first identifier, further `IdReference`s with an identifier domain the others;
/// other `IdReference`s are its references. `Email`, `Phone`, `Fax` and `URL` are the communications of one
/// contact of the party. A phone is written `+<country code> <area code> <number> x<extension>`, leaving out what
/// is empty.
enum CXMLPartyDecoding {
    /// A `ShipTo` or `BillTo`.
    static func party(_ role: PartyRole, from holder: CXMLCursor) -> Party {
        var party = Party(role: role)
        if let address = holder.child("Address") {
            self.read(address: address, into: &party)
        } else {
            holder.context.finding(.warning, .missingRequired, "\(holder.name) has no Address", at: holder.element)
        }
        for reference in holder.children("IdReference") { self.add(reference, to: &party) }
        return party
    }

    /// A `Contact`: a party, or a person when its role is a contact function or absent.
    static func contact(_ cursor: CXMLCursor) -> (party: Party?, contact: Contact?) {
        let role = cursor.attribute("role")
        let name = cursor.text(ofChild: "Name")
        if let role, CXMLCodes.contactFunction.value(role).isMapped || role.isEmpty {
            return (
                nil,
                Contact(
                    function: CXMLCodes.contactFunction.value(role).value, name: name,
                    communications: self.communications(cursor))
            )
        }
        guard let role else {
            return (nil, Contact(name: name, communications: self.communications(cursor)))
        }
        var party = Party(role: CXMLCodes.partyRole.value(role).value, name: name)
        if let id = cursor.attribute("addressID") {
            party.identifiers.append(self.identifier(id, domain: cursor.attribute("addressIDDomain")))
        }
        if let postal = cursor.child("PostalAddress") { party.address = self.postalAddress(postal) }
        let communications = self.communications(cursor)
        if !communications.isEmpty { party.contacts.append(Contact(communications: communications)) }
        for reference in cursor.children("IdReference") { self.add(reference, to: &party) }
        return (party, nil)
    }

    /// `Address`: name, identifier, postal address, communications.
    static func read(address: CXMLCursor, into party: inout Party) {
        if let id = address.attribute("addressID") {
            party.identifiers.append(self.identifier(id, domain: address.attribute("addressIDDomain")))
        }
        party.name = address.text(ofChild: "Name")
        if let postal = address.child("PostalAddress") { party.address = self.postalAddress(postal) }
        let communications = self.communications(address)
        if !communications.isEmpty { party.contacts.append(Contact(communications: communications)) }
    }

    static func postalAddress(_ cursor: CXMLCursor) -> Address {
        var address = Address()
        address.deliverTo = cursor.children("DeliverTo").compactMap(\.text)
        address.lines = cursor.children("Street").compactMap(\.text)
        address.city = cursor.child("City")?.text
        address.stateOrProvince = cursor.child("State")?.text
        address.postalCode = cursor.child("PostalCode")?.text
        address.country = cursor.child("Country")?.attribute("isoCountryCode")
        return address
    }

    /// The `Email`, `Phone`, `Fax` and `URL` children, in that order.
    static func communications(_ cursor: CXMLCursor) -> [Communication] {
        var result: [Communication] = []
        for email in cursor.children("Email") {
            if let text = email.text { result.append(Communication(.email, text)) }
        }
        for phone in cursor.children("Phone") {
            if let number = phone.child("TelephoneNumber").flatMap(self.telephone) {
                result.append(Communication(.phone, number))
            }
        }
        for fax in cursor.children("Fax") {
            if let number = fax.child("TelephoneNumber").flatMap(self.telephone) {
                result.append(Communication(.fax, number))
            } else if let text = fax.child("Email")?.text ?? fax.child("URL")?.text {
                result.append(Communication(.fax, text))
            }
        }
        for url in cursor.children("URL") {
            if let text = url.text { result.append(Communication(.url, text)) }
        }
        return result
    }

    /// `+1 800 5551212 x12`, leaving out the parts that are empty.
    static func telephone(_ cursor: CXMLCursor) -> String? {
        var parts: [String] = []
        if let country = cursor.child("CountryCode") {
            if let code = country.text {
                parts.append("+" + code)
            } else {
                // Without a dialing code the ISO country says nothing the number needs: the encoders write the
                // address's country (or their default) back.
                country.use(attribute: "isoCountryCode")
            }
        }
        if let area = cursor.child("AreaOrCityCode")?.text { parts.append(area) }
        if let number = cursor.child("Number")?.text { parts.append(number) }
        if let extensionNumber = cursor.child("Extension")?.text { parts.append("x" + extensionNumber) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// An identifier from an `addressID` and its `addressIDDomain` (none: assigned by the buyer, X12 `92`).
    static func identifier(_ id: String, domain: String?) -> PartyIdentifier {
        guard let domain else { return PartyIdentifier(.buyerAssigned, id) }
        return PartyIdentifier(CXMLCodes.addressIDDomain.value(domain).value, id)
    }

    /// An `IdReference` of a party: an identifier when its domain names an identifier scheme, else a reference.
    static func add(_ cursor: CXMLCursor, to party: inout Party) {
        guard let identifier = cursor.attribute("identifier"), let domain = cursor.attribute("domain") else { return }
        let (qualifier, isMapped) = CXMLCodes.addressIDDomain.value(domain)
        if isMapped || PartyIdentifierQualifier.namedValues.contains(qualifier) {
            party.identifiers.append(PartyIdentifier(qualifier, identifier))
        } else {
            party.references.append(
                Reference(
                    ReferenceQualifier(rawValue: domain), identifier,
                    description: cursor.text(ofChild: "Description")))
        }
    }
}
