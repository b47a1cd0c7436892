/// A postal address.
///
/// X12 `N3`/`N4`, cXML `PostalAddress`.
public struct Address: Hashable, Sendable, Codable {
    /// Recipients inside the address (cXML `DeliverTo`).
    public var deliverTo: [String]
    /// Street lines, in order.
    public var lines: [String]
    /// The city.
    public var city: Optional<String>
    /// The state or province code (`TN`, `ON`).
    public var stateOrProvince: Optional<String>
    /// The postal code.
    public var postalCode: Optional<String>
    /// The country, an ISO 3166 code as sent (`US`).
    public var country: Optional<String>
    /// The country subdivision code (X12 5010 N407).
    public var countrySubdivision: Optional<String>

    public init(
        deliverTo: [String] = [], lines: [String] = [], city: String? = nil, stateOrProvince: String? = nil,
        postalCode: String? = nil, country: String? = nil, countrySubdivision: String? = nil
    ) {
        self.deliverTo = deliverTo
        self.lines = lines
        self.city = city
        self.stateOrProvince = stateOrProvince
        self.postalCode = postalCode
        self.country = country
        self.countrySubdivision = countrySubdivision
    }
}

extension Address: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("city", self.city)
        writer.field("country", self.country)
        writer.field("countrySubdivision", self.countrySubdivision)
        writer.field("deliverTo", self.deliverTo)
        writer.field("lines", self.lines)
        writer.field("postalCode", self.postalCode)
        writer.field("stateOrProvince", self.stateOrProvince)
        writer.endObject()
    }
}
