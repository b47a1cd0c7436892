public import Orders

/// A partner's item cross-reference: our part numbers, theirs and the GTIN, from a CSV file.
///
/// Columns (a header row names them): `buyerPart`, `vendorPart`, `gtin`, and optionally `supplier` (a partner
/// id: the supplier of the item, for the PO split). Any of the first three may be empty on a row.
public struct ItemCrossReference: Hashable, Sendable {
    /// One item.
    public struct Entry: Hashable, Sendable {
        public var buyerPart: String?
        public var vendorPart: String?
        public var gtin: String?
        public var supplier: String?
        /// The row in the CSV file.
        public var location: MappingsLocation

        public init(
            buyerPart: String?, vendorPart: String?, gtin: String?, supplier: String? = nil, location: MappingsLocation
        ) {
            self.buyerPart = buyerPart
            self.vendorPart = vendorPart
            self.gtin = gtin
            self.supplier = supplier
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    static let buyerKinds: [ItemIdentifierKind] = [.buyerPart, .buyerItem]
    static let vendorKinds: [ItemIdentifierKind] = [.vendorPart, .vendorItem]
    static let gtinKinds: [ItemIdentifierKind] = [.gtin, .upc, .ean]

    /// The entry for a line's items: by buyer part, vendor part or GTIN, in that order.
    ///
    /// - Complexity: O(*n*) in the number of entries.
    public func entry(for items: [ItemIdentifier]) -> Entry? {
        for item in items where Self.buyerKinds.contains(item.kind) {
            if let entry = self.entries.first(where: { $0.buyerPart == item.value }) { return entry }
        }
        for item in items where Self.vendorKinds.contains(item.kind) {
            if let entry = self.entries.first(where: { $0.vendorPart == item.value }) { return entry }
        }
        for item in items where Self.gtinKinds.contains(item.kind) {
            if let entry = self.entries.first(where: { $0.gtin == item.value }) { return entry }
        }
        return nil
    }

    /// `items` with the identifiers the entry has and the items lack added (buyer part, vendor part, GTIN).
    func completing(_ items: [ItemIdentifier]) -> [ItemIdentifier] {
        guard let entry = self.entry(for: items) else { return items }
        var result = items
        let has = { (kinds: [ItemIdentifierKind]) in result.contains { kinds.contains($0.kind) } }
        if let value = entry.buyerPart, !has(Self.buyerKinds) { result.append(ItemIdentifier(.buyerPart, value)) }
        if let value = entry.vendorPart, !has(Self.vendorKinds) { result.append(ItemIdentifier(.vendorPart, value)) }
        if let value = entry.gtin, !has(Self.gtinKinds) { result.append(ItemIdentifier(.gtin, value)) }
        return result
    }
}
