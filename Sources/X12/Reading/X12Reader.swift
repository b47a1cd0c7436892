#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming pull reader of X12 interchanges.
///
/// The reader pulls fixed-size chunks from a ``ByteSource`` into one buffer and hands out
/// events: envelope starts and ends, segments, and findings. Segments are views of the
/// buffer, valid until the next call to ``next()``; memory does not grow with the input.
///
/// Delimiters are found again at every `ISA` by counting its sixteen element separators,
/// so a file may hold several interchanges with different delimiters, short or long ISAs,
/// and non-ASCII padding. Envelope checks (nesting, counts, control numbers, duplicates,
/// dates) run as the segments go by and are reported as ``X12Finding`` events; only a
/// failing byte source stops the reader.
///
/// ```swift
/// var reader = X12Reader(source: try FileByteSource(path: "orders.edi"))
/// while let event = try reader.next() {
///     if case .segment(let segment) = event, segment.id == "BEG" {
///         print(segment.element(at: 3)?.string ?? "")
///     }
/// }
/// ```
public struct X12Reader: ~Copyable {
    /// Limits and names.
    public struct Configuration: Sendable {
        /// Bytes pulled from the source at a time.
        public var chunkSize: Int = 64 * 1024
        /// A longer segment is skipped with a `segmentTooLong` finding.
        public var maximumSegmentLength: Int = 64 * 1024
        /// A segment with more elements is skipped with a `tooManyElements` finding.
        public var maximumElementsPerSegment: Int = 1024
        /// How far past `ISA` the reader looks for the sixteen element separators.
        public var maximumISALength: Int = 512
        /// The input's name for findings (a path, or `-`).
        public var sourceName: String?

        public init(sourceName: String? = nil) { self.sourceName = sourceName }
    }

    /// What the reader hands out, in document order.
    public enum Event {
        /// An `ISA` was read; its segment follows.
        indirect case interchangeStart(X12InterchangeHeader)
        /// A `GS` was read; its segment follows.
        indirect case groupStart(X12GroupHeader)
        /// An `ST` was read; its segment follows.
        indirect case transactionStart(X12TransactionHeader)
        /// Any segment, envelope segments included. Valid until the next call.
        case segment(X12Segment)
        /// A set ended (at its `SE`, or where a missing `SE` was noticed).
        indirect case transactionEnd(X12TransactionHeader, segmentCount: Int)
        /// A group ended (at its `GE`, or where a missing `GE` was noticed).
        indirect case groupEnd(X12GroupHeader, transactionCount: Int)
        /// An interchange ended (at its `IEA`, or where a missing `IEA` was noticed).
        indirect case interchangeEnd(X12InterchangeHeader, groupCount: Int)
        /// A problem in the data; reading goes on.
        indirect case finding(X12Finding)
    }

    // MARK: Buffer

    let configuration: Configuration
    var source: any ByteSource
    /// `capacity + 64` bytes, so a 64-byte block can always be loaded at a valid offset.
    var buffer: UnsafeMutableRawPointer
    var capacity: Int
    /// Valid bytes in `buffer`.
    var end = 0
    /// Bytes of `buffer` initialized so far (read into, or zeroed): always at least `end + 64`, so a block loaded
    /// at any offset up to `end` reads initialized memory. Zeroing only this far, not the whole buffer, matters for
    /// the many small inputs of the gateway: zeroing 128 KiB up front was a third of validating a 1.4 KB file.
    var initialized = 0
    /// Input offset of `buffer[0]`.
    var bufferInputOffset = 0
    var endOfInput = false
    /// Where element separator offsets of the current segment are recorded.
    let separators: UnsafeMutablePointer<Int32>

    // MARK: Scanner state

    /// First byte not yet consumed.
    var cursor = 0
    /// Base of the 64-byte block whose unprocessed bits are in `blockMask`.
    var blockBase = 0
    var blockMask: UInt64 = 0
    /// Valid bytes in the block (fewer than 64 at the end of the buffer).
    var blockLength = 0
    /// 1-based line at `cursor`.
    var line = 1

    var delimiters: X12Delimiters?
    /// `delimiters != nil`, as a plain flag for the per-segment check (testing the optional
    /// struct copied it, terminator array included).
    var hasDelimiters = false
    var elementSeparator: UInt8 = 0
    var terminatorFirst: UInt8 = 0
    var terminatorLength = 1
    /// Copies of the delimiters' optional separators: reading them through the optional
    /// `delimiters` struct would retain its terminator array once per segment.
    /// Copies of the configured limits, read once per segment.
    let maximumElements: Int
    let maximumLength: Int
    /// Where the last segment found is: buffer offset, length, packed id, position in its set.
    var current: (start: Int, length: Int, id: UInt32, position: Int) = (0, 0, 0, 0)
    var componentSeparator: UInt8?
    var repetitionSeparator: UInt8?
    /// Bytes below 0x40 skipped between segments (bit `b` for byte `b`): LF, CR, space, tab
    /// unless a delimiter, and NUL padding unless the separator or terminator is NUL.
    var skippable: UInt64 = 0
    /// The fast scan (``scanSegmentFast()``) applies: one-byte terminator, separator not LF.
    var fastScan = false
    /// The component and repetition separators as stored in a segment view (0x100 for none).
    var storedComponent: UInt16 = 0x100
    var storedRepetition: UInt16 = 0x100
    /// The separator, the terminator's first byte and LF, each in all 16 lanes.
    var delimiterVectors = DelimiterScan.Vectors(0, 0, 0x0A)

    // MARK: Envelope state

    var envelope = EnvelopeState()
    var pending = EventQueue()
    var sawInterchange = false
    var finished = false

    /// Creates a reader over a byte source.
    public init(source: some ByteSource, configuration: Configuration = Configuration()) {
        precondition(configuration.chunkSize > 0, "the chunk size must be positive")
        self.configuration = configuration
        self.maximumElements = configuration.maximumElementsPerSegment
        self.maximumLength = configuration.maximumSegmentLength
        self.source = source
        self.capacity = max(configuration.chunkSize * 2, configuration.maximumISALength * 4, 4096)
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity + 64, alignment: 64)
        self.buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        self.initialized = 64
        // At least 16: every ISA's separator offsets are stored here, whatever the limit.
        // 64 more: the fast scan checks the limit once per 64-byte block.
        self.separators = UnsafeMutablePointer<Int32>.allocate(
            capacity: max(configuration.maximumElementsPerSegment, 16) + 65)
    }

    deinit {
        self.buffer.deallocate()
        self.separators.deallocate()
    }

    /// Bytes consumed so far (after transcoding, if any).
    public var byteOffset: Int { self.bufferInputOffset + self.cursor }

    /// The next event, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` only when the byte source fails; problems in the data are
    ///   `.finding` events.
    public mutating func next() throws(X12Error) -> Event? {
        while true {
            if let event = self.pending.next() { return event }
            if self.finished { return nil }
            if !self.hasDelimiters {
                try self.readInterchangeHeader()
                continue
            }
            let segment: X12Segment
            if let found = self.scanSegmentFast() {
                segment = found
            } else {
                guard try self.scanSegment() else { continue }
                segment = self.currentSegment()
            }
            // The hot path: a segment inside a set that is not an envelope segment.
            if self.envelope.inTransaction && !Self.isEnvelopeCandidate(segment.id) {
                return .segment(segment)
            }
            self.handleEnvelope(segment)
        }
    }

    /// Whether a segment id is ISA, IEA, GS, GE, ST, SE, TA1, ISB or ISE.
    ///
    /// Compared as integer literals, not through `X12SegmentID`'s static constants: this runs
    /// once per segment, and a static `let` costs a `swift_once` check each time.
    @inline(__always)
    static func isEnvelopeCandidate(_ id: X12SegmentID) -> Bool {
        // Envelope ids start with I, G, S or T; most business segments do not.
        let first = id.rawValue & 0xFF
        guard first == 0x49 || first == 0x47 || first == 0x53 || first == 0x54 else { return false }
        switch id.rawValue {
        case 0x41_5349, 0x41_4549, 0x5347, 0x4547, 0x5453, 0x4553, 0x31_4154, 0x42_5349, 0x45_5349: return true
        default: return false
        }
    }

    // MARK: Filling the buffer

    /// Reads one more chunk, first dropping the bytes before `keep`.
    ///
    /// - Returns: `false` at the end of the input.
    mutating func fill(keepingFrom keep: Int) throws(X12Error) -> Bool {
        if self.endOfInput { return false }
        if keep > 0 {
            let kept = self.end - keep
            if kept > 0 { memmove(self.buffer, self.buffer + keep, kept) }
            self.end = kept
            self.cursor -= keep
            self.blockBase -= keep
            self.bufferInputOffset += keep
            self.scanSegmentStart -= keep
            self.scanPosition -= keep
        }
        if self.capacity - self.end < self.configuration.chunkSize {
            let newCapacity = max(self.capacity * 2, self.end + self.configuration.chunkSize)
            let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity + 64, alignment: 64)
            grown.copyMemory(from: self.buffer, byteCount: self.end)
            (grown + self.end).initializeMemory(as: UInt8.self, repeating: 0, count: 64)
            self.buffer.deallocate()
            self.buffer = grown
            self.capacity = newCapacity
            self.initialized = self.end + 64
        }
        let room = UnsafeMutableRawBufferPointer(
            start: self.buffer + self.end, count: min(self.configuration.chunkSize, self.capacity - self.end))
        let count = try self.source.read(into: room)
        if count == 0 {
            self.endOfInput = true
            return false
        }
        self.end += count
        if self.initialized < self.end + 64 {
            let from = max(self.initialized, self.end)
            (self.buffer + from).initializeMemory(as: UInt8.self, repeating: 0, count: self.end + 64 - from)
            self.initialized = self.end + 64
        }
        // The block at the old end was cut short: recompute it with the new bytes.
        self.blockLength = 0
        self.blockMask = 0
        return true
    }

    /// Makes at least `count` bytes from `offset` available, unless the input ends first.
    ///
    /// - Returns: the (possibly moved) offset.
    mutating func ensure(_ count: Int, from offset: Int) throws(X12Error) -> Int {
        var offset = offset
        while self.end - offset < count {
            let before = self.bufferInputOffset
            let more = try self.fill(keepingFrom: offset)
            offset -= self.bufferInputOffset - before
            if !more { break }
        }
        return offset
    }

    @inline(__always)
    func byte(_ offset: Int) -> UInt8 { self.buffer.load(fromByteOffset: offset, as: UInt8.self) }

    /// Whether `byte` is white space (or NUL padding) to skip between segments.
    @inline(__always)
    static func isSkippable(_ byte: UInt8, _ skippable: UInt64) -> Bool {
        byte < 64 && (skippable >> UInt64(byte)) & 1 != 0
    }

    // MARK: Segments

    /// The common case of ``scanSegment()``, in registers: a segment whose bytes are all in
    /// the buffer in whole 64-byte blocks, with a one-byte terminator, within the limits and
    /// with a valid id.
    ///
    /// Nothing is changed unless it returns the segment; on `nil` the general
    /// ``scanSegment()`` reads the same segment (refilling, reporting, skipping) from the
    /// same place. The scan state that only the general path reads (`scanSegmentStart`,
    /// `current`, ...) is left alone: that path sets it up again before use.
    @inline(__always)
    mutating func scanSegmentFast() -> X12Segment? {
        guard self.fastScan else { return nil }
        let buffer = UnsafeRawPointer(self.buffer)
        let end = self.end
        var position = self.cursor
        var line = self.line
        // White space between segments (usually one line feed).
        while true {
            guard position < end else { return nil }
            let byte = buffer.load(fromByteOffset: position, as: UInt8.self)
            guard Self.isSkippable(byte, self.skippable) else { break }
            line &+= byte == 0x0A ? 1 : 0
            position &+= 1
        }
        let start = position
        let startLine = line
        let separator = self.elementSeparator
        let terminator = self.terminatorFirst
        var base = self.blockBase
        var mask: UInt64
        if self.blockLength == 64 && position >= base && position &- base < 64 {
            // The rest of the block the previous segment ended in.
            mask = self.blockMask & (~0 &<< UInt64(truncatingIfNeeded: position &- base))
        } else {
            guard position &+ 64 <= end else { return nil }
            base = position
            mask = DelimiterScan.mask(buffer + position, self.delimiterVectors)
        }
        let separators = self.separators
        let maximumElements = self.maximumElements
        let maximumLength = self.maximumLength
        var count = 0
        var found = -1
        while true {
            // A block adds at most 64 separators: `separators` has room for them past the
            // limit (a population count is a library call on baseline x86-64).
            guard count <= maximumElements else { return nil }
            // Offsets are taken from the block's start, stored from the segment's.
            let block = buffer + base
            let relative = base &- start
            while mask != 0 {
                let bit = mask.trailingZeroBitCount
                mask &= mask &- 1
                let byte = block.load(fromByteOffset: bit, as: UInt8.self)
                separators[count] = Int32(truncatingIfNeeded: relative &+ bit)
                if byte == separator {
                    count &+= 1
                } else if byte == terminator {
                    found = relative &+ bit
                    break
                } else {
                    line &+= 1  // a line feed inside the segment (the only other byte in the mask)
                }
            }
            if found >= 0 { break }
            base &+= 64
            guard base &+ 64 <= end && base &- start <= maximumLength else { return nil }
            mask = DelimiterScan.mask(buffer + base, self.delimiterVectors)
        }
        var length = found
        guard length <= maximumLength && count <= maximumElements else { return nil }
        if terminator == 0x0A {
            line &+= 1
            // CRLF line endings: the CR is not data.
            if length > 0 && buffer.load(fromByteOffset: start &+ length &- 1, as: UInt8.self) == 0x0D { length &-= 1 }
        }
        let idLength = count > 0 ? Int(separators[0]) : length
        let id = Self.packedID(buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self), length: idLength)
        guard id != 0 else { return nil }
        self.blockBase = base
        self.blockMask = mask
        self.blockLength = 64
        self.cursor = start &+ found &+ 1
        self.line = line
        return X12Segment(
            base: buffer + start, length: length, separators: separators, elementCount: count,
            id: X12SegmentID(rawValue: id), byteOffset: self.bufferInputOffset &+ start, line: startLine,
            position: self.envelope.nextPosition(), storedComponent: self.storedComponent,
            storedRepetition: self.storedRepetition)
    }

    /// The id packed from the first four bytes of a segment (`word`) and the id's length, or
    /// 0 unless it is 2 or 3 letters and digits.
    @inline(__always)
    static func packedID(_ word: UInt32, length: Int) -> UInt32 {
        guard length == 2 || length == 3 else { return 0 }
        let lanes: UInt32 = length == 3 ? 0x0080_8080 : 0x0000_8080
        let id = word & (length == 3 ? 0x00FF_FFFF : 0x0000_FFFF)
        // All lanes at once: `x + (0x80 - c)` has its top bit set when x >= c, with no carry
        // into the next lane for 7-bit x. Letters are compared with the lowercase bit set.
        let ones: UInt32 = 0x0101_0101
        let folded = id | 0x2020_2020
        let digit = (id &+ (0x80 - 0x30) &* ones) & ~(id &+ (0x80 - 0x3A) &* ones)
        let letter = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x80 - 0x7B) &* ones)
        let valid = (digit | letter) & lanes == lanes && id & 0x8080_8080 == 0
        return valid ? id : 0
    }

    // Scan state that survives a refill in the middle of a segment.
    var scanSegmentStart = 0
    var scanPosition = 0
    var scanSeparatorCount = 0
    var scanLine = 1
    var skippingLongSegment = false

    /// Finds the next complete segment with the current delimiters.
    ///
    /// - Returns: the segment, or `nil` when the caller should loop (events were queued or
    ///   the input ended).
    @inline(never)  // inlined into next(), it ran more instructions (register pressure)
    mutating func scanSegment() throws(X12Error) -> Bool {
        // Skip white space (and NUL padding) between segments, unless it is a delimiter.
        while true {
            if self.cursor >= self.end {
                guard try self.fill(keepingFrom: self.cursor) else {
                    self.finishInput(partialSegment: false)
                    return false
                }
                continue
            }
            let byte = self.byte(self.cursor)
            guard Self.isSkippable(byte, self.skippable) else { break }
            if byte == 0x0A { self.line &+= 1 }
            self.cursor &+= 1
        }
        self.scanSegmentStart = self.cursor
        self.scanPosition = self.cursor
        self.scanSeparatorCount = 0
        self.scanLine = self.line
        self.skippingLongSegment = false
        let maximumElements = self.maximumElements
        let maximumLength = self.maximumLength

        while true {
            // The current block: reuse the bits left by the previous segment when it covers
            // the scan position, otherwise load a new one.
            if self.scanPosition >= self.blockBase &+ self.blockLength || self.scanPosition < self.blockBase {
                if self.scanPosition >= self.end {
                    // An over-long segment being skipped keeps nothing of what was scanned.
                    let keep = self.skippingLongSegment ? self.scanPosition : self.scanSegmentStart
                    let more = try self.fill(keepingFrom: keep)
                    if !more {
                        self.cursor = self.end
                        if self.skippingLongSegment || self.scanSegmentStart >= self.end {
                            self.finishInput(partialSegment: self.skippingLongSegment)
                            return false
                        }
                        // The last segment has no terminator. An IEA there is complete (common
                        // when the terminator is a line break and the file has no final newline);
                        // anything else means the input was cut.
                        let isIEA =
                            self.end - self.scanSegmentStart >= 4 && self.byte(self.scanSegmentStart) == 0x49
                            && self.byte(self.scanSegmentStart + 1) == 0x45
                            && self.byte(self.scanSegmentStart + 2) == 0x41
                            && self.byte(self.scanSegmentStart + 3) == self.elementSeparator
                        if !isIEA {
                            self.finishInput(partialSegment: true)
                            return false
                        }
                        if self.terminatorFirst != 0x0A && self.terminatorFirst != 0x0D {
                            self.queueFinding(
                                .warning, .missingFinalTerminator,
                                "the last segment has no segment terminator \(X12Delimiters.show(self.terminatorFirst))",
                                byteOffset: self.bufferInputOffset &+ self.end, line: self.line, segmentID: nil,
                                acknowledgment: nil)
                        }
                        return self.completeSegment(endingAt: self.end)
                    }
                    continue
                }
                self.blockBase = self.scanPosition
                self.blockLength = min(64, self.end &- self.scanPosition)
                let valid: UInt64 = self.blockLength < 64 ? (UInt64(1) << UInt64(self.blockLength)) &- 1 : ~0
                self.blockMask =
                    DelimiterScan.mask(self.buffer + self.scanPosition, self.delimiterVectors) & valid
            } else if self.scanPosition > self.blockBase {
                // Drop the bits before the scan position (white space already consumed).
                let shift = UInt64(self.scanPosition &- self.blockBase)
                self.blockMask &= ~((UInt64(1) << shift) &- 1)
            }

            // The hot loop works on locals: stores through `separators` could alias `self`
            // as far as the compiler knows, which would reload every field after each one.
            var mask = self.blockMask
            var count = self.scanSeparatorCount
            var line = self.line
            let base = self.blockBase
            let buffer = UnsafeRawPointer(self.buffer)
            let separators = self.separators
            let separator = self.elementSeparator
            let terminator = self.terminatorFirst
            let segmentStart = self.scanSegmentStart
            let separatorIsLineFeed = separator == 0x0A ? 1 : 0
            var found = -1
            var refillAt = -1
            while mask != 0 {
                let offset = base &+ mask.trailingZeroBitCount
                mask &= mask &- 1
                let byte = buffer.load(fromByteOffset: offset, as: UInt8.self)
                // Branch-free for separators, the most common bit: always store the offset,
                // count it only if it is one (the slot past the limit absorbs the rest).
                separators[count < maximumElements ? count : maximumElements] =
                    Int32(truncatingIfNeeded: offset &- segmentStart)
                count &+= byte == separator ? 1 : 0
                if byte == separator {
                    line &+= separatorIsLineFeed
                    continue
                }
                // The terminator, or LF inside a segment (counted for line numbers; LF after a
                // terminator is consumed with the white space before the next segment).
                line &+= byte == 0x0A ? 1 : 0
                if byte == terminator {
                    if self.terminatorLength > 1 {
                        if offset &+ self.terminatorLength > self.end {
                            if !self.endOfInput {
                                // Not enough bytes to confirm: refill and look at this byte again.
                                line &-= byte == 0x0A ? 1 : 0
                                refillAt = offset
                                break
                            }
                            continue
                        }
                        if !self.terminatorMatches(at: offset) { continue }
                    }
                    found = offset
                    break
                }
            }
            self.blockMask = mask
            self.scanSeparatorCount = count
            self.line = line
            if found >= 0 {
                self.scanPosition = found &+ self.terminatorLength
                self.cursor = self.scanPosition
                return self.completeSegment(endingAt: found)
            }
            if refillAt >= 0 {
                self.scanPosition = refillAt
                self.blockLength = 0
                _ = try self.fill(keepingFrom: self.scanSegmentStart)
                continue
            }
            if self.blockMask == 0 && self.scanPosition <= self.blockBase &+ self.blockLength {
                self.scanPosition = self.blockBase &+ self.blockLength
            }
            if self.scanPosition &- self.scanSegmentStart > maximumLength && !self.skippingLongSegment {
                self.skippingLongSegment = true
            }
            if self.skippingLongSegment {
                // Everything scanned so far belongs to the over-long segment: let it go.
                self.scanSeparatorCount = min(self.scanSeparatorCount, maximumElements)
            }
        }
    }

    @inline(__always)
    func terminatorMatches(at offset: Int) -> Bool {
        guard let terminator = self.delimiters?.segment else { return false }
        for index in 1..<terminator.count where self.byte(offset &+ index) != terminator[index] {
            return false
        }
        return true
    }

    /// Builds the view of a segment whose terminator starts at `terminatorOffset`.
    @inline(__always)
    mutating func completeSegment(endingAt terminatorOffset: Int) -> Bool {
        let start = self.scanSegmentStart
        var length = terminatorOffset &- start
        // The scan loop notices an over-long segment only at the end of a 64-byte block, so
        // one whose terminator is in the same block is caught here (on the same raw length).
        let tooLong = self.skippingLongSegment || length > self.maximumLength
        // With LF as the terminator, a CR before it is the CRLF line ending, not data.
        if self.terminatorFirst == 0x0A && length > 0 && self.byte(start &+ length &- 1) == 0x0D {
            length &-= 1
        }
        let separatorCount = self.scanSeparatorCount
        let byteOffset = self.bufferInputOffset &+ start
        if tooLong {
            self.envelope.countSkippedSegment()
            self.queueFinding(
                .error, .segmentTooLong,
                "segment is \(length) bytes long, more than the limit of \(self.configuration.maximumSegmentLength)",
                byteOffset: byteOffset, line: self.scanLine, segmentID: nil,
                acknowledgment: .ak304("8"))
            return false
        }
        if separatorCount > self.maximumElements {
            self.envelope.countSkippedSegment()
            self.queueFinding(
                .error, .tooManyElements,
                "segment has \(separatorCount) elements, more than the limit of \(self.configuration.maximumElementsPerSegment)",
                byteOffset: byteOffset, line: self.scanLine, segmentID: nil,
                acknowledgment: .ak304("3"))
            return false
        }
        let idLength = separatorCount > 0 ? Int(self.separators[0]) : length
        // Four bytes at once (the buffer has a 64-byte tail), keeping the id's 2 or 3.
        let id = Self.packedID(self.buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self), length: idLength)
        if id == 0 {
            if length == 0 {
                // A terminator on its own (`~~`): nothing to deliver.
                self.queueFinding(
                    .warning, .emptySegment, "empty segment (a segment terminator with nothing before it)",
                    byteOffset: byteOffset, line: self.scanLine, segmentID: nil, acknowledgment: nil)
                return false
            }
            let text = String(
                decoding: UnsafeRawBufferPointer(start: self.buffer + start, count: min(idLength, 16)), as: UTF8.self)
            self.envelope.countSkippedSegment()
            self.queueFinding(
                .error, .invalidSegmentID,
                "'\(text)' is not a segment identifier (2 or 3 letters and digits)",
                value: text, byteOffset: byteOffset, line: self.scanLine, segmentID: nil,
                acknowledgment: .ak304("1"))
            return false
        }
        self.current = (start, length, id, self.envelope.nextPosition())
        return true
    }

    /// The segment found by the last successful `scanSegment()`, as a view.
    ///
    /// Built once, here, rather than passed up through the scanning functions: the view is
    /// ten words, and copying it through two returns cost more than the scan of a segment.
    @inline(__always)
    func currentSegment() -> X12Segment {
        X12Segment(
            base: self.buffer + self.current.start, length: self.current.length, separators: self.separators,
            elementCount: self.scanSeparatorCount, id: X12SegmentID(rawValue: self.current.id),
            byteOffset: self.bufferInputOffset &+ self.current.start, line: self.scanLine,
            position: self.current.position, storedComponent: self.storedComponent,
            storedRepetition: self.storedRepetition)
    }

    // MARK: Envelope

    mutating func handleEnvelope(_ segment: X12Segment) {
        switch segment.id {
        case .isa:
            // A new ISA inside an interchange: the IEA is missing. Re-read it as a header,
            // with the delimiters it declares.
            self.closeInterchange(at: segment, reason: "a new ISA starts before IEA")
            self.cursor = segment.byteOffset - self.bufferInputOffset
            self.resetDelimiters()
        case .iea:
            self.readInterchangeTrailer(segment)
        case .gs:
            self.readGroupHeader(segment)
        case .ge:
            self.readGroupTrailer(segment)
        case .st:
            self.readTransactionHeader(segment)
        case .se:
            self.readTransactionTrailer(segment)
        case .ta1, .isb, .ise:
            if segment.id == .ta1 { self.envelope.interchange?.acknowledgmentSegments += 1 }
            if self.envelope.group != nil {
                self.queueFinding(
                    .error, .unexpectedSegment,
                    "\(segment.id) belongs between ISA and GS, not inside a functional group",
                    segment: segment, acknowledgment: .ak304("2"))
            }
            self.pending.append(.segment(segment))
        default:
            if self.envelope.inTransaction {
                self.pending.append(.segment(segment))
                return
            }
            let place = self.envelope.group != nil ? "between SE and the next ST" : "outside a functional group"
            // No set holds it, so no AK3 can report it: the interchange content is in error
            // (TA105 024), which a TA1 tells the sender.
            self.queueFinding(
                .error, .unexpectedSegment, "segment \(segment.id) is \(place)",
                segment: segment, acknowledgment: .ta105("024"))
            self.pending.append(.segment(segment))
        }
    }

    mutating func resetDelimiters() {
        self.delimiters = nil
        self.hasDelimiters = false
        self.blockMask = 0
        self.blockLength = 0
    }

    // MARK: Findings

    mutating func queueFinding(
        _ severity: X12Finding.Severity, _ code: X12Finding.Code, _ message: String, value: String? = nil,
        segment: X12Segment, element: Int? = nil, acknowledgment: X12AcknowledgmentCode?
    ) {
        self.queueFinding(
            severity, code, message, value: value, byteOffset: segment.byteOffset, line: segment.line,
            segmentID: segment.idString, position: segment.position == 0 ? nil : segment.position,
            element: element, acknowledgment: acknowledgment)
    }

    mutating func queueFinding(
        _ severity: X12Finding.Severity, _ code: X12Finding.Code, _ message: String, value: String? = nil,
        byteOffset: Int, line: Int, segmentID: String?, position: Int? = nil, element: Int? = nil,
        acknowledgment: X12AcknowledgmentCode?
    ) {
        let location = X12Location(
            file: self.configuration.sourceName, byteOffset: byteOffset, line: line,
            interchange: self.envelope.interchange?.header.controlNumber,
            group: self.envelope.group?.header.controlNumber,
            transaction: self.envelope.transaction?.header.controlNumber,
            segmentPosition: position, segmentID: segmentID, element: element)
        self.pending.append(
            .finding(
                X12Finding(severity, code, message, value: value, location: location, acknowledgment: acknowledgment)))
    }

    // MARK: End of input

    mutating func finishInput(partialSegment: Bool) {
        let offset = self.bufferInputOffset &+ self.scanSegmentStart
        if partialSegment && self.skippingLongSegment {
            // The over-long segment's bytes were let go as it was scanned (its start may be before the buffer).
            self.queueFinding(
                .error, .unexpectedEndOfInput,
                "the input ends inside a segment longer than the limit of \(self.configuration.maximumSegmentLength) bytes (no segment terminator)",
                byteOffset: offset, line: self.scanLine, segmentID: nil, acknowledgment: .ta105("023"))
        } else if partialSegment && self.scanSegmentStart >= 0 && self.scanSegmentStart < self.end {
            let length = min(self.end - self.scanSegmentStart, 24)
            let text = String(
                decoding: UnsafeRawBufferPointer(start: self.buffer + self.scanSegmentStart, count: length),
                as: UTF8.self)
            self.queueFinding(
                .error, .unexpectedEndOfInput,
                "the input ends inside a segment (no segment terminator after '\(text)')",
                value: text, byteOffset: offset, line: self.scanLine, segmentID: nil,
                acknowledgment: .ta105("023"))
        }
        if self.envelope.interchange != nil {
            self.closeInterchange(
                byteOffset: self.bufferInputOffset &+ self.end, line: self.line, reason: "the input ends")
        }
        if !self.sawInterchange && !self.reportedGarbage {
            self.queueFinding(
                .error, .notX12, "no X12 interchange found (no ISA segment)",
                byteOffset: 0, line: 1, segmentID: nil, acknowledgment: .ta105("024"))
        }
        self.finished = true
    }

    var reportedGarbage = false
    /// Set after an unusable ISA, whose own finding already covers the bytes skipped next.
    var suppressGarbageFinding = false
}

// MARK: - Interchange header

extension X12Reader {
    /// Reads what comes before and including an `ISA`: white space, a byte-order mark,
    /// text that is not X12, then the header itself.
    mutating func readInterchangeHeader() throws(X12Error) {
        // Skip white space, NULs and UTF-8 byte-order marks.
        while true {
            // Four bytes: `ISA` and the element separator, so a header split across chunks is
            // still recognised.
            self.cursor = try self.ensure(4, from: self.cursor)
            if self.cursor >= self.end {
                self.finishInput(partialSegment: false)
                return
            }
            let byte = self.byte(self.cursor)
            if byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 || byte == 0x00 {
                if byte == 0x0A { self.line += 1 }
                self.cursor += 1
                continue
            }
            if byte == 0xEF && self.end - self.cursor >= 3 && self.byte(self.cursor + 1) == 0xBB
                && self.byte(self.cursor + 2) == 0xBF
            {
                self.queueFinding(
                    .info, .byteOrderMark, "UTF-8 byte-order mark skipped",
                    byteOffset: self.byteOffset, line: self.line, segmentID: nil, acknowledgment: nil)
                self.cursor += 3
                continue
            }
            break
        }
        if !self.startsWithISA(at: self.cursor) {
            try self.skipNonX12()
            return
        }
        self.cursor = try self.ensure(self.configuration.maximumISALength + 256, from: self.cursor)
        guard let parsed = self.parseISA(at: self.cursor) else { return }
        self.beginInterchange(parsed)
    }

    func startsWithISA(at offset: Int) -> Bool {
        guard self.end - offset >= 4 else { return false }
        return self.byte(offset) == 0x49 && self.byte(offset + 1) == 0x53 && self.byte(offset + 2) == 0x41
            && !X12Delimiters.isAlphanumeric(self.byte(offset + 3))
    }

    /// Skips text that is not X12 up to the next `ISA`, with one finding for the run.
    mutating func skipNonX12() throws(X12Error) {
        let start = self.byteOffset
        let line = self.line
        var preview: [UInt8] = []
        while true {
            self.cursor = try self.ensure(4, from: self.cursor)
            if self.end - self.cursor < 4 {
                while self.cursor < self.end {
                    if preview.count < 40 { preview.append(self.byte(self.cursor)) }
                    self.cursor += 1
                }
                break
            }
            if self.startsWithISA(at: self.cursor) { break }
            let byte = self.byte(self.cursor)
            if preview.count < 40 { preview.append(byte) }
            if byte == 0x0A { self.line += 1 }
            self.cursor += 1
        }
        let text = String(decoding: preview, as: UTF8.self)
        let found = self.cursor < self.end
        let message: String
        let code: X12Finding.Code
        if self.sawInterchange {
            code = .unexpectedSegment
            message = "text after IEA is not X12: '\(text)'"
        } else if found {
            code = .leadingGarbage
            message = "text before the first ISA is not X12: '\(text)'"
        } else {
            code = .notX12
            message = "not X12: no ISA segment found; the input starts with '\(text)'"
        }
        self.reportedGarbage = true
        if self.suppressGarbageFinding {
            self.suppressGarbageFinding = false
            return
        }
        self.queueFinding(
            .error, code, message, value: text, byteOffset: start, line: line, segmentID: nil,
            acknowledgment: .ta105("024"))
    }
}
