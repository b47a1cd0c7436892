/// Terms of payment: net days, discount percentage and days, due dates.
///
/// X12 `ITD`, cXML `PaymentTerm`.
public struct PaymentTerms: Hashable, Sendable, Codable {
    /// The kind of terms.
    public var termsType: Optional<PaymentTermsType>
    /// The date the terms count from.
    public var basisDate: Optional<TermsBasisDate>
    /// The discount in percent (`2` for 2 %).
    public var discountPercent: Optional<DecimalNumber>
    /// The date by which the discount applies.
    public var discountDueDate: Optional<CalendarDate>
    /// Days within which the discount applies.
    public var discountDays: Optional<Int>
    /// The date the net amount is due.
    public var netDueDate: Optional<CalendarDate>
    /// Days until the net amount is due.
    public var netDays: Optional<Int>
    /// The discount as an amount.
    public var discountAmount: Optional<DecimalNumber>
    /// The terms in words (`2% 15 NET 45`).
    public var description: Optional<String>

    public init(
        termsType: PaymentTermsType? = nil, basisDate: TermsBasisDate? = nil, discountPercent: DecimalNumber? = nil,
        discountDueDate: CalendarDate? = nil, discountDays: Int? = nil, netDueDate: CalendarDate? = nil,
        netDays: Int? = nil, discountAmount: DecimalNumber? = nil, description: String? = nil
    ) {
        self.termsType = termsType
        self.basisDate = basisDate
        self.discountPercent = discountPercent
        self.discountDueDate = discountDueDate
        self.discountDays = discountDays
        self.netDueDate = netDueDate
        self.netDays = netDays
        self.discountAmount = discountAmount
        self.description = description
    }
}

extension PaymentTerms: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.field("basisDate", self.basisDate)
        writer.field("description", self.description)
        writer.field("discountAmount", self.discountAmount)
        writer.field("discountDays", self.discountDays)
        writer.field("discountDueDate", self.discountDueDate)
        writer.field("discountPercent", self.discountPercent)
        writer.field("netDays", self.netDays)
        writer.field("netDueDate", self.netDueDate)
        writer.field("termsType", self.termsType)
        writer.endObject()
    }
}
