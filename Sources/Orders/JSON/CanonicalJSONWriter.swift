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
public struct CanonicalJSONWriter: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8]
    private var needsComma = false

    /// Creates a writer with an empty buffer.
    ///
    /// - Parameter capacity: Bytes to reserve up front.
    public init(reservingCapacity capacity: Int = 0) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    /// Appends one document and a line feed.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    public mutating func write(_ document: BusinessDocument) {
        document.write(to: &self)
        self.bytes.append(UInt8(ascii: "\n"))
        self.needsComma = false
    }

    /// Empties the buffer, for instance after its bytes were handed to a file.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        self.bytes.removeAll(keepingCapacity: keepingCapacity)
        self.needsComma = false
    }

    // MARK: Structure

    mutating func beginObject() {
        self.separate()
        self.bytes.append(UInt8(ascii: "{"))
        self.needsComma = false
    }

    mutating func endObject() {
        self.bytes.append(UInt8(ascii: "}"))
        self.needsComma = true
    }

    mutating func beginArray() {
        self.separate()
        self.bytes.append(UInt8(ascii: "["))
        self.needsComma = false
    }

    mutating func endArray() {
        self.bytes.append(UInt8(ascii: "]"))
        self.needsComma = true
    }

    /// Writes a key known at compile time; it must need no escaping.
    mutating func key(_ name: StaticString) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { self.bytes.append(contentsOf: $0) }
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(UInt8(ascii: ":"))
        self.needsComma = false
    }

    /// Writes a key that may need escaping.
    mutating func key(_ name: String) {
        self.separate()
        self.appendQuoted(name)
        self.bytes.append(UInt8(ascii: ":"))
        self.needsComma = false
    }

    // MARK: Values

    mutating func string(_ value: String) {
        self.separate()
        self.appendQuoted(value)
        self.needsComma = true
    }

    /// Writes text that is known to need no escaping (digits, dates) inside quotes.
    mutating func unescapedString(_ body: (inout [UInt8]) -> Void) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        body(&self.bytes)
        self.bytes.append(UInt8(ascii: "\""))
        self.needsComma = true
    }

    mutating func int(_ value: Int) {
        self.separate()
        if value >= 0 && value < 10 {
            self.bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            self.bytes.append(contentsOf: String(value).utf8)
        }
        self.needsComma = true
    }

    mutating func bool(_ value: Bool) {
        self.separate()
        self.bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        self.needsComma = true
    }

    // MARK: Fields (key and value; absent optionals and empty arrays are left out)

    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(name)
        self.string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(name)
        self.int(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(name)
        self.bool(value)
    }

    mutating func field<Value: CodedValue>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        self.key(name)
        self.string(value.rawValue)
    }

    mutating func field<Value: CanonicalJSONValue>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        self.key(name)
        value.write(to: &self)
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.beginArray()
        for value in values { self.string(value) }
        self.endArray()
    }

    mutating func field<Value: CodedValue>(_ name: StaticString, _ values: [Value]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.beginArray()
        for value in values { self.string(value.rawValue) }
        self.endArray()
    }

    mutating func field<Value: CanonicalJSONValue>(_ name: StaticString, _ values: [Value]) {
        guard !values.isEmpty else { return }
        self.key(name)
        self.beginArray()
        for value in values { value.write(to: &self) }
        self.endArray()
    }

    mutating func field(_ name: StaticString, _ extensions: Extensions) {
        guard !extensions.isEmpty else { return }
        self.key(name)
        extensions.write(to: &self)
    }

    // MARK: Bytes

    private mutating func separate() {
        if self.needsComma { self.bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendQuoted(_ value: String) {
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { self.appendQuoted(bytes: $0) }
        if written == nil {
            // A bridged or non-contiguous string: copy it to native storage first.
            var native = value
            native.makeContiguousUTF8()
            self.appendQuoted(native)
        }
    }

    /// Quotes UTF-8 bytes: runs that need no escape are copied whole, each byte that does is escaped.
    private mutating func appendQuoted(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index {
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            self.appendEscaped(byte)
            runStart = index + 1
        }
        if runStart < bytes.count {
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        self.bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0..<0x20:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            self.bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                hex[Int(byte & 0x0F)],
            ])
        default: self.bytes.append(byte)
        }
    }
}
