/// What the buyer requires of the seller's shipping: complete, no backorders, no early shipment.
///
/// X12 element 563 (CSH01).
///
/// In JSON a named value is its name (`"shipComplete"`); any other value is the code as sent.
public struct SalesRequirement: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Ship the order complete (X12 `SC`).
    public static let shipComplete: Self = "shipComplete"

    /// No back order (X12 `N`).
    public static let noBackorder: Self = "noBackorder"

    /// Back order if out of stock (X12 `Y`).
    public static let backorderIfOutOfStock: Self = "backorderIfOutOfStock"

    /// Ship partial, balance back order (X12 `BK`).
    public static let shipPartialBalanceBackorder: Self = "shipPartialBalanceBackorder"

    /// Do not preship (X12 `P4`).
    public static let doNotPreship: Self = "doNotPreship"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .shipComplete, .noBackorder, .backorderIfOutOfStock, .shipPartialBalanceBackorder, .doNotPreship,
    ]
}
