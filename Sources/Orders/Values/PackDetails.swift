/// How an item is packed: units per pack, the size of each unit, the packaging, and each pack's weight, volume and
/// dimensions.
///
/// X12 `PO4` (on an order line or a ship notice pack), cXML `Packaging`.
public struct PackDetails: Hashable, Sendable, Codable {
    /// Inner units per outer pack (PO401).
    public var pack: Optional<DecimalNumber>
    /// The size of each inner unit (PO402).
    public var size: Optional<DecimalNumber>
    /// The unit of ``size``.
    public var sizeUnit: Optional<UnitOfMeasure>
    /// The packaging code as sent: form and material (X12 element 103, `CTN25` corrugated carton).
    public var packagingCode: Optional<String>
    /// What ``weight`` measures, as sent (PO405, element 187: `G` gross, `N` actual net...).
    public var weightQualifier: Optional<String>
    /// The weight of one pack (PO406).
    public var weight: Optional<DecimalNumber>
    /// The unit of ``weight`` (PO407).
    public var weightUnit: Optional<UnitOfMeasure>
    /// The volume of one pack (PO408).
    public var volume: Optional<DecimalNumber>
    /// The unit of ``volume`` (PO409).
    public var volumeUnit: Optional<UnitOfMeasure>
    /// The length of one pack (PO410).
    public var length: Optional<DecimalNumber>
    /// The width of one pack (PO411).
    public var width: Optional<DecimalNumber>
    /// The height of one pack (PO412).
    public var height: Optional<DecimalNumber>
    /// The unit of ``length``, ``width`` and ``height`` (PO413).
    public var dimensionUnit: Optional<UnitOfMeasure>
    /// Inner packs per outer pack (PO414).
    public var innerPack: Optional<DecimalNumber>

    public init(
        pack: DecimalNumber? = nil, size: DecimalNumber? = nil, sizeUnit: UnitOfMeasure? = nil,
        packagingCode: String? = nil, weightQualifier: String? = nil, weight: DecimalNumber? = nil,
        weightUnit: UnitOfMeasure? = nil, volume: DecimalNumber? = nil, volumeUnit: UnitOfMeasure? = nil,
        length: DecimalNumber? = nil, width: DecimalNumber? = nil, height: DecimalNumber? = nil,
        dimensionUnit: UnitOfMeasure? = nil, innerPack: DecimalNumber? = nil
    ) {
        self.pack = pack
        self.size = size
        self.sizeUnit = sizeUnit
        self.packagingCode = packagingCode
        self.weightQualifier = weightQualifier
        self.weight = weight
        self.weightUnit = weightUnit
        self.volume = volume
        self.volumeUnit = volumeUnit
        self.length = length
        self.width = width
        self.height = height
        self.dimensionUnit = dimensionUnit
        self.innerPack = innerPack
    }
}

extension PackDetails: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("dimensionUnit", self.dimensionUnit)
        writer.field("height", self.height)
        writer.field("innerPack", self.innerPack)
        writer.field("length", self.length)
        writer.field("pack", self.pack)
        writer.field("packagingCode", self.packagingCode)
        writer.field("size", self.size)
        writer.field("sizeUnit", self.sizeUnit)
        writer.field("volume", self.volume)
        writer.field("volumeUnit", self.volumeUnit)
        writer.field("weight", self.weight)
        writer.field("weightQualifier", self.weightQualifier)
        writer.field("weightUnit", self.weightUnit)
        writer.field("width", self.width)
        writer.endObject()
    }
}
