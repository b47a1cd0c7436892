import Glibc

/// A byte source that converts another source's bytes from a named character set to UTF-8.
///
/// The conversion runs through glibc `iconv(3)`, so any name `iconv_open` accepts works:
/// `ISO-8859-1`, `IBM037` (`CP037`), `IBM500`, `UTF-16`, `UTF-16LE`, `UTF-16BE` and
/// so on. The source streams: it reads `Base` a fixed chunk at a time, converts the chunk
/// into a fixed output buffer and hands that out, so memory stays constant whatever the
/// size of the input. A character split between two reads of `Base` is carried over and
/// completed by the next read, so the output never depends on how `Base` splits its bytes.
///
/// A `TranscodingByteSource` is deliberately not `Sendable`: it holds an `iconv`
/// conversion state that one reader moves forward.
public final class TranscodingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private let converter: IconvConverter
    /// The character set name as the caller gave it, for error messages.
    private let encoding: String

    /// Bytes read from `base`; `input[inputStart..<inputEnd]` is not converted yet.
    private let input: UnsafeMutableBufferPointer<CChar>
    private var inputStart = 0
    private var inputEnd = 0
    /// UTF-8 bytes; `output[outputStart..<outputEnd]` is not handed out yet.
    private let output: UnsafeMutableBufferPointer<CChar>
    private var outputStart = 0
    private var outputEnd = 0

    /// The offset in the original input of `input[inputStart]`, for error messages.
    private var inputOffset: Int
    /// Whether the pending input is used up or ends in an incomplete character, so that
    /// converting again needs more bytes from `base`.
    private var needsInput = true
    /// Whether `base` returned `0`, and the conversion state has been flushed.
    private var finished = false

    /// Creates a source that reads `base` as text in `encoding` and hands out UTF-8.
    ///
    /// Calls `iconv_open("UTF-8", encoding)`.
    ///
    /// - Parameters:
    ///   - base: The source of the bytes to convert.
    ///   - encoding: A character set name known to glibc `iconv`, such as `ISO-8859-1`,
    ///     `IBM037` or `UTF-16LE`; case does not matter.
    /// - Throws: ``X12Error`` with code `.unsupportedEncoding` if `iconv` does not know
    ///   `encoding`.
    public convenience init(_ base: Base, from encoding: String) throws(X12Error) {
        try self.init(base, from: encoding, startingAt: 0)
    }

    /// Creates a source, choosing where error offsets start and how big the buffers are.
    ///
    /// - Parameters:
    ///   - base: The source of the bytes to convert.
    ///   - encoding: A character set name known to glibc `iconv`.
    ///   - offset: The offset in the original input of the first byte of `base`, when the
    ///     caller has already consumed some bytes (a byte-order mark).
    ///   - inputCapacity: How many bytes to read from `base` at a time; at least 16, more
    ///     than any character's encoded length.
    ///   - outputCapacity: How many UTF-8 bytes to convert before handing them out; at
    ///     least 16, more than any character's UTF-8 length.
    /// - Throws: ``X12Error`` with code `.unsupportedEncoding` if `iconv` does not know
    ///   `encoding`.
    init(
        _ base: Base,
        from encoding: String,
        startingAt offset: Int,
        inputCapacity: Int = 64 * 1024,
        outputCapacity: Int = 64 * 1024
    ) throws(X12Error) {
        precondition(inputCapacity >= 16 && outputCapacity >= 16, "transcoding buffers are too small")
        self.converter = try IconvConverter(from: encoding)
        self.base = base
        self.encoding = encoding
        self.inputOffset = offset
        self.input = .allocate(capacity: inputCapacity)
        self.output = .allocate(capacity: outputCapacity)
    }

    deinit {
        self.input.deallocate()
        self.output.deallocate()
    }

    /// Hands out up to `buffer.count` bytes of UTF-8, converting more input when the
    /// converted bytes are used up.
    ///
    /// - Parameter buffer: Where to put the bytes; never empty.
    /// - Returns: The number of bytes written, `0` at the end of the input.
    /// - Throws: ``X12Error`` with code `.invalidEncoding` if the input is not valid in the
    ///   character set (``X12Error/byteOffset`` is the offset of the first bad byte), or
    ///   whatever `Base` throws.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(X12Error) -> Int {
        while self.outputStart == self.outputEnd {
            if self.finished { return 0 }
            try self.convertMore()
        }
        let count = min(buffer.count, self.outputEnd - self.outputStart)
        buffer.baseAddress!.copyMemory(from: self.output.baseAddress! + self.outputStart, byteCount: count)
        self.outputStart += count
        return count
    }

    /// Refills the (used up) output buffer with one step of conversion, reading `base`
    /// first when the pending input cannot be converted further.
    ///
    /// A step may produce no output (a read of `base` that returns half a character);
    /// the caller loops.
    private func convertMore() throws(X12Error) {
        self.outputStart = 0
        self.outputEnd = 0
        if self.needsInput {
            guard try self.readBase() else {
                try self.finish()
                return
            }
        }
        let step = self.converter.convert(
            UnsafeMutableBufferPointer(rebasing: self.input[self.inputStart..<self.inputEnd]),
            into: self.output
        )
        self.inputStart += step.consumed
        self.inputOffset += step.consumed
        self.outputEnd = step.produced
        switch step.stop {
        case .inputUsedUp, .incompleteCharacter:
            self.needsInput = true
        case .outputFull:
            precondition(step.produced > 0, "a character does not fit the output buffer")
            self.needsInput = false
        case .invalidInput:
            throw X12Error(
                .invalidEncoding,
                "The input is not valid \(self.encoding): no character has this byte sequence",
                byteOffset: self.inputOffset
            )
        }
    }

    /// Moves the pending input to the front of the input buffer and appends one read of
    /// `base` to it.
    ///
    /// - Returns: `false` if `base` is at its end.
    private func readBase() throws(X12Error) -> Bool {
        let pending = self.inputEnd - self.inputStart
        if self.inputStart > 0 && pending > 0 {
            UnsafeMutableRawPointer(self.input.baseAddress!).copyMemory(
                from: self.input.baseAddress! + self.inputStart,
                byteCount: pending
            )
        }
        self.inputStart = 0
        self.inputEnd = pending
        // The pending bytes are at most one incomplete character, far less than the buffer.
        let free = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(self.input)[pending...])
        let count = try self.base.read(into: free)
        self.inputEnd += count
        self.needsInput = false
        return count > 0
    }

    /// Ends the conversion once `base` is at its end: refuses a final incomplete character
    /// and lets `iconv` write whatever its shift state still owes.
    private func finish() throws(X12Error) {
        if self.inputStart < self.inputEnd {
            throw X12Error(
                .invalidEncoding,
                "The input is not valid \(self.encoding): it ends in the middle of a character",
                byteOffset: self.inputOffset
            )
        }
        self.outputEnd = self.converter.flush(into: self.output)
        self.finished = true
    }
}

/// An `iconv(3)` conversion descriptor from a named character set to UTF-8, closed with
/// `iconv_close` when dropped.
private struct IconvConverter: ~Copyable {
    /// Why one call of ``convert(_:into:)`` stopped.
    enum Stop {
        /// Every input byte was converted.
        case inputUsedUp
        /// The input ends with the first bytes of a character (`EINVAL`).
        case incompleteCharacter
        /// The output buffer has no room for the next character (`E2BIG`).
        case outputFull
        /// The next input bytes are not a character in the source set (`EILSEQ`).
        case invalidInput
    }

    private let descriptor: iconv_t

    /// Calls `iconv_open("UTF-8", encoding)`.
    ///
    /// - Throws: ``X12Error`` with code `.unsupportedEncoding` if glibc does not know
    ///   `encoding`, or `.io` if the descriptor cannot be made for another reason.
    init(from encoding: String) throws(X12Error) {
        let unknown = X12Error(.unsupportedEncoding, "Unknown character set \"\(encoding)\"")
        // iconv_open("") would silently mean "the locale's character set".
        guard !encoding.isEmpty else { throw unknown }
        let (descriptor, code) = Self.open(from: encoding)
        guard let descriptor else {
            if code == EINVAL { throw unknown }
            throw X12Error(.io, "Cannot convert from \(encoding): \(String(cString: strerror(code)))")
        }
        self.descriptor = descriptor
    }

    /// Calls `iconv_open` and reads `errno` at once on failure.
    ///
    /// - Returns: The descriptor, or `nil` and the `errno` of the failure.
    @inline(never)
    private static func open(from encoding: String) -> (iconv_t?, Int32) {
        let descriptor = iconv_open("UTF-8", encoding)
        if descriptor == nil || descriptor == iconv_t(bitPattern: -1) { return (nil, errno) }
        return (descriptor, 0)
    }

    deinit { iconv_close(self.descriptor) }

    /// Converts as much of `input` as fits into `output` with one call of `iconv`.
    ///
    /// - Returns: How many input bytes were consumed, how many output bytes were written
    ///   (both counted from the start of the buffers), and why conversion stopped.
    @inline(never)
    func convert(
        _ input: UnsafeMutableBufferPointer<CChar>,
        into output: UnsafeMutableBufferPointer<CChar>
    ) -> (consumed: Int, produced: Int, stop: Stop) {
        var inPointer = input.baseAddress
        var inLeft = input.count
        var outPointer = output.baseAddress
        var outLeft = output.count
        let result = iconv(self.descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        let code = result == -1 ? errno : 0
        let stop: Stop
        switch code {
        case 0: stop = .inputUsedUp
        case EINVAL: stop = .incompleteCharacter
        case E2BIG: stop = .outputFull
        default: stop = .invalidInput  // EILSEQ, the only other error iconv(3) documents
        }
        return (input.count - inLeft, output.count - outLeft, stop)
    }

    /// Writes the sequence that returns the conversion to its initial shift state
    /// (`iconv` with a null input), which is empty for most character sets.
    ///
    /// - Returns: How many bytes were written at the start of `output`.
    func flush(into output: UnsafeMutableBufferPointer<CChar>) -> Int {
        var outPointer = output.baseAddress
        var outLeft = output.count
        _ = iconv(self.descriptor, nil, nil, &outPointer, &outLeft)
        return output.count - outLeft
    }
}
