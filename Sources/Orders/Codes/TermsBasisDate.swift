/// The date payment terms count from.
///
/// X12 element 333 (ITD02).
///
/// In JSON a named value is its name (`"shipDate"`); any other value is the code as sent.
public struct TermsBasisDate: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Ship date (X12 `1`).
    public static let shipDate: Self = "shipDate"

    /// Delivery date (X12 `2`).
    public static let deliveryDate: Self = "deliveryDate"

    /// Invoice date (X12 `3`).
    public static let invoiceDate: Self = "invoiceDate"

    /// A specified date (X12 `4`).
    public static let specifiedDate: Self = "specifiedDate"

    /// Invoice receipt date (X12 `5`).
    public static let invoiceReceiptDate: Self = "invoiceReceiptDate"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .shipDate, .deliveryDate, .invoiceDate, .specifiedDate, .invoiceReceiptDate,
    ]
}
