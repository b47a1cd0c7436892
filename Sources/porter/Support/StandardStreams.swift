#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered output to standard output, and unbuffered diagnostics to standard error.
///
/// Commands write a lot of small pieces (one line per transaction set); a 64 KiB buffer
/// keeps that cheap. Diagnostics go to standard error at once.
struct StandardOutput: ~Copyable {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        self.buffer.reserveCapacity(64 * 1024)
    }

    mutating func write(_ text: String) {
        self.buffer.append(contentsOf: text.utf8)
        if self.buffer.count >= 64 * 1024 { self.flush() }
    }

    /// Writes bytes valid during the call (an array's, or a ``CanonicalJSONWriter``'s buffer).
    mutating func write(bytes: UnsafeRawBufferPointer) {
        if self.buffer.count + bytes.count > 64 * 1024 { self.flush() }
        if bytes.count >= 64 * 1024 {
            Self.writeAll(bytes, to: self.descriptor)
        } else {
            self.buffer.append(contentsOf: bytes)
        }
    }

    mutating func line(_ text: String = "") {
        self.write(text)
        self.write("\n")
    }

    mutating func flush() {
        self.buffer.withUnsafeBytes { Self.writeAll($0, to: self.descriptor) }
        self.buffer.removeAll(keepingCapacity: true)
    }

    deinit { self.buffer.withUnsafeBytes { Self.writeAll($0, to: self.descriptor) } }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                break  // a closed pipe: nothing more can be said there
            }
            offset += written
        }
    }
}

/// Prints a diagnostic line to standard error.
func printError(_ message: String) {
    var line = Array((message + "\n").utf8)
    line.withUnsafeMutableBytes { bytes in
        _ = Glibc.write(2, bytes.baseAddress!, bytes.count)
    }
}
