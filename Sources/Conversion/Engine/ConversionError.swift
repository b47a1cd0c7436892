/// Why `porter convert` could not run at all (exit 2): an input that cannot be read or is refused, an output that
/// cannot be written.
public struct ConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is. Extensible: new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// An input does not exist or cannot be read (a file, a folder, a damaged archive).
        public static let unreadableInput = Self("unreadableInput")
        /// An input is an archive format no listed library reads (`.tar`, `.tar.gz`, `.tgz`).
        public static let unsupportedArchive = Self("unsupportedArchive")
        /// The output exists where it must not (an archive, or a file where a folder is wanted).
        public static let outputExists = Self("outputExists")
        /// The output cannot be written.
        public static let io = Self("io")
    }

    /// What kind of failure it is.
    public var code: Code
    /// A sentence a person understands, naming the path.
    public var message: String
    /// The path concerned.
    public var path: String

    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(self.path): \(self.message)" }
}
