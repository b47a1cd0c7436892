/// Free-on-board terms: who pays the freight, where ownership passes, the Incoterms rule.
///
/// X12 `FOB`, cXML `TermsOfDelivery`.
public struct FOBTerms: Hashable, Sendable, Codable {
    /// Who pays for the shipment.
    public var paymentMethod: ShipmentPaymentMethod
    /// Where the terms apply, as a qualifier code as sent (X12 FOB02, element 309).
    public var locationQualifier: Optional<String>
    /// The place in words (FOB03).
    public var locationDescription: Optional<String>
    /// The Incoterms rule (`FOB`, `CIF`, `DDP`, `EXW`), as sent.
    public var incoterms: Optional<String>

    public init(
        paymentMethod: ShipmentPaymentMethod, locationQualifier: String? = nil, locationDescription: String? = nil,
        incoterms: String? = nil
    ) {
        self.paymentMethod = paymentMethod
        self.locationQualifier = locationQualifier
        self.locationDescription = locationDescription
        self.incoterms = incoterms
    }
}

extension FOBTerms: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("incoterms", self.incoterms)
        writer.field("locationDescription", self.locationDescription)
        writer.field("locationQualifier", self.locationQualifier)
        writer.field("paymentMethod", self.paymentMethod)
        writer.endObject()
    }
}
