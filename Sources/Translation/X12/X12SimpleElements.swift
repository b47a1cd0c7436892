internal import Glibc
import Orders
import X12

/// The elements of a reader's segment view in which no element is composite, read straight from the segment's bytes
/// and separator offsets: the decoders' fast paths, which take a segment only when every element fits a typed field
/// (nothing for a finding or for `extensions`) and otherwise leave it to the general path.
///
/// Valid as long as the view (until the reader's next event).
struct X12SimpleElements {
    private let base: UnsafePointer<UInt8>
    private let separators: UnsafePointer<Int32>
    private let length: Int
    /// The number of data elements.
    let count: Int

    /// The elements of `segment`; `nil` when a byte of it is the component separator (some element is composite).
    init?(_ segment: X12Segment) {
        let (bytes, separators) = segment.rawElements
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        if let component = segment.component, !bytes.isEmpty, memchr(base, Int32(component), bytes.count) != nil {
            return nil
        }
        self.base = base
        self.separators = separators
        self.length = bytes.count
        self.count = segment.elementCount
    }

    /// The bytes of the element at 1-based `position`; empty for an empty element or past the last one.
    @inline(__always)
    subscript(position: Int) -> UnsafeBufferPointer<UInt8> {
        guard position >= 1 && position <= self.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = Int(self.separators[position - 1]) + 1
        let end = position < self.count ? Int(self.separators[position]) : self.length
        return UnsafeBufferPointer(start: self.base + start, count: end - start)
    }

    /// The text of the element at `position`; `nil` when it is empty (``X12SegmentInput/simpleText(_:)``).
    @inline(__always)
    func text(_ position: Int) -> String? {
        let bytes = self[position]
        return bytes.isEmpty ? nil : ASCIIText.string(bytes)
    }

    /// Whether every element from `first` to the last is empty.
    @inline(__always)
    func isEmpty(from first: Int) -> Bool {
        var position = max(first, 1)
        while position <= self.count {
            if !self[position].isEmpty { return false }
            position += 1
        }
        return true
    }
}

/// A value read by a fast path: `nil` when the path cannot take the element (the general path then reads the
/// segment), `.some(nil)` for an empty element.
extension X12SimpleElements {
    /// The canonical number at `position`: `.some(nil)` when empty, `nil` when not canonical.
    @inline(__always)
    func decimal(_ position: Int) -> DecimalNumber?? {
        let bytes = self[position]
        if bytes.isEmpty { return .some(nil) }
        guard let number = DecimalNumber(canonicalUTF8: bytes) else { return nil }
        return .some(number)
    }

    /// The value `list` names for the code at `position`: `.some(nil)` when empty, `nil` when Porter names none.
    @inline(__always)
    func named<Value: CodedValue>(_ list: X12CodeList<Value>, _ position: Int) -> Value?? {
        let bytes = self[position]
        if bytes.isEmpty { return .some(nil) }
        guard let value = list.namedValue(bytes) else { return nil }
        return .some(value)
    }
}
