import CXML
import Foundation

/// One cXML document read into memory: its `DOCTYPE` and its `cXML` element, unwrapped from an SAP `Combined`
/// wrapper when it came in one.
struct CXMLDocumentTree: Sendable {
    /// The `DOCTYPE`, when the document had one.
    var documentType: CXMLDocumentType?
    /// The `cXML` element.
    var root: CXMLElement

    /// The cXML version: the `DOCTYPE`'s (`…/1.2.069/cXML.dtd`), else the `cXML@version` attribute.
    var version: String? { self.documentType?.version ?? self.root.attribute("version") }

    /// Elements whose content authenticates the sender: dropped as they are read, so no model value, extension or
    /// finding can ever hold them.
    static let secrets: Set<String> = ["SharedSecret", "CredentialMac", "DigitalSignature"]

    /// Whether `name` is one of ``secrets`` (without hashing every element name).
    static func isSecret(_ name: String) -> Bool {
        switch name.utf8.count {
        case 12: name == "SharedSecret"
        case 13: name == "CredentialMac"
        case 16: name == "DigitalSignature"
        default: false
        }
    }

    /// Reads one document from `reader` and finds its `cXML` element.
    ///
    /// A root named `Combined` (SAP's wrapper) is unwrapped when its `Payload` holds the `cXML` element or the
    /// document as text; anything else is refused with an error finding, and so is a root that is not `cXML`.
    ///
    /// - Returns: The tree, or `nil` with the reason in `findings`.
    /// - Throws: ``CXMLError`` when the input is not well-formed or breaks the reader's limits.
    static func read(
        _ reader: CXMLReader, findings: inout [CXMLFinding], file: String?
    ) throws(CXMLError) -> CXMLDocumentTree? {
        let (documentType, root) = try Self.element(reader)
        return try Self.unwrap(root, documentType: documentType, findings: &findings, file: file)
    }

    /// Reads the root element of `reader`, whatever its name, and the `DOCTYPE` before it.
    static func element(_ reader: CXMLReader) throws(CXMLError) -> (CXMLDocumentType?, CXMLElement) {
        let builder = Builder()
        try reader.read(into: builder)
        guard let root = builder.root else {
            throw CXMLError(.truncated, "the input holds no element")
        }
        return (builder.documentType, root)
    }

    /// Builds the element tree from the reader's events as libxml2 reports them.
    private final class Builder: CXMLEventSink {
        /// What the builder changes on every event, behind a pointer: a class's stored properties would be checked
        /// for exclusive access at run time on each.
        private struct State {
            var documentType: CXMLDocumentType?
            var root: CXMLElement?
            var stack: [CXMLElement] = []
            /// The depth inside a secret being skipped (a SharedSecret is never held, not even in memory).
            var skipping = 0
        }

        private let state: UnsafeMutablePointer<State>

        init() {
            self.state = .allocate(capacity: 1)
            self.state.initialize(to: State())
        }

        deinit {
            self.state.deinitialize(count: 1)
            self.state.deallocate()
        }

        var documentType: CXMLDocumentType? { self.state.pointee.documentType }
        var root: CXMLElement? { self.state.pointee.root }

        func documentType(_ type: CXMLDocumentType) { self.state.pointee.documentType = type }

        func elementStart(name: String, attributes: [CXMLAttribute], location: CXMLLocation) {
            if self.state.pointee.skipping > 0 || CXMLDocumentTree.isSecret(name) {
                self.state.pointee.skipping += 1
                return
            }
            self.state.pointee.stack.append(CXMLElement(name: name, attributes: attributes, location: location))
        }

        func text(_ text: String, location: CXMLLocation) {
            guard self.state.pointee.skipping == 0, !self.state.pointee.stack.isEmpty else { return }
            self.state.pointee.stack[self.state.pointee.stack.count - 1].content.append(.text(text))
        }

        func elementEnd() {
            Self.end(&self.state.pointee)
        }

        private static func end(_ state: inout State) {
            if state.skipping > 0 {
                state.skipping -= 1
                return
            }
            guard let element = state.stack.popLast() else { return }
            if state.stack.isEmpty {
                state.root = element
                return
            }
            let parent = state.stack.count - 1
            let index = state.stack[parent].children.count
            if index == 0 {
                // Most elements with children have a few: one allocation rather than growing from one.
                state.stack[parent].children.reserveCapacity(4)
                state.stack[parent].content.reserveCapacity(4)
            }
            state.stack[parent].children.append(element)
            state.stack[parent].content.append(.child(index))
        }
    }

    private static func unwrap(
        _ root: CXMLElement, documentType: CXMLDocumentType?, findings: inout [CXMLFinding], file: String?
    ) throws(CXMLError) -> CXMLDocumentTree? {
        if root.name == "cXML" { return CXMLDocumentTree(documentType: documentType, root: root) }
        guard root.name == "Combined" else {
            findings.append(
                CXMLFinding(
                    .error, .unexpectedDocument, "the root element is \(root.name), not cXML", location: root.location,
                    file: file))
            return nil
        }
        let payloads = root.children.filter { $0.name == "Payload" }
        guard payloads.count == 1, let payload = payloads.first else {
            findings.append(
                CXMLFinding(
                    .error, .unsupportedWrapper,
                    "the SAP Combined wrapper holds \(payloads.count) Payload elements; Porter unwraps exactly one",
                    location: root.location, file: file))
            return nil
        }
        let others = root.children.count - 1
        let note = others > 0 ? "; \(others) other element(s) (attachments) beside the Payload were not read" : ""
        if let cXML = payload.children.first(where: { $0.name == "cXML" }), payload.children.count == 1 {
            findings.append(
                CXMLFinding(
                    .info, .unwrapped, "the cXML document was unwrapped from an SAP Combined/Payload wrapper\(note)",
                    location: root.location, file: file))
            return CXMLDocumentTree(documentType: nil, root: cXML)
        }
        let text = payload.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if payload.children.isEmpty, text.hasPrefix("<") {
            // The payload is the document as escaped text: read it with a reader of its own, as securely.
            let inner = CXMLReader(bytes: Array(text.utf8))
            var innerFindings: [CXMLFinding] = []
            guard let tree = try Self.read(inner, findings: &innerFindings, file: file), tree.root.name == "cXML"
            else {
                findings += innerFindings
                findings.append(
                    CXMLFinding(
                        .error, .unsupportedWrapper, "the SAP Combined wrapper's Payload text is not a cXML document",
                        location: payload.location, file: file))
                return nil
            }
            findings.append(
                CXMLFinding(
                    .info, .unwrapped,
                    "the cXML document was read from the text of an SAP Combined/Payload wrapper\(note)",
                    location: root.location, file: file))
            return tree
        }
        findings.append(
            CXMLFinding(
                .error, .unsupportedWrapper,
                "the SAP Combined wrapper's Payload holds no cXML element (nor a cXML document as text)",
                location: payload.location, file: file))
        return nil
    }
}
