/// A source of bytes that the reader pulls from in fixed-size chunks.
///
/// Conformers fill the caller's buffer and report how many bytes they wrote; `0` means the
/// end of the input. A source never needs to hold more than one chunk, so memory stays
/// constant whatever the size of the input.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`.
    ///
    /// - Parameter buffer: Where to put the bytes; never empty.
    /// - Returns: The number of bytes written, `0` at the end of the input.
    /// - Throws: ``X12Error`` with code `.io` or `.invalidEncoding`.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int
}

/// A byte source over bytes already in memory.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        let count = min(buffer.count, self.bytes.count - self.offset)
        guard count > 0 else { return 0 }
        self.bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + self.offset, byteCount: count)
        }
        self.offset += count
        return count
    }
}

/// A byte source that hands out at most `chunkSize` bytes per read from another source.
///
/// Used by tests to prove that the reader's output does not depend on how the input is
/// split (chunks of 1, 2, 7, 106 and 65,536 bytes give identical results).
public struct ChunkingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private let chunkSize: Int

    public init(_ base: Base, chunkSize: Int) {
        precondition(chunkSize > 0, "chunk size must be positive")
        self.base = base
        self.chunkSize = chunkSize
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        let limited = UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(self.chunkSize))
        return try self.base.read(into: limited)
    }
}
