public import X12

/// How one document type is exchanged with a partner, in each direction.
public struct DocumentExchange: Hashable, Sendable {
    /// Documents of this type the partner sends us.
    public var inbound: ExchangeSettings?
    /// Documents of this type we send the partner.
    public var outbound: ExchangeSettings?

    public init(inbound: ExchangeSettings? = nil, outbound: ExchangeSettings? = nil) {
        self.inbound = inbound
        self.outbound = outbound
    }
}

/// One direction of one document type: format, syntax settings, channel, test or production.
public struct ExchangeSettings: Hashable, Sendable {
    /// The format on the wire.
    public enum Format: String, Hashable, Sendable {
        case x12
        case cxml
        case json
    }

    /// The channel that carries the documents.
    public enum Channel: Hashable, Sendable {
        /// A folder, relative to the gateway's workspace.
        case outbox(String)
        /// HTTP POST of cXML to `url`.
        case http(url: String, timeoutSeconds: Int?)
    }

    public var format: Format
    /// The X12 version (`004010`, `005010`); `nil` keeps the document's.
    public var x12Version: String?
    public var delimiters: X12Delimiters
    public var lineEnding: X12Writer.LineEnding
    /// The character set, as iconv names it; `nil` for ASCII/UTF-8.
    public var characterSet: String?
    /// `997`, `999`, or `nil` for none.
    public var acknowledgment: String?
    /// Whether a TA1 is wanted.
    public var wantsTA1: Bool
    /// The cXML version (its DTD's).
    public var cxmlVersion: String?
    /// `ariba` or `current` (see `CXMLUnitsOfMeasure.Style`).
    public var cxmlUnitStyle: String?
    public var channel: Channel?
    /// Whether documents in this direction are test documents.
    public var isTest: Bool

    public init(
        format: Format, x12Version: String? = nil, delimiters: X12Delimiters = .standard,
        lineEnding: X12Writer.LineEnding = .lf, characterSet: String? = nil, acknowledgment: String? = "997",
        wantsTA1: Bool = false, cxmlVersion: String? = nil, cxmlUnitStyle: String? = nil, channel: Channel? = nil,
        isTest: Bool = false
    ) {
        self.format = format
        self.x12Version = x12Version
        self.delimiters = delimiters
        self.lineEnding = lineEnding
        self.characterSet = characterSet
        self.acknowledgment = acknowledgment
        self.wantsTA1 = wantsTA1
        self.cxmlVersion = cxmlVersion
        self.cxmlUnitStyle = cxmlUnitStyle
        self.channel = channel
        self.isTest = isTest
    }
}
