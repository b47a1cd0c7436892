/// The outcome of one golden test: `Mappings/<partner>/tests/NAME.<ext>` through the partner's mapping, compared
/// with `NAME.expected.<ext>`.
public struct GoldenTestResult: Hashable, Sendable {
    /// Which mapping the input goes through.
    public enum Direction: String, Hashable, Sendable {
        /// Canonical JSON in, the partner's format out (what we send the partner).
        case outbound
        /// The partner's format in, canonical JSON out (what the partner sends us).
        case inbound
    }

    public var partner: String
    /// `NAME`.
    public var name: String
    public var direction: Direction
    /// The input file, as findings name it.
    public var input: String
    /// The expected file, when there is one.
    public var expected: String?
    /// The line diff of expected and actual output; empty when they are equal.
    public var diff: [String]
    /// The output the mapping gave, when it ran.
    public var actual: String?
    /// The extension an expected file of ``actual`` has: `edi`, `xml`, `json`, or `txt` for a held order.
    public var actualExtension: String?
    /// Why the test could not run (no expected file, an input that does not decode...).
    public var problem: String?

    public init(
        partner: String, name: String, direction: Direction, input: String, expected: String?, diff: [String] = [],
        problem: String? = nil
    ) {
        self.partner = partner
        self.name = name
        self.direction = direction
        self.input = input
        self.expected = expected
        self.diff = diff
        self.problem = problem
    }

    public var passed: Bool { self.problem == nil && self.diff.isEmpty }
}
