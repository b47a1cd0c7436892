/// The packages and weight of a shipment as the carrier sees them.
///
/// X12 `TD1`, cXML `Packaging` with `Dimension` on a ship notice header.
public struct LadingDetail: Hashable, Sendable, Codable {
    /// The packaging code as sent: form and material (X12 element 103, `CTN25`, `PLT94`).
    public var packagingCode: String?
    /// The number of packages.
    public var ladingQuantity: Int?
    /// What ``weight`` measures.
    public var weightQualifier: WeightQualifier?
    /// The weight.
    public var weight: DecimalNumber?
    /// The unit of ``weight`` (`pound`, `kilogram`).
    public var weightUnit: UnitOfMeasure?
    /// The volume.
    public var volume: DecimalNumber?
    /// The unit of ``volume``.
    public var volumeUnit: UnitOfMeasure?

    public init(
        packagingCode: String? = nil, ladingQuantity: Int? = nil, weightQualifier: WeightQualifier? = nil,
        weight: DecimalNumber? = nil, weightUnit: UnitOfMeasure? = nil, volume: DecimalNumber? = nil,
        volumeUnit: UnitOfMeasure? = nil
    ) {
        self.packagingCode = packagingCode
        self.ladingQuantity = ladingQuantity
        self.weightQualifier = weightQualifier
        self.weight = weight
        self.weightUnit = weightUnit
        self.volume = volume
        self.volumeUnit = volumeUnit
    }
}

extension LadingDetail: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("ladingQuantity", self.ladingQuantity)
        writer.field("packagingCode", self.packagingCode)
        writer.field("volume", self.volume)
        writer.field("volumeUnit", self.volumeUnit)
        writer.field("weight", self.weight)
        writer.field("weightQualifier", self.weightQualifier)
        writer.field("weightUnit", self.weightUnit)
        writer.endObject()
    }
}
