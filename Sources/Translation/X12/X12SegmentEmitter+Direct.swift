import Orders
import X12

/// The 850 line written element by element when nothing is kept aside in `extensions` (the usual case): no
/// `[String?]` per segment, the values handed to the writer as they are read off the model. What is written is what
/// ``X12SegmentEmitter/line(_:to:)`` writes through `emit` of element texts: a segment
/// whose elements are all empty is left out.
extension X12SegmentEmitter {
    mutating func directLine(_ line: PurchaseOrderLine, to writer: inout X12Writer) throws(X12Error) {
        let unit = X12Codes.unitOfMeasure.code(line.unit)
        let price = line.unitPrice?.text
        let basis = line.priceBasis.map(X12Codes.priceBasis.code)
        if Self.has(line.lineNumber) || !line.quantity.text.isEmpty || !unit.isEmpty || Self.has(price)
            || Self.has(basis)
            || line.items.contains(where: { !$0.value.isEmpty || !X12Codes.itemIdentifierKind.code($0.kind).isEmpty })
        {
            try writer.beginSegment("PO1")
            writer.appendOptional(line.lineNumber)
            writer.appendElement(line.quantity.text)
            writer.appendElement(unit)
            writer.appendOptional(price)
            writer.appendOptional(basis)
            for item in line.items {
                writer.appendElement(X12Codes.itemIdentifierKind.code(item.kind))
                writer.appendElement(item.value)
            }
            try writer.endSegment()
        }
        for description in line.descriptions {
            try writer.beginSegment("PID")
            writer.appendElement("F")
            writer.appendEmptyElements(3)
            writer.appendElement(description.text)
            writer.appendEmptyElements(3)
            writer.appendOptional(description.language)
            try writer.endSegment()
        }
        if let pack = line.pack { try Self.directPack(pack, to: &writer) }
        for reference in line.references { try Self.directReference(reference, to: &writer) }
        try self.series("", "SAC", line.allowancesCharges.map(Self.allowanceCharge), to: &writer)
        try self.series("", "SDQ", Self.destinations(line.destinations), to: &writer)
        try self.series("", "DTM", line.dates.map(Self.date), to: &writer)
        try self.series("", "SCH", line.schedules.map(Self.schedule), to: &writer)
        try self.notes(line.notes, to: &writer)
        try self.parties(line.parties, to: &writer)
    }

    /// REF from ``reference(_:)``'s elements.
    static func directReference(_ reference: Reference, to writer: inout X12Writer) throws(X12Error) {
        let qualifier = X12Codes.referenceQualifier.code(reference.qualifier)
        guard !qualifier.isEmpty || Self.has(reference.value) || Self.has(reference.description) else { return }
        try writer.beginSegment("REF")
        writer.appendElement(qualifier)
        writer.appendOptional(reference.value)
        writer.appendOptional(reference.description)
        try writer.endSegment()
    }

    /// PO4 from ``pack(_:)``'s elements.
    static func directPack(_ pack: PackDetails, to writer: inout X12Writer) throws(X12Error) {
        let unit = { (unit: UnitOfMeasure?) in unit.map(X12Codes.unitOfMeasure.code) }
        let sizeUnit = unit(pack.sizeUnit)
        let weightUnit = unit(pack.weightUnit)
        let volumeUnit = unit(pack.volumeUnit)
        let dimensionUnit = unit(pack.dimensionUnit)
        guard
            Self.has(pack.pack?.text) || Self.has(pack.size?.text) || Self.has(sizeUnit) || Self.has(pack.packagingCode)
                || Self.has(pack.weightQualifier) || Self.has(pack.weight?.text) || Self.has(weightUnit)
                || Self.has(pack.volume?.text) || Self.has(volumeUnit) || Self.has(pack.length?.text)
                || Self.has(pack.width?.text) || Self.has(pack.height?.text) || Self.has(dimensionUnit)
                || Self.has(pack.innerPack?.text)
        else { return }
        try writer.beginSegment("PO4")
        writer.appendOptional(pack.pack?.text)
        writer.appendOptional(pack.size?.text)
        writer.appendOptional(sizeUnit)
        writer.appendOptional(pack.packagingCode)
        writer.appendOptional(pack.weightQualifier)
        writer.appendOptional(pack.weight?.text)
        writer.appendOptional(weightUnit)
        writer.appendOptional(pack.volume?.text)
        writer.appendOptional(volumeUnit)
        writer.appendOptional(pack.length?.text)
        writer.appendOptional(pack.width?.text)
        writer.appendOptional(pack.height?.text)
        writer.appendOptional(dimensionUnit)
        writer.appendOptional(pack.innerPack?.text)
        try writer.endSegment()
    }

    /// Whether an element has data.
    @inline(__always)
    static func has(_ text: String?) -> Bool {
        guard let text else { return false }
        return !text.isEmpty
    }
}

extension X12Writer {
    /// Appends a simple element, or an empty one for `nil`.
    @inline(__always)
    mutating func appendOptional(_ text: String?) {
        if let text { self.appendElement(text) } else { self.appendEmptyElement() }
    }

    @inline(__always)
    mutating func appendEmptyElements(_ count: Int) {
        for _ in 0..<count { self.appendEmptyElement() }
    }
}
