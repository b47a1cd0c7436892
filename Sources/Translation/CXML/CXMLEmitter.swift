import CXML
import Orders

/// Writes cXML through ``CXMLWriter`` strictly: every element in the order its DTD content model wants, with what
/// the model's `extensions` kept written back where it came from, and nothing the DTD would refuse.
///
/// The encoders describe each element (its mapped attributes, defaults, text and mapped children); the emitter
/// adds the kept attributes and text of the element's address and, between the mapped children, the kept children
/// at their place in ``CXMLSchema`` (see ``CXMLExtensionAddress``). Kept values the DTD does not declare there are
/// left out with a finding; characters XML cannot carry are dropped with a finding; each default the encoders
/// write is a warning, one per kind of default with the places it was used.
final class CXMLEmitter {
    let writer: CXMLWriter
    /// The elements the document's DTD declares.
    let declared: Set<Substring>
    /// The language of the document, for `xml:lang` attributes the DTD requires.
    let language: String
    private(set) var findings: [CXMLFinding] = []
    /// The kept values of the model value being written.
    private(set) var index = CXMLExtensionAddress.Index(Extensions())
    /// The extension address of the model value being written (`ItemOut`), and its element's document path.
    private var owner = (root: "", documentPath: "cXML")
    /// The element paths written for the current owner.
    private var visited: Set<String> = []
    private var defaults: [String: (severity: CXMLFinding.Severity, code: CXMLFinding.Code, paths: [String])] = [:]
    private var defaultOrder: [String] = []

    init(writer: CXMLWriter, dtd: CXMLDTD, language: String) {
        self.writer = writer
        self.declared = dtd == .fulfill ? CXMLSchema.fulfillElements : CXMLSchema.cXMLElements
        self.language = language
    }

    // MARK: Owners and findings

    /// Writes `body` with `extensions` as the kept values, addressed from `root` (`ItemOut`), at `documentPath`.
    func with(
        _ extensions: Extensions, root: String, documentPath: String, _ body: () throws(CXMLError) -> Void
    ) throws(CXMLError) {
        let saved = (self.index, self.owner, self.visited)
        self.index = CXMLExtensionAddress.Index(extensions)
        self.owner = (root, documentPath)
        self.visited = []
        defer { (self.index, self.owner, self.visited) = saved }
        try body()
        // A kept value whose element was not written has nowhere to go: say so rather than lose it silently.
        var foreign = self.index.foreignCount
        for (key, path) in self.index.owners.sorted(by: { $0.key < $1.key }) where !self.visited.contains(path) {
            guard Self.isCXMLAddress(path) else {
                foreign += 1
                continue
            }
            self.finding(
                .warning, .notCarried, "the kept value at \(key) has no element to go into here; not written",
                path: path)
        }
        if foreign > 0 {
            self.note(
                "values another format kept in extensions (X12 segments) have no place in cXML; not written",
                path: root, code: .notCarried, severity: .info)
        }
    }

    /// Whether `path` starts with a cXML element Porter knows (an X12 codec's addresses start with a segment).
    private static func isCXMLAddress(_ path: String) -> Bool {
        let first = path.prefix { $0 != "/" && $0 != "[" && $0 != "(" && $0 != "@" }
        return CXMLSchema.rules[String(first)] != nil
    }

    /// Notes that the element at `path` was written (by other means than ``element(_:path:_:defaults:text:content:)``).
    func markVisited(_ path: String) { self.visited.insert(path) }

    /// The document path of an extension address of the current owner, for findings.
    func documentPath(_ path: String) -> String {
        if self.owner.root.isEmpty {
            // The document's own addresses: `Header/…`, `Request`, `cXML…`, else inside the document element.
            if path.hasPrefix("Header") || path.hasPrefix("Request") { return "cXML/" + path }
            if path.hasPrefix("cXML") { return path }
            return path.isEmpty || path.hasPrefix("@")
                ? self.owner.documentPath + path : self.owner.documentPath + "/" + path
        }
        guard path.hasPrefix(self.owner.root) else { return self.owner.documentPath + "/" + path }
        return self.owner.documentPath + path.dropFirst(self.owner.root.count)
    }

    func finding(
        _ severity: CXMLFinding.Severity, _ code: CXMLFinding.Code, _ message: String, value: String? = nil,
        path: String
    ) {
        self.findings.append(CXMLFinding(severity, code, message, value: value, path: self.documentPath(path)))
    }

    /// Notes a default or approximation; findings of the same message are merged into one listing the places.
    func note(
        _ message: String, path: String, code: CXMLFinding.Code = .defaultValue,
        severity: CXMLFinding.Severity = .warning
    ) {
        if self.defaults[message] == nil {
            self.defaults[message] = (severity, code, [])
            self.defaultOrder.append(message)
        }
        self.defaults[message]?.paths.append(self.documentPath(path))
    }

    /// The findings, with the merged notes after the others.
    func allFindings() -> [CXMLFinding] {
        var result = self.findings
        for message in self.defaultOrder {
            guard let entry = self.defaults[message] else { continue }
            var text = message
            if entry.paths.count > 1 {
                let more = entry.paths.count > 3 ? " and \(entry.paths.count - 3) more" : ""
                text += " (\(entry.paths.count) places: \(entry.paths.prefix(3).joined(separator: ", "))\(more))"
            }
            result.append(CXMLFinding(entry.severity, entry.code, text, path: entry.paths.first))
        }
        return result
    }

    // MARK: Writing

    /// Writes the element `name` at the extension address `path`: `attributes` (those with a value), the kept
    /// attributes of `path` the DTD declares, then each of `defaults` still missing; then `text` (else the kept
    /// text); then the children `content` writes, with the kept children at their places.
    func element(
        _ name: String, path: String, _ attributes: [(String, String?)] = [], defaults: [(String, String)] = [],
        text: String? = nil, content: (CXMLContentWriter) throws(CXMLError) -> Void = { _ in }
    ) throws(CXMLError) {
        try self.writer.writeStartElement(name)
        self.visited.insert(path)
        var written: Set<String> = []
        for case (let attribute, let value?) in attributes {
            try self.writer.writeAttribute(attribute, self.clean(value, path: "\(path)@\(attribute)"))
            written.insert(attribute)
        }
        for (attribute, value) in self.index.attributes(of: path) where !written.contains(attribute) {
            guard CXMLSchema.declares(attribute, on: name) else {
                self.finding(
                    .warning, .notCarried, "the DTD declares no attribute \(attribute) on \(name); not written",
                    value: value, path: path)
                continue
            }
            try self.writer.writeAttribute(attribute, self.clean(value, path: "\(path)@\(attribute)"))
            written.insert(attribute)
        }
        for (attribute, value) in defaults where !written.contains(attribute) {
            try self.writer.writeAttribute(attribute, self.clean(value, path: "\(path)@\(attribute)"))
            written.insert(attribute)
        }
        for required in CXMLSchema.rules[name]?.required ?? [] where !written.contains(required) {
            self.finding(
                .error, .missingRequired, "Porter wrote \(name) without its required attribute \(required)",
                path: path)
        }
        if let text = text ?? self.index.text(of: path), !text.isEmpty {
            try self.writer.writeText(self.clean(text, path: path))
        }
        let writer = CXMLContentWriter(emitter: self, parent: name, path: path)
        try content(writer)
        try writer.finish()
        try self.writer.writeEndElement()
    }

    /// Writes a kept element back: its XML, or the text of a kept `Extrinsic`.
    func write(kept entry: CXMLExtensionAddress.Entry, path: String) throws(CXMLError) {
        switch entry.kind {
        case .attribute: return
        case .extrinsic(let name, _):
            try self.writer.writeStartElement("Extrinsic")
            try self.writer.writeAttribute("name", self.clean(name, path: path))
            if !entry.value.isEmpty { try self.writer.writeText(self.clean(entry.value, path: path)) }
            try self.writer.writeEndElement()
        case .element:
            let element: CXMLElement
            do {
                (_, element) = try CXMLDocumentTree.element(CXMLReader(bytes: Array(entry.value.utf8)))
            } catch {
                self.finding(
                    .warning, .notCarried, "the kept value at \(entry.key) is not XML (\(error.message)); not written",
                    path: path)
                return
            }
            if let problem = CXMLSchema.problem(in: element, declared: self.declared) {
                self.finding(
                    .warning, .notCarried,
                    "the kept value at \(entry.key) holds what the DTD refuses (\(problem)); not written", path: path)
                return
            }
            try self.replay(element, path: path)
        }
    }

    private func replay(_ element: CXMLElement, path: String) throws(CXMLError) {
        try self.writer.writeStartElement(element.name)
        for attribute in element.attributes {
            try self.writer.writeAttribute(attribute.name, self.clean(attribute.value, path: path))
        }
        for piece in element.content {
            switch piece {
            case .text(let text): try self.writer.writeText(self.clean(text, path: path))
            case .child(let child): try self.replay(child, path: path)
            }
        }
        try self.writer.writeEndElement()
    }

    /// The kept children of the element at `path`.
    func keptChildren(of path: String) -> [CXMLExtensionAddress.Entry] { self.index.children(of: path) }

    /// A kept attribute of the element at `path`.
    func kept(attribute name: String, of path: String) -> String? { self.index.attribute(name, of: path) }

    /// `text` without the characters XML 1.0 cannot carry (controls but tab, line feed and carriage return;
    /// U+FFFE, U+FFFF); dropping any is a finding.
    func clean(_ text: String, path: String) -> String {
        let isAllowed: (Unicode.Scalar) -> Bool = {
            $0.value >= 0x20 ? $0.value != 0xFFFE && $0.value != 0xFFFF : $0 == "\t" || $0 == "\n" || $0 == "\r"
        }
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        self.finding(
            .warning, .invalidCharacter, "a value held characters XML 1.0 cannot carry; they were dropped",
            path: path)
        return String(result)
    }
}
