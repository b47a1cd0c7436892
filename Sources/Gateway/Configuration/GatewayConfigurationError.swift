/// Why `porter.yaml` cannot be used: it cannot be read, is not YAML, or does not fit the schema. Located at the
/// line and column of the offending key or value.
public struct GatewayConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong. Extensible: new codes do not break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        /// The file does not exist or cannot be read.
        public static let unreadableFile = Self("unreadableFile")
        /// The file is not valid YAML.
        public static let notYAML = Self("notYAML")
        /// A key the schema does not have (usually a typo: see ``GatewayConfigurationError/hint``).
        public static let unknownKey = Self("unknownKey")
        /// A value of the wrong type: a list where a number was expected, `yes` for a boolean...
        public static let wrongType = Self("wrongType")
        /// A value of the right type outside what the key allows (a concurrency of 0, an unknown store kind...).
        public static let invalidValue = Self("invalidValue")
        public var description: String { self.rawValue }
    }

    public var code: Code
    /// What is wrong, in one sentence.
    public var message: String
    /// The configuration file, as given to ``GatewayConfiguration/load(path:)``.
    public var file: String
    /// The line, from 1; 0 when the problem is the file as a whole.
    public var line: Int
    /// The column, from 1 (in Unicode scalars); 0 with `line` 0.
    public var column: Int
    /// How to fix it (`did you mean "retry"?`), when Porter can tell.
    public var hint: String?

    public init(_ code: Code, _ message: String, file: String, line: Int = 0, column: Int = 0, hint: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// `file:line:column`, or `file` for the file as a whole.
    public var location: String { self.line == 0 ? self.file : "\(self.file):\(self.line):\(self.column)" }

    /// `file:line:column: message (hint)`.
    public var description: String {
        "\(self.location): \(self.message)" + (self.hint.map { " (\($0))" } ?? "")
    }
}
