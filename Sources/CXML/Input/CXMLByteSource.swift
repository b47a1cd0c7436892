/// A source of bytes that ``CXMLReader`` pulls from, one chunk at a time.
///
/// libxml2 asks for input as it needs it; the reader passes each request on to the source.
/// A source never has to hold the whole document, so memory stays bounded by what libxml2
/// keeps of the element being read.
public protocol CXMLByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`.
    ///
    /// - Parameter buffer: Where to put the bytes; never empty.
    /// - Returns: The number of bytes written, `0` at the end of the input.
    /// - Throws: ``CXMLError`` with code `.io` when the input cannot be read.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CXMLError) -> Int

    /// The number of bytes the source will give, when known before reading (a regular file's
    /// size, the bytes in memory, an HTTP `Content-Length`); the reader then rejects a
    /// document over its size limit without reading it. `nil` by default.
    var byteCount: Int? { get }
}

extension CXMLByteSource {
    public var byteCount: Int? { nil }
}
