import Orders
import X12

/// A segment being decoded, with where it was.
struct X12LocatedSegment {
    var segment: X12SegmentInput
    var position: Int
    var byteOffset: Int
    var line: Int

    init(segment: X12OwnedSegment, position: Int, byteOffset: Int, line: Int) {
        self.init(segment: X12SegmentInput(segment), position: position, byteOffset: byteOffset, line: line)
    }

    init(segment: X12SegmentInput, position: Int, byteOffset: Int, line: Int) {
        self.segment = segment
        self.position = position
        self.byteOffset = byteOffset
        self.line = line
    }

    /// The same segment made safe to keep past the reader's next event.
    func kept() -> X12LocatedSegment {
        X12LocatedSegment(
            segment: self.segment.kept(), position: self.position, byteOffset: self.byteOffset, line: self.line)
    }
}

/// The elements of a segment being decoded: the reader's view, read in place (only the elements a field takes become
/// strings), or an owned copy.
///
/// A view is valid only until the reader's next event: an assembler that keeps a segment keeps ``kept()``.
struct X12SegmentInput {
    private enum Storage {
        case view(X12Segment)
        case owned(X12OwnedSegment)
    }

    /// An owned copy, behind one reference. With the copy stored inline (an enum of a view or an owned segment),
    /// every copy and destroy of a located view went through outlined code that switched on the case (~3
    /// instructions per byte of an 850); a view and an optional reference copy as their words and a retain of `nil`.
    private final class OwnedSegment {
        let segment: X12OwnedSegment
        init(_ segment: X12OwnedSegment) { self.segment = segment }
    }

    /// The segment identifier, packed (compared as an integer on the hot paths); `0` when it is not 2–3 letters and
    /// digits.
    let code: UInt32
    /// The number of data elements.
    let elementCount: Int
    /// The reader's view, or `nil` for an owned copy (`owned`).
    private let view: X12Segment?
    private let owned: OwnedSegment?

    private var storage: Storage {
        @inline(__always) get {
            if let view = self.view { return .view(view) }
            return .owned(self.owned!.segment)
        }
    }

    init(_ segment: X12OwnedSegment) {
        self.code = X12SegmentCode.pack(segment.id)
        self.elementCount = segment.elements.count
        self.view = nil
        self.owned = OwnedSegment(segment)
    }

    /// A view of the reader's segment; read it before the reader's next event.
    init(view segment: X12Segment) {
        self.code = segment.id.rawValue
        self.elementCount = segment.elementCount
        self.view = segment
        self.owned = nil
    }

    /// The segment identifier as text (made when asked: addresses and findings), from the packed code: it does not
    /// read a view's bytes, so it stays right when an assembler keeps a located view for a finding at the end.
    var id: String {
        guard self.code != 0 else {
            switch self.storage {
            case .view(let segment): return segment.idString
            case .owned(let segment): return segment.id
            }
        }
        let code = self.code
        return String(unsafeUninitializedCapacity: code > 0xFFFF ? 3 : 2) { buffer in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: code >> (8 * UInt32(index))) }
            return buffer.count
        }
    }

    /// Whether the segment's identifier is `code` (an ``X12SegmentCode``).
    func hasID(_ code: UInt32) -> Bool { self.code == code && code != 0 }

    /// The elements of the reader's view, read in place, when none is composite; `nil` for an owned copy or when one
    /// is composite (the fast paths then leave the segment to the general one).
    var simpleElements: X12SimpleElements? {
        guard let segment = self.view else { return nil }
        return X12SimpleElements(segment)
    }

    /// An owned copy (itself when already owned).
    func kept() -> X12SegmentInput {
        switch self.storage {
        case .view(let segment): X12SegmentInput(segment.copy())
        case .owned: self
        }
    }

    /// The text of a simple, non-empty element at 1-based `position`; `nil` for an absent, empty or composite one
    /// (what `X12Value.simpleText` gives of the owned copy, without making it).
    func simpleText(_ position: Int) -> String? {
        guard position >= 1, position <= self.elementCount else { return nil }
        switch self.storage {
        case .owned(let segment):
            guard let text = segment.elements[position - 1].simpleText, !text.isEmpty else { return nil }
            return text
        case .view(let segment):
            guard let bytes = Self.simpleBytes(segment, position) else { return nil }
            return ASCIIText.string(bytes)
        }
    }

    /// The bytes of a simple, non-empty element of a view at 1-based `position` (`1...elementCount`); `nil` for an
    /// empty or composite one.
    @inline(__always)
    private static func simpleBytes(_ segment: X12Segment, _ position: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let element = segment.element(at: position), !element.bytes.isEmpty else { return nil }
        let bytes = element.bytes.assumingMemoryBound(to: UInt8.self)
        if let component = segment.component {
            for byte in bytes where byte == component { return nil }
        }
        return bytes
    }

    /// A decimal element read straight from the view's bytes when they are already canonical (the usual case).
    enum DecimalElement {
        /// Absent, empty or composite: what ``simpleText(_:)`` gives `nil` for.
        case absent
        /// A canonical number.
        case number(DecimalNumber)
        /// Something else: read ``simpleText(_:)`` and parse it the general way.
        case other
    }

    /// The element at 1-based `position` as a decimal when its bytes are canonical (``DecimalNumber``).
    func decimal(_ position: Int) -> DecimalElement {
        guard position >= 1, position <= self.elementCount else { return .absent }
        guard let segment = self.view else {
            return self.simpleText(position) == nil ? .absent : .other
        }
        guard let bytes = Self.simpleBytes(segment, position) else { return .absent }
        guard let number = DecimalNumber(canonicalUTF8: bytes) else { return .other }
        return .number(number)
    }

    /// Whether the element at 1-based `position` is simple and holds exactly `expected` (`simpleText(position) ==
    /// expected`, compared with the view's bytes).
    func hasValue(_ position: Int, _ expected: StaticString) -> Bool {
        guard position >= 1, position <= self.elementCount else { return false }
        switch self.storage {
        case .owned: return self.simpleText(position) == expected.description
        case .view(let segment):
            guard let bytes = Self.simpleBytes(segment, position), bytes.count == expected.utf8CodeUnitCount else {
                return false
            }
            return expected.withUTF8Buffer { expected in
                for index in 0..<bytes.count where bytes[index] != expected[index] { return false }
                return true
            }
        }
    }

    /// Whether the element at 1-based `position` (`1...elementCount`) is empty, without making its value.
    func isEmpty(_ position: Int) -> Bool {
        switch self.storage {
        case .owned(let segment): segment.elements[position - 1].isEmpty
        case .view(let segment): segment.element(at: position)?.isEmpty ?? true
        }
    }

    /// The value `list` names for the code in a simple, non-empty element of the reader's view, looked up from its
    /// bytes without making a `String`; `nil` otherwise (the caller then reads ``simpleText(_:)``).
    func namedValue<Value: CodedValue>(_ list: X12CodeList<Value>, _ position: Int) -> Value? {
        guard position >= 1, position <= self.elementCount, let segment = self.view,
            let bytes = Self.simpleBytes(segment, position)
        else { return nil }
        return list.namedValue(bytes)
    }

    /// The owned value of the element at 1-based `position` (`1...elementCount`).
    func value(_ position: Int) -> X12Value {
        switch self.storage {
        case .owned(let segment): segment.elements[position - 1]
        case .view(let segment): segment.element(at: position)!.value()
        }
    }

    /// Every element as an owned value (allocates).
    var elements: [X12Value] {
        switch self.storage {
        case .owned(let segment): segment.elements
        case .view: (0..<self.elementCount).map { self.value($0 + 1) }
        }
    }
}
