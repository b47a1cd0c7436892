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

    /// The segment identifier.
    let id: String
    /// The number of data elements.
    let elementCount: Int
    private let storage: Storage

    init(_ segment: X12OwnedSegment) {
        self.id = segment.id
        self.elementCount = segment.elements.count
        self.storage = .owned(segment)
    }

    /// A view of the reader's segment; read it before the reader's next event.
    init(view segment: X12Segment) {
        self.id = segment.idString
        self.elementCount = segment.elementCount
        self.storage = .view(segment)
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
            guard let element = segment.element(at: position), !element.isEmpty, element.componentCount == 1 else {
                return nil
            }
            return element.string
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
        guard position >= 1, position <= self.elementCount, case .view(let segment) = self.storage,
            let element = segment.element(at: position), !element.isEmpty, element.componentCount == 1
        else { return nil }
        return list.namedValue(element.bytes.assumingMemoryBound(to: UInt8.self))
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
