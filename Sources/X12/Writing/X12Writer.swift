/// What goes into an `ISA` header, apart from the delimiters and the control number.
public struct X12InterchangeEnvelope: Hashable, Sendable {
    public var senderQualifier: String
    public var senderID: String
    public var receiverQualifier: String
    public var receiverID: String
    /// ISA09, `YYMMDD`.
    public var date: String
    /// ISA10, `HHMM`.
    public var time: String
    /// ISA12, such as `00401` or `00501`.
    public var version: String
    /// ISA14.
    public var acknowledgmentRequested: Bool
    /// ISA15: `P`, `T` or `I`.
    public var usage: String
    /// ISA01/ISA02 and ISA03/ISA04; `00` and blanks by default.
    public var authorizationQualifier: String = "00"
    public var authorization: String = ""
    public var securityQualifier: String = "00"
    public var security: String = ""
    /// ISA13; taken from the control-number source when `nil`.
    public var controlNumber: UInt64?

    public init(
        senderQualifier: String, senderID: String, receiverQualifier: String, receiverID: String,
        date: String, time: String, version: String = "00401", acknowledgmentRequested: Bool = false,
        usage: String = "P", controlNumber: UInt64? = nil
    ) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.date = date
        self.time = time
        self.version = version
        self.acknowledgmentRequested = acknowledgmentRequested
        self.usage = usage
        self.controlNumber = controlNumber
    }
}

/// What goes into a `GS` header, apart from the control number.
public struct X12GroupEnvelope: Hashable, Sendable {
    /// GS01, such as `PO`.
    public var functionalIdentifier: String
    public var senderCode: String
    public var receiverCode: String
    /// GS04, `CCYYMMDD`.
    public var date: String
    /// GS05, `HHMM[SS[D[D]]]`.
    public var time: String
    /// GS08, such as `004010`.
    public var version: String
    /// GS07.
    public var agency: String = "X"
    /// GS06; taken from the control-number source when `nil`.
    public var controlNumber: UInt64?

    public init(
        functionalIdentifier: String, senderCode: String, receiverCode: String, date: String, time: String,
        version: String, controlNumber: UInt64? = nil
    ) {
        self.functionalIdentifier = functionalIdentifier
        self.senderCode = senderCode
        self.receiverCode = receiverCode
        self.date = date
        self.time = time
        self.version = version
        self.controlNumber = controlNumber
    }
}

/// A streaming X12 writer that owns the envelope trailers.
///
/// The writer counts segments, sets and groups itself and writes `SE01`, `GE01` and
/// `IEA01`; control numbers come from a caller-supplied ``X12ControlNumberSource``. It pads
/// the ISA to its fixed width, never writes trailing empty elements or components, and
/// refuses data that contains an active delimiter (X12 has no escape character).
///
/// ```swift
/// let sink = MemoryByteSink()
/// var writer = try X12Writer(sink: sink, delimiters: .standard, lineEnding: .lf,
///                            controlNumbers: SequentialControlNumbers())
/// try writer.beginInterchange(envelope)
/// try writer.beginGroup(group)
/// try writer.beginTransaction("850")
/// try writer.writeSegment("BEG", ["00", "SA", "PO-1", "", "20240301"])
/// try writer.endTransaction()
/// try writer.endGroup()
/// try writer.endInterchange()
/// ```
///
/// The writer is not generic: the sink and the control-number source are existentials,
/// called once per 64 KiB flush and once per envelope. A generic writer used from another
/// module ran unspecialized, looking up generic metadata on every segment (23 MB/s).
public struct X12Writer: ~Copyable {
    public enum LineEnding: String, Sendable, CaseIterable {
        case none
        case lf
        case crlf

        var bytes: [UInt8] {
            switch self {
            case .none: []
            case .lf: [0x0A]
            case .crlf: [0x0D, 0x0A]
            }
        }
    }

    private var sink: any ByteSink
    /// The control-number source, as advanced by what was written.
    public private(set) var controlNumbers: any X12ControlNumberSource
    public let delimiters: X12Delimiters
    public let lineEnding: LineEnding

    /// 1 for every byte the data must not contain, else 0 (256 entries, owned, freed in deinit).
    @usableFromInline let forbidden: UnsafeMutablePointer<UInt8>
    @usableFromInline var buffer: UnsafeMutableRawPointer
    @usableFromInline var capacity: Int
    /// Past this many buffered bytes, the next segment flushes first.
    private let flushThreshold: Int
    @usableFromInline var used = 0
    /// Bytes handed to the sink so far.
    private var flushedCount = 0
    /// Bytes written so far (flushed or not).
    public var byteCount: Int { self.flushedCount + self.used }
    private let suffix: [UInt8]
    /// `suffix` packed little-endian (at most 4 terminator bytes and CR LF), written with one
    /// 8-byte store.
    private let packedSuffix: UInt64
    /// `delimiters.element`, for the inlined element path.
    @usableFromInline let elementSeparator: UInt8

    private var interchange: (controlNumber: String, groups: Int)?
    private var group: (controlNumber: String, transactions: Int)?
    private var transaction: (controlNumber: String, segments: Int)?
    private var repetitionAllowed = false
    // State of a segment written element by element.
    private var building = false
    private var segmentStart = 0
    /// The id of the segment being built, packed as in `X12SegmentID` (no `String` kept).
    private var segmentID = X12SegmentID(rawValue: 0)
    @usableFromInline var heldEmpties = 0
    @usableFromInline var elementPosition = 0
    @usableFromInline var wroteData = false
    private var failure: (Failure, Int, X12Value)?
    /// `failure != nil`, kept as a plain flag: testing the optional tuple copied it.
    @usableFromInline var failed = false

    /// - Throws: ``X12Error`` `.invalidDelimiters` when the delimiters cannot work together.
    public init(
        sink: any ByteSink, delimiters: X12Delimiters, lineEnding: LineEnding = .lf,
        controlNumbers: any X12ControlNumberSource,
        bufferSize: Int = 64 * 1024
    ) throws(X12Error) {
        if let problem = delimiters.problem { throw X12Error(.invalidDelimiters, problem) }
        // A line break after the terminator must not read as a separator, and a line break
        // that is already the terminator is not written twice (that would be an empty segment).
        let suffix: [UInt8]
        if delimiters.segment.count == 1 && lineEnding.bytes.first == delimiters.segment[0] {
            suffix = lineEnding.bytes
        } else if let clash = lineEnding.bytes.first(where: {
            $0 == delimiters.element || $0 == delimiters.component || $0 == delimiters.repetition
                || delimiters.segment.contains($0)
        }) {
            throw X12Error(
                .invalidDelimiters,
                "the line ending \(lineEnding.rawValue) contains \(X12Delimiters.show(clash)), which is a delimiter")
        } else {
            suffix = delimiters.segment + lineEnding.bytes
        }
        self.sink = sink
        self.delimiters = delimiters
        self.lineEnding = lineEnding
        self.controlNumbers = controlNumbers
        self.capacity = max(bufferSize, 4096)
        self.flushThreshold = self.capacity - self.capacity / 4
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
        self.suffix = suffix
        var packedSuffix: UInt64 = 0
        for (index, byte) in suffix.enumerated() { packedSuffix |= UInt64(byte) << UInt64(8 * index) }
        self.packedSuffix = packedSuffix
        self.elementSeparator = delimiters.element
        let forbidden = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        forbidden.initialize(repeating: 0, count: 256)
        forbidden[Int(delimiters.element)] = 1
        for byte in delimiters.segment { forbidden[Int(byte)] = 1 }
        if let component = delimiters.component { forbidden[Int(component)] = 1 }
        if let repetition = delimiters.repetition { forbidden[Int(repetition)] = 1 }
        self.forbidden = forbidden
    }

    deinit {
        self.buffer.deallocate()
        self.forbidden.deallocate()
    }

    // MARK: Envelopes

    /// Writes an `ISA` with every field padded to its width.
    ///
    /// - Returns: the ISA13 written.
    @discardableResult
    public mutating func beginInterchange(_ envelope: X12InterchangeEnvelope) throws(X12Error) -> String {
        guard self.interchange == nil else { throw X12Error(.invalidState, "an interchange is already open") }
        let number = try self.take(envelope.controlNumber) { source throws in try source.nextInterchangeControlNumber()
        }
        guard number >= 1 && number <= 999_999_999 else {
            throw X12Error(.invalidValue, "ISA13 control number \(number) is not 1 to 999999999")
        }
        let versionNumber = Int(envelope.version) ?? 0
        guard envelope.version.utf8.count == 5, versionNumber > 0 else {
            throw X12Error(.invalidValue, "ISA12 version '\(envelope.version)' is not 5 digits")
        }
        self.repetitionAllowed = versionNumber >= 402 && self.delimiters.repetition != nil
        let isa11: String
        if self.repetitionAllowed, let repetition = self.delimiters.repetition {
            isa11 = String(decoding: [repetition], as: UTF8.self)
        } else {
            isa11 = "U"
        }
        guard let component = self.delimiters.component else {
            throw X12Error(.invalidDelimiters, "a component separator is required to write ISA16")
        }
        let controlNumber = Self.zeroPadded(number, width: 9)
        let fields: [(String, Int, String)] = [
            (envelope.authorizationQualifier, 2, "ISA01"), (envelope.authorization, 10, "ISA02"),
            (envelope.securityQualifier, 2, "ISA03"), (envelope.security, 10, "ISA04"),
            (envelope.senderQualifier, 2, "ISA05"), (envelope.senderID, 15, "ISA06"),
            (envelope.receiverQualifier, 2, "ISA07"), (envelope.receiverID, 15, "ISA08"),
            (envelope.date, 6, "ISA09"), (envelope.time, 4, "ISA10"), (isa11, 1, "ISA11"),
            (envelope.version, 5, "ISA12"), (controlNumber, 9, "ISA13"),
            (envelope.acknowledgmentRequested ? "1" : "0", 1, "ISA14"), (envelope.usage, 1, "ISA15"),
        ]
        var bytes: [UInt8] = Array("ISA".utf8)
        for (value, width, name) in fields {
            let utf8 = Array(value.utf8)
            guard utf8.count <= width, utf8.allSatisfy({ $0 < 0x80 }) else {
                throw X12Error(
                    .invalidValue,
                    "\(name) '\(name == "ISA02" || name == "ISA04" ? "***" : value)' is longer than \(width) ASCII characters"
                )
            }
            try self.checkData(utf8, name: name, allowing: name == "ISA11" ? self.delimiters.repetition : nil)
            if utf8.count < width && self.forbidden[0x20] != 0 {
                throw X12Error(
                    .delimiterInData,
                    "\(name) would be padded with spaces, but space is a delimiter: give all \(width) characters")
            }
            bytes.append(self.delimiters.element)
            bytes += utf8
            bytes += [UInt8](repeating: 0x20, count: width - utf8.count)
        }
        bytes.append(self.delimiters.element)
        bytes.append(component)
        self.append(bytes)
        self.append(self.suffix)
        self.interchange = (controlNumber, 0)
        return controlNumber
    }

    /// Writes a `GS`.
    ///
    /// - Returns: the GS06 written.
    @discardableResult
    public mutating func beginGroup(_ envelope: X12GroupEnvelope) throws(X12Error) -> String {
        guard self.interchange != nil else { throw X12Error(.invalidState, "GS needs an open interchange") }
        guard self.group == nil else { throw X12Error(.invalidState, "a functional group is already open") }
        let number = try self.take(envelope.controlNumber) { source throws in try source.nextGroupControlNumber() }
        let controlNumber = String(number)
        try self.writeRawSegment(
            "GS",
            [
                envelope.functionalIdentifier, envelope.senderCode, envelope.receiverCode, envelope.date, envelope.time,
                controlNumber, envelope.agency, envelope.version,
            ].map(X12Value.simple))
        self.controlNumbers.groupDidStart()
        self.group = (controlNumber, 0)
        self.interchange?.groups += 1
        return controlNumber
    }

    /// Writes an `ST`; ST02 comes from the control-number source (at least 4 digits).
    ///
    /// - Returns: the ST02 written.
    @discardableResult
    public mutating func beginTransaction(
        _ identifier: String, implementationReference: String? = nil, controlNumber: String? = nil
    ) throws(X12Error) -> String {
        guard self.group != nil else { throw X12Error(.invalidState, "ST needs an open functional group") }
        guard self.transaction == nil else { throw X12Error(.invalidState, "a transaction set is already open") }
        let number: String
        if let controlNumber {
            number = controlNumber
        } else {
            number = Self.zeroPadded(
                try self.take(nil) { source throws in try source.nextTransactionControlNumber() }, width: 4)
        }
        // The set opens only once its ST is written: a refused ST leaves no set open.
        try self.writeSimpleSegment("ST", identifier, number, implementationReference)
        self.transaction = (number, 1)
        self.group?.transactions += 1
        return number
    }

    /// Writes `SE` with the segment count (ST and SE included).
    public mutating func endTransaction() throws(X12Error) {
        guard let transaction = self.transaction else {
            throw X12Error(.invalidState, "SE without an open transaction set")
        }
        try self.writeSimpleSegment("SE", String(transaction.segments + 1), transaction.controlNumber)
        self.transaction = nil
    }

    /// Writes `GE` with the set count.
    public mutating func endGroup() throws(X12Error) {
        guard self.transaction == nil else { throw X12Error(.invalidState, "GE while a transaction set is open") }
        guard let group = self.group else { throw X12Error(.invalidState, "GE without an open functional group") }
        try self.writeSimpleSegment("GE", String(group.transactions), group.controlNumber)
        self.group = nil
    }

    /// Writes `IEA` with the group count and flushes.
    public mutating func endInterchange() throws(X12Error) {
        guard self.group == nil else { throw X12Error(.invalidState, "IEA while a functional group is open") }
        guard let interchange = self.interchange else {
            throw X12Error(.invalidState, "IEA without an open interchange")
        }
        try self.writeSimpleSegment("IEA", String(interchange.groups), interchange.controlNumber)
        self.interchange = nil
        try self.flush()
    }

    // MARK: Segments

    /// Writes one segment; inside a transaction set it is counted for SE01.
    ///
    /// Trailing empty elements and trailing empty components are left out; a segment with
    /// no data at all is refused.
    public mutating func writeSegment(_ id: String, _ elements: [X12Value]) throws(X12Error) {
        guard self.interchange != nil else { throw X12Error(.invalidState, "segment \(id) needs an open interchange") }
        try self.writeRawSegment(id, elements)
    }

    /// Writes an owned segment (for example one copied from a reader).
    public mutating func writeSegment(_ segment: X12OwnedSegment) throws(X12Error) {
        try self.writeSegment(segment.id, segment.elements)
    }

    // MARK: Segments element by element

    /// Starts a segment written element by element, the fastest way to write: no arrays of
    /// values are built. Follow with `appendElement`/`appendEmptyElement`/`appendComposite`
    /// calls and `endSegment()`.
    ///
    /// Empty elements are held back and written only when a later element has data, so
    /// trailing empties never reach the output. A value that holds a delimiter is remembered
    /// and `endSegment()` throws, with nothing of the segment written.
    public mutating func beginSegment(_ id: String) throws(X12Error) {
        guard !self.building else {
            throw X12Error(.invalidState, "segment \(id) begun before endSegment() of the previous one")
        }
        guard let packed = Self.packedSegmentID(id) else {
            throw X12Error(.invalidValue, "'\(id)' is not a segment identifier (2 or 3 letters and digits)")
        }
        try self.begin(packed)
    }

    /// ``beginSegment(_:)-(String)`` for an id already packed, such as a literal `X12SegmentID`: no text to read.
    ///
    /// - Throws: `.invalidValue` when `id` is not 2 or 3 letters and digits (a `rawValue` made by hand).
    public mutating func beginSegment(_ id: X12SegmentID) throws(X12Error) {
        guard !self.building else {
            throw X12Error(.invalidState, "segment \(id) begun before endSegment() of the previous one")
        }
        guard Self.isValidSegmentID(id.rawValue) else {
            throw X12Error(.invalidValue, "'\(id)' is not a segment identifier (2 or 3 letters and digits)")
        }
        try self.begin(id)
    }

    /// Whether a packed id is 2 or 3 letters and digits.
    @inline(__always)
    private static func isValidSegmentID(_ raw: UInt32) -> Bool {
        guard raw > 0xFF && raw <= 0xFF_FFFF else { return false }
        @inline(__always) func isAlphanumeric(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 }
        let third = UInt8(truncatingIfNeeded: raw >> 16)
        return isAlphanumeric(UInt8(truncatingIfNeeded: raw)) && isAlphanumeric(UInt8(truncatingIfNeeded: raw >> 8))
            && (third == 0 || isAlphanumeric(third))
    }

    /// Opens a segment whose id is checked.
    @inline(__always)
    private mutating func begin(_ packed: X12SegmentID) throws(X12Error) {
        guard self.interchange != nil else {
            throw X12Error(.invalidState, "segment \(packed) needs an open interchange")
        }
        if self.used >= self.flushThreshold { try self.flush() }
        self.building = true
        self.segmentStart = self.used
        self.segmentID = packed
        self.heldEmpties = 0
        self.elementPosition = 0
        self.wroteData = false
        if self.failed { self.failure = nil }
        self.failed = false
        // The id's 2 or 3 bytes with one 4-byte store.
        self.reserve(4)
        self.buffer.storeBytes(of: packed.rawValue.littleEndian, toByteOffset: self.used, as: UInt32.self)
        self.used &+= packed.rawValue > 0xFFFF ? 3 : 2
    }

    /// Appends a simple element (an empty string is an empty element).
    ///
    /// Inlinable: the string's UTF-8 (a small string's from a stack copy) goes through ``appendElement(bytes:)``,
    /// whose usual case is copied in the caller's code.
    @inlinable @inline(__always)
    public mutating func appendElement(_ text: String) {
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            self.appendElement(bytes: UnsafeRawBufferPointer(utf8))
        }
        if appended == nil { self.appendElementCopying(text) }
    }

    /// ``appendElement(_:)-(String)`` for a string without contiguous UTF-8 (a bridged one).
    @usableFromInline
    mutating func appendElementCopying(_ text: String) {
        self.elementPosition &+= 1
        guard !self.failed else { return }
        if text.isEmpty {
            self.heldEmpties &+= 1
            return
        }
        self.releaseHeldSeparators()
        if let failure = self.appendChecked(text) {
            self.failure = (failure, self.elementPosition, .simple(text))
            self.failed = true
        }
    }

    /// Appends a simple element from bytes (UTF-8), the fastest path: no `String` at all.
    ///
    /// Inlinable: the usual element (no held empties, 1–32 bytes, room in the buffer, no
    /// delimiter in it) is copied in the caller's code, without a call per element. (Writing
    /// held empties here too, in a loop, ran more instructions, not fewer.)
    @inlinable @inline(__always)
    public mutating func appendElement(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        if !self.failed && self.heldEmpties == 0 && count > 0 && count <= 32 && self.capacity &- self.used > count,
            let source = bytes.baseAddress
        {
            let target = self.buffer + self.used
            let forbidden = self.forbidden
            target.storeBytes(of: self.elementSeparator, as: UInt8.self)
            var hit: UInt8 = 0
            for index in 0..<count {
                let byte = source.load(fromByteOffset: index, as: UInt8.self)
                target.storeBytes(of: byte, toByteOffset: index &+ 1, as: UInt8.self)
                hit |= forbidden[Int(byte)]
            }
            if hit == 0 {
                self.elementPosition &+= 1
                self.used &+= count &+ 1
                self.wroteData = true
                return
            }
        }
        self.appendElementChecked(bytes: bytes)
    }

    /// ``appendElement(bytes:)`` in full: held empties, long values, growing, failures.
    @usableFromInline
    mutating func appendElementChecked(bytes: UnsafeRawBufferPointer) {
        self.elementPosition &+= 1
        guard !self.failed else { return }
        if bytes.isEmpty {
            self.heldEmpties &+= 1
            return
        }
        // One check for room, separators and value together.
        self.releaseHeldSeparators(reserving: bytes.count)
        if let bad = self.copyChecked(bytes) {
            self.failure = (.delimiter(bad), self.elementPosition, .simple(String(decoding: bytes, as: UTF8.self)))
            self.failed = true
        }
    }

    /// Appends a whole number as a simple element (`-` sign, no leading zeros), without
    /// formatting it into a `String` first.
    public mutating func appendElement(integer: Int) {
        self.elementPosition &+= 1
        guard !self.failed else { return }
        self.releaseHeldSeparators()
        self.reserve(20)
        var magnitude = integer.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[23 - count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                count &+= 1
            } while magnitude > 0
            if integer < 0 {
                scratch[23 - count] = 0x2D
                count &+= 1
            }
            (self.buffer + self.used).copyMemory(from: scratch.baseAddress! + 24 - count, byteCount: count)
        }
        // Digits and '-' can be delimiters only in pathological setups; check them anyway.
        let written = UnsafeRawBufferPointer(start: self.buffer + self.used, count: count)
        var hit: UInt8 = 0
        for byte in written { hit |= self.forbidden[Int(byte)] }
        if hit != 0 {
            self.failure = (
                .delimiter(written.first { self.forbidden[Int($0)] != 0 } ?? 0), self.elementPosition,
                .simple(String(integer))
            )
            self.failed = true
            return
        }
        self.used &+= count
    }

    /// Appends an empty element (written only if a later element has data).
    @inline(__always)
    public mutating func appendEmptyElement() {
        self.elementPosition &+= 1
        self.heldEmpties &+= 1
    }

    /// Appends a value: simple, composite or repeated.
    public mutating func appendElement(_ value: X12Value) {
        self.elementPosition &+= 1
        guard !self.failed else { return }
        if value.isEmpty {
            self.heldEmpties &+= 1
            return
        }
        self.releaseHeldSeparators()
        if let failure = self.appendChecked(value) {
            self.failure = (failure, self.elementPosition, value)
            self.failed = true
        }
    }

    /// Ends the segment begun with `beginSegment`; inside a transaction set it is counted.
    ///
    /// - Throws: `.delimiterInData` or `.invalidValue` for a refused value, `.invalidValue`
    ///   for a segment with no data; nothing of the segment is then written.
    public mutating func endSegment() throws(X12Error) {
        guard self.building else { throw X12Error(.invalidState, "endSegment() without beginSegment()") }
        self.building = false
        if self.failed, let (failure, position, value) = self.failure {
            self.used = self.segmentStart
            self.failure = nil
            self.failed = false
            throw self.error(failure, value: value, segment: self.segmentID.description, position: position)
        }
        guard self.wroteData else {
            self.used = self.segmentStart
            throw X12Error(
                .invalidValue, "segment \(self.segmentID) has no data (a segment needs at least one element)")
        }
        self.reserve(8)
        self.buffer.storeBytes(of: self.packedSuffix.littleEndian, toByteOffset: self.used, as: UInt64.self)
        self.used &+= self.suffix.count
        if self.transaction != nil { self.transaction!.segments += 1 }
    }

    /// ``endSegment()``, or, when no element of the segment has data, drops it (nothing written or counted) instead
    /// of refusing it.
    ///
    /// - Returns: whether the segment was written.
    @discardableResult
    public mutating func endSegment(discardingEmpty: Bool) throws(X12Error) -> Bool {
        if discardingEmpty && self.building && !self.wroteData && !self.failed {
            self.building = false
            self.used = self.segmentStart
            return false
        }
        try self.endSegment()
        return true
    }

    /// Writes the separators of the held empty elements and of the next one, with room for
    /// `extra` more bytes.
    @inline(__always)
    private mutating func releaseHeldSeparators(reserving extra: Int = 0) {
        let count = self.heldEmpties &+ 1
        self.reserve(count &+ extra)
        let separator = self.delimiters.element
        if count == 1 {
            // The usual case: one store (a loop here becomes a call to memset).
            self.buffer.storeBytes(of: separator, toByteOffset: self.used, as: UInt8.self)
        } else {
            (self.buffer + self.used).initializeMemory(as: UInt8.self, repeating: separator, count: count)
        }
        self.used &+= count
        self.heldEmpties = 0
        self.wroteData = true
    }

    /// Writes pending bytes to the sink.
    public mutating func flush() throws(X12Error) {
        guard !self.building else {
            throw X12Error(.invalidState, "flush() in the middle of segment \(self.segmentID)")
        }
        guard self.used > 0 else { return }
        try self.sink.write(UnsafeRawBufferPointer(start: self.buffer, count: self.used))
        self.flushedCount += self.used
        self.used = 0
    }

    /// An envelope segment of simple elements, without building an array of values.
    private mutating func writeSimpleSegment(
        _ id: String, _ first: String, _ second: String, _ third: String? = nil
    ) throws(X12Error) {
        try self.beginSegment(id)
        self.appendElement(first)
        self.appendElement(second)
        if let third { self.appendElement(third) }
        try self.endSegment()
    }

    private mutating func writeRawSegment(_ id: String, _ elements: [X12Value]) throws(X12Error) {
        try self.beginSegment(id)
        for element in elements { self.appendElement(element) }
        try self.endSegment()
    }

    /// The id packed, when it is 2 or 3 letters and digits; checked without allocating.
    @inline(__always)
    private static func packedSegmentID(_ id: String) -> X12SegmentID? {
        // The string's bytes in place (a small string's from a stack copy): iterating `utf8`
        // cost more than the rest of the segment.
        let packed = id.utf8.withContiguousStorageIfAvailable { bytes -> UInt32 in
            guard bytes.count == 2 || bytes.count == 3 else { return 0 }
            var packed: UInt32 = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte &- 0x30 < 10 || byte &- 0x41 < 26 || byte &- 0x61 < 26 else { return 0 }
                packed |= UInt32(byte) &<< UInt32(8 &* index)
            }
            return packed
        }
        if let packed { return packed == 0 ? nil : X12SegmentID(rawValue: packed) }
        // A bridged string: the general path.
        return X12SegmentID(id)
    }

    /// Why a value could not be written.
    private enum Failure {
        case delimiter(UInt8)
        case repetitionNotAllowed
        case noComponentSeparator
    }

    /// Appends a value, checking every byte against the delimiters as it is copied.
    ///
    /// - Returns: the failure, with the buffer then holding a partial value the caller discards.
    private mutating func appendChecked(_ value: X12Value) -> Failure? {
        switch value.storage {
        case .simple(let text):
            return self.appendChecked(text)
        case .composite(let components):
            return self.appendComponents(components[...])
        case .repeated(let repetitions):
            guard self.repetitionAllowed, let repetition = self.delimiters.repetition else {
                return .repetitionNotAllowed
            }
            for (index, components) in repetitions.enumerated() {
                if index > 0 { self.appendByte(repetition) }
                if let failure = self.appendComponents(components[...]) { return failure }
            }
            return nil
        }
    }

    private mutating func appendComponents(_ components: ArraySlice<String>) -> Failure? {
        var last = components.endIndex - 1
        while last > components.startIndex && components[last].isEmpty { last -= 1 }
        guard last >= components.startIndex else { return nil }
        if last > components.startIndex && self.delimiters.component == nil { return .noComponentSeparator }
        for index in components.startIndex...last {
            if index > components.startIndex, let component = self.delimiters.component { self.appendByte(component) }
            if let failure = self.appendChecked(components[index]) { return failure }
        }
        return nil
    }

    @inline(__always)
    private mutating func appendChecked(_ text: String) -> Failure? {
        let copied: UInt8?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            self.appendCheckedBytes(UnsafeRawBufferPointer(bytes))
        }
        if let copied { return copied.map { .delimiter($0) } }
        // A bridged or non-contiguous string: copy it to native storage first.
        var native = text
        native.makeContiguousUTF8()
        return self.appendChecked(native)
    }

    /// Copies bytes into the buffer, checking each against the delimiters.
    ///
    /// - Returns: the first delimiter found (nothing is kept then), or `nil`.
    @inline(__always)
    private mutating func appendCheckedBytes(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        self.reserve(bytes.count)
        return self.copyChecked(bytes)
    }

    /// ``appendCheckedBytes(_:)`` once room is reserved.
    @inline(__always)
    private mutating func copyChecked(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        let count = bytes.count
        guard let source = bytes.baseAddress, count > 0 else { return nil }
        let target = self.buffer + self.used
        let forbidden = self.forbidden
        var hit: UInt8 = 0
        if count <= 32 {
            // Short values (most X12 elements): a byte loop beats a call to memcpy.
            for index in 0..<count {
                let byte = source.load(fromByteOffset: index, as: UInt8.self)
                target.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
                hit |= forbidden[Int(byte)]
            }
        } else {
            target.copyMemory(from: source, byteCount: count)
            for index in 0..<count { hit |= forbidden[Int(source.load(fromByteOffset: index, as: UInt8.self))] }
        }
        if hit != 0 {
            return bytes.first { forbidden[Int($0)] != 0 } ?? 0
        }
        self.used &+= count
        return nil
    }

    private func error(_ failure: Failure, value: X12Value, segment: String, position: Int) -> X12Error {
        let name = Self.elementName(segment, position)
        switch failure {
        case .delimiter(let byte):
            return X12Error(
                .delimiterInData,
                "\(name) value '\(value.text)' contains the delimiter \(X12Delimiters.show(byte)); X12 has no escape character"
            )
        case .repetitionNotAllowed:
            return X12Error(.invalidValue, "\(name) repeats, but this interchange has no repetition separator")
        case .noComponentSeparator:
            return X12Error(.invalidValue, "\(name) is a composite, but there is no component separator")
        }
    }

    /// `BEG03`: built only when an error needs it.
    private static func elementName(_ segment: String, _ position: Int) -> String {
        "\(segment)\(position < 10 ? "0" : "")\(position)"
    }

    private func checkData(_ bytes: [UInt8], name: String, allowing allowed: UInt8?) throws(X12Error) {
        for byte in bytes where self.forbidden[Int(byte)] != 0 && byte != allowed {
            throw X12Error(.delimiterInData, "\(name) contains the delimiter \(X12Delimiters.show(byte))")
        }
    }

    private mutating func take(
        _ given: UInt64?, _ next: (inout any X12ControlNumberSource) throws -> UInt64
    ) throws(X12Error) -> UInt64 {
        if let given { return given }
        do {
            return try next(&self.controlNumbers)
        } catch let error as X12Error {
            throw error
        } catch {
            throw X12Error(.invalidState, "the control-number source failed: \(error)")
        }
    }

    // MARK: Buffer

    /// Makes room for `count` more bytes, growing the buffer (never flushing mid-segment).
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        guard self.capacity - self.used < count else { return }
        let newCapacity = max(self.capacity * 2, self.used + count)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        grown.copyMemory(from: self.buffer, byteCount: self.used)
        self.buffer.deallocate()
        self.buffer = grown
        self.capacity = newCapacity
    }

    @inline(__always)
    private mutating func appendByte(_ byte: UInt8) {
        self.reserve(1)
        self.buffer.storeBytes(of: byte, toByteOffset: self.used, as: UInt8.self)
        self.used &+= 1
    }

    private mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { self.append($0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { self.append(UnsafeRawBufferPointer($0)) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        self.reserve(bytes.count)
        (self.buffer + self.used).copyMemory(from: base, byteCount: bytes.count)
        self.used &+= bytes.count
    }

    static func zeroPadded(_ number: UInt64, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
