/// An error that stops reading or writing: the input or output cannot be used at all.
///
/// Problems in the data that a reader can step over are never thrown; they are
/// ``X12Finding`` values delivered as events. An `X12Error` means "cannot continue":
/// an I/O failure, an unknown character set, a value the writer refuses to emit.
public struct X12Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; new codes may be added in later releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case io
            case unsupportedEncoding
            case invalidEncoding
            case delimiterInData
            case invalidDelimiters
            case invalidValue
            case invalidState
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Reading or writing the underlying file descriptor failed.
        public static let io = Self(.io)
        /// The character set named for transcoding is not known to iconv.
        public static let unsupportedEncoding = Self(.unsupportedEncoding)
        /// The input is not valid in the character set it was declared or detected as.
        public static let invalidEncoding = Self(.invalidEncoding)
        /// The writer was given data that contains one of the active delimiters.
        public static let delimiterInData = Self(.delimiterInData)
        /// The delimiters chosen for writing are not usable (repeated, alphanumeric...).
        public static let invalidDelimiters = Self(.invalidDelimiters)
        /// The writer was given a value that cannot be written (wrong width, empty tag...).
        public static let invalidValue = Self(.invalidValue)
        /// An operation was called in the wrong order (a trailer without a header...).
        public static let invalidState = Self(.invalidState)

        public var description: String { String(describing: self.base) }
    }

    public var code: Code
    /// A sentence a person understands.
    public var message: String
    /// The byte offset in the input or output where it happened, when known.
    public var byteOffset: Int?

    public init(_ code: Code, _ message: String, byteOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.byteOffset = byteOffset
    }

    public var description: String {
        if let byteOffset { return "\(self.message) (at byte \(byteOffset))" }
        return self.message
    }
}
