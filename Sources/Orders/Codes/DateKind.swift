/// What a date in a document means.
///
/// X12 element 374 (DTM01, ACK04, SCH05) and the cXML date attributes (`requestedDeliveryDate`, `shipmentDate`...).
///
/// In JSON a named value is its name (`"cancelAfter"`); any other value is the code as sent.
public struct DateKind: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Cancel if not shipped by this date (X12 `001`).
    public static let cancelAfter: Self = "cancelAfter"

    /// Requested delivery (X12 `002`; cXML `requestedDeliveryDate`).
    public static let deliveryRequested: Self = "deliveryRequested"

    /// The purchase order date (X12 `004`; cXML `orderDate`).
    public static let purchaseOrder: Self = "purchaseOrder"

    /// Effective from (blanket orders) (X12 `007`; cXML `effectiveDate`).
    public static let effective: Self = "effective"

    /// Requested shipment (X12 `010`; cXML `requestedShipmentDate`).
    public static let shipRequested: Self = "shipRequested"

    /// Shipped (X12 `011`; cXML `shipmentDate`).
    public static let shipped: Self = "shipped"

    /// Estimated delivery (X12 `017`; cXML `deliveryDate`).
    public static let estimatedDelivery: Self = "estimatedDelivery"

    /// Expires (blanket orders) (X12 `036`; cXML `expirationDate`).
    public static let expiration: Self = "expiration"

    /// Ship not before (X12 `037`).
    public static let shipNotBefore: Self = "shipNotBefore"

    /// Ship no later than (X12 `038`).
    public static let shipNoLater: Self = "shipNoLater"

    /// Do not deliver after (X12 `063`).
    public static let deliverNotAfter: Self = "deliverNotAfter"

    /// Do not deliver before (X12 `064`).
    public static let deliverNotBefore: Self = "deliverNotBefore"

    /// Current scheduled delivery (X12 `067`).
    public static let scheduledDelivery: Self = "scheduledDelivery"

    /// Current scheduled shipment (X12 `068`; cXML `shipmentDate`).
    public static let scheduledShip: Self = "scheduledShip"

    /// Promised for delivery (X12 `069`).
    public static let promisedDelivery: Self = "promisedDelivery"

    /// Scheduled for delivery after (window start) (X12 `070`; cXML `DeliveryPeriod start`).
    public static let deliveryWindowStart: Self = "deliveryWindowStart"

    /// Scheduled for delivery prior to (window end) (X12 `073`; cXML `DeliveryPeriod end`).
    public static let deliveryWindowEnd: Self = "deliveryWindowEnd"

    /// Promised for shipment (X12 `079`).
    public static let promisedShip: Self = "promisedShip"

    /// Manifest or ship notice date (X12 `111`; cXML `noticeDate`).
    public static let shipNotice: Self = "shipNotice"

    /// Requested pick-up (X12 `118`; cXML `pickUpDate`).
    public static let pickUpRequested: Self = "pickUpRequested"

    /// Estimated arrival (X12 `371`).
    public static let estimatedArrival: Self = "estimatedArrival"

    /// Required delivery (X12 `996`).
    public static let requiredDelivery: Self = "requiredDelivery"

    /// Acknowledgment date (X12 `ACK`; cXML `noticeDate`).
    public static let acknowledgment: Self = "acknowledgment"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .cancelAfter, .deliveryRequested, .purchaseOrder, .effective, .shipRequested, .shipped, .estimatedDelivery,
        .expiration, .shipNotBefore, .shipNoLater, .deliverNotAfter, .deliverNotBefore, .scheduledDelivery,
        .scheduledShip, .promisedDelivery, .deliveryWindowStart, .deliveryWindowEnd, .promisedShip, .shipNotice,
        .pickUpRequested, .estimatedArrival, .requiredDelivery, .acknowledgment,
    ]
}
