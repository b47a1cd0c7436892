import CXML
public import Orders

/// How the cXML encoders write: the version, the identities, and the defaults for values the DTD requires.
///
/// Every default is documented in the README (and in ``CXMLDefaults``); writing one is a warning finding.
public struct CXMLEncodingOptions: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The cXML version of the `DOCTYPE` (`1.2.069` by default); the document is written valid against it.
    public var version: String
    /// The `From` credential; by default the envelope's sender (an X12 qualifier mapped by
    /// ``CXMLIdentityDomains``).
    public var sender: CXMLCredential?
    /// The `To` credential; by default the envelope's receiver.
    public var receiver: CXMLCredential?
    /// The `Sender` credential (the party that opens the connection); by default the one the document arrived
    /// with (kept in its extensions), else the `From` credential.
    public var senderCredential: CXMLCredential?
    /// The `SharedSecret` written in the `Sender` credential, if any. It is only written, never kept.
    public var sharedSecret: String?
    /// `Sender/UserAgent`; by default the envelope's, else `Porter`.
    public var userAgent: String?
    /// `cXML@payloadID`; by default the envelope's, else a new one.
    public var payloadID: String?
    /// `cXML@timestamp`, as written (`2025-03-04T08:15:00-05:00`); by default the envelope's date, else now.
    public var timestamp: String?
    /// `cXML@xml:lang` and the `xml:lang` of texts without a language; by default the document's (kept in its
    /// extensions), else `en-US`.
    public var language: String?
    /// The zone written with a date-time that has none (`+00:00` by default).
    public var defaultTimeZone: TimeZoneDesignator
    /// The currency of `Money` when the document states none (`USD` by default).
    public var defaultCurrency: String
    /// The `isoCountryCode` of an address or phone number without a country (`US` by default).
    public var defaultCountryCode: String
    /// The `Classification` written for a line without one: domain and value (`UNSPSC`, `00000000` by default).
    public var defaultClassification: (domain: String, value: String)
    /// Which UN/CEFACT codes units are written in (Ariba's by default).
    public var unitStyle: CXMLUnitsOfMeasure.Style
    /// The `payloadID` of the order a confirmation or ship notice refers to (`DocumentReference`), when the
    /// document's extensions do not keep one; the gateway's order store knows it.
    public var orderPayloadID: String?
    /// The indentation of nested elements (two spaces by default), or `nil` for none.
    public var indentation: String?

    /// Creates options; every value defaults as its documentation says.
    public init(
        version: String = "1.2.069", sender: CXMLCredential? = nil, receiver: CXMLCredential? = nil,
        senderCredential: CXMLCredential? = nil, sharedSecret: String? = nil, userAgent: String? = nil,
        payloadID: String? = nil, timestamp: String? = nil, language: String? = nil,
        defaultTimeZone: TimeZoneDesignator = "+00:00", defaultCurrency: String = "USD",
        defaultCountryCode: String = "US",
        defaultClassification: (domain: String, value: String) = ("UNSPSC", "00000000"),
        unitStyle: CXMLUnitsOfMeasure.Style = .ariba, orderPayloadID: String? = nil,
        indentation: String? = "  "
    ) {
        self.version = version
        self.sender = sender
        self.receiver = receiver
        self.senderCredential = senderCredential
        self.sharedSecret = sharedSecret
        self.userAgent = userAgent
        self.payloadID = payloadID
        self.timestamp = timestamp
        self.language = language
        self.defaultTimeZone = defaultTimeZone
        self.defaultCurrency = defaultCurrency
        self.defaultCountryCode = defaultCountryCode
        self.defaultClassification = defaultClassification
        self.unitStyle = unitStyle
        self.orderPayloadID = orderPayloadID
        self.indentation = indentation
    }

    /// The options with the shared secret masked: options are logged, secrets never are.
    public var description: String {
        var parts = ["version \(self.version)"]
        if let sender { parts.append("sender \(sender)") }
        if let receiver { parts.append("receiver \(receiver)") }
        if let senderCredential { parts.append("Sender \(senderCredential)") }
        if self.sharedSecret != nil { parts.append("shared secret ****") }
        if let userAgent { parts.append("user agent \(userAgent)") }
        if let payloadID { parts.append("payloadID \(payloadID)") }
        if let timestamp { parts.append("timestamp \(timestamp)") }
        if let language { parts.append("language \(language)") }
        parts.append(
            "zone \(self.defaultTimeZone), currency \(self.defaultCurrency), country \(self.defaultCountryCode)")
        parts.append("classification \(self.defaultClassification.domain) \(self.defaultClassification.value)")
        parts.append("units \(self.unitStyle.rawValue)")
        if let orderPayloadID { parts.append("order payloadID \(orderPayloadID)") }
        return "CXMLEncodingOptions(" + parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { self.description }

    /// The writer's configuration for these options.
    var writerConfiguration: CXMLWriter.Configuration {
        CXMLWriter.Configuration(version: self.version, indentation: self.indentation)
    }
}
