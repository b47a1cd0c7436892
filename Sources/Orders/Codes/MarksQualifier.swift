/// What a package mark is.
///
/// X12 element 88 (MAN01).
///
/// In JSON a named value is its name (`"ssccWithApplicationIdentifier"`); any other value is the code as sent.
public struct MarksQualifier: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// SSCC-18 with its GS1 application identifier `00` (20 digits) (X12 `GM`; cXML `ShippingContainerSerialCode`).
    public static let ssccWithApplicationIdentifier: Self = "ssccWithApplicationIdentifier"

    /// SSCC-18 (18 digits) (X12 `AA`).
    public static let sscc: Self = "sscc"

    /// U.P.C. shipping container code (X12 `UC`).
    public static let upcShippingContainer: Self = "upcShippingContainer"

    /// Carrier-assigned package ID (X12 `CP`).
    public static let carrierPackageID: Self = "carrierPackageID"

    /// Shipper-assigned case number (X12 `CA`).
    public static let shipperCaseNumber: Self = "shipperCaseNumber"

    /// Shipper assigned (X12 `SM`).
    public static let shipperAssigned: Self = "shipperAssigned"

    /// Master carton (X12 `MC`).
    public static let masterCarton: Self = "masterCarton"

    /// Pallet number (X12 `W`).
    public static let palletNumber: Self = "palletNumber"

    /// Mutually defined (X12 `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .ssccWithApplicationIdentifier, .sscc, .upcShippingContainer, .carrierPackageID, .shipperCaseNumber,
        .shipperAssigned, .masterCarton, .palletNumber, .mutuallyDefined,
    ]
}
