/// An ISO 4217 currency code, as sent (`USD`, `EUR`).
///
/// In JSON the value is the code as sent.
public struct CurrencyCode: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = []
}
