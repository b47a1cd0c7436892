/// The definition of one simple data element of the X12 dictionary, such as `353`.
///
/// The same definition is shared by every segment position that uses the element.
public struct X12ElementSchema: Hashable, Sendable {
    /// The data element reference number, e.g. `"353"`: what AK402/IK402 report.
    public var id: String
    /// The dictionary name, e.g. "Transaction Set Purpose Code".
    public var name: String
    /// The data type.
    public var type: X12DataType
    /// The minimum length in characters (sign and decimal point not counted, DOMAIN §7).
    public var minimumLength: Int
    /// The maximum length in characters.
    public var maximumLength: Int
    /// The known codes of an `ID` element, or `nil` when the schema has no list for it (any
    /// value is accepted).
    public var codes: Set<String>?
    /// `true` when ``codes`` is the complete standard list, so an unknown code is an error;
    /// `false` when the list is partial and an unknown code is only a warning.
    public var codesClosed: Bool

    /// Creates an element definition.
    ///
    /// - Parameters:
    ///   - id: The data element reference number.
    ///   - name: The dictionary name.
    ///   - type: The data type.
    ///   - minimumLength: The minimum length.
    ///   - maximumLength: The maximum length.
    ///   - codes: The code list, if any.
    ///   - codesClosed: Whether `codes` is complete.
    public init(
        id: String, name: String, type: X12DataType, minimumLength: Int, maximumLength: Int,
        codes: Set<String>? = nil, codesClosed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.codes = codes
        self.codesClosed = codesClosed
    }
}
