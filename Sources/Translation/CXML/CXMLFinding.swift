public import CXML

/// A problem met while reading or writing a cXML document, delivered as a value: the work goes on after it.
///
/// Decoders locate findings by line, column and element path (``location``); encoders name the element they were
/// writing in ``path``. A finding never carries a `SharedSecret` or any other credential secret.
public struct CXMLFinding: Hashable, Sendable, CustomStringConvertible {
    /// How bad a finding is.
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable {
        /// The document breaks cXML in a way that makes it (partly) unusable.
        case error
        /// The document breaks cXML, or Porter wrote a default, but the result is usable.
        case warning
        /// Worth knowing; nothing is wrong.
        case info
    }

    /// What kind of problem a finding is. Extensible: new codes may be added.
    public struct Code: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The code's name, such as `unknownUnit`.
        public let rawValue: String

        /// Creates a code from its name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public init(stringLiteral value: String) { self.rawValue = value }

        public var description: String { self.rawValue }

        // Reading
        /// The document is not the kind the decoder reads (a `ShipNoticeRequest` given to the order decoder).
        public static let unexpectedDocument: Self = "unexpectedDocument"
        /// The document's request, message or response is one Porter has no codec for.
        public static let unsupportedDocument: Self = "unsupportedDocument"
        /// A wrapper around the cXML document (SAP `Combined`) that Porter cannot unwrap.
        public static let unsupportedWrapper: Self = "unsupportedWrapper"
        /// A wrapper around the cXML document (SAP `Combined`/`Payload`) was removed.
        public static let unwrapped: Self = "unwrapped"
        /// An element or attribute cXML requires is missing.
        public static let missingRequired: Self = "missingRequired"
        /// A header `type` or `operation` outside the DTD's values (an error), or another enumerated attribute
        /// outside its values (a warning).
        public static let invalidEnumeration: Self = "invalidEnumeration"
        /// A number (quantity, price, amount) that is not a plain decimal number.
        public static let invalidNumber: Self = "invalidNumber"
        /// A date or date-time that is not ISO 8601.
        public static let invalidDate: Self = "invalidDate"
        /// An attribute the DTD does not declare for its element.
        public static let unknownAttribute: Self = "unknownAttribute"
        /// An element the DTD does not allow inside its parent.
        public static let unknownElement: Self = "unknownElement"
        /// A unit of measure that is not a UN/CEFACT code Porter maps (kept as sent), or a unit with no cXML code.
        public static let unknownUnit: Self = "unknownUnit"
        /// Text that looks like UTF-8 read as Windows-1252 ("mojibake"); it was repaired.
        public static let mojibake: Self = "mojibake"
        /// The quantities of a confirmed line do not add up to the ordered quantity.
        public static let quantityMismatch: Self = "quantityMismatch"
        /// A value was changed or left out to protect it (a payment card number).
        public static let masked: Self = "masked"
        // Writing
        /// The model lacks a value the DTD requires; Porter wrote its documented default.
        public static let defaultValue: Self = "defaultValue"
        /// A model value cXML has no place for; it was not written.
        public static let notCarried: Self = "notCarried"
        /// A model value was written as the nearest cXML value (a purpose, a status).
        public static let approximated: Self = "approximated"
        /// A value held a character XML 1.0 cannot carry; the character was dropped.
        public static let invalidCharacter: Self = "invalidCharacter"
    }

    /// How bad the finding is.
    public var severity: Severity
    /// What kind of problem it is.
    public var code: Code
    /// A sentence a person understands.
    public var message: String
    /// The offending value as read, when there is one.
    public var value: String?
    /// Where in the input it is (decoding): line, column and element path.
    public var location: CXMLLocation?
    /// The element path the encoder was writing, such as `OrderRequest/ItemOut[2]/ItemDetail/UnitPrice`.
    public var path: String?
    /// The input's name as the caller gave it (a path), when decoding.
    public var file: String?

    /// Creates a finding.
    public init(
        _ severity: Severity, _ code: Code, _ message: String, value: String? = nil, location: CXMLLocation? = nil,
        path: String? = nil, file: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.value = value
        self.location = location
        self.path = path
        self.file = file
    }

    /// `file:line:column: severity: message (path) [code]`, with what is known of the place.
    public var description: String {
        var text = ""
        if let file { text += "\(file):" }
        if let location { text += "\(location.line):\(location.column):" }
        if !text.isEmpty { text += " " }
        text += "\(self.severity.rawValue): \(self.message)"
        if let place = self.location?.path ?? self.path, !place.isEmpty { text += " (\(place))" }
        text += " [\(self.code)]"
        return text
    }
}
