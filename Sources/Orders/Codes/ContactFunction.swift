/// The function of a contact person.
///
/// X12 element 366 (PER01).
///
/// In JSON a named value is its name (`"buyer"`); any other value is the code as sent.
public struct ContactFunction: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buyer name or department (X12 `BD`).
    public static let buyer: Self = "buyer"

    /// General contact (X12 `CN`).
    public static let general: Self = "general"

    /// Delivery contact (X12 `DC`).
    public static let delivery: Self = "delivery"

    /// Information contact (X12 `IC`).
    public static let information: Self = "information"

    /// Order contact (X12 `OC`).
    public static let order: Self = "order"

    /// Sales representative (X12 `SR`).
    public static let salesRepresentative: Self = "salesRepresentative"

    /// Receiving contact (X12 `RE`).
    public static let receiving: Self = "receiving"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .buyer, .general, .delivery, .information, .order, .salesRepresentative, .receiving,
    ]
}
