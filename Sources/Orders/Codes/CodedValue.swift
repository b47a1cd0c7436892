/// A value from a code list: a status, a qualifier, a unit.
///
/// Code lists are open: Porter names the values it knows (``namedValues``, `UnitOfMeasure.each`) and keeps any
/// other value as the code the sender used, so nothing is lost and a later release can name more values without
/// breaking anyone. Names are lower camel case words (`"each"`, `"buyerPart"`); X12 and cXML codes are mapped to
/// and from them by the codecs. A value that is not named holds the partner's code as sent (`"XY"`), so switch
/// over the named values and keep a `default:` branch.
///
/// ```swift
/// switch line.unit {
/// case .each: ...
/// case .case: ...
/// default: print("unit \(line.unit) as sent")
/// }
/// ```
public protocol CodedValue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String, StringLiteralType == String {
    /// The name (`"each"`) or the code as sent.
    var rawValue: String { get }

    /// Creates a value from its name or from a code Porter does not name. Never fails.
    init(rawValue: String)

    /// The values this release of Porter names.
    static var namedValues: [Self] { get }
}

extension CodedValue {
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public var description: String { self.rawValue }

    /// Whether this release of Porter names the value, as opposed to keeping a code as sent.
    ///
    /// - Complexity: O(*n*) in the number of named values.
    public var isNamed: Bool { Self.namedValues.contains(self) }
}

extension CodedValue {
    /// Creates a value from its name or from a code Porter does not name: `UnitOfMeasure("XY")`.
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
}
