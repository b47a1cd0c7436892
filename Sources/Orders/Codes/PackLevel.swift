/// The level of a package in a ship notice.
///
/// X12 element 735 (HL03) for the levels between order and item.
///
/// In JSON a named value is its name (`"tare"`); any other value is the code as sent.
public struct PackLevel: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A shipping tare (pallet) (X12 `T`).
    public static let tare: Self = "tare"

    /// A pack (carton) (X12 `P`).
    public static let pack: Self = "pack"

    /// A subpack (X12 `Q`).
    public static let subpack: Self = "subpack"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.tare, .pack, .subpack]
}
