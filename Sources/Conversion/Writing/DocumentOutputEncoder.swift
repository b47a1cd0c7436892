import CXML
public import Orders
public import Translation
import X12

/// Encodes canonical documents into the output format, with the envelope overrides given on the command line.
///
/// The one encoding step `porter translate` and `porter convert` share: JSON as Porter's canonical form (one line),
/// X12 as one interchange per document (`--version`, `--sender`, `--receiver` fill in or replace the envelope), cXML
/// through ``CXMLDocumentEncoder`` (whose findings are handed back).
public struct DocumentOutputEncoder: Sendable {
    /// The result of encoding one document.
    public enum Output: Sendable {
        /// The document's bytes, and what the cXML encoder noted (defaults written, values not carried).
        case encoded(bytes: [UInt8], findings: [CXMLFinding])
        /// The document has no form in the output format (a 997 has no cXML form); `reason` says why.
        case noForm(reason: String)
    }

    /// The format written.
    public var format: OutputFormat
    /// The X12 version to write (`004010`, `005010`); `nil` keeps the document's envelope.
    public var x12Version: String?
    /// The X12 sender (`ZZ:ACME`) that replaces the envelope's.
    public var x12Sender: X12Identity?
    /// The X12 receiver that replaces the envelope's.
    public var x12Receiver: X12Identity?
    /// The cXML encoder, with its version and credentials.
    public var cxml: CXMLDocumentEncoder

    /// An encoder for `format`; the overrides are those of the matching format (X12 identities for X12, cXML
    /// credentials in `cxmlOptions`).
    public init(
        format: OutputFormat, x12Version: String? = nil, x12Sender: X12Identity? = nil,
        x12Receiver: X12Identity? = nil, cxmlOptions: CXMLEncodingOptions = CXMLEncodingOptions()
    ) {
        self.format = format
        self.x12Version = x12Version
        self.x12Sender = x12Sender
        self.x12Receiver = x12Receiver
        self.cxml = CXMLDocumentEncoder(options: cxmlOptions)
    }

    /// An encoder from command-line options: `sender` and `receiver` as `QUALIFIER:ID` for X12 or `DOMAIN:ID` for
    /// cXML (check them first with ``identityProblem(_:_:format:)``; one that does not parse is left out).
    public init(format: OutputFormat, x12Version: String?, cxmlVersion: String, sender: String?, receiver: String?) {
        self.init(
            format: format, x12Version: x12Version,
            x12Sender: format == .x12 ? sender.flatMap(X12Identity.init(argument:)) : nil,
            x12Receiver: format == .x12 ? receiver.flatMap(X12Identity.init(argument:)) : nil,
            cxmlOptions: CXMLEncodingOptions(
                version: cxmlVersion, sender: sender.flatMap(CXMLCredential.init(parsing:)),
                receiver: receiver.flatMap(CXMLCredential.init(parsing:))))
    }

    /// What is wrong with the identity `value` given as option `name` (`--sender`) for `format`, as a sentence;
    /// `nil` when it is fine.
    public static func identityProblem(_ name: String, _ value: String, format: OutputFormat) -> String? {
        switch format {
        case .json:
            return "\(name) is only used with --to x12 or --to cxml."
        case .x12 where X12Identity(argument: value) == nil:
            return "\(name) \(value): give QUALIFIER:ID, e.g. ZZ:ACME (1-2 letters or digits, 1-15 characters)"
        case .cxml where CXMLCredential(parsing: value) == nil:
            return "\(name) \(value): give DOMAIN:ID, e.g. NetworkID:AN01000000001"
        default:
            return nil
        }
    }

    /// Encodes `document`; `original` is the purchase order an 860 changes (cXML restates it as an update).
    ///
    /// - Throws: ``X12Error`` (an envelope without sender or receiver) or ``CXMLEncodingError``.
    public func encode(_ document: BusinessDocument, original: PurchaseOrder? = nil) throws -> Output {
        switch self.format {
        case .json:
            // The line feed written by the writer: appended to the returned array, it copied the JSON once more.
            var writer = CanonicalJSONWriter(reservingCapacity: document.canonicalJSONCapacity)
            writer.write(document)
            return .encoded(bytes: writer.bytes, findings: [])
        case .x12:
            var document = document
            try self.prepare(&document.envelope)
            return .encoded(
                bytes: try X12DocumentEncoder(version: self.x12Version).encodeInterchange(document), findings: [])
        case .cxml:
            if case .functionalAcknowledgment = document {
                return .noForm(reason: "has no cXML form (cXML answers with a Response)")
            }
            let encoding = try self.cxml.encode(document, original: original)
            return .encoded(bytes: encoding.bytes, findings: encoding.findings)
        }
    }

    /// Applies the overrides and checks that the envelope names both parties.
    private func prepare(_ envelope: inout Envelope) throws(X12Error) {
        if let version = self.x12Version {
            envelope.version = version
            envelope.interchangeVersion = nil  // derived from the version by the encoder
        }
        if let sender = self.x12Sender {
            envelope.sender = EnvelopeIdentity(qualifier: sender.qualifier, id: sender.id)
            envelope.applicationSender = sender.id
        }
        if let receiver = self.x12Receiver {
            envelope.receiver = EnvelopeIdentity(qualifier: receiver.qualifier, id: receiver.id)
            envelope.applicationReceiver = receiver.id
        }
        if envelope.sender.id.isEmpty {
            throw X12Error(.invalidValue, "the envelope has no sender; give --sender QUALIFIER:ID")
        }
        if envelope.receiver.id.isEmpty {
            throw X12Error(.invalidValue, "the envelope has no receiver; give --receiver QUALIFIER:ID")
        }
    }
}

/// An X12 party as `QUALIFIER:ID` (`ZZ:ACME`): ISA05/06 or ISA07/08, and GS02 or GS03.
public struct X12Identity: Hashable, Sendable {
    /// The interchange ID qualifier (1-2 letters or digits).
    public var qualifier: String
    /// The interchange ID (1-15 characters).
    public var id: String

    /// Parses `QUALIFIER:ID`; `nil` when it is not that shape.
    public init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":") else { return nil }
        let qualifier = String(argument[..<colon])
        let id = String(argument[argument.index(after: colon)...])
        guard (1...2).contains(qualifier.count), (1...15).contains(id.count),
            qualifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        self.qualifier = qualifier
        self.id = id
    }
}
