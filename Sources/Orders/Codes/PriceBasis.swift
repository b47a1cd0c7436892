/// What a unit price is per.
///
/// X12 element 639 (PO105, POC07, CTP09).
///
/// In JSON a named value is its name (`"perEach"`); any other value is the code as sent.
public struct PriceBasis: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Price per each (X12 `PE`).
    public static let perEach: Self = "perEach"

    /// Price per unit of measure (X12 `UM`).
    public static let perUnit: Self = "perUnit"

    /// Price per dozen (X12 `PD`).
    public static let perDozen: Self = "perDozen"

    /// Price per hundred (X12 `HP`).
    public static let perHundred: Self = "perHundred"

    /// Contract price (X12 `CT`).
    public static let contract: Self = "contract"

    /// Catalog price (X12 `CA`).
    public static let catalog: Self = "catalog"

    /// Quoted price (X12 `QT`).
    public static let quoted: Self = "quoted"

    /// Net price (X12 `NT`).
    public static let net: Self = "net"

    /// Wholesale price (X12 `WH`).
    public static let wholesale: Self = "wholesale"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .perEach, .perUnit, .perDozen, .perHundred, .contract, .catalog, .quoted, .net, .wholesale,
    ]
}
