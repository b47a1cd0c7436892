import CXML
import Orders
import Translation
import X12

/// What reading one input yields, in input order.
enum ExtractedItem {
    /// A document to convert; `key` tells it apart in its output name, `type` is its row in the summary.
    case document(BusinessDocument, key: String, label: String)
    /// A document (or a part of the input) that cannot be converted, with the findings that say why (JSON text in
    /// the shape of `porter validate --json`).
    case failure(type: String, label: String, findings: [String])
    /// A document Porter has no codec for; not a failure.
    case skipped(type: String, label: String)
}

/// Reads the documents of one input (X12 as a stream, one transaction set at a time; cXML as a stream; Porter JSON
/// whole) and hands each to `handle` as it comes.
struct DocumentExtraction {
    /// The input's name in findings (`orders.zip:in/a.edi`).
    let sourceName: String

    /// Reads `input`, whose format is `format`.
    ///
    /// - Throws: ``X12Error`` when the input cannot be read at all (I/O, character set); what was handed out before
    ///   stands.
    func read(
        _ input: PeekableByteSource<UnitByteSource>, format: InputFormat, handle: (ExtractedItem) -> Void
    ) throws(X12Error) {
        switch format {
        case .x12: try self.readX12(input, handle: handle)
        case .cxml: self.readCXML(input, handle: handle)
        case .json: try self.readJSON(input, handle: handle)
        case .unknown:
            handle(
                .failure(
                    type: "unknown", label: "file",
                    findings: [
                        FindingJSON.encode(
                            code: "unknownFormat",
                            message: "not X12 (no ISA at the start), not cXML and not Porter JSON", byteOffset: 0)
                    ]))
        }
    }

    /// X12: each supported set decoded at its SE. Errors inside a set travel with it; errors outside any set (a
    /// trailer's count, a duplicate control number) fail the interchange they are in.
    private func readX12(_ input: PeekableByteSource<UnitByteSource>, handle: (ExtractedItem) -> Void)
        throws(X12Error)
    {
        let source = try X12Input.open(source: input, encoding: nil)
        var documents = X12DocumentReader(source: source, sourceName: self.sourceName)
        var pending: [X12Finding] = []
        var interchange: String?
        var group: String?
        while let event = try documents.next() {
            switch event {
            case .finding(let finding):
                guard finding.severity == .error else { break }
                if finding.location.transaction != nil {
                    pending.append(finding)
                } else {
                    let place =
                        finding.location.interchange.map { "interchange \($0)" } ?? "envelope"
                    handle(.failure(type: "envelope", label: place, findings: [FindingJSON.encode(finding)]))
                }
            case .skipped(let header):
                let type = Self.x12Type(header.identifier)
                let label = "\(header.identifier) ST02 \(header.controlNumber)"
                if X12DocumentDecoder.supports(header.identifier) {
                    let message = "transaction set \(header.identifier) is outside an interchange or group"
                    handle(
                        .failure(
                            type: type, label: label,
                            findings: [
                                FindingJSON.encode(
                                    code: "outsideEnvelope", message: message, byteOffset: header.byteOffset)
                            ]))
                } else {
                    handle(.skipped(type: type, label: label))
                }
                pending.removeAll()
            case .document(let set):
                let errors = pending.filter { $0.location.transaction == set.header.controlNumber }
                pending.removeAll()
                // The set's envelope: from its document, else from its findings, else the last one seen.
                let located = (errors + set.findings).first { $0.location.interchange != nil }?.location
                let envelope = set.document?.envelope
                interchange = envelope?.interchangeControlNumber ?? located?.interchange ?? interchange
                group = envelope?.groupControlNumber ?? located?.group ?? group
                let key = [interchange, group, set.header.controlNumber].compactMap { $0 }
                    .map(DocumentNaming.safeName).joined(separator: "-")
                let label =
                    "\(set.header.identifier) ST02 \(set.header.controlNumber)"
                    + (interchange.map { " (ISA13 \($0)" + (group.map { ", GS06 \($0)" } ?? "") + ")" } ?? "")
                if let document = set.document, set.isClean {
                    handle(.document(document, key: key, label: label))
                } else {
                    var findings = (errors + set.findings.filter { $0.severity == .error }).map(FindingJSON.encode)
                    if findings.isEmpty {
                        findings = [
                            FindingJSON.encode(
                                code: "notDecoded", message: "the transaction set could not be decoded",
                                byteOffset: set.header.byteOffset)
                        ]
                    }
                    handle(.failure(type: Self.x12Type(set.header.identifier), label: label, findings: findings))
                }
            }
        }
    }

    /// cXML: one document, decoded by the secure streaming reader.
    private func readCXML(_ input: PeekableByteSource<UnitByteSource>, handle: (ExtractedItem) -> Void) {
        var input = input
        let decoding: CXMLDocumentDecoding
        do {
            decoding = try CXMLDocumentDecoder(sourceName: self.sourceName).decode(
                CXMLReader(CXMLChunkSource { try input.nextChunk() }))
        } catch {
            handle(
                .failure(
                    type: "unknown", label: "cXML document",
                    findings: [FindingJSON.encode(code: "unreadable", message: error.description, byteOffset: nil)]))
            return
        }
        let element = decoding.documentElement ?? "cXML document"
        let errors = decoding.findings.filter { $0.severity == .error }
        switch decoding.content {
        case .document(let document) where errors.isEmpty:
            handle(.document(document, key: DocumentNaming.number(document), label: DocumentNaming.label(document)))
        case .response, .statusUpdate:
            handle(.skipped(type: element, label: element))
        default:
            var findings = errors.map(FindingJSON.encode)
            if findings.isEmpty {
                findings = [
                    FindingJSON.encode(
                        code: "unsupportedDocument", message: "a cXML \(element) is not a document Porter converts",
                        byteOffset: nil)
                ]
            }
            handle(.failure(type: Self.cxmlType(element), label: element, findings: findings))
        }
    }

    /// Porter JSON: one document, an array, or JSON Lines (read whole: Foundation decodes JSON in one piece).
    private func readJSON(_ input: PeekableByteSource<UnitByteSource>, handle: (ExtractedItem) -> Void)
        throws(X12Error)
    {
        var input = input
        let bytes = try input.readToEnd()
        let json = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            for document in try BusinessDocument.decodeAll(json: json) {
                handle(
                    .document(document, key: DocumentNaming.number(document), label: DocumentNaming.label(document)))
            }
        } catch {
            handle(
                .failure(
                    type: "unknown", label: "JSON",
                    findings: [FindingJSON.encode(code: "invalidJSON", message: error.description, byteOffset: nil)]))
        }
    }

    /// The summary row of an X12 transaction set.
    static func x12Type(_ identifier: String) -> String {
        switch identifier {
        case "850": return BusinessDocument.Kind.purchaseOrder.rawValue
        case "855": return BusinessDocument.Kind.orderAcknowledgment.rawValue
        case "856": return BusinessDocument.Kind.shipNotice.rawValue
        case "860": return BusinessDocument.Kind.orderChange.rawValue
        case "997", "999": return BusinessDocument.Kind.functionalAcknowledgment.rawValue
        default: return "x12 \(identifier)"
        }
    }

    /// The summary row of a cXML document that could not be decoded, from its request element.
    static func cxmlType(_ element: String) -> String {
        switch element {
        case "OrderRequest": return BusinessDocument.Kind.purchaseOrder.rawValue
        case "ConfirmationRequest": return BusinessDocument.Kind.orderAcknowledgment.rawValue
        case "ShipNoticeRequest": return BusinessDocument.Kind.shipNotice.rawValue
        default: return "unknown"
        }
    }
}
