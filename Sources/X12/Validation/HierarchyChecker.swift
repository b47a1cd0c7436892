/// The 856 HL rules: HL01 unique, HL02 names an earlier HL01, and levels nest in the order
/// the hierarchical structure code (BSN05) gives.
struct HierarchyChecker {
    /// BSN05, once seen.
    var structureCode: String?
    /// HL01 → its level code, for the set being validated.
    private var levels: [String: String] = [:]

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
        self.levels.removeAll(keepingCapacity: true)
    }

    mutating func check(_ segment: X12Segment) -> [ElementProblem] {
        var problems: [ElementProblem] = []
        guard let id = segment.element(at: 1).map(\.string), !id.isEmpty else { return problems }
        let parent = segment.element(at: 2).flatMap { $0.isEmpty ? nil : $0.string }
        let level = segment.element(at: 3)?.string ?? ""
        if self.levels[id] != nil {
            problems.append(
                ElementProblem(
                    code: .hierarchyDuplicateID, message: "HL01 '\(id)' is used twice in this ship notice",
                    ak403: "7", element: 1, reference: "628", value: id))
        }
        let order = self.structureCode.flatMap { Self.orders[$0] }
        if let parent {
            if let parentLevel = self.levels[parent] {
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
        } else if let order, level != order[0], !self.levels.isEmpty || level != "S" {
            problems.append(
                ElementProblem(
                    severity: .warning, code: .hierarchyLevelOrder,
                    message:
                        "HL level \(level) has no parent (HL02); with structure code \(self.structureCode ?? "") only \(order[0]) is a top level",
                    ak403: "7", element: 2, reference: "734", value: nil))
        }
        self.levels[id] = level
        return problems
    }
}
