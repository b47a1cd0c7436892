extension CXMLReader {
    /// The bounds a reader enforces while the bytes go by.
    ///
    /// libxml2 2.9.14 has no entity-amplification limits (they came in 2.11) and only coarse
    /// ones of its own (depth 256, 10 MB values); these are checked by Porter's scanner before
    /// libxml2 sees the bytes, so a hostile document is refused after at most one limit's
    /// worth of input.
    public struct Limits: Hashable, Sendable {
        /// The most bytes a document may have (64 MiB by default).
        public var maximumDocumentSize: Int
        /// The most bytes before the root element starts: XML declaration, comments,
        /// `DOCTYPE` (64 KiB by default).
        public var maximumPrologSize: Int
        /// The most elements open at once, the root included (64 by default).
        public var maximumDepth: Int
        /// The most attributes one element may have, namespace declarations included (64 by default).
        public var maximumAttributeCount: Int
        /// The longest text, attribute value, name or comment, in bytes for 8-bit encodings
        /// (1 MiB by default).
        public var maximumValueLength: Int

        /// Creates limits; each defaults to the value given in its documentation.
        public init(
            maximumDocumentSize: Int = 64 << 20, maximumPrologSize: Int = 64 << 10, maximumDepth: Int = 64,
            maximumAttributeCount: Int = 64, maximumValueLength: Int = 1 << 20
        ) {
            self.maximumDocumentSize = maximumDocumentSize
            self.maximumPrologSize = maximumPrologSize
            self.maximumDepth = maximumDepth
            self.maximumAttributeCount = maximumAttributeCount
            self.maximumValueLength = maximumValueLength
        }
    }
}
