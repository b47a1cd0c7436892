/// The kind of payment terms.
///
/// X12 element 336 (ITD01).
///
/// In JSON a named value is its name (`"basic"`); any other value is the code as sent.
public struct PaymentTermsType: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Basic terms (X12 `01`).
    public static let basic: Self = "basic"

    /// End of month (X12 `02`).
    public static let endOfMonth: Self = "endOfMonth"

    /// Discount not applicable (X12 `05`).
    public static let discountNotApplicable: Self = "discountNotApplicable"

    /// Basic discount offered (X12 `08`).
    public static let basicDiscountOffered: Self = "basicDiscountOffered"

    /// Previously agreed upon (X12 `14`).
    public static let previouslyAgreed: Self = "previouslyAgreed"

    /// Mutually defined (X12 `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .basic, .endOfMonth, .discountNotApplicable, .basicDiscountOffered, .previouslyAgreed, .mutuallyDefined,
    ]
}
