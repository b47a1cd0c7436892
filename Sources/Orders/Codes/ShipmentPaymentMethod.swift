/// Who pays for the shipment.
///
/// X12 element 146 (FOB01) and cXML `TermsOfDelivery/ShippingPaymentMethod`.
///
/// In JSON a named value is its name (`"prepaid"`); any other value is the code as sent.
public struct ShipmentPaymentMethod: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Prepaid (by the seller) (X12 `PP`; cXML `Prepaid-BySeller`).
    public static let prepaid: Self = "prepaid"

    /// Collect (X12 `CC`; cXML `Collect`).
    public static let collect: Self = "collect"

    /// Paid by the seller (X12 `PS`).
    public static let paidBySeller: Self = "paidBySeller"

    /// Paid by the buyer (X12 `BP`).
    public static let paidByBuyer: Self = "paidByBuyer"

    /// Third party pays (X12 `TP`).
    public static let thirdPartyPay: Self = "thirdPartyPay"

    /// Pick-up (X12 `PU`).
    public static let pickup: Self = "pickup"

    /// Customer pick-up or backhaul (X12 `PB`).
    public static let customerPickupBackhaul: Self = "customerPickupBackhaul"

    /// Defined by buyer and seller (X12 `DF`).
    public static let definedByBuyerAndSeller: Self = "definedByBuyerAndSeller"

    /// Mixed (X12 `MX`).
    public static let mixed: Self = "mixed"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .prepaid, .collect, .paidBySeller, .paidByBuyer, .thirdPartyPay, .pickup, .customerPickupBackhaul,
        .definedByBuyerAndSeller, .mixed,
    ]
}
