/// The values Porter writes where the model lacks one that the cXML DTD requires, each with a warning finding.
///
/// | Where | Default |
/// |---|---|
/// | `OrderRequestHeader/Total` | the sum of quantity × unit price over the lines (lines without a price count 0) |
/// | `ItemDetail/UnitPrice` | `0` |
/// | `ItemDetail/Description` | an empty description |
/// | `ItemDetail/Classification` | domain `UNSPSC`, value `00000000` (``classificationDomain``, ``classificationValue``; the encoder's options can name another) |
/// | `ItemDetail/UnitOfMeasure`, a status's or item's `UnitOfMeasure` | `ZZ` (mutually defined) for a unit without a cXML code |
/// | `ItemID/SupplierPartID` | the line's vendor item, else the first identifier written as an `IdReference`, else empty |
/// | `Header/Sender` | the `From` credential, and `UserAgent` `Porter` |
/// | `From`/`To` credential domain | the X12 qualifier's domain (``CXMLIdentityDomains``), else `NetworkID` |
/// | `OrderRequestHeader/BillTo` | the bill-to party, else the buyer, else the sold-to party, else a `Name` holding the `From` identity |
/// | `PostalAddress/Street`, `City` | empty |
/// | `Country@isoCountryCode`, `CountryCode@isoCountryCode` | the address's country, else the encoder's default country (`US`) |
/// | `Name@xml:lang`, `Description@xml:lang`, `ServiceLevel@xml:lang`, `PackagingCode@xml:lang` | the document's language (`en-US` by default) |
/// | a `datetime.tz` value without time or zone (`orderDate`, `noticeDate`…) | time 12:00:00 (so the day survives any offset) and the encoder's default zone (`+00:00`) |
/// | `cXML@timestamp` | the envelope's date, else now |
/// | `cXML@payloadID` | the envelope's payload ID, else a new one (``CXML/CXMLPayloadID``) |
/// | `ConfirmationHeader@noticeDate` | the acknowledgment date, else the envelope's date |
/// | `ConfirmationItem@lineNumber`, `ShipNoticeItem@lineNumber` | the position of the line, from 1 |
/// | `ConfirmationItem@quantity` | the sum of the statuses' quantities |
/// | `ConfirmationStatus` | one per line without statuses, of the header's kind, for the whole quantity; an `unknown` one for any remainder |
/// | `OrderReference/DocumentReference@payloadID`, `ShipNoticePortion`'s | the one kept in extensions, else the encoder's option, else empty |
/// | `ShipControl/CarrierIdentifier` | domain `companyName`, the carrier's name (else `unknown`) |
/// | `ShipControl/ShipmentIdentifier` | the shipment ID |
/// | `Packaging/PackagingCode` | the pack level's name (`tare`, `pack`) when the pack has neither a code nor measures |
/// | `TermsOfDeliveryCode@value` | `DeliveryCondition` |
/// | `ShippingPaymentMethod@value`, `TransportTerms@value` | `Other`, with Porter's name as text, for a value Porter does not map |
enum CXMLDefaults {
    static let classificationDomain = "UNSPSC"
    static let classificationValue = "00000000"
    static let userAgent = "Porter"
    static let credentialDomain = "NetworkID"
    static let language = "en-US"
    static let countryCode = "US"
    static let termsOfDeliveryCode = "DeliveryCondition"
}
