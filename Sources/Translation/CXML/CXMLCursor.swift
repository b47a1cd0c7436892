import CXML
import Orders

/// Reads one element for a decoder and remembers what was read, so that what was not read is kept in `extensions`.
///
/// Every attribute, text and child a decoder takes through the cursor is marked as used; ``finish(into:)`` then
/// records the rest under the element's address (see ``CXMLExtensionAddress``): unused attributes as
/// `address@name`, unused children as their XML (text for an `Extrinsic` holding only text). A child the decoder
/// opened is finished with its parent unless the decoder finished it into another model value's `extensions`.
///
/// Opening a cursor checks the element against ``CXMLSchema``: attributes and children the DTD does not declare,
/// and missing required attributes, are findings (warnings; errors for ``CXMLDecodingContext/criticalAttributes``).
/// Text read through the cursor is trimmed and repaired when it is mojibake (a warning).
///
/// A value: what the cursor notes (attributes and text used, finished, its address) lives in its store's note for
/// the element (``CXMLElementStore/Note``), so a copy reads and notes the same and opening one allocates nothing.
/// A document's decoding opens one cursor for most of its elements: as objects, their allocation, release and the
/// cycle with the store cost about 25 instructions a byte.
struct CXMLCursor {
    /// The document's elements, whose notes hold what the cursor noted.
    private let store: CXMLElementStore
    /// The element's position in ``store``.
    private let index: Int
    let context: CXMLDecodingContext

    var element: CXMLElement { CXMLElement(store: self.store, index: self.index) }

    init(_ element: CXMLElement, address: String, context: CXMLDecodingContext) {
        self.init(element, context: context)
        self.store.setAddress(address, of: self.index)
        self.check()
    }

    /// A cursor on an element already noted as opened.
    private init(_ element: CXMLElement, context: CXMLDecodingContext) {
        self.store = element.store
        self.index = element.index
        self.context = context
    }

    /// The element's children, whose use (unread, used, opened) the store notes.
    private var children: CXMLElementList { self.element.children }

    /// Where unread parts are kept: `ItemOut`, `OrderRequestHeader/ShipTo/Address`…: given, or the step of a child
    /// under its parent's address (made only when a part of the element is kept, then noted).
    var address: String {
        if let address = self.store.notes[self.index].address { return address }
        let parent = CXMLCursor(
            CXMLElement(store: self.store, index: Int(self.store.nodes[self.index].parent)), context: self.context)
        let address = Self.childAddress(
            of: parent.address, siblings: parent.children, index: Int(self.store.notes[self.index].childIndex))
        self.store.notes[self.index].address = address
        return address
    }

    var name: String { self.element.name }

    // MARK: Attributes and text

    /// The attribute's value, trimmed; `nil` when absent or empty. Marks it used.
    func attribute(_ name: String) -> String? {
        // One pass: the first value of that name, and every attribute of that name marked used.
        let store = self.store
        let node = store.nodes[self.index]
        let start = Int(node.attributeStart)
        var found: String?
        for position in start..<(start + Int(node.attributeCount)) where store.attributeName(at: position) == name {
            if found == nil { found = store.attributeValue(at: position) }
            self.use(attributeAt: position - start)
        }
        guard let raw = found else { return nil }
        let trimmed = Self.trim(raw)
        return trimmed.isEmpty ? nil : self.repaired(trimmed, what: "the attribute \(name)")
    }

    /// The element's `xml:lang`, or `nil` when it is absent or the document's language (which it then implies).
    func language() -> String? {
        let language = self.attribute("xml:lang")
        return language == self.context.documentLanguage ? nil : language
    }

    /// Marks the element's `xml:lang` used when it is the document's language (the encoders write that back);
    /// another language stays in extensions.
    func useLanguage() {
        if self.element.attribute("xml:lang") == self.context.documentLanguage { self.use(attribute: "xml:lang") }
    }

    /// The text of the child `name`, marking the child's `xml:lang` used when it is the document's language.
    func text(ofChild name: String) -> String? {
        guard let child = self.child(name) else { return nil }
        child.useLanguage()
        return child.text
    }

    /// Marks an attribute used without reading it (its meaning is fixed, or it is mapped elsewhere).
    func use(attribute name: String) {
        // By position: the names are compared without making the values.
        let start = Int(self.store.nodes[self.index].attributeStart)
        for index in 0..<Int(self.store.nodes[self.index].attributeCount)
        where self.store.attributeName(at: start + index) == name {
            self.use(attributeAt: index)
        }
    }

    private func use(attributeAt index: Int) {
        if index < 64 {
            self.store.notes[self.index].usedAttributeBits |= 1 << UInt64(index)
        } else {
            self.store.useAttribute(at: Int(self.store.nodes[self.index].attributeStart) + index)
        }
    }

    private func isUsed(attribute index: Int) -> Bool {
        index < 64
            ? self.store.notes[self.index].usedAttributeBits & (1 << UInt64(index)) != 0
            : self.store.isUsedAttribute(at: Int(self.store.nodes[self.index].attributeStart) + index)
    }

    private func isUnread(_ index: Int) -> Bool {
        self.store.use(of: self.node(index)) == .unread
    }

    /// The store position of the child at `index`.
    private func node(_ index: Int) -> Int {
        Int(self.store.children[Int(self.store.nodes[self.index].childStart) + index])
    }

    /// The element's own text, trimmed; `nil` when empty.
    var text: String? {
        self.store.notes[self.index].usedText = true
        let trimmed = Self.trim(self.element.text)
        return trimmed.isEmpty ? nil : self.repaired(trimmed, what: "the text")
    }

    /// A decimal attribute; an unreadable one is a finding of `severity` and `nil`.
    func decimal(_ name: String, severity: CXMLFinding.Severity = .warning) -> DecimalNumber? {
        guard let text = self.attribute(name) else { return nil }
        return self.number(text, what: "\(self.name)@\(name)", severity: severity)
    }

    /// The element's text as a decimal number.
    func decimalText(severity: CXMLFinding.Severity = .warning) -> DecimalNumber? {
        guard let text = self.text else { return nil }
        return self.number(text, what: "the text of \(self.name)", severity: severity)
    }

    /// `what` is made only for a finding (as for ``repaired(_:what:)``).
    private func number(_ text: String, what: @autoclosure () -> String, severity: CXMLFinding.Severity)
        -> DecimalNumber?
    {
        if let number = DecimalNumber(text) { return number }
        // Lenient: a leading plus sign or a trailing point are read.
        var candidate = Substring(text)
        if candidate.hasPrefix("+") { candidate = candidate.dropFirst() }
        if candidate.hasSuffix(".") { candidate = candidate.dropLast() }
        if let number = DecimalNumber(candidate) {
            self.context.finding(
                .warning, .invalidNumber, "\(what()) is not a plain decimal number; read as \(number)", value: text,
                at: self.element)
            return number
        }
        self.context.finding(
            severity, .invalidNumber, "\(what()) is not a decimal number", value: text, at: self.element)
        return nil
    }

    /// A date or date-time attribute; an unreadable one is a finding of `severity` and `nil`.
    func date(_ name: String, severity: CXMLFinding.Severity = .warning) -> DateTime? {
        guard let text = self.attribute(name) else { return nil }
        if let value = CXMLDateText.parse(text) { return value }
        self.context.finding(
            severity, .invalidDate, "\(self.name)@\(name) is not an ISO 8601 date or date-time", value: text,
            at: self.element)
        return nil
    }

    /// Checks an enumerated attribute: a value outside `allowed` is a finding of `severity` and is still returned.
    func enumerated(
        _ name: String, _ allowed: [String], severity: CXMLFinding.Severity = .warning
    ) -> String? {
        guard let value = self.attribute(name) else { return nil }
        if !allowed.contains(value) {
            self.context.finding(
                severity, .invalidEnumeration,
                "\(self.name)@\(name) is \(value), not one of \(allowed.joined(separator: ", "))", value: value,
                at: self.element)
        }
        return value
    }

    /// `what` is made only for a finding: interpolating it on every read cost about 800 instructions an attribute.
    private func repaired(_ text: String, what: @autoclosure () -> String) -> String {
        guard let repaired = CXMLTextRepair.repair(text) else { return text }
        self.context.finding(
            .warning, .mojibake, "\(what()) of \(self.name) was UTF-8 read as Windows-1252; repaired as \(repaired)",
            value: text, at: self.element)
        return repaired
    }

    static func trim(_ text: String) -> String {
        // Most texts have nothing to trim: a first and last byte that are not white space begin and end characters
        // that are not white space either.
        // Read over the bytes in place: `utf8.last` walks back through the generic index code.
        var probe = text
        if probe.withUTF8({ !$0.isEmpty && !Self.isSpace($0[0]) && !Self.isSpace($0[$0.count - 1]) }) {
            return text
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: Children

    /// The first child named `name` not read yet; marks it used.
    func child(_ name: String) -> CXMLCursor? {
        guard let index = self.firstUnread(name) else { return nil }
        return self.openChild(index)
    }

    /// The position of the first child named `name` not read yet: names compared by number (a name no element of
    /// the document has is no child).
    private func firstUnread(_ name: String) -> Int? {
        guard let id = self.store.nameID(of: name) else { return nil }
        let store = self.store
        for index in self.children.indices {
            let node = self.node(index)
            if store.nodes[node].nameID == id && store.use(of: node) == .unread { return index }
        }
        return nil
    }

    /// The positions of the children named `name` not read yet.
    private func unread(_ name: String) -> [Int] {
        guard let id = self.store.nameID(of: name) else { return [] }
        let store = self.store
        return self.children.indices.filter {
            let node = self.node($0)
            return store.nodes[node].nameID == id && store.use(of: node) == .unread
        }
    }

    /// Every child named `name` not read yet; marks them used.
    func children(_ name: String) -> [CXMLCursor] {
        // Opened as they are found (opening one changes nothing another's test reads): no list of positions first.
        guard let id = self.store.nameID(of: name) else { return [] }
        let store = self.store
        var cursors: [CXMLCursor] = []
        for index in self.children.indices {
            let node = self.node(index)
            if store.nodes[node].nameID == id && store.use(of: node) == .unread {
                cursors.append(self.openChild(index))
            }
        }
        return cursors
    }

    /// Every child named `name` not read yet for which `include` is true; marks them used. The others stay whole
    /// in extensions.
    func children(_ name: String, where include: (CXMLElement) -> Bool) -> [CXMLCursor] {
        self.unread(name).filter { include(self.children[$0]) }.map { self.openChild($0) }
    }

    /// Every child named `name` not read yet, each addressed as a root (`ItemOut`) because it becomes a model value
    /// of its own with its own `extensions`; the caller finishes each into them.
    func rootChildren(_ name: String) -> [CXMLCursor] {
        self.unread(name).map { self.open($0, address: name) }
    }

    /// The first child named `name` not read yet, given the address `address` instead of its path under this one.
    func child(_ name: String, address: String) -> CXMLCursor? {
        guard let index = self.firstUnread(name) else { return nil }
        return self.open(index, address: address)
    }

    /// The first child not read yet, whatever its name, given the address `address`.
    func firstChild(address: String) -> CXMLCursor? {
        guard let index = self.children.indices.first(where: { self.isUnread($0) }) else { return nil }
        return self.open(index, address: address)
    }

    /// Whether a child named `name` has not been read yet.
    func hasUnreadChild(_ name: String) -> Bool {
        self.firstUnread(name) != nil
    }

    /// The names of the children not read yet, in order.
    var unreadChildNames: [String] {
        self.children.indices.filter { self.isUnread($0) }.map { self.children[$0].name }
    }

    /// The text of the first unread `Extrinsic` named `name` that holds only text; marks it used.
    func extrinsic(_ name: String) -> String? {
        guard
            let index = self.unread("Extrinsic").first(where: {
                let child = self.children[$0]
                return child.attribute("name") == name && child.isTextOnly
            })
        else { return nil }
        return self.takeExtrinsic(at: index)
    }

    /// The unread `Extrinsic` children that hold only text and have a `name`, in order, with their positions: what
    /// ``extrinsic(_:)`` looks through, gathered once to look up many names (``takeExtrinsic(at:)`` reads one).
    func textExtrinsics() -> [(name: String, index: Int)] {
        self.unread("Extrinsic").compactMap { index in
            let child = self.children[index]
            guard child.isTextOnly, let name = child.attribute("name") else { return nil }
            return (name, index)
        }
    }

    /// The text of the `Extrinsic` at `index` (one of ``textExtrinsics()``), as ``extrinsic(_:)`` reads it; marks it
    /// used.
    func takeExtrinsic(at index: Int) -> String? {
        self.store.setUse(.used, of: self.node(index))
        let text = Self.trim(self.children[index].text)
        return text.isEmpty ? nil : text
    }

    /// Marks every child named `name` used without keeping anything of it.
    func drop(_ name: String) {
        // A child opened already stays opened: it is finished with this one.
        for index in self.unread(name) {
            self.store.setUse(.used, of: self.node(index))
        }
    }

    private func open(_ index: Int, address: String) -> CXMLCursor {
        let node = self.node(index)
        self.store.setOpened(node, childIndex: index, address: address)
        let cursor = CXMLCursor(self.children[index], context: self.context)
        cursor.check()
        return cursor
    }

    /// Opens a child addressed by its path under this element.
    private func openChild(_ index: Int) -> CXMLCursor {
        let node = self.node(index)
        self.store.setOpened(node, childIndex: index, address: nil)
        let cursor = CXMLCursor(self.children[index], context: self.context)
        cursor.check()
        return cursor
    }

    private static func childAddress(of parent: String, siblings: CXMLElementList, index: Int) -> String {
        let child = siblings[index]
        let name = child.name
        if name == "Contact" {
            let role = child.attribute("role")
            return CXMLExtensionAddress.contact(
                of: parent, role: role,
                occurrence: siblings[...index].lazy.filter {
                    $0.name == "Contact" && $0.attribute("role") == role
                }.count)
        }
        // The store numbered the element among its siblings of the same name number: the same count as comparing
        // the names as strings when every name is ASCII (two strings of ASCII are equal only byte for byte).
        let occurrence =
            child.store.namesAreASCII
            ? Int(child.store.nodes[child.index].position)
            : siblings[...index].lazy.filter { $0.name == name }.count
        return CXMLExtensionAddress.child(of: parent, name: name, occurrence: occurrence)
    }

    // MARK: Finishing

    /// Records what was not read under ``address`` in `extensions`, and finishes the children opened.
    func finish(into extensions: inout Extensions) {
        guard !self.store.notes[self.index].finished else { return }
        self.store.notes[self.index].finished = true
        // By position: an attribute read is passed over before its name is fetched, and a key is made (in one
        // allocation) only for what is kept.
        let node = self.store.nodes[self.index]
        let start = Int(node.attributeStart)
        for index in 0..<Int(node.attributeCount) where !self.isUsed(attribute: index) {
            let name = self.store.attributeName(at: start + index)
            guard !name.hasPrefix("xmlns") else { continue }
            Self.keep(
                self.store.attributeValue(at: start + index), at: CXMLExtensionAddress.joined(self.address, "@", name),
                in: &extensions)
        }
        if !self.store.notes[self.index].usedText, self.element.hasText {
            let text = Self.trim(self.element.text)
            if !text.isEmpty {
                Self.keep(
                    text, at: CXMLExtensionAddress.joined(self.address, CXMLExtensionAddress.textSuffix, ""),
                    in: &extensions)
            }
        }
        var extrinsicNames: [String: Int] = [:]
        let store = self.store
        for index in self.children.indices {
            switch store.use(of: self.node(index)) {
            case .opened:
                CXMLCursor(self.children[index], context: self.context).finish(into: &extensions)
                continue
            case .used:
                continue
            case .unread:
                break
            }
            let child = self.children[index]
            if child.name == "Extrinsic", child.isTextOnly, let name = child.attribute("name"),
                child.attributes.count == 1
            {
                let occurrence = (extrinsicNames[name] ?? 0) + 1
                extrinsicNames[name] = occurrence
                Self.keep(
                    Self.trim(child.text),
                    at: CXMLExtensionAddress.extrinsic(of: self.address, name: name, occurrence: occurrence),
                    in: &extensions)
            } else {
                Self.keep(
                    child.xml, at: Self.childAddress(of: self.address, siblings: self.children, index: index),
                    in: &extensions)
                // What is kept whole is checked once here (a child the parent does not allow was reported already).
                if store.allows(child: child.index, inElementAt: self.element.index),
                    let problem = store.problem(in: child.index)
                {
                    self.context.finding(
                        .warning, .unknownElement,
                        "\(child.name) is kept in extensions, but the DTD refuses \(problem) in it; it will not be "
                            + "written back", at: child)
                }
            }
        }
    }

    /// Keeps `value` at `key`. Extensions start empty and most that keep anything keep several entries: room for 8
    /// from the first saves growing the dictionary (rehashing every key) up to three times. (Its order of keys is
    /// its hashing's, which JSON and the encoders do not follow: they sort.)
    private static func keep(_ value: String, at key: String, in extensions: inout Extensions) {
        if extensions.values.isEmpty { extensions.values.reserveCapacity(8) }
        extensions.values[key] = value
    }

    // MARK: Checks

    private func check() {
        let store = self.store
        let name = self.element.nameID
        guard let rule = store.rules[Int(name)] else { return }
        let node = store.nodes[self.index]
        let start = Int(node.attributeStart)
        for position in start..<(start + Int(node.attributeCount))
        where !store.declares(attribute: position, on: name, rule.attributes) {
            self.context.finding(
                .warning, .unknownAttribute,
                "the DTD declares no attribute \(store.attributeName(at: position)) on \(self.element.name); kept in "
                    + "extensions", value: store.attributeValue(at: position), at: self.element)
        }
        for required in rule.required where !self.element.hasAttribute(required) {
            let critical = CXMLDecodingContext.criticalAttributes.contains("\(self.element.name)@\(required)")
            self.context.finding(
                critical ? .error : .warning, .missingRequired,
                "\(self.element.name) has no \(required) attribute, which cXML requires", at: self.element)
        }
        if let allowed = rule.children {
            for child in self.children where !store.allows(child: child.index, in: name, allowed) {
                self.context.finding(
                    .warning, .unknownElement,
                    "the DTD allows no \(child.name) inside \(self.element.name); kept in extensions", at: child)
            }
        }
    }
}
