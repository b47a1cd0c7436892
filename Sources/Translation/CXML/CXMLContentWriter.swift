import CXML

/// Writes the children of one element in the order of its DTD content model, the kept ones between the mapped.
///
/// Before a mapped child, the kept children of every name that comes earlier in the content model are written;
/// the kept children of a name follow its mapped ones. ``finish()`` writes the rest and reports kept children the
/// DTD does not allow in this element.
final class CXMLContentWriter {
    private let emitter: CXMLEmitter
    let parent: String
    let path: String
    private let order: [String]?
    private var position = 0
    private var counts: [String: Int] = [:]
    private var kept: [CXMLExtensionAddress.Entry]
    private var suppressed: Set<String> = []

    init(emitter: CXMLEmitter, parent: String, path: String) {
        self.emitter = emitter
        self.parent = parent
        self.path = path
        self.order = CXMLSchema.rules[parent]?.children
        self.kept = emitter.keptChildren(of: path)
    }

    /// Whether kept children named `name` will be written here (so a mapped default is not needed).
    func keeps(_ name: String) -> Bool {
        !self.suppressed.contains(name) && self.kept.contains { $0.elementName == name }
    }

    /// Leaves out the kept children named `name`: the mapped ones replace them.
    func suppress(_ name: String) { self.suppressed.insert(name) }

    /// Writes a mapped child; its extension address is its name under this element's, numbered among the mapped
    /// children of that name (`Contact`, `Contact[2]`…).
    func element(
        _ name: String, _ attributes: [(String, String?)] = [], defaults: [(String, String)] = [],
        text: String? = nil, path: String? = nil, content: (CXMLContentWriter) throws(CXMLError) -> Void = { _ in }
    ) throws(CXMLError) {
        try self.advance(to: name)
        var counted = name
        var role: String?
        if name == "Contact" {
            role = attributes.first { $0.0 == "role" }?.1
            counted = "Contact(\(role ?? ""))"
        }
        let occurrence = (self.counts[counted] ?? 0) + 1
        self.counts[counted] = occurrence
        let childPath =
            path
            ?? (name == "Contact"
                ? CXMLExtensionAddress.contact(of: self.path, role: role, occurrence: occurrence)
                : CXMLExtensionAddress.child(of: self.path, name: name, occurrence: occurrence))
        try self.emitter.element(
            name, path: childPath, attributes, defaults: defaults, text: text, content: content)
    }

    /// The extension address the next mapped child named `name` gets.
    func nextPath(_ name: String) -> String {
        CXMLExtensionAddress.child(of: self.path, name: name, occurrence: (self.counts[name] ?? 0) + 1)
    }

    private func advance(to name: String) throws(CXMLError) {
        guard let order = self.order else { return }
        guard let target = order.firstIndex(of: name) else {
            self.emitter.finding(
                .error, .unknownElement, "Porter wrote \(name), which the DTD does not allow in \(self.parent)",
                path: self.path)
            return
        }
        if target < self.position {
            self.emitter.finding(
                .error, .unknownElement, "Porter wrote \(name) out of the DTD's order in \(self.parent)",
                path: self.path)
            return
        }
        for skipped in order[self.position..<target] { try self.flush(skipped) }
        self.position = target
    }

    private func flush(_ name: String) throws(CXMLError) {
        guard !self.suppressed.contains(name) else {
            self.kept.removeAll { $0.elementName == name }
            return
        }
        for entry in self.kept where entry.elementName == name {
            try self.emitter.write(kept: entry, path: self.path)
        }
        self.kept.removeAll { $0.elementName == name }
    }

    /// Writes the kept children left, in order; those the DTD does not allow here are left out with a finding.
    func finish() throws(CXMLError) {
        if let order = self.order {
            for name in order[self.position...] { try self.flush(name) }
        } else {
            for entry in self.kept where !self.suppressed.contains(entry.elementName ?? "") {
                try self.emitter.write(kept: entry, path: self.path)
            }
            self.kept = []
        }
        for entry in self.kept {
            self.emitter.finding(
                .warning, .notCarried,
                "the DTD does not allow \(entry.elementName ?? "it") in \(self.parent); the kept value at "
                    + "\(entry.key) was not written", path: self.path)
        }
        self.kept = []
    }
}
