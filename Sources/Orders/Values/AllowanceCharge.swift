/// An allowance or a charge on an order or a line: freight, a promotion, a handling fee.
///
/// X12 `SAC`, cXML `Modification`.
public struct AllowanceCharge: Hashable, Sendable, Codable {
    /// Allowance or charge.
    public var indicator: AllowanceChargeIndicator
    /// What it is for, as the code sent (X12 SAC02, element 1300: `D240` freight, `C310` discount...).
    public var code: Optional<String>
    /// The amount.
    public var amount: Optional<DecimalNumber>
    /// The percentage (`5` for 5 %).
    public var percent: Optional<DecimalNumber>
    /// A rate per unit.
    public var rate: Optional<DecimalNumber>
    /// The quantity the rate applies to.
    public var quantity: Optional<DecimalNumber>
    /// The unit of ``quantity``.
    public var unit: Optional<UnitOfMeasure>
    /// How it is handled, as the code sent (X12 SAC12, element 331: `02` off invoice...).
    public var handling: Optional<String>
    /// A reference number (SAC13).
    public var reference: Optional<String>
    /// The description (SAC15).
    public var description: Optional<String>

    public init(
        indicator: AllowanceChargeIndicator, code: String? = nil, amount: DecimalNumber? = nil,
        percent: DecimalNumber? = nil, rate: DecimalNumber? = nil, quantity: DecimalNumber? = nil,
        unit: UnitOfMeasure? = nil, handling: String? = nil, reference: String? = nil, description: String? = nil
    ) {
        self.indicator = indicator
        self.code = code
        self.amount = amount
        self.percent = percent
        self.rate = rate
        self.quantity = quantity
        self.unit = unit
        self.handling = handling
        self.reference = reference
        self.description = description
    }
}

extension AllowanceCharge: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("amount", self.amount)
        writer.field("code", self.code)
        writer.field("description", self.description)
        writer.field("handling", self.handling)
        writer.field("indicator", self.indicator)
        writer.field("percent", self.percent)
        writer.field("quantity", self.quantity)
        writer.field("rate", self.rate)
        writer.field("reference", self.reference)
        writer.field("unit", self.unit)
        writer.endObject()
    }
}
