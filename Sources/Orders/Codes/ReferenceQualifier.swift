/// What a reference number refers to.
///
/// X12 element 128 (REF01, N901) and the cXML attributes and `IdReference` domains they map to.
///
/// In JSON a named value is its name (`"purchaseOrder"`); any other value is the code as sent.
public struct ReferenceQualifier: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Purchase order number (X12 `PO`; cXML `orderID`).
    public static let purchaseOrder: Self = "purchaseOrder"

    /// Vendor (seller) order number (X12 `VN`).
    public static let vendorOrder: Self = "vendorOrder"

    /// Internal vendor number (X12 `IA`).
    public static let internalVendorNumber: Self = "internalVendorNumber"

    /// Internal customer number (X12 `IT`).
    public static let internalCustomerNumber: Self = "internalCustomerNumber"

    /// Department number (X12 `DP`).
    public static let department: Self = "department"

    /// Merchandise type code (X12 `MR`).
    public static let merchandiseType: Self = "merchandiseType"

    /// Customer order number (X12 `CO`).
    public static let customerOrder: Self = "customerOrder"

    /// Customer reference number (X12 `CR`).
    public static let customerReference: Self = "customerReference"

    /// Contract number (X12 `CT`).
    public static let contract: Self = "contract"

    /// Agreement number (X12 `AH`; cXML `agreementID`).
    public static let agreement: Self = "agreement"

    /// Purchase order revision number (X12 `PP`; cXML `orderVersion`).
    public static let orderRevision: Self = "orderRevision"

    /// Purchase requisition number (X12 `RQ`; cXML `requisitionID`).
    public static let requisition: Self = "requisition"

    /// Bill of lading number (X12 `BM`; cXML `billOfLading`).
    public static let billOfLading: Self = "billOfLading"

    /// Carrier's reference number (PRO) (X12 `CN`).
    public static let carrierReference: Self = "carrierReference"

    /// Tracking number (X12 `2I`; cXML `trackingNumber`).
    public static let trackingNumber: Self = "trackingNumber"

    /// Shipper's identifying number (SID) (X12 `SI`).
    public static let shipperIdentification: Self = "shipperIdentification"

    /// Packing list number (X12 `PK`).
    public static let packingList: Self = "packingList"

    /// Ship notice/manifest number (X12 `MA`).
    public static let shipNotice: Self = "shipNotice"

    /// Seller's invoice number (X12 `IV`; cXML `invoiceID`).
    public static let invoice: Self = "invoice"

    /// Letters or notes (X12 `L1`; cXML `Comments`).
    public static let lettersOrNotes: Self = "lettersOrNotes"

    /// Store number (X12 `ST`).
    public static let store: Self = "store"

    /// Mutually defined (X12 `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .purchaseOrder, .vendorOrder, .internalVendorNumber, .internalCustomerNumber, .department, .merchandiseType,
        .customerOrder, .customerReference, .contract, .agreement, .orderRevision, .requisition, .billOfLading,
        .carrierReference, .trackingNumber, .shipperIdentification, .packingList, .shipNotice, .invoice,
        .lettersOrNotes, .store, .mutuallyDefined,
    ]
}
