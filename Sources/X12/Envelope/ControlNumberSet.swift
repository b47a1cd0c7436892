/// The control numbers seen so far in one scope, to find duplicates in constant memory
/// for the usual case.
///
/// Numeric control numbers are kept as sorted, merged ranges: a sender that counts up
/// (the normal case) costs one range however many numbers it sends. Other values fall
/// back to a set of strings.
package struct ControlNumberSet {
    private var ranges: [ClosedRange<UInt64>] = []
    private var others: Set<String> = []

    package init() {}

    /// Records a control number.
    ///
    /// - Returns: `false` when it was already recorded.
    /// - Complexity: O(log n) in the number of ranges, plus the insertion.
    package mutating func insert(_ text: String) -> Bool {
        guard let number = Self.number(text) else { return self.others.insert(text).inserted }
        // Index of the first range whose upper bound is >= number.
        var low = 0
        var high = self.ranges.count
        while low < high {
            let middle = (low + high) / 2
            if self.ranges[middle].upperBound < number { low = middle + 1 } else { high = middle }
        }
        if low < self.ranges.count && self.ranges[low].contains(number) { return false }
        let extendsPrevious = low > 0 && self.ranges[low - 1].upperBound &+ 1 == number
        let extendsNext = low < self.ranges.count && number &+ 1 == self.ranges[low].lowerBound
        switch (extendsPrevious, extendsNext) {
        case (true, true):
            self.ranges[low - 1] = self.ranges[low - 1].lowerBound...self.ranges[low].upperBound
            self.ranges.remove(at: low)
        case (true, false):
            self.ranges[low - 1] = self.ranges[low - 1].lowerBound...number
        case (false, true):
            self.ranges[low] = number...self.ranges[low].upperBound
        case (false, false):
            self.ranges.insert(number...number, at: low)
        }
        return true
    }

    /// Control numbers compare as numbers (`457` and `000000457` are the same).
    package static func number(_ text: String) -> UInt64? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 18, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(text)
    }
}
