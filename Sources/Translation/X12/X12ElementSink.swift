import Orders
import X12

/// Where the encoders put a segment's elements, one after the other: straight into an ``X12Writer`` (the usual
/// case, nothing kept aside in `extensions`) or into an array of texts (``X12ElementTexts``) for the general path,
/// which lays kept elements over the typed ones. One description of each segment serves both.
protocol X12ElementSink: ~Copyable {
    /// A simple element; `nil` or empty is an empty element.
    mutating func element(_ text: String?)
    /// `count` empty elements.
    mutating func empty(_ count: Int)
    /// A DT element, `CCYYMMDD`.
    mutating func element(date: CalendarDate)
    /// A TM element (``X12Text/timeText(_:)``).
    mutating func element(time: TimeOfDay)
    /// A whole number.
    mutating func element(integer: Int)
}

extension X12ElementSink where Self: ~Copyable {
    /// An optional DT element.
    @inline(__always)
    mutating func element(date: CalendarDate?) {
        if let date { self.element(date: date) } else { self.empty(1) }
    }

    /// An optional TM element.
    @inline(__always)
    mutating func element(time: TimeOfDay?) {
        if let time { self.element(time: time) } else { self.empty(1) }
    }

    /// An optional whole number.
    @inline(__always)
    mutating func element(integer: Int?) {
        if let integer { self.element(integer: integer) } else { self.empty(1) }
    }
}

extension X12CodeList {
    /// The X12 code for a value, `nil` for none (a method, not `map(list.code)`: that copied the list into a closure).
    @inline(__always)
    func optionalCode(_ value: Value?) -> String? {
        guard let value else { return nil }
        return self.code(value)
    }
}

/// The elements of one segment as texts, `nil` for an empty one.
struct X12ElementTexts: X12ElementSink {
    var elements: [String?] = []

    /// The elements `build` puts.
    static func collect(_ build: (inout Self) -> Void) -> [String?] {
        var texts = Self()
        build(&texts)
        return texts.elements
    }

    mutating func element(_ text: String?) { self.elements.append(text) }
    mutating func empty(_ count: Int) { self.elements += [String?](repeating: nil, count: count) }
    mutating func element(date: CalendarDate) { self.elements.append(X12Text.dateText(date)) }
    mutating func element(time: TimeOfDay) { self.elements.append(X12Text.timeText(time)) }
    mutating func element(integer: Int) { self.elements.append(String(integer)) }
}

extension X12Writer: X12ElementSink {
    @inline(__always)
    mutating func element(_ text: String?) {
        if let text { self.appendElement(text) } else { self.appendEmptyElement() }
    }

    @inline(__always)
    mutating func empty(_ count: Int) {
        for _ in 0..<count { self.appendEmptyElement() }
    }

    /// The eight digits formatted in a register and written as bytes: no `String`.
    @inline(__always)
    mutating func element(date: CalendarDate) {
        var packed = X12Digits.pack(date.year, 4)
        packed |= X12Digits.pack(date.month, 2) << 32
        packed |= X12Digits.pack(date.day, 2) << 48
        withUnsafeBytes(of: packed.littleEndian) { self.appendElement(bytes: $0) }
    }

    mutating func element(time: TimeOfDay) {
        guard time.second == nil || time.fractionDigits == nil else {
            self.appendElement(X12Text.timeText(time))
            return
        }
        var packed = X12Digits.pack(time.hour, 2) | X12Digits.pack(time.minute, 2) << 16
        var count = 4
        if let second = time.second {
            packed |= X12Digits.pack(second, 2) << 32
            count = 6
        }
        withUnsafeBytes(of: packed.littleEndian) {
            self.appendElement(bytes: UnsafeRawBufferPointer(rebasing: $0[..<count]))
        }
    }

    @inline(__always)
    mutating func element(integer: Int) { self.appendElement(integer: integer) }
}

/// Zero-padded decimal digits packed little-endian into an integer (first digit in the lowest byte).
enum X12Digits {
    /// The last `width` (1 to 8) digits of `value` (0 or more), zero-padded: what `X12Text`'s `digits` writes for a
    /// value that fits its width, as the model's dates and times always do (their initializers check the ranges).
    @inline(__always)
    static func pack(_ value: Int, _ width: Int) -> UInt64 {
        var rest = UInt64(truncatingIfNeeded: value)
        var packed: UInt64 = 0
        var shift = UInt64(8 * (width - 1))
        for _ in 0..<width {
            packed |= (rest % 10 + 0x30) << shift
            rest /= 10
            shift &-= 8
        }
        return packed
    }
}
