/// A byte source over bytes already in memory.
public struct CXMLMemorySource: CXMLByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Reads `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Reads the UTF-8 bytes of `text`.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public var byteCount: Int? { self.bytes.count }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CXMLError) -> Int {
        let count = min(buffer.count, self.bytes.count - self.offset)
        guard count > 0 else { return 0 }
        self.bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[self.offset..<(self.offset + count)]))
        }
        self.offset += count
        return count
    }
}
