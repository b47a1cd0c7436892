/// Whether a segment, loop, element or component must be present.
///
/// X12 tables write usage as one letter: `M` mandatory, `O` optional, `X` conditional
/// (present or absent according to a syntax note or a semantic rule). Porter's schema files
/// use the same letters.
public enum X12Usage: Hashable, Sendable, CustomStringConvertible {
    /// `M`: must be present.
    case mandatory
    /// `O`: may be present.
    case optional
    /// `X`: governed by a syntax note (``X12SyntaxNote``) or a semantic rule.
    case conditional

    /// Parses the one-letter usage code of an X12 table.
    ///
    /// `C` is accepted as a synonym of `X`: some guides print conditional that way.
    ///
    /// - Parameter code: `M`, `O`, `X` or `C`.
    /// - Returns: `nil` for any other text.
    /// - Complexity: O(1).
    public init?(code: some StringProtocol) {
        switch code {
        case "M": self = .mandatory
        case "O": self = .optional
        case "X", "C": self = .conditional
        default: return nil
        }
    }

    /// The one-letter code: `M`, `O` or `X`.
    public var code: String {
        switch self {
        case .mandatory: "M"
        case .optional: "O"
        case .conditional: "X"
        }
    }

    public var description: String { self.code }
}
