/// One order in a ship notice, with the packs and items shipped against it.
///
/// X12 `HL` order level (`PRF`, `REF`, `N1`...), cXML `ShipNoticePortion`. A portion with no items and no
/// packs means the whole order shipped (cXML rule).
public struct ShipNoticeOrder: Hashable, Sendable, Codable {
    /// The buyer's order number (PRF01, `OrderReference@orderID`).
    public var orderNumber: String
    /// The release number (PRF02).
    public var releaseNumber: String?
    /// The order's change sequence (PRF03).
    public var changeSequence: String?
    /// The order's date (PRF04).
    public var orderDate: DateTime?
    /// Dates at the order level.
    public var dates: [QualifiedDate]
    /// Parties at the order level, such as the store to mark for.
    public var parties: [Party]
    /// References at the order level (department...).
    public var references: [Reference]
    /// Tares and packs under the order.
    public var packs: [ShipNoticePack]
    /// Items directly under the order (no pack level).
    public var items: [ShipNoticeItem]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        orderNumber: String, releaseNumber: String? = nil, changeSequence: String? = nil, orderDate: DateTime? = nil,
        dates: [QualifiedDate] = [], parties: [Party] = [], references: [Reference] = [],
        packs: [ShipNoticePack] = [], items: [ShipNoticeItem] = [], extensions: Extensions = Extensions()
    ) {
        self.orderNumber = orderNumber
        self.releaseNumber = releaseNumber
        self.changeSequence = changeSequence
        self.orderDate = orderDate
        self.dates = dates
        self.parties = parties
        self.references = references
        self.packs = packs
        self.items = items
        self.extensions = extensions
    }

    /// Every item under the order, in document order: directly, in packs, and in packs within packs.
    ///
    /// - Complexity: O(*n*) in the size of the hierarchy.
    public var allItems: [ShipNoticeItem] {
        var result: [ShipNoticeItem] = []
        for item in self.items { item.collect(into: &result) }
        for pack in self.packs { pack.collectItems(into: &result) }
        return result
    }
}

extension ShipNoticeOrder: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("changeSequence", self.changeSequence)
        writer.field("dates", self.dates)
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("orderDate", self.orderDate)
        writer.field("orderNumber", self.orderNumber)
        writer.field("packs", self.packs)
        writer.field("parties", self.parties)
        writer.field("references", self.references)
        writer.field("releaseNumber", self.releaseNumber)
        writer.endObject()
    }
}
