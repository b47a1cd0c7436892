/// The 856 HL rules: HL01 unique, HL02 names an earlier HL01, and levels nest in the order
/// the hierarchical structure code (BSN05) gives.
struct HierarchyChecker {
    /// BSN05, once seen.
    var structureCode: String? {
        didSet { self.packedOrder = self.structureCode.flatMap { Self.orders[$0] }.map { $0.map(Self.packText) } }
    }
    /// The level order of `structureCode`, packed as levels are.
    private var packedOrder: [UInt64]?
    /// HL01 → its level code, for the set being validated: ids that are plain numbers
    /// (`1`…`65535`, no leading zero) index `dense`, others are keys of `sparse`.
    private var sparse: [String: String] = [:]
    /// The level of HL01 *n* at index *n*, packed (``CodeTable/pack(_:)`` with the top bit set);
    /// 0 for none, `UInt64.max` for a level too long to pack (then in `sparse`).
    private var dense: [UInt64] = []
    /// Whether any HL was recorded in the set.
    private var recorded = false
    /// One past the highest index of `dense` written in the set.
    private var denseEnd = 0

    /// Largest HL01 kept in `dense` (512 KiB at most).
    private static var denseLimit: Int { 1 << 16 }
    private static var marker: UInt64 { 1 << 63 }

    /// Level order per BSN05 code, parent before child (DOMAIN.md §6.2). A tare level (T) may
    /// sit between order and pack in 0001.
    private static let orders: [String: [String]] = [
        "0001": ["S", "O", "T", "P", "I"],
        "0002": ["S", "O", "I", "P"],
        "0003": ["S", "P", "O", "I"],
        "0004": ["S", "O", "I"],
    ]

    mutating func start() {
        self.structureCode = nil
        self.sparse.removeAll(keepingCapacity: true)
        if self.denseEnd > 0 {
            let end = self.denseEnd
            self.dense.withUnsafeMutableBufferPointer { $0[..<end].update(repeating: 0) }
        }
        self.denseEnd = 0
        self.recorded = false
    }

    /// Checks an HL: nothing is allocated when it is good (the usual case).
    mutating func check(_ segment: X12Segment) -> [ElementProblem] {
        if self.recordIfGood(segment) { return [] }
        return self.checkSlowly(segment)
    }

    /// Records a good HL whose ids are plain numbers and says `true`; `false` (recording
    /// nothing) when the HL needs ``checkSlowly(_:)``.
    @inline(__always)
    private mutating func recordIfGood(_ segment: X12Segment) -> Bool {
        guard let id = Self.number(segment.elementBytes(at: 1)), id < Self.denseLimit else { return false }
        let parentBytes = segment.elementBytes(at: 2)
        let levelBytes = segment.elementBytes(at: 3)
        guard levelBytes.count <= 7 else { return false }
        let level =
            levelBytes.isEmpty
            ? Self.marker
            : FastElementCheck.pack(levelBytes.baseAddress.unsafelyUnwrapped, levelBytes.count) | Self.marker
        if id < self.dense.count && self.dense[id] != 0 { return false }
        if parentBytes.isEmpty {
            if let order = self.packedOrder, level != order[0], self.recorded || level != Self.packedS {
                return false
            }
        } else {
            guard let parent = Self.number(parentBytes), parent < self.dense.count else { return false }
            let parentLevel = self.dense[parent]
            guard parentLevel != 0 && parentLevel != .max else { return false }
            if let order = self.packedOrder, let parentRank = order.firstIndex(of: parentLevel),
                let rank = order.firstIndex(of: level), parentRank >= rank
            {
                return false
            }
        }
        self.store(level, at: id)
        return true
    }

    private mutating func store(_ level: UInt64, at id: Int) {
        if id >= self.dense.count {
            let size = min(max(id + 1, self.dense.count * 2), Self.denseLimit)
            self.dense.append(contentsOf: repeatElement(0, count: size - self.dense.count))
        }
        self.dense[id] = level
        self.denseEnd = max(self.denseEnd, id + 1)
        self.recorded = true
    }

    /// `S` packed (a constant: a computed static costs no once-check).
    private static var packedS: UInt64 { 0x53 | 1 << 56 | Self.marker }

    /// HL01 or HL02 as a number when it is 1-5 digits without a leading zero.
    @inline(__always)
    private static func number(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty && bytes.count <= 5 && bytes[0] != 0x30 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte &- 0x30 < 10 else { return nil }
            value = value &* 10 &+ Int(byte &- 0x30)
        }
        return value
    }

    @inline(__always)
    private static func pack(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        CodeTable.pack(bytes).map { $0 | Self.marker } ?? .max
    }

    private static func packText(_ text: String) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { Self.pack(UnsafeRawBufferPointer($0)) }
            ?? CodeTable.pack(Array(text.utf8)).map { $0 | Self.marker } ?? .max
    }

    private static func unpack(_ value: UInt64) -> String {
        let count = Int((value >> 56) & 0x7F)
        return String(decoding: (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }, as: UTF8.self)
    }

    /// The level recorded for an HL01, if any.
    private func level(of id: String) -> String? {
        if let number = Self.number(id), number < Self.denseLimit {
            guard number < self.dense.count else { return nil }
            let value = self.dense[number]
            if value == 0 { return nil }
            if value != .max { return Self.unpack(value) }
        }
        return self.sparse[id]
    }

    private mutating func record(_ level: String, for id: String) {
        if let number = Self.number(id), number < Self.denseLimit {
            let packed = Self.packText(level)
            self.store(packed, at: number)
            if packed != .max { return }
        }
        self.sparse[id] = level
        self.recorded = true
    }

    private static func number(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { Self.number(UnsafeRawBufferPointer($0)) }
    }

    private mutating func checkSlowly(_ segment: X12Segment) -> [ElementProblem] {
        var problems: [ElementProblem] = []
        guard let id = segment.element(at: 1).map(\.string), !id.isEmpty else { return problems }
        let parent = segment.element(at: 2).flatMap { $0.isEmpty ? nil : $0.string }
        let level = segment.element(at: 3)?.string ?? ""
        if self.level(of: id) != nil {
            problems.append(
                ElementProblem(
                    code: .hierarchyDuplicateID, message: "HL01 '\(id)' is used twice in this ship notice",
                    ak403: "7", element: 1, reference: "628", value: id))
        }
        let order = self.structureCode.flatMap { Self.orders[$0] }
        if let parent {
            if let parentLevel = self.level(of: parent) {
                if let order, let parentRank = order.firstIndex(of: parentLevel),
                    let rank = order.firstIndex(of: level),
                    parentRank >= rank
                {
                    problems.append(
                        ElementProblem(
                            code: .hierarchyLevelOrder,
                            message:
                                "HL level \(level) cannot be under level \(parentLevel) with structure code \(self.structureCode ?? "")",
                            ak403: "7", element: 3, reference: "735", value: level))
                }
            } else {
                problems.append(
                    ElementProblem(
                        code: .hierarchyParentMissing,
                        message: "HL02 '\(parent)' does not name an earlier HL01 in this ship notice",
                        ak403: "7", element: 2, reference: "734", value: parent))
            }
        } else if let order, level != order[0], self.recorded || level != "S" {
            problems.append(
                ElementProblem(
                    severity: .warning, code: .hierarchyLevelOrder,
                    message:
                        "HL level \(level) has no parent (HL02); with structure code \(self.structureCode ?? "") only \(order[0]) is a top level",
                    ak403: "7", element: 2, reference: "734", value: nil))
        }
        self.record(level, for: id)
        return problems
    }
}
