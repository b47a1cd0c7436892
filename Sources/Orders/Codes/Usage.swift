/// Whether an interchange is for production or test.
///
/// X12 ISA15 and cXML `Request@deploymentMode`.
///
/// In JSON a named value is its name (`"production"`); any other value is the code as sent.
public struct Usage: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Production data (X12 `P`; cXML `production`).
    public static let production: Self = "production"

    /// Test data (X12 `T`; cXML `test`).
    public static let test: Self = "test"

    /// Information only (X12 `I`).
    public static let information: Self = "information"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.production, .test, .information]
}
