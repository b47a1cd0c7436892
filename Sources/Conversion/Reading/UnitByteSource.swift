import X12

/// The bytes of one input: a file on disk (a plain input, or a large archive member extracted to a temporary file)
/// or a small archive member already in memory.
enum UnitByteSource: ByteSource {
    case file(FileByteSource)
    case memory(MemoryByteSource)

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        switch self {
        case .file(let file):
            return try file.read(into: buffer)
        case .memory(var memory):
            let count = try memory.read(into: buffer)
            self = .memory(memory)
            return count
        }
    }
}
