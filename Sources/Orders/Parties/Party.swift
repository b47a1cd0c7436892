/// A party to a document in a role: the buyer, the ship-to location, the vendor, a store to mark for.
///
/// X12 `N1` loop (`N1`, `N2`, `N3`, `N4`, `REF`, `PER`), cXML `ShipTo`, `BillTo` and role `Contact`s.
public struct Party: Hashable, Sendable, Codable {
    /// The party's role.
    public var role: PartyRole
    /// The name.
    public var name: Optional<String>
    /// More name lines (X12 `N2`).
    public var additionalNames: [String]
    /// Identifiers, each with its scheme.
    public var identifiers: [PartyIdentifier]
    /// The postal address.
    public var address: Optional<Address>
    /// Contacts at the party.
    public var contacts: [Contact]
    /// References that belong to the party.
    public var references: [Reference]

    public init(
        role: PartyRole, name: String? = nil, additionalNames: [String] = [], identifiers: [PartyIdentifier] = [],
        address: Address? = nil, contacts: [Contact] = [], references: [Reference] = []
    ) {
        self.role = role
        self.name = name
        self.additionalNames = additionalNames
        self.identifiers = identifiers
        self.address = address
        self.contacts = contacts
        self.references = references
    }
}

extension Party: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("additionalNames", self.additionalNames)
        writer.field("address", self.address)
        writer.field("contacts", self.contacts)
        writer.field("identifiers", self.identifiers)
        writer.field("name", self.name)
        writer.field("references", self.references)
        writer.field("role", self.role)
        writer.endObject()
    }
}

extension Array where Element == Party {
    /// The first party in `role`, if any.
    ///
    /// - Complexity: O(*n*).
    public func first(_ role: PartyRole) -> Party? { self.first { $0.role == role } }
}
