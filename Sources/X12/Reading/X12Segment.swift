internal import Glibc

/// One segment as a view of the reader's buffer, valid until the reader's next call.
///
/// Nothing is allocated to hand out a segment or its elements: they are byte ranges of the
/// reader's buffer. A caller that keeps a segment past the next ``X12Reader/next()`` call
/// must ``copy(splittingRepetitions:)`` it.
///
/// Element positions are 1-based as in X12 (`BEG03` is `element(at: 3)`); position 0 is the
/// segment id.
public struct X12Segment {
    // Stored compactly (48 bytes): a segment view is copied into every event.
    /// The first byte of the segment id.
    private let base: UnsafeRawPointer
    /// Offsets (from `base`) of every element separator, in order.
    private let separators: UnsafePointer<Int32>
    /// Byte offset of the segment's first byte in the input.
    public let byteOffset: Int
    /// Bytes of the segment, id included, terminator excluded.
    private let storedLength: Int32
    private let storedElementCount: Int32
    /// The segment's identifier.
    public let id: X12SegmentID
    private let storedPosition: Int32
    private let storedLine: Int32
    /// Delimiters in force, 0x100 for none.
    private let storedComponent: UInt16
    private let storedRepetition: UInt16

    /// The number of data elements (the id is not counted).
    public var elementCount: Int { Int(self.storedElementCount) }
    /// 1-based line of the segment's first byte (saturates at 2^31 - 1).
    public var line: Int { Int(self.storedLine) }
    /// Position in the transaction set, ST = 1; `0` for segments outside a set.
    public var position: Int { Int(self.storedPosition) }
    /// The component separator in force for this segment.
    public var component: UInt8? { self.storedComponent > 0xFF ? nil : UInt8(self.storedComponent) }
    /// The repetition separator in force for this segment.
    public var repetition: UInt8? { self.storedRepetition > 0xFF ? nil : UInt8(self.storedRepetition) }
    private var length: Int { Int(self.storedLength) }

    init(
        base: UnsafeRawPointer, length: Int, separators: UnsafePointer<Int32>, elementCount: Int,
        id: X12SegmentID, byteOffset: Int, line: Int, position: Int, component: UInt8?, repetition: UInt8?
    ) {
        self.init(
            base: base, length: length, separators: separators, elementCount: elementCount, id: id,
            byteOffset: byteOffset, line: line, position: position,
            storedComponent: component.map(UInt16.init) ?? 0x100, storedRepetition: repetition.map(UInt16.init) ?? 0x100
        )
    }

    /// The reader's per-segment initializer: separators already in their stored form (0x100
    /// for none), line and position non-negative.
    @inline(__always)
    init(
        base: UnsafeRawPointer, length: Int, separators: UnsafePointer<Int32>, elementCount: Int,
        id: X12SegmentID, byteOffset: Int, line: Int, position: Int, storedComponent: UInt16,
        storedRepetition: UInt16
    ) {
        self.base = base
        self.storedLength = Int32(truncatingIfNeeded: length)
        self.separators = separators
        self.storedElementCount = Int32(truncatingIfNeeded: elementCount)
        self.id = id
        self.byteOffset = byteOffset
        self.storedLine = Int32(truncatingIfNeeded: min(line, Int(Int32.max)))
        self.storedPosition = Int32(truncatingIfNeeded: min(position, Int(Int32.max)))
        self.storedComponent = storedComponent
        self.storedRepetition = storedRepetition
    }

    /// The same view at another position in its set.
    func withPosition(_ position: Int) -> X12Segment {
        X12Segment(
            base: self.base, length: self.length, separators: self.separators, elementCount: self.elementCount,
            id: self.id, byteOffset: self.byteOffset, line: self.line, position: position,
            component: self.component, repetition: self.repetition)
    }

    /// The segment id as text (allocates).
    public var idString: String {
        let end = self.elementCount > 0 ? Int(self.separators[0]) : self.length
        return String(decoding: UnsafeRawBufferPointer(start: self.base, count: end), as: UTF8.self)
    }

    /// The element at a 1-based position, or `nil` past the last element.
    ///
    /// An element that is present but empty (`**`) is returned with `isEmpty == true`.
    /// - Complexity: O(1).
    public func element(at position: Int) -> X12Element? {
        guard position >= 1 && position <= self.elementCount else { return nil }
        let start = Int(self.separators[position - 1]) + 1
        let end = position < self.elementCount ? Int(self.separators[position]) : self.length
        return X12Element(
            bytes: UnsafeRawBufferPointer(start: self.base + start, count: end - start),
            component: self.component, repetition: self.repetition)
    }

    /// The bytes of the element at a 1-based position (empty past the last element), without
    /// the optional `X12Element` wrapper: the validator's per-element path.
    @inline(__always)
    func elementBytes(at position: Int) -> UnsafeRawBufferPointer {
        guard position >= 1 && position <= self.elementCount else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let start = Int(self.separators[position - 1]) + 1
        let end = position < self.elementCount ? Int(self.separators[position]) : self.length
        return UnsafeRawBufferPointer(start: self.base + start, count: end - start)
    }

    /// Offsets (from the segment's first byte) of its `elementCount` element separators: the
    /// validator's fast path walks them instead of asking for each element.
    var separatorOffsets: UnsafePointer<Int32> { self.separators }

    /// The segment's bytes (id included, terminator excluded) with the offsets of its `elementCount` element
    /// separators from its first byte: what a decoder reading many elements of a segment in one pass needs.
    /// Valid as long as the view.
    package var rawElements: (bytes: UnsafeRawBufferPointer, separators: UnsafePointer<Int32>) {
        (UnsafeRawBufferPointer(start: self.base, count: self.length), self.separators)
    }

    /// The raw bytes of the whole segment, id included, terminator excluded.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: self.base, count: self.length) }

    /// An owned copy that outlives the reader's buffer.
    ///
    /// - Parameter splittingRepetitions: Split elements on the repetition separator; only
    ///   where the schema says the element repeats.
    public func copy(splittingRepetitions: Bool = false) -> X12OwnedSegment {
        var elements: [X12Value] = []
        elements.reserveCapacity(self.elementCount)
        for position in stride(from: 1, through: self.elementCount, by: 1) {
            elements.append(self.element(at: position)!.value(splittingRepetitions: splittingRepetitions))
        }
        return X12OwnedSegment(id: self.idString, elements: elements)
    }
}

/// One element as a view of the reader's buffer, valid as long as its segment.
public struct X12Element {
    /// The element's bytes, composite and repetition separators included.
    public let bytes: UnsafeRawBufferPointer
    let component: UInt8?
    let repetition: UInt8?

    init(bytes: UnsafeRawBufferPointer, component: UInt8?, repetition: UInt8?) {
        self.bytes = bytes
        self.component = component
        self.repetition = repetition
    }

    /// `true` when the element is present but has no data.
    public var isEmpty: Bool { self.bytes.isEmpty }

    /// The element's text, decoded as UTF-8 (allocates).
    public var string: String { String(decoding: self.bytes, as: UTF8.self) }

    /// Whether the element's bytes are exactly `text`'s UTF-8.
    public func hasValue(_ text: StaticString) -> Bool {
        guard text.utf8CodeUnitCount == self.bytes.count else { return false }
        return memcmpEqual(text.utf8Start, self.bytes.baseAddress, self.bytes.count)
    }

    /// The element as an unsigned number when it is 1–18 ASCII digits, else `nil`.
    public var unsignedValue: UInt64? {
        guard !self.bytes.isEmpty && self.bytes.count <= 18 else { return nil }
        var value: UInt64 = 0
        for byte in self.bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }

    /// The number of components (1 for a simple element).
    public var componentCount: Int {
        guard let component else { return 1 }
        var count = 1
        for byte in self.bytes where byte == component { count += 1 }
        return count
    }

    /// The 1-based component of a composite; position 1 of a simple element is the element.
    public func component(at position: Int) -> X12Element? {
        guard position >= 1 else { return nil }
        guard let component else { return position == 1 ? self : nil }
        var index = 1
        var start = 0
        for offset in 0...self.bytes.count {
            if offset == self.bytes.count || self.bytes[offset] == component {
                if index == position {
                    return X12Element(
                        bytes: UnsafeRawBufferPointer(rebasing: self.bytes[start..<offset]),
                        component: nil, repetition: nil)
                }
                index += 1
                start = offset + 1
            }
        }
        return nil
    }

    /// An owned value with the components split.
    public func value(splittingRepetitions: Bool = false) -> X12Value {
        // The common case, a simple element, without the arrays a composite needs.
        let splitsRepetitions = splittingRepetitions && self.repetition != nil
        if !self.contains(self.component) && !(splitsRepetitions && self.contains(self.repetition)) {
            return .simple(String(decoding: self.bytes, as: UTF8.self))
        }
        let pieces: [UnsafeRawBufferPointer]
        if splittingRepetitions, let repetition {
            pieces = Self.split(self.bytes, on: repetition)
        } else {
            pieces = [self.bytes]
        }
        return X12Value(
            repetitions: pieces.map { piece in
                guard let component else { return [String(decoding: piece, as: UTF8.self)] }
                return Self.split(piece, on: component).map { String(decoding: $0, as: UTF8.self) }
            })
    }

    /// Whether the element's bytes hold `separator` (`false` for `nil`).
    private func contains(_ separator: UInt8?) -> Bool {
        guard let separator, !self.bytes.isEmpty else { return false }
        return memchr(self.bytes.baseAddress!, Int32(separator), self.bytes.count) != nil
    }

    private static func split(_ bytes: UnsafeRawBufferPointer, on separator: UInt8) -> [UnsafeRawBufferPointer] {
        var result: [UnsafeRawBufferPointer] = []
        var start = 0
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == separator {
            result.append(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
            start = offset + 1
        }
        return result
    }
}

@inline(__always)
private func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafeRawPointer?, _ count: Int) -> Bool {
    guard let rhs else { return count == 0 }
    for index in 0..<count where lhs[index] != rhs.load(fromByteOffset: index, as: UInt8.self) {
        return false
    }
    return true
}

/// The value of one element, owned: its repetitions, each a list of components.
///
/// A simple element is one repetition of one component. Values are kept in the cheapest
/// form that holds them (a simple element is one `String`, not nested arrays), which is what
/// lets the writer run at hundreds of megabytes per second; two values are equal when their
/// repetitions are.
public struct X12Value: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    enum Storage: Hashable, Sendable {
        case simple(String)
        case composite([String])
        case repeated([[String]])
    }

    var storage: Storage

    public init(repetitions: [[String]]) {
        if repetitions.count == 1 {
            self.storage = repetitions[0].count == 1 ? .simple(repetitions[0][0]) : .composite(repetitions[0])
        } else {
            self.storage = .repeated(repetitions)
        }
    }

    public init(stringLiteral value: String) { self.storage = .simple(value) }

    public static func simple(_ value: String) -> Self { Self(storage: .simple(value)) }
    public static func composite(_ components: [String]) -> Self { Self(repetitions: [components]) }
    public static func repeated(_ repetitions: [[String]]) -> Self { Self(repetitions: repetitions) }

    private init(storage: Storage) { self.storage = storage }

    /// The repetitions, each a list of components.
    public var repetitions: [[String]] {
        switch self.storage {
        case .simple(let value): [[value]]
        case .composite(let components): [components]
        case .repeated(let repetitions): repetitions
        }
    }

    /// The text of a simple element; `nil` for a composite or repeated one. Cheaper than ``repetitions``.
    public var simpleText: String? {
        if case .simple(let value) = self.storage { return value }
        return nil
    }

    /// The text of a simple element (components joined with `:` and repetitions with `^`
    /// for display).
    public var text: String {
        switch self.storage {
        case .simple(let value): value
        default: self.repetitions.map { $0.joined(separator: ":") }.joined(separator: "^")
        }
    }

    /// `true` when nothing but empty strings is present.
    public var isEmpty: Bool {
        switch self.storage {
        case .simple(let value): value.isEmpty
        case .composite(let components): components.allSatisfy(\.isEmpty)
        case .repeated(let repetitions): repetitions.allSatisfy { $0.allSatisfy(\.isEmpty) }
        }
    }

    public var description: String { self.text }

    public init(from decoder: any Decoder) throws {
        self.init(repetitions: try decoder.singleValueContainer().decode([[String]].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.repetitions)
    }
}

/// A segment that owns its data: an id and its elements.
public struct X12OwnedSegment: Hashable, Sendable, Codable, CustomStringConvertible {
    public var id: String
    public var elements: [X12Value]

    public init(id: String, elements: [X12Value]) {
        self.id = id
        self.elements = elements
    }

    public init(_ id: String, _ elements: [X12Value]) {
        self.init(id: id, elements: elements)
    }

    public var description: String {
        ([self.id] + self.elements.map(\.text)).joined(separator: "*")
    }
}
