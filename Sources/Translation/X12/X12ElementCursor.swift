import Orders
import X12

/// Reads the elements of one segment and remembers which ones a typed field took.
///
/// Whatever is left when the segment is done goes to `extensions` under its address (``X12ExtensionAddress``), so
/// nothing the sender wrote is lost.
struct X12ElementCursor {
    let segment: X12SegmentInput
    /// Bit `p` set when element `p` is taken (positions 1...63); `overflow` holds higher ones.
    private var takenBits: UInt64 = 0
    private var overflow: Set<Int> = []

    init(_ segment: X12SegmentInput) { self.segment = segment }

    /// The text of a simple, non-empty element, which is then taken; `nil` for an absent, empty or composite one.
    mutating func text(_ position: Int) -> String? {
        guard let value = self.peek(position) else { return nil }
        self.take(position)
        return value
    }

    /// The text of a simple, non-empty element, without taking it.
    func peek(_ position: Int) -> String? {
        self.segment.simpleText(position)
    }

    /// Takes an element if it holds exactly `expected` (a default the encoder writes back).
    mutating func take(_ position: Int, ifEqualTo expected: String) {
        if self.peek(position) == expected { self.take(position) }
    }

    /// Takes an element if it holds exactly `expected`, compared with the element's bytes.
    mutating func take(_ position: Int, ifEqualTo expected: StaticString) {
        if self.segment.hasValue(position, expected) { self.take(position) }
    }

    /// Takes an element by hand (after a typed field used it through ``peek(_:)``).
    mutating func take(_ position: Int) {
        if position >= 1 && position < 64 {
            self.takenBits |= 1 << UInt64(position)
        } else {
            self.overflow.insert(position)
        }
    }

    /// Whether element `position` was taken.
    func isTaken(_ position: Int) -> Bool {
        position >= 1 && position < 64
            ? self.takenBits & (1 << UInt64(position)) != 0 : self.overflow.contains(position)
    }

    /// Whether an element not taken may hold data (``recordLeftovers(at:in:)`` would record something): `false`
    /// only when every element not taken is empty, so the caller can skip making the address.
    var mayHaveLeftovers: Bool {
        for position in stride(from: 1, through: self.segment.elementCount, by: 1)
        where !self.isTaken(position) && !self.segment.isEmpty(position) {
            return true
        }
        return false
    }

    /// Records every non-empty element not taken under `address`.
    func recordLeftovers(at address: String, in extensions: inout Extensions) {
        for position in stride(from: 1, through: self.segment.elementCount, by: 1) where !self.isTaken(position) {
            X12ExtensionAddress.record(self.segment.value(position), element: position, at: address, in: &extensions)
        }
    }

    /// Records the whole segment as not placed: a marker and every non-empty element.
    func recordWhole(at address: String, in extensions: inout Extensions) {
        extensions[address] = X12ExtensionAddress.wholeSegmentMarker
        for position in stride(from: 1, through: self.segment.elementCount, by: 1) {
            X12ExtensionAddress.record(self.segment.value(position), element: position, at: address, in: &extensions)
        }
    }
}
