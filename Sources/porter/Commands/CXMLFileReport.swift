import Conversion
import CXML
import Orders
import Translation

/// `porter validate` and `porter inspect` on a cXML file: the document read by the secure streaming reader and
/// decoded, its structure summed up, its findings located by line, column and element path.
///
/// A document the reader refuses (not well-formed, an internal subset or entity, over a limit, a wrong encoding)
/// is one error finding, like any other problem in the input: exit 1, never 2.
struct CXMLFileReport {
    let path: String
    private(set) var findings: [CXMLFinding] = []
    private(set) var decoding: CXMLDocumentDecoding?

    /// Reads and decodes the document `input` holds.
    init(path: String, input: ReplayingByteSource) {
        self.path = path
        let name = path == "-" ? "stdin" : path
        do {
            let decoding = try CXMLDocumentDecoder(sourceName: name).decode(CXMLReader(input.cxmlChunks()))
            self.decoding = decoding
            self.findings = decoding.findings
        } catch {
            self.findings = [
                CXMLFinding(
                    .error, CXMLFinding.Code(error.code.description), error.message, location: error.location,
                    file: name)
            ]
        }
    }

    var hasErrors: Bool { self.findings.contains { $0.severity == .error } }

    /// The envelope of the document, when it has one.
    var envelope: Envelope? {
        switch self.decoding?.content {
        case .document(let document): document.envelope
        case .statusUpdate(let update): update.envelope
        default: nil
        }
    }

    /// `OrderRequest (purchaseOrder PO-1, 3 lines)`, `Response 200 OK`...
    var summary: String {
        let element = self.decoding?.documentElement ?? "no document"
        switch self.decoding?.content {
        case .document(let document): return "\(element) (\(Self.describe(document)))"
        case .response(let response): return "Response \(response.status.code) \(response.status.text)"
        case .statusUpdate(let update): return "\(element) \(update.status.code) \(update.status.text)"
        case nil: return element
        }
    }

    static func describe(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order):
            "purchaseOrder \(order.number), \(InspectReport.plural(order.lines.count, "line"))"
        case .orderAcknowledgment(let acknowledgment):
            "orderAcknowledgment of \(acknowledgment.orderNumber), \(InspectReport.plural(acknowledgment.lines.count, "line"))"
        case .orderChange(let change):
            "orderChange \(change.orderNumber), \(InspectReport.plural(change.lines.count, "line"))"
        case .shipNotice(let notice):
            "shipNotice \(notice.shipmentID), \(InspectReport.plural(notice.orders.count, "order"))"
        case .functionalAcknowledgment: "functionalAcknowledgment"
        }
    }

    // MARK: Output

    /// The text lines: the structure (unless `findingsOnly`), then the findings.
    func text(verbose: Bool, findingsOnly: Bool) -> [String] {
        var lines: [String] = []
        if !findingsOnly, self.decoding?.content == nil {
            lines += [self.path, "  not read as a cXML document (the error below says why)"]
        } else if !findingsOnly {
            lines.append(self.path)
            let envelope = self.envelope
            let version = envelope?.version ?? "?"
            lines.append("  cXML \(version)  payloadID \(envelope?.payloadID ?? "?")  \(self.usage)")
            if let envelope {
                lines.append("    from \(Self.identity(envelope.sender)) → to \(Self.identity(envelope.receiver))")
            }
            lines.append("    \(self.summary)")
        }
        let shown = self.findings.filter { verbose || $0.severity != .info }
        lines += shown.map(\.description)
        return lines
    }

    /// `valid: 0 errors, 1 warning; 1 document (OrderRequest)`.
    var verdict: String {
        let errors = self.findings.count { $0.severity == .error }
        let warnings = self.findings.count { $0.severity == .warning }
        return "\(self.path): \(self.hasErrors ? "invalid" : "valid"): \(InspectReport.plural(errors, "error")), "
            + "\(InspectReport.plural(warnings, "warning")); 1 cXML document (\(self.decoding?.documentElement ?? "unreadable"))"
    }

    private var usage: String { self.envelope.map { $0.usage.rawValue } ?? "" }

    private static func identity(_ identity: EnvelopeIdentity) -> String {
        identity.qualifier.map { "\($0):\(identity.id)" } ?? identity.id
    }

    /// The JSON object: the same keys as for X12 (`interchanges`, `groups`, `transactions` count documents), with
    /// `format` `cxml` and what the document is.
    func json() -> String {
        let envelope = self.envelope
        let members: [(String, String)] = [
            ("path", JSONText.string(self.path)),
            ("format", JSONText.string("cxml")),
            ("findings", "[" + self.findings.map(FindingJSON.encode).joined(separator: ",") + "]"),
            ("valid", self.hasErrors ? "false" : "true"),
            ("interchanges", self.decoding == nil ? "0" : "1"),
            ("groups", "0"),
            ("transactions", self.decoding?.content == nil ? "0" : "1"),
            ("documentElement", JSONText.string(self.decoding?.documentElement)),
            ("version", JSONText.string(envelope?.version)),
            ("payloadID", JSONText.string(envelope?.payloadID)),
            ("sender", JSONText.string(envelope.map { Self.identity($0.sender) })),
            ("receiver", JSONText.string(envelope.map { Self.identity($0.receiver) })),
        ]
        return "{" + JSONText.members(members) + "}"
    }
}
