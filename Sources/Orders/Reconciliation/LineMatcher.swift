/// How reconciliation finds the order line an acknowledged or shipped line belongs to.
///
/// By line number first, compared as numbers when both are all digits (`001` is line `1`); when a line has no
/// number, by a shared item identifier (same kind, same value).
struct LineMatcher {
    private let order: PurchaseOrder
    private var indexByNumber: [String: Int] = [:]

    init(order: PurchaseOrder) {
        self.order = order
        for (index, line) in order.lines.enumerated() {
            let key = Self.key(line.lineNumber ?? String(index + 1))
            if self.indexByNumber[key] == nil { self.indexByNumber[key] = index }
        }
    }

    /// The index of the order line, or `nil` if the order has none that matches.
    func match(lineNumber: String?, items: [ItemIdentifier]) -> Int? {
        if let lineNumber {
            guard let index = self.indexByNumber[Self.key(lineNumber)] else { return nil }
            return Self.conflicts(items, self.order.lines[index].items) ? nil : index
        }
        guard !items.isEmpty else { return nil }
        return self.order.lines.firstIndex { line in line.items.contains { items.contains($0) } }
    }

    /// The line number to report for an order line.
    func lineNumber(at index: Int) -> String { self.order.lines[index].lineNumber ?? String(index + 1) }

    /// Line numbers as keys (``LineNumbers/key(_:)``).
    static func key(_ lineNumber: String) -> String { LineNumbers.key(lineNumber) }

    /// Whether two item lists name different items: they share a kind of identifier, and no identifier.
    static func conflicts(_ lhs: [ItemIdentifier], _ rhs: [ItemIdentifier]) -> Bool {
        let sharedKinds = Set(lhs.map(\.kind)).intersection(rhs.map(\.kind))
        guard !sharedKinds.isEmpty else { return false }
        return !lhs.contains { rhs.contains($0) }
    }
}

/// How reconciliation compares line numbers, for code that matches lines the same way (the gateway's per-line view).
public enum LineNumbers {
    /// The key of a line number: digits without leading zeros (`001` is `1`), anything else as sent.
    public static func key(_ lineNumber: String) -> String {
        let utf8 = lineNumber.utf8
        guard !utf8.isEmpty, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return lineNumber
        }
        let trimmed = lineNumber.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
