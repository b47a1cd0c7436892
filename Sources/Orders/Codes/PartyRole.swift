/// The role a party plays in a document.
///
/// X12 element 98 (N101) and cXML `Contact@role`, `ShipTo`, `BillTo`.
///
/// In JSON a named value is its name (`"buyer"`); any other value is the code as sent.
public struct PartyRole: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The buying party (X12 `BY`; cXML `buyer`).
    public static let buyer: Self = "buyer"

    /// The selling party (X12 `SE`; cXML `supplierAccount`).
    public static let seller: Self = "seller"

    /// The vendor (X12 `VN`).
    public static let vendor: Self = "vendor"

    /// Supplier or manufacturer (X12 `SU`; cXML `supplierCorporate`).
    public static let supplier: Self = "supplier"

    /// Ship to (X12 `ST`; cXML `shipTo`).
    public static let shipTo: Self = "shipTo"

    /// Bill to (X12 `BT`; cXML `billTo`).
    public static let billTo: Self = "billTo"

    /// Bill and ship to (X12 `BS`).
    public static let billAndShipTo: Self = "billAndShipTo"

    /// Sold to, if different from bill to (X12 `SO`; cXML `soldTo`).
    public static let soldTo: Self = "soldTo"

    /// Ship from (X12 `SF`; cXML `shipFrom`).
    public static let shipFrom: Self = "shipFrom"

    /// Remit to (X12 `RI`; cXML `remitTo`).
    public static let remitTo: Self = "remitTo"

    /// Mark for (a store behind a DC) (X12 `Z7`).
    public static let markFor: Self = "markFor"

    /// Store (X12 `SN`).
    public static let store: Self = "store"

    /// Warehouse (X12 `WH`).
    public static let warehouse: Self = "warehouse"

    /// Manufacturer of the goods (X12 `MF`).
    public static let manufacturer: Self = "manufacturer"

    /// Carrier (X12 `CA`; cXML `carrierCorporate`).
    public static let carrier: Self = "carrier"

    /// Consignee (X12 `CN`).
    public static let consignee: Self = "consignee"

    /// Delivery address (X12 `DA`).
    public static let deliveryAddress: Self = "deliveryAddress"

    /// End user (X12 `EN`; cXML `endUser`).
    public static let endUser: Self = "endUser"

    /// Ordered by (X12 `OB`).
    public static let orderedBy: Self = "orderedBy"

    /// Issuer of the invoice (X12 `II`; cXML `issuerOfInvoice`).
    public static let issuerOfInvoice: Self = "issuerOfInvoice"

    /// Broker or sales office (X12 `BO`).
    public static let salesOffice: Self = "salesOffice"

    /// Party to receive the freight bill (X12 `PF`).
    public static let freightBillRecipient: Self = "freightBillRecipient"

    /// Party for whom the item is ultimately intended (X12 `MA`).
    public static let ultimateRecipient: Self = "ultimateRecipient"

    /// Mutually defined (X12 `ZZ`; cXML `default`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .buyer, .seller, .vendor, .supplier, .shipTo, .billTo, .billAndShipTo, .soldTo, .shipFrom, .remitTo, .markFor,
        .store, .warehouse, .manufacturer, .carrier, .consignee, .deliveryAddress, .endUser, .orderedBy,
        .issuerOfInvoice, .salesOffice, .freightBillRecipient, .ultimateRecipient, .mutuallyDefined,
    ]
}
