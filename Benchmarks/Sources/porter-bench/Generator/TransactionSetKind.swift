/// The transaction sets `porter-bench generate` can write.
enum TransactionSetKind: String, CaseIterable, Sendable {
    /// 850 Purchase Order (functional group `PO`).
    case purchaseOrder = "850"
    /// 856 Ship Notice/Manifest (functional group `SH`).
    case shipNotice = "856"

    /// `GS01`.
    var functionalIdentifier: StaticString {
        switch self {
        case .purchaseOrder: "PO"
        case .shipNotice: "SH"
        }
    }

    /// `ST01`.
    var identifier: StaticString {
        switch self {
        case .purchaseOrder: "850"
        case .shipNotice: "856"
        }
    }
}
