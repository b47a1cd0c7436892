import Orders

/// The X12 codes and segment lists only an 856 uses (the shared code lists are in ``X12Codes``).
enum X12ShipNoticeCodes {
    /// HL03, element 735, for the levels between order and item.
    static let packLevel = X12CodeList<PackLevel>([
        ("T", .tare),
        ("P", .pack),
        ("Q", .subpack),
    ])
    /// MAN01, element 88.
    static let marksQualifier = X12CodeList<MarksQualifier>([
        ("GM", .ssccWithApplicationIdentifier),
        ("AA", .sscc),
        ("UC", .upcShippingContainer),
        ("CP", .carrierPackageID),
        ("CA", .shipperCaseNumber),
        ("SM", .shipperAssigned),
        ("MC", .masterCarton),
        ("W", .palletNumber),
        ("ZZ", .mutuallyDefined),
    ])
    /// TD106, element 187.
    static let weightQualifier = X12CodeList<WeightQualifier>([
        ("G", .gross),
        ("N", .net),
        ("E", .estimatedNet),
    ])

    /// HL03 of the shipment, order and item levels.
    static let shipmentLevel = "S"
    static let orderLevel = "O"
    static let itemLevel = "I"

    /// The segments of the 856 HL loop in their standard order (004010 and 005010), members of its inner loops
    /// (LH1, CLD, N1, SAC, LM, V1, the 005010 TD3 loop's AT9) after the loop's first segment. Segments an encoder
    /// writes back from `extensions` follow this order, so a level comes out in the order the standard requires.
    static let levelSegmentOrder: [String] = [
        "LIN", "SN1", "SLN", "PRF", "PO4", "PID", "MEA", "PWK", "PKG", "TD1", "TD5", "TD3", "AT9", "TD4", "TSD",
        "REF", "PER", "LH1", "LH2", "LH3", "LFH", "LEP", "LH4", "LHT", "LHR", "LHE", "CLD", "DTP", "MAN", "DTM",
        "FOB", "PAL", "N1", "N2", "N3", "N4", "SDQ", "ETD", "CUR", "SAC", "GF", "YNQ", "LM", "LQ", "V1", "R4",
    ]

    /// The segments of the 856 N1 loop after N1.
    static let partyMembers: Set<String> = ["N2", "N3", "N4", "REF", "PER", "FOB"]
}
