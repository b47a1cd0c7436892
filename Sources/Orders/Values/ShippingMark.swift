/// A mark on a package: its SSCC-18 serial, a carrier's package number.
///
/// X12 `MAN`, cXML `ShippingContainerSerialCode`.
public struct ShippingMark: Hashable, Sendable, Codable {
    /// What the mark is.
    public var qualifier: MarksQualifier
    /// The mark as sent.
    public var value: String

    public init(_ qualifier: MarksQualifier, _ value: String) {
        self.qualifier = qualifier
        self.value = value
    }

    /// The 18-digit Serial Shipping Container Code, when the mark is one (with or without its application
    /// identifier `00`).
    public var sscc: String? {
        let isDigits = self.value.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard isDigits else { return nil }
        switch self.qualifier {
        case .sscc where self.value.utf8.count == 18: return self.value
        case .ssccWithApplicationIdentifier where self.value.utf8.count == 20 && self.value.hasPrefix("00"):
            return String(self.value.dropFirst(2))
        case .ssccWithApplicationIdentifier where self.value.utf8.count == 18: return self.value
        default: return nil
        }
    }
}

extension ShippingMark: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("qualifier", self.qualifier)
        writer.field("value", self.value)
        writer.endObject()
    }
}
