/// Values a codec could not place in a typed field, keyed by where they were in the source document.
///
/// An X12 codec keys them by segment and element address (`"BEG07"`, `"PO1[2]/PO4/PO405"`), a cXML codec by
/// element path; the codec that wrote an entry is the one that reads it back, so an X12 → model → X12 round trip
/// loses nothing. The address format is the codec's documented contract, not the model's.
///
/// In JSON an object of strings, keys sorted; omitted when empty.
public struct Extensions: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    /// The values by address.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// Whether there are no values.
    public var isEmpty: Bool { self.values.isEmpty }

    /// The value at `address`, or `nil`.
    public subscript(address: String) -> String? {
        get { self.values[address] }
        set { self.values[address] = newValue }
    }

    public init(from decoder: any Decoder) throws {
        self.values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.values)
    }
}

extension Extensions: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        for address in self.values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            writer.key(address)
            writer.string(self.values[address] ?? "")
        }
        writer.endObject()
    }
}
