/// The credential domains Porter writes for X12 interchange ID qualifiers (ISA05/ISA07), and back.
///
/// When a document that came as X12 leaves as cXML, its envelope's identities (ISA06 → `From`, ISA08 → `To`) become
/// credentials whose `domain` is taken from ``table``; a qualifier not in the table is written as it is, with a
/// warning. Reading back, ``x12Qualifier(forDomain:)`` gives the qualifier of a domain (case-insensitively).
public enum CXMLIdentityDomains {
    /// X12 qualifier (element I05) → cXML credential domain.
    ///
    /// | ISA05/07 | meaning | cXML domain |
    /// |---|---|---|
    /// | `01` | D-U-N-S | `DUNS` |
    /// | `02` | SCAC | `SCAC` |
    /// | `08` | UCC EDI Communications ID | `UCCEDICommID` |
    /// | `09` | X.121 | `X.121` |
    /// | `12` | telephone number | `Phone` |
    /// | `14` | D-U-N-S plus suffix | `DUNS+Suffix` |
    /// | `16` | D-U-N-S with a 4-character suffix | `DUNS+4` |
    /// | `20` | Health Industry Number | `HIN` |
    /// | `30` | U.S. federal tax ID | `FederalTaxID` |
    /// | `ZZ` | mutually defined (VAN and network IDs) | `NetworkID` |
    public static let table: [(qualifier: String, domain: String)] = [
        ("01", "DUNS"), ("02", "SCAC"), ("08", "UCCEDICommID"), ("09", "X.121"), ("12", "Phone"),
        ("14", "DUNS+Suffix"), ("16", "DUNS+4"), ("20", "HIN"), ("30", "FederalTaxID"), ("ZZ", "NetworkID"),
    ]

    /// The cXML domain for an X12 qualifier, or `nil` when the table has none.
    public static func domain(forX12Qualifier qualifier: String) -> String? {
        self.table.first { $0.qualifier == qualifier }?.domain
    }

    /// The X12 qualifier for a cXML domain (case-insensitively: `NetworkId` is `ZZ`), or `nil`.
    public static func x12Qualifier(forDomain domain: String) -> String? {
        let lowered = domain.lowercased()
        return self.table.first { $0.domain.lowercased() == lowered }?.qualifier
    }
}
