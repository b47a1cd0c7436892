/// The control totals at the end of a document.
///
/// X12 `CTT` and `AMT*TT`, cXML `Total`. For an order, acknowledgment or change the count is the number of
/// lines and the hash total the sum of their quantities; for a ship notice the count is the number of
/// hierarchical levels and the hash total the sum of the shipped quantities.
public struct OrderTotals: Hashable, Sendable, Codable {
    /// The number of lines (or hierarchical levels in a ship notice), as sent.
    public var lineCount: Optional<Int>
    /// The hash total, as sent.
    public var hashTotal: Optional<DecimalNumber>
    /// The total amount of the document.
    public var amount: Optional<DecimalNumber>

    public init(lineCount: Int? = nil, hashTotal: DecimalNumber? = nil, amount: DecimalNumber? = nil) {
        self.lineCount = lineCount
        self.hashTotal = hashTotal
        self.amount = amount
    }
}

extension OrderTotals: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("amount", self.amount)
        writer.field("hashTotal", self.hashTotal)
        writer.field("lineCount", self.lineCount)
        writer.endObject()
    }
}
