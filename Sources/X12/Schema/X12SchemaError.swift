/// An error that stops a schema from loading: the bundled data is missing, is not valid JSON
/// or refers to definitions it does not contain.
///
/// The bundled schemas are checked by the test suite, so in a release build this error means
/// the package resources were not installed.
public struct X12SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case resourceMissing
            case malformedData
            case unresolvedReference
            case invalidDefinition
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The schema file for the version could not be found or read.
        public static let resourceMissing = Self(.resourceMissing)
        /// The file is not JSON in the expected shape.
        public static let malformedData = Self(.malformedData)
        /// A segment, element or composite is used but not defined.
        public static let unresolvedReference = Self(.unresolvedReference)
        /// A definition is inconsistent (unknown type or usage, minimum above maximum, a syntax
        /// note naming a missing position, a loop that does not start with a segment...).
        public static let invalidDefinition = Self(.invalidDefinition)

        public var description: String { String(describing: self.base) }
    }

    public var code: Code
    /// A sentence a person understands.
    public var message: String
    /// Where in the schema data it happened, e.g. `segments.PO1.elements[2]`, when known.
    public var location: String?

    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(self.message) (at \(location))" }
        return self.message
    }
}
