public import CXML
import Orders

/// Decodes a cXML document into what it holds: an order, acknowledgment or ship notice (a ``BusinessDocument``), a
/// `Response` or a `StatusUpdateRequest`.
///
/// The entry point for callers that take any cXML (`porter translate`, the gateway's HTTP endpoint). Reading is
/// lenient: element order may vary, `Extrinsic`s and elements Porter does not map are kept in `extensions` under
/// cXML path addresses (see the README), an SAP `Combined`/`Payload` wrapper is unwrapped, mojibake is repaired,
/// and each deviation is a located finding. A header `type` or `operation` outside the DTD's values is an error;
/// other enumeration breaks are warnings. A `SharedSecret` (and any other credential secret) is dropped as it is
/// read: it is never stored in the model, the extensions or a finding.
///
/// ```swift
/// let result = try CXMLDocumentDecoder(sourceName: "order.xml").decode(path: "order.xml")
/// if case .document(.purchaseOrder(let order)) = result.content { ... }
/// ```
public struct CXMLDocumentDecoder: Sendable {
    /// The input's name, for findings.
    public var sourceName: String?

    /// Creates a decoder.
    ///
    /// - Parameter sourceName: The input's name as findings should show it (a path), if any.
    public init(sourceName: String? = nil) { self.sourceName = sourceName }

    /// The documents Porter decodes, by the name of their element.
    public static let supportedElements: [String] = [
        "OrderRequest", "ConfirmationRequest", "ShipNoticeRequest", "StatusUpdateRequest", "Response",
    ]

    /// Reads one document from `reader` and decodes it.
    ///
    /// - Throws: ``CXMLError`` when the input is not well-formed XML or breaks the reader's limits (and for
    ///   everything else ``CXMLReader`` refuses: internal subsets, entities…). Anything else is a finding.
    public func decode(_ reader: CXMLReader) throws(CXMLError) -> CXMLDocumentDecoding {
        let context = CXMLDecodingContext(file: self.sourceName)
        var findings: [CXMLFinding] = []
        guard let tree = try CXMLDocumentTree.read(reader, findings: &findings, file: self.sourceName) else {
            return CXMLDocumentDecoding(content: nil, documentElement: nil, findings: findings)
        }
        context.append(findings)
        let envelope = CXMLEnvelopeDecoding(tree: tree, context: context)
        var element: String?
        var content: CXMLDocumentContent?
        if let response = envelope.response {
            element = "Response"
            content = CXMLStatusDecoding.response(response, envelope: envelope, context: context).map {
                .response($0)
            }
        } else if let request = envelope.request {
            if let document = envelope.documentElement() {
                element = document.name
                content = Self.decodeRequest(document, envelope: envelope, context: context)
            } else {
                context.finding(.error, .missingRequired, "the Request holds no request", at: request.element)
            }
        } else if let message = envelope.message {
            element = message.unreadChildNames.first { $0 != "Status" }
            context.finding(
                .error, .unsupportedDocument,
                "the document is a Message (\(element ?? "empty")); Porter decodes requests and responses",
                at: message.element)
        } else {
            context.finding(
                .error, .missingRequired, "the cXML document holds no Request, Response or Message",
                at: tree.root)
        }
        return CXMLDocumentDecoding(content: content, documentElement: element, findings: context.findings)
    }

    private static func decodeRequest(
        _ document: CXMLCursor, envelope: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> CXMLDocumentContent? {
        switch document.name {
        case "OrderRequest":
            return CXMLOrderRequestAssembler.assemble(document, envelope: envelope, context: context).map {
                .document(.purchaseOrder($0))
            }
        case "ConfirmationRequest":
            return CXMLConfirmationRequestAssembler.assemble(document, envelope: envelope, context: context).map {
                .document(.orderAcknowledgment($0))
            }
        case "ShipNoticeRequest":
            return CXMLShipNoticeRequestAssembler.assemble(document, envelope: envelope, context: context).map {
                .document(.shipNotice($0))
            }
        case "StatusUpdateRequest":
            return CXMLStatusDecoding.statusUpdate(document, envelope: envelope, context: context).map {
                .statusUpdate($0)
            }
        default:
            context.finding(
                .error, .unsupportedDocument,
                "Porter has no codec for \(document.name); it decodes "
                    + Self.supportedElements.joined(separator: ", "), value: document.name, at: document.element)
            return nil
        }
    }

    /// Decodes a document that should be an `element`; another is an `unexpectedDocument` error finding.
    func decode(
        _ reader: CXMLReader, expecting element: String
    ) throws(CXMLError) -> (content: CXMLDocumentContent?, findings: [CXMLFinding]) {
        let result = try self.decode(reader)
        var findings = result.findings
        if let found = result.documentElement, found != element {
            findings.append(
                CXMLFinding(
                    .error, .unexpectedDocument, "the document is a \(found), not a \(element)", value: found,
                    file: self.sourceName))
            return (nil, findings)
        }
        return (result.content, findings)
    }

    /// Decodes a document held in memory.
    ///
    /// - Throws: ``CXMLError`` as ``decode(_:)`` does.
    public func decode(bytes: [UInt8]) throws(CXMLError) -> CXMLDocumentDecoding {
        try self.decode(CXMLReader(bytes: bytes))
    }

    /// Decodes the document in the file at `path`, read in chunks.
    ///
    /// - Throws: ``CXMLError``: `.io` when the file cannot be read, otherwise as ``decode(_:)`` does.
    public func decode(path: String) throws(CXMLError) -> CXMLDocumentDecoding {
        try self.decode(CXMLReader(path: path))
    }
}
