import Orders

/// One X12 code list: the codes Porter names, both ways.
///
/// Decoding a code Porter does not name keeps it as sent (``CodedValue/init(rawValue:)``); encoding a value Porter
/// does not name writes its raw value, so an unknown code travels through unchanged.
///
/// Both directions look up in a ``X12ShortKeyTable``: codes and names are short, so their bytes packed into two
/// integers are the key, found without hashing a `String` (which dominated encoding).
struct X12CodeList<Value: CodedValue>: Sendable {
    private let byCode: X12ShortKeyTable<Value>
    private let byValue: X12ShortKeyTable<String>

    init(_ pairs: [(String, Value)]) {
        self.byCode = X12ShortKeyTable(pairs)
        self.byValue = X12ShortKeyTable(pairs.map { ($0.1.rawValue, $0.0) })
    }

    /// The value for an X12 code, and whether Porter names it.
    func value(_ code: String) -> (value: Value, isNamed: Bool) {
        if let value = self.byCode[code] { return (value, true) }
        return (Value(rawValue: code), false)
    }

    /// The value Porter names for a code given as UTF-8 bytes; `nil` when it names none (or the code is long: the
    /// caller then makes the `String` and asks ``value(_:)``).
    func namedValue(_ code: UnsafeBufferPointer<UInt8>) -> Value? { self.byCode[bytes: code] }

    /// The X12 code for a value.
    func code(_ value: Value) -> String { self.byValue[value.rawValue] ?? value.rawValue }
}

/// A read-only table keyed by strings of 1 to 15 UTF-8 bytes, packed into two `UInt64`s (with the length), probed
/// in an open-addressed array; longer keys go to a dictionary. The first of equal keys wins.
struct X12ShortKeyTable<Value: Sendable>: Sendable {
    private var low: [UInt64]
    private var high: [UInt64]
    private var values: [Value?]
    private let mask: Int
    private var long: [String: Value] = [:]

    init(_ pairs: [(String, Value)]) {
        var size = 16
        while size < pairs.count * 4 { size *= 2 }
        self.mask = size - 1
        self.low = Array(repeating: 0, count: size)
        self.high = Array(repeating: 0, count: size)
        self.values = Array(repeating: nil, count: size)
        for (key, value) in pairs {
            guard let packed = Self.pack(key) else {
                if self.long[key] == nil { self.long[key] = value }
                continue
            }
            var slot = Self.slot(packed, self.mask)
            while self.high[slot] != 0 && !(self.high[slot] == packed.high && self.low[slot] == packed.low) {
                slot = (slot &+ 1) & self.mask
            }
            guard self.high[slot] == 0 else { continue }  // an equal key came first
            self.low[slot] = packed.low
            self.high[slot] = packed.high
            self.values[slot] = value
        }
    }

    subscript(key: String) -> Value? {
        guard let packed = Self.pack(key) else { return self.long.isEmpty ? nil : self.long[key] }
        return self.find(packed)
    }

    /// The value for a key given as UTF-8 bytes of 1 to 15; `nil` for any other (even one in the long keys).
    subscript(bytes key: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let packed = Self.pack(key) else { return nil }
        return self.find(packed)
    }

    @inline(__always)
    private func find(_ packed: (low: UInt64, high: UInt64)) -> Value? {
        var slot = Self.slot(packed, self.mask)
        while true {
            let high = self.high[slot]
            if high == 0 { return nil }
            if high == packed.high && self.low[slot] == packed.low { return self.values[slot] }
            slot = (slot &+ 1) & self.mask
        }
    }

    @inline(__always)
    private static func slot(_ packed: (low: UInt64, high: UInt64), _ mask: Int) -> Int {
        let mixed = (packed.low &* 0x9E37_79B9_7F4A_7C15) ^ (packed.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The bytes of `key` in two words, its length in the top byte of the second; `nil` when empty or longer than 15.
    @inline(__always)
    static func pack(_ key: String) -> (low: UInt64, high: UInt64)? {
        let utf8 = key.utf8
        let packed = utf8.withContiguousStorageIfAvailable { bytes in Self.pack(bytes) }
        if let packed { return packed }
        return Array(utf8).withUnsafeBufferPointer { Self.pack($0) }
    }

    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64)? {
        let count = bytes.count
        guard count >= 1 && count <= 15 else { return nil }
        var low: UInt64 = 0
        var high = UInt64(count) << 56
        for index in 0..<min(count, 8) { low |= UInt64(bytes[index]) << (UInt64(index) &* 8) }
        if count > 8 {
            for index in 8..<count { high |= UInt64(bytes[index]) << (UInt64(index &- 8) &* 8) }
        }
        return (low, high)
    }
}
