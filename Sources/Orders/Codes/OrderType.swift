/// The kind of purchase order.
///
/// X12 element 92 (BEG02, BCH02, PRF07) and cXML `orderType`. A release draws on a blanket order or agreement whose
/// number is `PurchaseOrder.blanketOrderNumber`.
///
/// In JSON a named value is its name (`"standAlone"`); any other value is the code as sent.
public struct OrderType: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A stand-alone order (X12 `SA`; cXML `regular`).
    public static let standAlone: Self = "standAlone"

    /// A new order (X12 `NE`; cXML `regular`).
    public static let newOrder: Self = "newOrder"

    /// A purchase order (no further kind) (X12 `KN`).
    public static let purchaseOrder: Self = "purchaseOrder"

    /// A blanket order with firm quantities (X12 `BK`; cXML `blanket`).
    public static let blanket: Self = "blanket"

    /// A blanket order with estimated quantities (X12 `BE`).
    public static let blanketEstimated: Self = "blanketEstimated"

    /// A blanket purchase agreement (X12 `KB`).
    public static let blanketAgreement: Self = "blanketAgreement"

    /// A release or delivery order against a blanket order (X12 `RL`; cXML `release`).
    public static let release: Self = "release"

    /// A drop shipment to the buyer's customer (X12 `DS`).
    public static let dropship: Self = "dropship"

    /// A direct shipment (X12 `DR`).
    public static let directShip: Self = "directShip"

    /// A reorder (X12 `RE`).
    public static let reorder: Self = "reorder"

    /// A rush order (X12 `RO`).
    public static let rush: Self = "rush"

    /// An emergency order (X12 `EO`).
    public static let emergency: Self = "emergency"

    /// A special order (X12 `OS`).
    public static let special: Self = "special"

    /// A consigned order (X12 `CN`).
    public static let consigned: Self = "consigned"

    /// A confirmation of an order placed another way (X12 `CF`).
    public static let confirmation: Self = "confirmation"

    /// A promotion order (X12 `PR`).
    public static let promotion: Self = "promotion"

    /// An order for a new store opening (X12 `NS`).
    public static let newStoreOpening: Self = "newStoreOpening"

    /// A sample order (X12 `SP`).
    public static let sample: Self = "sample"

    /// A standing order (X12 `ST`).
    public static let standing: Self = "standing"

    /// An information copy (X12 `IN`).
    public static let informationCopy: Self = "informationCopy"

    /// A change to a purchase order (X12 `CP`).
    public static let changeToOrder: Self = "changeToOrder"

    /// Mutually defined (X12 `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .standAlone, .newOrder, .purchaseOrder, .blanket, .blanketEstimated, .blanketAgreement, .release, .dropship,
        .directShip, .reorder, .rush, .emergency, .special, .consigned, .confirmation, .promotion, .newStoreOpening,
        .sample, .standing, .informationCopy, .changeToOrder, .mutuallyDefined,
    ]
}
