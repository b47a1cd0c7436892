/// What a weight measures.
///
/// X12 element 187 (TD106).
///
/// In JSON a named value is its name (`"gross"`); any other value is the code as sent.
public struct WeightQualifier: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Gross weight (X12 `G`).
    public static let gross: Self = "gross"

    /// Actual net weight (X12 `N`).
    public static let net: Self = "net"

    /// Estimated net weight (X12 `E`).
    public static let estimatedNet: Self = "estimatedNet"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.gross, .net, .estimatedNet]
}
