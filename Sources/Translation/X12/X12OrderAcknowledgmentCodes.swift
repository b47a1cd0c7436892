import Orders

/// The X12 codes of the code lists only an 855 uses (the shared ones are in ``X12Codes``).
enum X12OrderAcknowledgmentCodes {
    /// BAK02, element 587.
    static let acknowledgmentType = X12CodeList<AcknowledgmentType>([
        ("AT", .accepted),
        ("AC", .acceptedWithChanges),
        ("AD", .acceptedWithDetail),
        ("AE", .acceptedWithExceptions),
        ("AK", .acceptedNoDetail),
        ("AH", .onHold),
        ("RJ", .rejected),
        ("RD", .rejectedWithDetail),
        ("RF", .rejectedWithExceptions),
        ("RN", .rejectedNotAsAgreed),
        ("RO", .rejectedWithCounterOffer),
        ("RV", .rejectedViolatesIndustryPractices),
        ("NA", .noAcknowledgmentNeeded),
        // Written only: cXML's `backordered` confirmation has no BAK02 code of its own; its lines say IB.
        ("AC", .backordered),
    ])
    /// ACK01, element 668.
    static let itemStatus = X12CodeList<ItemStatusCode>([
        ("IA", .accepted),
        ("AC", .acceptedAndShipped),
        ("AR", .acceptedAndReleased),
        ("AA", .forwardedToAlternateLocation),
        ("IC", .acceptedWithChanges),
        ("IQ", .quantityChanged),
        ("IP", .priceChanged),
        ("DR", .dateRescheduled),
        ("IE", .pricePending),
        ("SP", .scheduleDatePending),
        ("IS", .substituted),
        ("IB", .backordered),
        ("BP", .partialShipmentBalanceBackordered),
        ("IH", .onHold),
        ("IF", .onHoldIncompleteDescription),
        ("IW", .onHoldWaiverRequired),
        ("ID", .deleted),
        ("IR", .rejected),
        ("R1", .rejectedNotContractItem),
        ("R2", .rejectedInvalidItemNumber),
        ("R3", .rejectedInvalidUnit),
        ("R4", .rejectedContractItemUnavailable),
        ("R5", .rejectedReorderJustInTime),
        ("R6", .rejectedReorderExtendedDelivery),
        ("R7", .rejectedReorderDropShipment),
        ("R8", .rejectedReorderSurge),
    ])

    /// The statuses a `CTP*CUP` confirmed price belongs to.
    static let priceStatuses: Set<ItemStatusCode> = [.priceChanged, .acceptedWithChanges, .pricePending]
}
