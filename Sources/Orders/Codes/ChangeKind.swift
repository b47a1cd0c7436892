/// What a change request does to one order line.
///
/// X12 element 670 (POC02). cXML has no per-line change codes: an update restates the whole order.
///
/// In JSON a named value is its name (`"addItem"`); any other value is the code as sent.
public struct ChangeKind: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Adds a line (X12 `AI`).
    public static let addItem: Self = "addItem"

    /// Deletes the line (X12 `DI`).
    public static let deleteItem: Self = "deleteItem"

    /// Raises the quantity (X12 `QI`).
    public static let quantityIncrease: Self = "quantityIncrease"

    /// Lowers the quantity (X12 `QD`).
    public static let quantityDecrease: Self = "quantityDecrease"

    /// Changes the unit price (X12 `PC`).
    public static let priceChange: Self = "priceChange"

    /// Changes price and quantity (X12 `PQ`).
    public static let priceAndQuantityChange: Self = "priceAndQuantityChange"

    /// Changes price and dates (X12 `PR`).
    public static let priceAndReschedule: Self = "priceAndReschedule"

    /// Changes quantity and dates (X12 `RQ`).
    public static let quantityAndReschedule: Self = "quantityAndReschedule"

    /// Changes dates (X12 `RS`).
    public static let reschedule: Self = "reschedule"

    /// Changes dates (X12 `CT`).
    public static let dateChange: Self = "dateChange"

    /// Replaces all dates (X12 `RB`).
    public static let replaceAllDates: Self = "replaceAllDates"

    /// Restates the whole line (X12 `RZ`).
    public static let replaceAllValues: Self = "replaceAllValues"

    /// Changes line item fields (X12 `CA`).
    public static let lineItemChanges: Self = "lineItemChanges"

    /// Changes line allowances or charges (X12 `CE`).
    public static let allowanceChargeChange: Self = "allowanceChargeChange"

    /// A replacement item (X12 `RE`).
    public static let replacementItem: Self = "replacementItem"

    /// A replacement item with modifications (X12 `RM`).
    public static let replacementItemWithModifications: Self = "replacementItemWithModifications"

    /// Price, quantity and schedule changes (X12 `MU`).
    public static let multipleChanges: Self = "multipleChanges"

    /// Restates the line unchanged (X12 `NC`).
    public static let noChange: Self = "noChange"

    /// Cancels the previously sent order (X12 `CF`).
    public static let cancelOrder: Self = "cancelOrder"

    /// Rejects an item change (X12 `RC`).
    public static let rejectItemChange: Self = "rejectItemChange"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .addItem, .deleteItem, .quantityIncrease, .quantityDecrease, .priceChange, .priceAndQuantityChange,
        .priceAndReschedule, .quantityAndReschedule, .reschedule, .dateChange, .replaceAllDates, .replaceAllValues,
        .lineItemChanges, .allowanceChargeChange, .replacementItem, .replacementItemWithModifications, .multipleChanges,
        .noChange, .cancelOrder, .rejectItemChange,
    ]
}
