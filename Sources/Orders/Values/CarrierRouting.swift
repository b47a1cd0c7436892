/// A carrier and how it carries: the buyer's routing instructions on an order, the actual carrier on a ship
/// notice.
///
/// X12 `TD5`, cXML `CarrierIdentifier`, `Route` and `ServiceLevel`.
public struct CarrierRouting: Hashable, Sendable, Codable {
    /// The routing sequence code as sent (X12 TD501, element 133: `B` origin/delivery carrier, `O` origin).
    public var routingSequence: Optional<String>
    /// The carrier's identifier (a SCAC, a D-U-N-S number...).
    public var carrier: Optional<PartyIdentifier>
    /// The carrier's name or the routing in words.
    public var carrierName: Optional<String>
    /// How the goods travel.
    public var transportMethod: Optional<TransportMethod>
    /// Service levels, in order.
    public var serviceLevels: [ServiceLevel]

    public init(
        routingSequence: String? = nil, carrier: PartyIdentifier? = nil, carrierName: String? = nil,
        transportMethod: TransportMethod? = nil, serviceLevels: [ServiceLevel] = []
    ) {
        self.routingSequence = routingSequence
        self.carrier = carrier
        self.carrierName = carrierName
        self.transportMethod = transportMethod
        self.serviceLevels = serviceLevels
    }
}

extension CarrierRouting: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("carrier", self.carrier)
        writer.field("carrierName", self.carrierName)
        writer.field("routingSequence", self.routingSequence)
        writer.field("serviceLevels", self.serviceLevels)
        writer.field("transportMethod", self.transportMethod)
        writer.endObject()
    }
}
