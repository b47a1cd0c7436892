/// Why the mapping layer could not run at all (as opposed to ``MappingsFinding``, a problem in a file).
public struct PartnersError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Extensible.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        /// The mappings folder does not exist or cannot be listed.
        public static let missingDirectory = Self("missingDirectory")
        /// A file could not be read or written.
        public static let io = Self("io")
        public var description: String { self.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
