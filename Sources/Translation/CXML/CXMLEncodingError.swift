public import CXML

/// Why a cXML encoder wrote nothing.
public struct CXMLEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// An ``Orders/OrderChange`` is written as a full restatement of its order, and the original order was not
        /// given.
        case missingOriginalOrder
        /// The original order given is not the order the change changes.
        case orderMismatch
        /// The document has no cXML form (a functional acknowledgment).
        case unsupportedDocument
        /// The document cannot be written as cXML (a value XML cannot carry, an output failure).
        case writer
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence a person understands.
    public var message: String
    /// The writer's error, for ``Code/writer``.
    public var writerError: CXMLError?

    /// Creates an error.
    public init(_ code: Code, _ message: String, writerError: CXMLError? = nil) {
        self.code = code
        self.message = message
        self.writerError = writerError
    }

    public var description: String { "\(self.message) [\(self.code.rawValue)]" }
}
