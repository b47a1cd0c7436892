/// A tare (pallet) or pack (carton) in a ship notice, with what it holds.
///
/// X12 `HL` tare or pack level (`MAN`, `PO4`), cXML `Packaging`. A tare holds packs; a pack holds items.
public struct ShipNoticePack: Hashable, Sendable, Codable {
    /// Tare, pack or subpack.
    public var level: PackLevel
    /// Marks on the package: its SSCC-18 serial (see ``sscc``), carrier package numbers.
    public var marks: [ShippingMark]
    /// How the package is packed.
    public var pack: PackDetails?
    /// Packages inside this one (packs on a tare).
    public var packs: [ShipNoticePack]
    /// Items inside this package.
    public var items: [ShipNoticeItem]
    /// What a codec could not place in a typed field.
    public var extensions: Extensions

    public init(
        level: PackLevel, marks: [ShippingMark] = [], pack: PackDetails? = nil, packs: [ShipNoticePack] = [],
        items: [ShipNoticeItem] = [], extensions: Extensions = Extensions()
    ) {
        self.level = level
        self.marks = marks
        self.pack = pack
        self.packs = packs
        self.items = items
        self.extensions = extensions
    }

    /// The package's 18-digit SSCC, from the first mark that is one.
    public var sscc: String? { self.marks.lazy.compactMap(\.sscc).first }

    func collectItems(into result: inout [ShipNoticeItem]) {
        for item in self.items { item.collect(into: &result) }
        for pack in self.packs { pack.collectItems(into: &result) }
    }
}

extension ShipNoticePack: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("extensions", self.extensions)
        writer.field("items", self.items)
        writer.field("level", self.level)
        writer.field("marks", self.marks)
        writer.field("pack", self.pack)
        writer.field("packs", self.packs)
        writer.endObject()
    }
}
