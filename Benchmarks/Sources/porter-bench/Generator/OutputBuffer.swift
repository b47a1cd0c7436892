/// A fixed-size byte buffer that hands itself to a ``ByteSink`` whenever it fills up.
///
/// Appending never allocates. The first error the sink throws is kept in ``error``; later
/// bytes are counted but dropped, so writers need no `try` on every append and check once.
final class OutputBuffer {
    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var flushedBytes = 0
    private let sink: any ByteSink

    /// The first error the sink threw, if any.
    private(set) var error: (any Error)?

    /// Bytes appended so far, flushed or not.
    var totalBytes: Int { self.flushedBytes + self.count }

    /// - Parameters:
    ///   - capacity: Buffer size; each flush is one `write(2)` of this many bytes.
    ///   - sink: Receives the bytes.
    init(capacity: Int = 4 << 20, sink: any ByteSink) {
        precondition(capacity >= 256, "the buffer must hold at least one segment")
        self.capacity = capacity
        self.storage = .allocate(capacity: capacity)
        self.sink = sink
    }

    deinit {
        self.storage.deallocate()
    }

    /// Sends the buffered bytes to the sink.
    func flush() {
        guard self.count > 0 else { return }
        if self.error == nil {
            do {
                try self.sink.write(UnsafeRawBufferPointer(start: self.storage, count: self.count))
            } catch {
                self.error = error
            }
        }
        self.flushedBytes += self.count
        self.count = 0
    }

    /// Makes room for `byteCount` contiguous bytes.
    private func reserve(_ byteCount: Int) {
        if self.count &+ byteCount > self.capacity { self.flush() }
    }

    func append(_ byte: UInt8) {
        self.reserve(1)
        self.storage[self.count] = byte
        self.count &+= 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > self.capacity {
            self.flush()
            if self.error == nil {
                do { try self.sink.write(UnsafeRawBufferPointer(bytes)) } catch { self.error = error }
            }
            self.flushedBytes += bytes.count
            return
        }
        self.reserve(bytes.count)
        (self.storage + self.count).update(from: source, count: bytes.count)
        self.count &+= bytes.count
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { self.append($0) }
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { self.append($0) }
    }

    /// Appends `value` in decimal, left-padded with zeros to `width` digits.
    func append(number value: Int, width: Int = 1) {
        precondition(value >= 0, "only non-negative numbers are written")
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits &+= 1
        }
        let length = max(digits, width)
        self.reserve(length)
        var cursor = self.storage + self.count + length
        rest = value
        for _ in 0..<length {
            cursor -= 1
            cursor.pointee = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        self.count &+= length
    }

    /// Appends `value / 10^scale` as an X12 `R` number: no trailing fractional zeros, a `.` only
    /// when there is a fraction, and no leading zero before it (`.05`, `3.25`, `40`).
    func append(decimal value: Int, scale: Int) {
        precondition(value >= 0 && (0...9).contains(scale))
        var unit = 1
        for _ in 0..<scale { unit &*= 10 }
        let whole = value / unit
        var fraction = value % unit
        if whole > 0 || fraction == 0 { self.append(number: whole) }
        guard fraction > 0 else { return }
        var fractionDigits = scale
        while fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        self.append(UInt8(ascii: "."))
        self.append(number: fraction, width: fractionDigits)
    }
}
