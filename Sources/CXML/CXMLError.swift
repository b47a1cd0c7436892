/// An error that stops reading or writing a cXML document.
///
/// Every rejection of hostile or broken input is one of these: the reader stops at the first
/// and keeps throwing it. The ``code`` says what kind of problem it is, the ``message`` says
/// it in a sentence, and the ``location`` says where, when the problem is in the input.
public struct CXMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case internalSubset
            case entityDeclaration
            case undeclaredEntity
            case externalEntity
            case tooLarge
            case tooDeep
            case tooManyAttributes
            case valueTooLong
            case notWellFormed
            case truncated
            case encoding
            case io
            case invalidValue
            case invalidState
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The `DOCTYPE` has an internal subset (`[ … ]`); Porter never reads one.
        public static let internalSubset = Self(.internalSubset)
        /// The document declares an entity (`<!ENTITY`), general or parameter.
        public static let entityDeclaration = Self(.entityDeclaration)
        /// The document refers to an entity (`&name;`) that is not one of XML's five.
        public static let undeclaredEntity = Self(.undeclaredEntity)
        /// libxml2 tried to load an external entity or DTD, and Porter's loader refused it.
        public static let externalEntity = Self(.externalEntity)
        /// The document, or its prolog, is larger than the reader's limit.
        public static let tooLarge = Self(.tooLarge)
        /// Elements are nested deeper than the reader's limit.
        public static let tooDeep = Self(.tooDeep)
        /// An element has more attributes than the reader's limit.
        public static let tooManyAttributes = Self(.tooManyAttributes)
        /// A text, attribute value, name or comment is longer than the reader's limit.
        public static let valueTooLong = Self(.valueTooLong)
        /// The input is not well-formed XML.
        public static let notWellFormed = Self(.notWellFormed)
        /// The input ended before the root element was closed.
        public static let truncated = Self(.truncated)
        /// The input's character encoding is unsupported, mislabelled or broken.
        public static let encoding = Self(.encoding)
        /// Reading the input or writing the output failed.
        public static let io = Self(.io)
        /// The writer was given a name or value that cannot be written as XML.
        public static let invalidValue = Self(.invalidValue)
        /// A writer call came in the wrong order (an attribute after text, an end without a start).
        public static let invalidState = Self(.invalidState)

        public var description: String { String(describing: self.base) }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence a person understands; it never quotes document content beyond a name.
    public var message: String
    /// Where in the input the problem is, when it is in the input and known: bytes that
    /// libxml2's character converter (iconv) refuses have no location.
    public var location: CXMLLocation?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A sentence describing it.
    ///   - location: Where in the input it is, if anywhere.
    public init(_ code: Code, _ message: String, location: CXMLLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// `line 3, column 7 (cXML/Header): message [code]`, or `message [code]` without a location.
    public var description: String {
        guard let location else { return "\(self.message) [\(self.code)]" }
        return "\(location): \(self.message) [\(self.code)]"
    }
}
