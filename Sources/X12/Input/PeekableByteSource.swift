/// A byte source whose first bytes can be looked at, then handed out again before the rest.
///
/// Format and character-set detection read a prefix (``peek(_:)``) and pass the source on unchanged; ``skip(_:)``
/// drops peeked bytes that are not data (a byte-order mark).
public struct PeekableByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private var prefix: [UInt8] = []
    private var position = 0

    public init(_ base: Base) { self.base = base }

    /// Reads up to `count` bytes (fewer when the input ends sooner), which ``read(into:)`` hands out again.
    ///
    /// Peeking again returns the same bytes, or more when `count` is larger.
    public mutating func peek(_ count: Int) throws(X12Error) -> [UInt8] {
        let wanted = count - self.prefix.count
        if wanted > 0 {
            var chunk = [UInt8](repeating: 0, count: wanted)
            var filled = 0
            while filled < wanted {
                // `withUnsafeMutableBytes` is `rethrows`: the typed error rides out in a `Result`.
                let result = chunk.withUnsafeMutableBytes { buffer in
                    Result { () throws(X12Error) -> Int in
                        try self.base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    }
                }
                let read = try result.get()
                if read == 0 { break }
                filled += read
            }
            self.prefix += chunk[..<filled]
        }
        return Array(self.prefix[self.position..<min(self.prefix.count, self.position + count)])
    }

    /// Drops up to `count` peeked bytes that are not yet handed out.
    public mutating func skip(_ count: Int) {
        self.position = min(self.prefix.count, self.position + count)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        guard self.position < self.prefix.count else { return try self.base.read(into: buffer) }
        let count = min(buffer.count, self.prefix.count - self.position)
        self.prefix.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + self.position, byteCount: count)
        }
        self.position += count
        return count
    }

    /// The next chunk of at most `size` bytes, or `nil` at the end of the input.
    public mutating func nextChunk(size: Int = 64 * 1024) throws(X12Error) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: size)
        let result = chunk.withUnsafeMutableBytes { buffer in
            Result { () throws(X12Error) -> Int in try self.read(into: buffer) }
        }
        let read = try result.get()
        if read == 0 { return nil }
        chunk.removeLast(size - read)
        return chunk
    }

    /// Everything not yet handed out.
    public mutating func readToEnd() throws(X12Error) -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try self.nextChunk() { bytes += chunk }
        return bytes
    }
}
