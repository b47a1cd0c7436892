/// What an item identifier identifies, and who assigned it.
///
/// X12 element 235 (PO106..., ACK07..., POC08..., LIN02...) and the cXML `ItemID`/`IdReference` elements.
///
/// In JSON a named value is its name (`"buyerPart"`); any other value is the code as sent.
public struct ItemIdentifierKind: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buyer's part number (X12 `BP`; cXML `BuyerPartID`).
    public static let buyerPart: Self = "buyerPart"

    /// Buyer's item number (X12 `IN`).
    public static let buyerItem: Self = "buyerItem"

    /// Buyer's catalog number (X12 `CB`).
    public static let buyerCatalog: Self = "buyerCatalog"

    /// Purchaser's item code (X12 `PI`).
    public static let purchaserItemCode: Self = "purchaserItemCode"

    /// Vendor's (seller's) part number (X12 `VP`; cXML `SupplierPartID`).
    public static let vendorPart: Self = "vendorPart"

    /// Vendor's (seller's) item number (X12 `VN`).
    public static let vendorItem: Self = "vendorItem"

    /// Vendor's supplemental item number (X12 `VS`; cXML `SupplierPartAuxiliaryID`).
    public static let vendorSupplemental: Self = "vendorSupplemental"

    /// Vendor's catalog number (X12 `VC`).
    public static let vendorCatalog: Self = "vendorCatalog"

    /// Vendor's style number (X12 `VA`).
    public static let vendorStyle: Self = "vendorStyle"

    /// Manufacturer's part number (X12 `MG`; cXML `ManufacturerPartID`).
    public static let manufacturerPart: Self = "manufacturerPart"

    /// Manufacturer (name) (X12 `MF`; cXML `ManufacturerName`).
    public static let manufacturer: Self = "manufacturer"

    /// U.P.C. consumer package code (12 digits) (X12 `UP`; cXML `UPCConsumerPackageCode`).
    public static let upc: Self = "upc"

    /// European Article Number (EAN-13) (X12 `EN`; cXML `EANID`).
    public static let ean: Self = "ean"

    /// GTIN-14 (U.P.C./EAN shipping container code) (X12 `UK`).
    public static let gtin: Self = "gtin"

    /// Stock keeping unit (X12 `SK`; cXML `custSKU`).
    public static let sku: Self = "sku"

    /// Purchaser's order line number (X12 `PL`).
    public static let purchaserOrderLine: Self = "purchaserOrderLine"

    /// Part number description (X12 `PD`).
    public static let partDescription: Self = "partDescription"

    /// Classification (X12 `C3`; cXML `Classification`).
    public static let classification: Self = "classification"

    /// Color (X12 `CL`).
    public static let color: Self = "color"

    /// Vendor's size code (X12 `SZ`).
    public static let size: Self = "size"

    /// National Drug Code (X12 `ND`).
    public static let nationalDrugCode: Self = "nationalDrugCode"

    /// Batch number (X12 `B8`; cXML `SupplierBatchID`).
    public static let batch: Self = "batch"

    /// Lot number (X12 `LT`).
    public static let lot: Self = "lot"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .buyerPart, .buyerItem, .buyerCatalog, .purchaserItemCode, .vendorPart, .vendorItem, .vendorSupplemental,
        .vendorCatalog, .vendorStyle, .manufacturerPart, .manufacturer, .upc, .ean, .gtin, .sku, .purchaserOrderLine,
        .partDescription, .classification, .color, .size, .nationalDrugCode, .batch, .lot,
    ]
}
