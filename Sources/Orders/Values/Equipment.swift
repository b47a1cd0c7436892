/// The equipment a shipment travels in: a trailer, a container.
///
/// X12 `TD3`.
public struct Equipment: Hashable, Sendable, Codable {
    /// The equipment description code as sent (X12 element 40: `TL` trailer, `CN` container...).
    public var code: String
    /// The equipment initial (usually the carrier's SCAC).
    public var initial: String?
    /// The equipment number.
    public var number: String?
    /// The seal number.
    public var sealNumber: String?

    public init(code: String, initial: String? = nil, number: String? = nil, sealNumber: String? = nil) {
        self.code = code
        self.initial = initial
        self.number = number
        self.sealNumber = sealNumber
    }
}

extension Equipment: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("code", self.code)
        writer.field("initial", self.initial)
        writer.field("number", self.number)
        writer.field("sealNumber", self.sealNumber)
        writer.endObject()
    }
}
