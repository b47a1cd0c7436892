/// How goods travel.
///
/// X12 element 91 (TD504) and cXML `Route@method`.
///
/// In JSON a named value is its name (`"air"`); any other value is the code as sent.
public struct TransportMethod: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Air (X12 `A`; cXML `air`).
    public static let air: Self = "air"

    /// Air express (X12 `AE`).
    public static let airExpress: Self = "airExpress"

    /// Motor (X12 `J`; cXML `motor`).
    public static let motor: Self = "motor"

    /// Motor (common carrier) (X12 `M`).
    public static let motorCommonCarrier: Self = "motorCommonCarrier"

    /// Less than truckload (X12 `LT`).
    public static let lessThanTruckload: Self = "lessThanTruckload"

    /// Private parcel service (X12 `U`).
    public static let privateParcel: Self = "privateParcel"

    /// Rail (X12 `R`; cXML `rail`).
    public static let rail: Self = "rail"

    /// Ocean (X12 `S`; cXML `ship`).
    public static let ocean: Self = "ocean"

    /// Best way (shipper's option) (X12 `T`).
    public static let bestWay: Self = "bestWay"

    /// Customer pick-up (X12 `H`).
    public static let customerPickup: Self = "customerPickup"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .air, .airExpress, .motor, .motorCommonCarrier, .lessThanTruckload, .privateParcel, .rail, .ocean, .bestWay,
        .customerPickup,
    ]
}
