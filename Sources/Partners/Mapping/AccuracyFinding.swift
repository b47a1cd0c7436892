/// An accuracy rule an order failed: the order is held, never sent silently.
///
/// Located twice: where in the document (`lines[2].unitPrice`, with the line number as sent) and where the rule is
/// written in the partner's profile.
public struct AccuracyFinding: Hashable, Sendable, CustomStringConvertible {
    /// Which rule failed. Extensible.
    public struct Rule: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public static let requiredField = Self("requiredField")
        public static let allowedUnits = Self("allowedUnits")
        public static let price = Self("price")
        public static let quantity = Self("quantity")
        public static let blanketRelease = Self("blanketRelease")
        public var description: String { self.rawValue }
    }

    public var rule: Rule
    public var message: String
    /// The field in the document: `references`, `lines[1].unitPrice`...
    public var path: String
    /// The line number as sent (PO101), for a line.
    public var lineNumber: String?
    /// Where the rule is written in the profile.
    public var ruleLocation: MappingsLocation

    public init(rule: Rule, message: String, path: String, lineNumber: String? = nil, ruleLocation: MappingsLocation) {
        self.rule = rule
        self.message = message
        self.path = path
        self.lineNumber = lineNumber
        self.ruleLocation = ruleLocation
    }

    /// `path (line N): message [rule rule at file:line:column]`.
    public var description: String {
        let line = self.lineNumber.map { " (line \($0))" } ?? ""
        return "\(self.path)\(line): \(self.message) [rule \(self.rule) at \(self.ruleLocation)]"
    }
}
