/// Whether an amount is an allowance or a charge.
///
/// X12 element 248 (SAC01) and cXML `Modification`.
///
/// In JSON a named value is its name (`"allowance"`); any other value is the code as sent.
public struct AllowanceChargeIndicator: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// An allowance (reduces the amount) (X12 `A`; cXML `AdditionalDeduction`).
    public static let allowance: Self = "allowance"

    /// A charge (adds to the amount) (X12 `C`; cXML `AdditionalCost`).
    public static let charge: Self = "charge"

    /// No allowance or charge (X12 `N`).
    public static let noCharge: Self = "noCharge"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.allowance, .charge, .noCharge]
}
