/// A byte source that asks a closure for the next chunk, such as the next piece of an HTTP body.
///
/// The closure returns chunks of any size; a chunk larger than libxml2's request is handed
/// out over several reads. `nil` ends the input (an empty chunk is skipped).
///
/// ```swift
/// var body = request.body.makeIterator()
/// let reader = CXMLReader(CXMLChunkSource { body.next() })
/// ```
public struct CXMLChunkSource: CXMLByteSource {
    private let next: () throws -> [UInt8]?
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false

    /// Reads the chunks `next` returns until it returns `nil`.
    ///
    /// - Parameter next: Returns the next chunk, or `nil` at the end. An error it throws stops
    ///   the reader with code `.io`, carrying the error's description.
    public init(_ next: @escaping () throws -> [UInt8]?) { self.next = next }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(CXMLError) -> Int {
        while self.offset == self.chunk.count {
            guard !self.ended else { return 0 }
            let next: [UInt8]?
            do {
                next = try self.next()
            } catch {
                throw CXMLError(.io, "the input could not be read: \(error)")
            }
            guard let next else {
                self.ended = true
                self.chunk = []
                self.offset = 0
                return 0
            }
            self.chunk = next
            self.offset = 0
        }
        let count = min(buffer.count, self.chunk.count - self.offset)
        self.chunk.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[self.offset..<(self.offset + count)]))
        }
        self.offset += count
        return count
    }
}
