/// Writes documents in Porter's canonical JSON form, as UTF-8 bytes appended to a buffer.
///
/// The canonical form is byte-stable: object keys sorted by their UTF-8 bytes, no insignificant whitespace,
/// absent optionals and empty arrays left out, decimal numbers as strings, non-ASCII characters as UTF-8 (only
/// `"`, `\` and control characters are escaped; `\n`, `\r`, `\t`, `\b`, `\f` by name, the others as `\u00xx`).
/// ``write(_:)`` ends each document with a line feed, so a buffer of documents is JSON Lines.
///
/// The writer is hand-made rather than Foundation's `JSONEncoder` because writing is on the gateway's hot path:
/// each model type writes its own keys, already in order, straight into the buffer, with no intermediate
/// dictionaries and no sorting. Reading uses `JSONDecoder` (see ``BusinessDocument/decode(json:)``).
///
/// ```swift
/// var writer = CanonicalJSONWriter()
/// for document in documents {
///     writer.write(document)
///     if writer.bytes.count > 1 << 16 { try sink.write(writer.bytes); writer.removeAll() }
/// }
/// ```
public struct CanonicalJSONWriter: @unchecked Sendable {
    // Sendable: the bytes are owned by `storage`, which a writer makes its own (copying the bytes) before it writes
    // when another writer shares it, so no two writers ever write the same memory.

    /// What has been written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: self.base, count: self.count)) }

    /// Calls `body` with what has been written so far, without copying it: the bytes are valid only during the
    /// call. Hands a document to a file or a socket without making an array of it first (``bytes`` copies).
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: self.base, count: self.count))
    }
    /// Owns the memory `base` points to. The bytes are written through a pointer into reserved capacity (an `Array`
    /// append checked uniqueness and capacity and went through the generic collection path for every key and value).
    private var storage: JSONOutputStorage
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var needsComma = false
    /// Reused by ``unescapedString(_:)-(inout [UInt8]) -> Void`` (dates and times).
    private var scratch: [UInt8] = []

    /// Creates a writer with an empty buffer.
    ///
    /// - Parameter capacity: Bytes to reserve up front.
    public init(reservingCapacity capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        self.storage = JSONOutputStorage(capacity: self.capacity)
        self.base = self.storage.base
    }

    /// Appends one document and a line feed.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    public mutating func write(_ document: BusinessDocument) {
        self.makeUnique()
        document.write(to: &self)
        self.append(UInt8(ascii: "\n"))
        self.needsComma = false
    }

    /// Empties the buffer, for instance after its bytes were handed to a file.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        if !keepingCapacity || !isKnownUniquelyReferenced(&self.storage) {
            self.capacity = keepingCapacity ? self.capacity : 64
            self.storage = JSONOutputStorage(capacity: self.capacity)
            self.base = self.storage.base
        }
        self.count = 0
        self.needsComma = false
    }

    // MARK: Structure

    @inline(__always)
    mutating func beginObject() {
        self.separate()
        self.append(UInt8(ascii: "{"))
        self.needsComma = false
    }

    @inline(__always)
    mutating func endObject() {
        self.append(UInt8(ascii: "}"))
        self.needsComma = true
    }

    @inline(__always)
    mutating func beginArray() {
        self.separate()
        self.append(UInt8(ascii: "["))
        self.needsComma = false
    }

    @inline(__always)
    mutating func endArray() {
        self.append(UInt8(ascii: "]"))
        self.needsComma = true
    }

    /// Writes a key known at compile time; it must need no escaping.
    ///
    /// Inlined, as are the `field` methods that call it, so that the key's length is a constant where it is written
    /// and its bytes are stored without a call or a branch on the length (~40 instructions a key before; ~11 per byte
    /// of X12 in all).
    @inline(__always)
    mutating func key(_ name: StaticString) {
        if name.hasPointerRepresentation {
            self.key(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        } else {
            name.withUTF8Buffer { self.key($0) }
        }
    }

    @inline(__always)
    private mutating func key(_ name: UnsafeBufferPointer<UInt8>) {
        self.quoted(name, isKey: true)
    }

    /// Writes a key that may need escaping.
    mutating func key(_ name: String) {
        self.separate()
        self.appendQuoted(name)
        self.append(UInt8(ascii: ":"))
        self.needsComma = false
    }

    // MARK: Values

    /// Writes a string value. Most are short codes and numbers with nothing to escape: small strings, stored from
    /// their two words with the comma and quotes, in a few instructions; anything else is written out of line.
    mutating func string(_ value: String) {
        if let words = ASCIIText.smallASCIIWords(value), !Self.needsEscape(words) {
            self.storeQuoted(words)
            return
        }
        self.separate()
        self.appendQuoted(value)
        self.needsComma = true
    }

    /// Writes text that is known to need no escaping (digits, dates) inside quotes.
    mutating func unescapedString(_ body: (inout [UInt8]) -> Void) {
        self.scratch.removeAll(keepingCapacity: true)
        body(&self.scratch)
        self.separate()
        self.append(UInt8(ascii: "\""))
        self.scratch.withUnsafeBufferPointer { self.append($0) }
        self.append(UInt8(ascii: "\""))
        self.needsComma = true
    }

    /// Writes `text`, known to need no escaping (a decimal number's digits), inside quotes.
    mutating func unescapedString(_ text: String) {
        if let words = ASCIIText.smallASCIIWords(text) { return self.storeQuoted(words) }
        var text = text
        text.withUTF8 { self.quoted($0, isKey: false) }
    }

    mutating func int(_ value: Int) {
        self.separate()
        if value >= 0 && value < 10 {
            self.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            var text = String(value)
            text.withUTF8 { self.append($0) }
        }
        self.needsComma = true
    }

    mutating func bool(_ value: Bool) {
        self.separate()
        let text: StaticString = value ? "true" : "false"
        text.withUTF8Buffer { self.append($0) }
        self.needsComma = true
    }

    // MARK: Fields (key and value; absent optionals and empty arrays are left out)

    @inline(__always)
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(name)
        self.string(value)
    }

    @inline(__always)
    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(name)
        self.int(value)
    }

    @inline(__always)
    mutating func field(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(name)
        self.bool(value)
    }

    @inline(__always)
    mutating func field<Value: CodedValue>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        self.key(name)
        self.string(value.rawValue)
    }

    @inline(__always)
    mutating func field<Value: CanonicalJSONValue>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        self.key(name)
        value.write(to: &self)
    }

    @inline(__always)
    mutating func field(_ name: StaticString, _ values: [String]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.array(values)
    }

    @inline(__always)
    mutating func field<Value: CodedValue>(_ name: StaticString, _ values: [Value]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.array(values)
    }

    @inline(__always)
    mutating func field<Value: CanonicalJSONValue>(_ name: StaticString, _ values: [Value]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.array(values)
    }

    // Arrays' elements, out of line (the `field` methods are inlined for their keys).

    private mutating func array(_ values: [String]) {
        self.beginArray()
        for value in values { self.string(value) }
        self.endArray()
    }

    private mutating func array<Value: CodedValue>(_ values: [Value]) {
        self.beginArray()
        for value in values { self.string(value.rawValue) }
        self.endArray()
    }

    private mutating func array<Value: CanonicalJSONValue>(_ values: [Value]) {
        self.beginArray()
        // Written through the buffer (iterating the array went through its iterator; ~0.7 instructions per byte of X12).
        values.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            Self.withBorrowedElements(base, count: values.count) { $0.write(to: &self) }
        }
        self.endArray()
    }

    /// Calls `body` with each of the `count` values at `base`, without copying them.
    ///
    /// `base[index].write(to:)` copied the value first (every reference it holds retained, then released: ~700
    /// instructions a purchase-order line, ~8 per byte of X12), because a value read through a pointer may change
    /// while the callee runs. Here each value's bytes are copied, unretained, into a slot of our own, taken from it
    /// as an owned value, handed to `body` and put back; the slot is never destroyed, so nothing is retained or
    /// released. This holds because the values stay alive and unchanged in the caller's array for the whole call
    /// (it is borrowed), and Swift model values (structs and enums of strings, arrays, numbers) are bitwise-takable.
    @inline(__always)
    private static func withBorrowedElements<Value>(
        _ base: UnsafePointer<Value>, count: Int, _ body: (borrowing Value) -> Void
    ) {
        // A type that is not bitwise-takable (none of the model's) is written from a copy, as before.
        guard _isBitwiseTakable(Value.self) else {
            for index in 0..<count { body(base[index]) }
            return
        }
        withUnsafeTemporaryAllocation(of: Value.self, capacity: 1) { slot in
            guard let slot = slot.baseAddress else { return }
            for index in 0..<count {
                UnsafeMutableRawPointer(slot).copyMemory(
                    from: UnsafeRawPointer(base + index), byteCount: MemoryLayout<Value>.size)
                let value = slot.move()
                body(value)
                slot.initialize(to: consume value)
            }
        }
    }

    @inline(__always)
    mutating func field(_ name: StaticString, _ extensions: Extensions) {
        guard !extensions.isEmpty else { return }
        self.key(name)
        extensions.write(to: &self)
    }

    // MARK: Bytes

    /// Makes the storage this writer's own (a copy when another writer shares it): what every public entry that
    /// writes does first, so the internal writing methods (reached only through them, or on a new writer in
    /// ``BusinessDocument/encodeCanonicalJSON()``) need not check.
    private mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&self.storage) else { return }
        self.replaceStorage(capacity: self.capacity)
    }

    /// Room for `extra` more bytes: where they go (the caller then adds what it wrote to `count`).
    /// The room is checked with wrapping arithmetic (`count` never exceeds `capacity`, and `extra` is small), and the
    /// growth is out of line, so the check is two instructions where it is inlined.
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(self.capacity &- self.count < extra) { self.grow(extra) }
        return self.base + self.count
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        self.replaceStorage(capacity: max(self.capacity * 2, self.count + extra))
    }

    /// Moves the bytes to new storage of `capacity` bytes.
    private mutating func replaceStorage(capacity: Int) {
        let storage = JSONOutputStorage(capacity: capacity)
        storage.base.update(from: self.base, count: self.count)
        self.storage = storage
        self.base = storage.base
        self.capacity = capacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        self.reserve(1).pointee = byte
        self.count &+= 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        self.reserve(bytes.count).update(from: base, count: bytes.count)
        self.count += bytes.count
    }

    @inline(__always)
    private mutating func separate() {
        if self.needsComma { self.append(UInt8(ascii: ",")) }
    }

    /// Quotes `value` (after the comma, written by the caller): the general path, out of line, for strings that are
    /// not small, not ASCII or need an escape.
    @inline(never)
    private mutating func appendQuoted(_ value: String) {
        if let words = ASCIIText.smallASCIIWords(value) {
            var bytes = (words.low.littleEndian, words.high.littleEndian)
            let count = words.count
            Swift.withUnsafeBytes(of: &bytes) { raw in
                let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                self.appendQuoted(bytes: UnsafeBufferPointer(start: start, count: count))
            }
            return
        }
        var value = value
        value.withUTF8 { self.appendQuoted(bytes: $0) }
    }

    /// Writes a small ASCII string that needs no escape, given as its bytes in two words
    /// (``ASCIIText/smallASCIIWords(_:)``), in quotes after a comma when one is due. Branch-free: the comma is stored
    /// at the first byte and overwritten by the opening quote when none is due, and both words are stored whole (the
    /// bytes past the text are overwritten or left past `count`), so no copy loop or call.
    @inline(__always)
    private mutating func storeQuoted(_ words: (low: UInt64, high: UInt64, count: Int)) {
        let start = UnsafeMutableRawPointer(self.reserve(20))
        let index = self.needsComma ? 1 : 0
        start.storeBytes(of: UInt8(ascii: ","), as: UInt8.self)
        start.storeBytes(of: UInt8(ascii: "\""), toByteOffset: index, as: UInt8.self)
        start.storeBytes(of: words.low.littleEndian, toByteOffset: index &+ 1, as: UInt64.self)
        start.storeBytes(of: words.high.littleEndian, toByteOffset: index &+ 9, as: UInt64.self)
        start.storeBytes(of: UInt8(ascii: "\""), toByteOffset: index &+ words.count &+ 1, as: UInt8.self)
        self.count &+= index &+ words.count &+ 2
        self.needsComma = true
    }

    /// Whether one of the first `count` bytes of the words (at most 15) needs an escape: the word test of
    /// ``firstEscape(in:)``, whose lowest hit is exact, so the text needs one when the first hit of the pair (a zero
    /// byte of padding is one; the top byte of `high` always is) lies within the text. No masks: ~50 instructions
    /// less than masking each word by the count.
    @inline(__always)
    private static func needsEscape(_ words: (low: UInt64, high: UInt64, count: Int)) -> Bool {
        let lowHits = Self.escapeHits(words.low)
        let first =
            lowHits != 0
            ? lowHits.trailingZeroBitCount &>> 3 : 8 &+ (Self.escapeHits(words.high).trailingZeroBitCount &>> 3)
        return first < words.count
    }

    /// The high bit of each byte of `word` that is below 0x20, `"` or `\\` (exact for the lowest such byte; a byte
    /// above it may be marked too).
    @inline(__always)
    private static func escapeHits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & 0x8080_8080_8080_8080
    }

    /// Quotes UTF-8 bytes: a string with nothing to escape (the usual case) is copied whole; otherwise runs that
    /// need no escape are copied whole and each byte that does is escaped.
    private mutating func appendQuoted(bytes: UnsafeBufferPointer<UInt8>) {
        let firstEscape = Self.firstEscape(in: bytes)
        if firstEscape == bytes.count {
            let start = self.reserve(bytes.count + 2)
            start[0] = UInt8(ascii: "\"")
            Self.copy(bytes, to: start + 1)
            start[bytes.count + 1] = UInt8(ascii: "\"")
            self.count += bytes.count + 2
            return
        }
        self.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in firstEscape..<bytes.count where Self.needsEscape(bytes[index]) {
            if runStart < index { self.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            self.appendEscaped(bytes[index])
            runStart = index + 1
        }
        if runStart < bytes.count { self.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        self.append(UInt8(ascii: "\""))
    }

    /// Writes `bytes`, which need no escape, in quotes: after a comma when one is due, and followed by a colon when
    /// they are a key.
    @inline(__always)
    private mutating func quoted(_ bytes: UnsafeBufferPointer<UInt8>, isKey: Bool) {
        let start = self.reserve(bytes.count + 4)
        var index = 0
        if self.needsComma {
            start[0] = UInt8(ascii: ",")
            index = 1
        }
        start[index] = UInt8(ascii: "\"")
        Self.copy(bytes, to: start + index + 1)
        index += bytes.count + 1
        start[index] = UInt8(ascii: "\"")
        index += 1
        if isKey {
            start[index] = UInt8(ascii: ":")
            index += 1
        }
        self.count += index
        self.needsComma = !isKey
    }

    /// Copies `bytes` to `target` without a call for short runs (keys, codes, numbers: overlapping unaligned words);
    /// `memcpy` past 32 bytes.
    @inline(__always)
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let source = UnsafeRawPointer(base)
        let target = UnsafeMutableRawPointer(target)
        let count = bytes.count
        switch count {
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 17...32:
            let first = source.loadUnaligned(as: UInt64.self)
            let second = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let third = source.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            let fourth = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: first, as: UInt64.self)
            target.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: third, toByteOffset: count - 16, as: UInt64.self)
            target.storeBytes(of: fourth, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for index in 0..<count {
                target.storeBytes(of: base[index], toByteOffset: index, as: UInt8.self)
            }
        default: target.copyMemory(from: source, byteCount: count)
        }
    }

    /// The index of the first byte of `bytes` that needs an escape (`bytes.count` when none does), eight bytes at
    /// a time: a byte below 0x20, `"` or `\\` makes a word's test non-zero (exact, as a yes or no).
    @inline(__always)
    private static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let control = (word &- ones &* 0x20) & ~word
            let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let hits = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
            if hits != 0 { break }
            index += 8
        }
        while index < bytes.count {
            if Self.needsEscape(bytes[index]) { return index }
            index += 1
        }
        return bytes.count
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""): escape = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0x09: escape = UInt8(ascii: "t")
        case 0x08: escape = UInt8(ascii: "b")
        case 0x0C: escape = UInt8(ascii: "f")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            let start = self.reserve(6)
            start[0] = UInt8(ascii: "\\")
            start[1] = UInt8(ascii: "u")
            start[2] = UInt8(ascii: "0")
            start[3] = UInt8(ascii: "0")
            start[4] = digits[Int(byte >> 4)]
            start[5] = digits[Int(byte & 0x0F)]
            self.count += 6
            return
        default:
            self.append(byte)
            return
        }
        self.append(UInt8(ascii: "\\"))
        self.append(escape)
    }
}

/// The memory a ``CanonicalJSONWriter`` writes into, freed with the last writer that holds it.
final class JSONOutputStorage: @unchecked Sendable {
    // Sendable: immutable after creation; the bytes behind `base` are written only by a writer holding the sole
    // reference (``CanonicalJSONWriter`` checks before it writes).
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) { self.base = .allocate(capacity: capacity) }

    deinit { self.base.deallocate() }
}
