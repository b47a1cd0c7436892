/// The kind of a contact number or address.
///
/// X12 element 365 (PER03, PER05, PER07) and the cXML contact elements.
///
/// In JSON a named value is its name (`"phone"`); any other value is the code as sent.
public struct CommunicationKind: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Telephone (X12 `TE`; cXML `Phone`).
    public static let phone: Self = "phone"

    /// Fax (X12 `FX`; cXML `Fax`).
    public static let fax: Self = "fax"

    /// E-mail (X12 `EM`; cXML `Email`).
    public static let email: Self = "email"

    /// Telephone extension (X12 `EX`).
    public static let phoneExtension: Self = "phoneExtension"

    /// Mobile phone (X12 `CP`).
    public static let mobile: Self = "mobile"

    /// Web address (X12 `UR`; cXML `URL`).
    public static let url: Self = "url"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [.phone, .fax, .email, .phoneExtension, .mobile, .url]
}
