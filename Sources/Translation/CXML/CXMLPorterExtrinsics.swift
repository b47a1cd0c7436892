import Orders

/// The `Extrinsic` names Porter writes for model values cXML has no element or attribute for, and reads back.
///
/// | name | where | holds |
/// |---|---|---|
/// | `releaseNumber`, `contractNumber` | `OrderRequestHeader`, `ConfirmationHeader` | the order's release and contract numbers |
/// | `changeSequence`, `releaseNumber` | `ShipNoticePortion` | the order's change sequence and release number |
/// | `purpose`, `orderType` | `OrderRequestHeader` | Porter's name when the cXML `type`/`orderType` is only the nearest value |
/// | `acknowledgmentType` | `ConfirmationHeader` | the same for `ConfirmationHeader@type` |
/// | `itemStatus` | `ConfirmationStatus` | the same for `ConfirmationStatus@type` |
/// | `transportMethod` | `ShipControl` | the same for `Route@method` |
/// | `quantityShippedToDate` | `ShipNoticeItem` | the quantity shipped to date |
/// | `ladingQuantity` | `ShipNoticeHeader/Packaging` | the number of packages |
/// | a ``DateKind`` name (`cancelAfter`, `shipNoLater`…) | the headers, `ItemDetail`, `ShipNoticePortion` | a date with no cXML attribute, ISO 8601 |
enum CXMLPorterExtrinsics {
    static let releaseNumber = "releaseNumber"
    static let contractNumber = "contractNumber"
    static let changeSequence = "changeSequence"
    static let purpose = "purpose"
    static let orderType = "orderType"
    static let acknowledgmentType = "acknowledgmentType"
    static let itemStatus = "itemStatus"
    static let transportMethod = "transportMethod"
    static let quantityShippedToDate = "quantityShippedToDate"
    static let ladingQuantity = "ladingQuantity"

    /// Reads the dates written as extrinsics under `cursor`, skipping the kinds in `except` (they have attributes).
    static func dates(_ cursor: CXMLCursor, except: Set<DateKind>) -> [QualifiedDate] {
        // Most elements hold no Extrinsic: then there is nothing to look for, name by name.
        guard cursor.hasUnreadChild("Extrinsic") else { return [] }
        // The Extrinsics are gathered once, and a kind none of them names is passed over without a look at the
        // children (each kind's name is the first of them it would find, as ``CXMLCursor/extrinsic(_:)`` does).
        let extrinsics = cursor.textExtrinsics()
        guard !extrinsics.isEmpty else { return [] }
        var result: [QualifiedDate] = []
        for kind in DateKind.namedValues {
            guard let found = extrinsics.first(where: { $0.name == kind.rawValue }), !except.contains(kind),
                let text = cursor.takeExtrinsic(at: found.index)
            else { continue }
            if let value = CXMLDateText.parse(text) {
                result.append(QualifiedDate(kind, value))
            } else {
                cursor.context.finding(
                    .warning, .invalidDate, "the Extrinsic \(kind.rawValue) is not an ISO 8601 date", value: text,
                    at: cursor.element)
            }
        }
        return result
    }
}
