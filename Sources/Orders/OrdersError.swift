/// An error reading a document in Porter's JSON form.
///
/// Thrown by ``BusinessDocument/decode(json:)`` and ``BusinessDocument/decodeAll(json:)``: the input is not
/// JSON, names a document kind or schema version this release does not know, or holds a value the model cannot
/// take (a missing key, `"0,5"` as a decimal, `2025-02-30` as a date).
public struct OrdersError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidJSON
            case invalidValue
            case unknownDocument
            case unsupportedSchemaVersion
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input is not well-formed JSON.
        public static let invalidJSON = Self(.invalidJSON)
        /// A value is missing, of the wrong type, or not acceptable (a bad decimal, date or time).
        public static let invalidValue = Self(.invalidValue)
        /// `"document"` names no document kind this release knows.
        public static let unknownDocument = Self(.unknownDocument)
        /// `"schemaVersion"` is newer than this release reads.
        public static let unsupportedSchemaVersion = Self(.unsupportedSchemaVersion)

        public var description: String { String(describing: self.base) }
    }

    public var code: Code
    /// A sentence a person understands.
    public var message: String
    /// Where in the document, as a path such as `lines[2].quantity`, when known.
    public var path: String?
    /// The 1-based line of the input where the document starts, when reading several documents.
    public var line: Int?

    public init(_ code: Code, _ message: String, path: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.line = line
    }

    public var description: String {
        var text = self.message
        if let path = self.path, !path.isEmpty { text += " (at \(path))" }
        if let line = self.line { text += " (document starting on line \(line))" }
        return text
    }
}
