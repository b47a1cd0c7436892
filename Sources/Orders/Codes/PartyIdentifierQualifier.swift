/// The scheme a party identifier belongs to.
///
/// X12 element 66 (N103, SDQ02, TD502) and cXML `Address@addressIDDomain`, `CarrierIdentifier@domain`.
///
/// In JSON a named value is its name (`"duns"`); any other value is the code as sent.
public struct PartyIdentifierQualifier: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// D-U-N-S number (Dun & Bradstreet) (X12 `1`; cXML `DUNS`).
    public static let duns: Self = "duns"

    /// D-U-N-S number with a four-character suffix (X12 `9`; cXML `DUNS+4`).
    public static let dunsPlusFour: Self = "dunsPlusFour"

    /// Standard Carrier Alpha Code (X12 `2`; cXML `SCAC`).
    public static let scac: Self = "scac"

    /// IATA code (X12 `4`; cXML `IATA`).
    public static let iata: Self = "iata"

    /// GS1 Global Location Number (UCC/EAN location code) (X12 `UL`; cXML `ILN`).
    public static let gln: Self = "gln"

    /// UCC/EAN location code prefix (X12 `14`).
    public static let glnPrefix: Self = "glnPrefix"

    /// Standard Address Number (X12 `15`).
    public static let san: Self = "san"

    /// Assigned by the seller or the seller's agent (X12 `91`).
    public static let sellerAssigned: Self = "sellerAssigned"

    /// Assigned by the buyer or the buyer's agent (X12 `92`; cXML `buyerLocationID`).
    public static let buyerAssigned: Self = "buyerAssigned"

    /// Mutually defined (X12 `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .duns, .dunsPlusFour, .scac, .iata, .gln, .glnPrefix, .san, .sellerAssigned, .buyerAssigned, .mutuallyDefined,
    ]
}
