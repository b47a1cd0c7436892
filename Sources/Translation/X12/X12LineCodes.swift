import Orders

/// The codes of the previous line's unit, pack units and item kinds, remembered by place.
///
/// An order's lines mostly repeat them (`EA`, `LB`, `UP`/`VN`/`IN`), and comparing a value with the previous one
/// (equal raw values usually compare by their bits) costs a fraction of looking its code up in the code list.
struct X12LineCodes {
    private var unit = Memo<UnitOfMeasure>()
    private var priceBasis = Memo<PriceBasis>()
    private var sizeUnit = Memo<UnitOfMeasure>()
    private var weightUnit = Memo<UnitOfMeasure>()
    private var items = (Memo<ItemIdentifierKind>(), Memo<ItemIdentifierKind>(), Memo<ItemIdentifierKind>())

    /// PO103.
    @inline(__always)
    mutating func unit(_ unit: UnitOfMeasure) -> String {
        self.unit.code(unit) { X12Codes.unitOfMeasure.code($0) }
    }

    /// PO105.
    @inline(__always)
    mutating func priceBasis(_ basis: PriceBasis?) -> String? {
        guard let basis else { return nil }
        return self.priceBasis.code(basis) { X12Codes.priceBasis.code($0) }
    }

    /// PO403.
    @inline(__always)
    mutating func sizeUnit(_ unit: UnitOfMeasure?) -> String? {
        guard let unit else { return nil }
        return self.sizeUnit.code(unit) { X12Codes.unitOfMeasure.code($0) }
    }

    /// PO407.
    @inline(__always)
    mutating func weightUnit(_ unit: UnitOfMeasure?) -> String? {
        guard let unit else { return nil }
        return self.weightUnit.code(unit) { X12Codes.unitOfMeasure.code($0) }
    }

    /// The qualifier of the item at `position` (from 0) in PO1.
    @inline(__always)
    mutating func itemKind(_ kind: ItemIdentifierKind, at position: Int) -> String {
        switch position {
        case 0: self.items.0.code(kind) { X12Codes.itemIdentifierKind.code($0) }
        case 1: self.items.1.code(kind) { X12Codes.itemIdentifierKind.code($0) }
        case 2: self.items.2.code(kind) { X12Codes.itemIdentifierKind.code($0) }
        default: X12Codes.itemIdentifierKind.code(kind)
        }
    }

    /// The last value looked up at one place and its code.
    private struct Memo<Value: CodedValue> {
        private var value: Value?
        private var code = ""

        @inline(__always)
        mutating func code(_ value: Value, lookUp: (Value) -> String) -> String {
            // The raw values compared in place (`String ==` is inlined, its first test the bits), not through the
            // value's `==` in `Orders`.
            if let last = self.value, last.rawValue == value.rawValue { return self.code }
            self.code = lookUp(value)
            self.value = value
            return self.code
        }
    }
}
