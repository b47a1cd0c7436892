/// A problem found in `Mappings/`: an unknown key, a wrong type, a missing file, a lossy code list, a failed
/// golden test...
///
/// Findings are values: loading goes on after one, so a single run reports every problem.
public struct MappingsFinding: Hashable, Sendable, CustomStringConvertible {
    /// How bad a finding is; the names are the `"severity"` values of `--json`.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning
        case info

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }
    }

    /// What kind of problem this is. Extensible: new codes do not break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        /// A key the file's schema does not have.
        public static let unknownKey = Self("unknownKey")
        /// A value of the wrong type (a list where a text was expected...).
        public static let wrongType = Self("wrongType")
        /// A required key is absent.
        public static let missingKey = Self("missingKey")
        /// A value outside what the key allows (an unknown format, a bad pattern...).
        public static let invalidValue = Self("invalidValue")
        /// A file the mapping refers to does not exist or cannot be read.
        public static let missingFile = Self("missingFile")
        /// A file that cannot be parsed (YAML or CSV syntax).
        public static let unreadableFile = Self("unreadableFile")
        /// Two partners claim the same identity.
        public static let duplicateIdentity = Self("duplicateIdentity")
        /// A code list maps two codes to one without `deliberate: true`.
        public static let lossyCodeList = Self("lossyCodeList")
        /// A code list maps one code to two.
        public static let ambiguousCodeList = Self("ambiguousCodeList")
        /// A route or split names a partner that has no profile.
        public static let unknownPartner = Self("unknownPartner")
        /// A rule, default or constant names a field Porter does not know.
        public static let unknownField = Self("unknownField")
        /// A golden test's output differs from its expected file.
        public static let goldenMismatch = Self("goldenMismatch")
        /// A golden test could not run (no expected file, an input that does not decode...).
        public static let goldenError = Self("goldenError")
        public var description: String { self.rawValue }
    }

    public var severity: Severity
    public var code: Code
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it ("did you mean `documents`?"), when Porter can tell.
    public var hint: String?
    /// Where.
    public var location: MappingsLocation

    public init(
        _ code: Code, _ message: String, at location: MappingsLocation, hint: String? = nil,
        severity: Severity = .error
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// `file:line:column: error: message (hint)`.
    public var description: String {
        "\(self.location): \(self.severity.rawValue): \(self.message)" + (self.hint.map { " (\($0))" } ?? "")
    }
}
