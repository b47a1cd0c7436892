#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where ``CXMLWriter`` sends libxml2's output: a growing byte array, or a file descriptor.
final class OutputSink {
    enum Target {
        case memory
        case descriptor(Int32)
    }

    private let target: Target
    /// What has been written, for ``Target/memory``.
    private(set) var bytes: [UInt8] = []
    /// Why writing stopped, if it did.
    private(set) var failure: CXMLError?

    init(_ target: Target) { self.target = target }

    /// Takes what has been written to memory, leaving the sink empty.
    func takeBytes() -> [UInt8] {
        defer { self.bytes = [] }
        return self.bytes
    }

    /// Writes `buffer` for libxml2 (its `xmlOutputWriteCallback`).
    ///
    /// A failure is kept for ``CXMLWriter`` to throw, and libxml2 is told that all went well:
    /// on `-1` it would print "I/O error" to standard error through its global error handler.
    ///
    /// - Returns: `buffer.count`.
    func write(_ buffer: UnsafeRawBufferPointer) -> Int32 {
        guard self.failure == nil else { return Int32(buffer.count) }
        switch self.target {
        case .memory:
            self.bytes.append(contentsOf: buffer)
        case .descriptor(let descriptor):
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    self.failure = CXMLError(
                        .io, "file descriptor \(descriptor): \(String(cString: strerror(code)))")
                    return Int32(buffer.count)
                }
                offset += written
            }
        }
        return Int32(buffer.count)
    }
}

/// `write(2)`, named apart from ``OutputSink/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}
