import Orders

/// The X12 codes of the code lists only an 860 uses (the shared ones are in ``X12Codes``).
enum X12OrderChangeCodes {
    /// POC02, element 670.
    static let changeKind = X12CodeList<ChangeKind>([
        ("AI", .addItem),
        ("DI", .deleteItem),
        ("QI", .quantityIncrease),
        ("QD", .quantityDecrease),
        ("PC", .priceChange),
        ("PQ", .priceAndQuantityChange),
        ("PR", .priceAndReschedule),
        ("RQ", .quantityAndReschedule),
        ("RS", .reschedule),
        ("CT", .dateChange),
        ("RB", .replaceAllDates),
        ("RZ", .replaceAllValues),
        ("CA", .lineItemChanges),
        ("CE", .allowanceChargeChange),
        ("RE", .replacementItem),
        ("RM", .replacementItemWithModifications),
        ("MU", .multipleChanges),
        ("NC", .noChange),
        ("CF", .cancelOrder),
        ("RC", .rejectItemChange),
    ])
}
