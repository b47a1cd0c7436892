/// Why an intake operation failed: a file system call refused, a file that is not there, a name that cannot be
/// used, or inotify unavailable. Says which path and why, in words.
public struct IntakeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Extensible: new codes do not break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        /// A file system call failed (permissions, a full disk, an I/O error...).
        public static let io = Self("io")
        /// The file is not there (already claimed by another worker, removed, or never existed).
        public static let notFound = Self("notFound")
        /// A name that cannot be used: too long once flattened, a report instead of a file, ambiguous...
        public static let invalidName = Self("invalidName")
        /// The inbox cannot be watched (inotify unavailable or out of watches).
        public static let watch = Self("watch")
        public var description: String { self.rawValue }
    }

    public var code: Code
    /// What went wrong, in one sentence.
    public var message: String
    /// The file or folder concerned, when there is one.
    public var path: String?
    /// The `errno` of the failing call, when there is one.
    public var errorNumber: Int32?

    public init(_ code: Code, _ message: String, path: String? = nil, errorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.errorNumber = errorNumber
    }

    /// `path: message`.
    public var description: String { (self.path.map { "\($0): " } ?? "") + self.message }
}
