import CXML

/// One element of a cXML document held in memory: its name, attributes, content in order, and where it starts.
///
/// A view: the element is a position in its document's ``CXMLElementStore``, which holds every element of the
/// document in flat arrays (one allocation per array, not several per element). The decoders build one store per
/// document from ``CXMLReader`` events (``CXMLDocumentTree``), so memory is bounded by one document (the reader's
/// ``CXMLReader/Limits`` bound that).
struct CXMLElement {
    /// A piece of the element's content, in document order.
    enum Content {
        /// Character data.
        case text(String)
        /// A child element.
        case child(CXMLElement)
    }

    /// The document's elements.
    let store: CXMLElementStore
    /// The element's position in ``store``.
    let index: Int

    var name: String { self.store.name(of: self.index) }

    /// The number of the element's name in its store's ``CXMLElementStore/names``.
    var nameID: Int32 { self.store.nodes[self.index].nameID }

    /// Where the start tag is, with the element's path (worked out now).
    var location: CXMLLocation {
        let node = self.store.nodes[self.index]
        return CXMLLocation(line: node.line, column: node.column, path: self.store.path(of: self.index))
    }

    /// The attributes, in document order (namespace declarations first), each made when read.
    var attributes: LazyMapCollection<Range<Int>, CXMLAttribute> {
        let node = self.store.nodes[self.index]
        let start = Int(node.attributeStart)
        let store = self.store
        return (start..<(start + Int(node.attributeCount))).lazy.map {
            CXMLAttribute(name: store.attributeName(at: $0), value: store.attributeValue(at: $0))
        }
    }

    /// The child elements, in document order.
    var children: CXMLElementList {
        let node = self.store.nodes[self.index]
        return CXMLElementList(store: self.store, start: Int(node.childStart), count: Int(node.childCount))
    }

    /// The content, text and child elements in document order.
    var content: [Content] {
        let node = self.store.nodes[self.index]
        let start = Int(node.contentStart)
        let store = self.store
        return (start..<(start + Int(node.contentCount))).map { position in
            let entry = store.content[position]
            return entry < 0
                ? .text(store.text(at: Int(~entry))) : .child(CXMLElement(store: store, index: Int(entry)))
        }
    }

    /// The value of the attribute `name`, as written.
    func attribute(_ name: String) -> String? {
        self.attributePosition(name).map { self.store.attributeValue(at: $0) }
    }

    /// Whether the element has an attribute `name` (its value is not made).
    func hasAttribute(_ name: String) -> Bool { self.attributePosition(name) != nil }

    /// The position in the store of the element's first attribute `name`.
    private func attributePosition(_ name: String) -> Int? {
        let node = self.store.nodes[self.index]
        var position = Int(node.attributeStart)
        let end = position + Int(node.attributeCount)
        while position < end {
            if self.store.attributeName(at: position) == name { return position }
            position += 1
        }
        return nil
    }

    /// The element's own character data, joined.
    var text: String {
        let node = self.store.nodes[self.index]
        var result: String?
        var position = Int(node.contentStart)
        let end = position + Int(node.contentCount)
        while position < end {
            let entry = self.store.content[position]
            if entry < 0 {
                let piece = self.store.text(at: Int(~entry))
                if result == nil { result = piece } else { result! += piece }
            }
            position += 1
        }
        return result ?? ""
    }

    /// Whether the element holds any character data (its content is more than its children).
    var hasText: Bool {
        let node = self.store.nodes[self.index]
        return node.contentCount > node.childCount
    }

    /// Whether the element holds no child elements (text only, or nothing).
    var isTextOnly: Bool { self.store.nodes[self.index].childCount == 0 }

    /// The element as XML text, attributes and content in document order: what ``Extensions`` keep of an element
    /// Porter does not map, and what the encoders write back.
    var xml: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        self.appendXML(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the element's XML as UTF-8 bytes: one buffer for the whole element, where appending many small
    /// strings to a string costs far more.
    private func appendXML(to bytes: inout [UInt8]) {
        let node = self.store.nodes[self.index]
        let name = self.store.name(of: self.index)
        bytes.append(UInt8(ascii: "<"))
        Self.append(name, to: &bytes)
        let attributes = Int(node.attributeStart)
        for position in attributes..<(attributes + Int(node.attributeCount)) {
            bytes.append(UInt8(ascii: " "))
            Self.append(self.store.attributeName(at: position), to: &bytes)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            self.store.withValueBytes(self.store.attributeValues[position]) {
                Self.appendEscaped($0, attribute: true, to: &bytes)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        if node.contentCount == 0 {
            bytes.append(contentsOf: "/>".utf8)
            return
        }
        bytes.append(UInt8(ascii: ">"))
        let start = Int(node.contentStart)
        for position in start..<(start + Int(node.contentCount)) {
            let entry = self.store.content[position]
            if entry < 0 {
                self.store.withValueBytes(self.store.texts[Int(~entry)]) {
                    Self.appendEscaped($0, attribute: false, to: &bytes)
                }
            } else {
                CXMLElement(store: self.store, index: Int(entry)).appendXML(to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        Self.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Appends the UTF-8 bytes of `text` in one copy (appending its `utf8` view goes through the generic sequence
    /// code).
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `utf8` escaped for XML: `&`, `<`, `>` and `\r` always; `"`, line feeds and tabs in attribute values.
    /// Every byte escaped is ASCII, which no byte of a multi-byte UTF-8 character is.
    /// (The bytes are libxml2's, which are UTF-8: it refuses a document whose bytes are not.)
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, attribute: Bool, to bytes: inout [UInt8]) {
        var start = 0
        for (index, byte) in utf8.enumerated() {
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            case 0x0A where attribute: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0x09 where attribute: replacement = "&#9;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}

/// The child elements of one element: a range of its store's child list.
struct CXMLElementList: RandomAccessCollection {
    let store: CXMLElementStore
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { self.count }

    subscript(position: Int) -> CXMLElement {
        precondition(position >= 0 && position < self.count, "child index out of range")
        return CXMLElement(store: self.store, index: Int(self.store.children[self.start + position]))
    }
}

/// Every element of one document in flat lists: nodes with ranges into one list of attributes, one of child
/// positions and one of content entries; the texts in one array.
///
/// Built once by ``CXMLDocumentTree``'s builder and read through ``CXMLElement`` views. It also carries what the
/// decoders' cursors note per element (``CXMLCursor``): whether each was read, and what its cursor noted.
final class CXMLElementStore {
    /// Plain numbers (the name is the name table's, by number): copying a node retains nothing.
    struct Node {
        var nameID: Int32
        /// The parent's position (-1: none).
        var parent: Int32
        /// The position among the parent's children of the same name, from 1.
        var position: Int32
        /// Where the start tag is.
        var line: Int
        var column: Int
        var attributeStart: Int32
        var attributeCount: Int32
        var childStart: Int32 = 0
        var childCount: Int32 = 0
        var contentStart: Int32 = 0
        var contentCount: Int32 = 0
    }

    let nodes: CXMLFixedList<Node>
    /// Where the attributes' values are in ``valueBytes``, each element's contiguous (their names are ``names``' by
    /// ``attributeNameIDs``: one string less to keep and destroy an attribute).
    let attributeValues: CXMLFixedList<CXMLByteRange>
    /// The number of each attribute's name in ``names``.
    let attributeNameIDs: CXMLFixedList<Int32>
    /// The names of the elements and attributes, numbered.
    let names: CXMLNameTable
    /// The DTD rule of each name, by number (`nil`: Porter knows no element of that name).
    let rules: [CXMLSchema.Rule?]
    /// Where the texts are in ``valueBytes``.
    let texts: CXMLFixedList<CXMLByteRange>
    /// The bytes of the attribute values and texts: a string is made only for what a decoder reads
    /// (``attributeValue(at:)``, ``text(at:)``).
    let valueBytes: CXMLValueBytes
    /// Node positions: each element's children, contiguous.
    let children: CXMLFixedList<Int32>
    /// Each element's content, contiguous: a node position, or the bitwise complement of a position in `texts`.
    let content: CXMLFixedList<Int32>

    init(
        nodes: CXMLFixedList<Node>, attributeValues: CXMLFixedList<CXMLByteRange>,
        attributeNameIDs: CXMLFixedList<Int32>, names: CXMLNameTable, texts: CXMLFixedList<CXMLByteRange>,
        valueBytes: CXMLValueBytes, children: CXMLFixedList<Int32>, content: CXMLFixedList<Int32>
    ) {
        self.nodes = nodes
        self.attributeValues = attributeValues
        self.attributeNameIDs = attributeNameIDs
        self.names = names
        self.rules = Self.rules(of: names)
        let count = names.names.count
        self.pairs = .allocate(capacity: count <= Self.pairLimit ? count * count : 0)
        self.pairs.initialize(repeating: 0)
        self.texts = texts
        self.valueBytes = valueBytes
        self.children = children
        self.content = content
        self.notes = .allocate(capacity: nodes.count)
        self.notes.initialize(repeating: Note())
        self.declaredNames = .allocate(capacity: count)
        self.declaredNames.initialize(repeating: 0)
        self.foundNames = .allocate(capacity: 64)
        self.foundNames.initialize(repeating: ("", Self.notLooked))
    }

    /// The names ``CXMLSchema/rules`` has a rule for, numbered, with their rules by number: found by the name
    /// table's cheap hash of the bytes rather than the dictionary's hash of the string (about 370 instructions a
    /// name, for every name of every document).
    private static let ruleNames: (names: CXMLNameTable, rules: [CXMLSchema.Rule]) = {
        var names = CXMLNameTable()
        var rules: [CXMLSchema.Rule] = []
        for (name, rule) in CXMLSchema.rules where names.id(of: name) == rules.count { rules.append(rule) }
        return (names, rules)
    }()

    /// The DTD rule of each name of `names`, by number.
    private static func rules(of names: CXMLNameTable) -> [CXMLSchema.Rule?] {
        // Byte for byte only when every name is ASCII: a string of other characters can equal an ASCII one
        // (canonical equivalence, U+212A KELVIN SIGN and `K`), which the dictionary finds and a hash of bytes not.
        guard names.isASCII else { return names.names.map { CXMLSchema.rules[$0] } }
        let known = Self.ruleNames
        return names.names.map { name in known.names.find(name).map { known.rules[Int($0)] } }
    }

    /// The names the decoders looked up last (literals, the same string each time), by
    /// ``CXMLNameTable/identity(of:)``, with their number (-1: no element or attribute has the name).
    private let foundNames: UnsafeMutableBufferPointer<(name: String, id: Int32)>
    private static let notLooked: Int32 = -2

    /// The number of `name` in ``names``, or `nil` when no element or attribute of the document has it.
    func nameID(of name: String) -> Int32? {
        let identity = CXMLNameTable.identity(of: name)
        let slot = CXMLNameTable.slot(of: identity)
        let entry = self.foundNames[slot]
        if entry.id != Self.notLooked && CXMLNameTable.identity(of: entry.name) == identity {
            return entry.id < 0 ? nil : entry.id
        }
        let id = self.names.find(name)
        self.foundNames[slot] = (name, id ?? -1)
        return id
    }

    /// Whether every element and attribute name of the document is ASCII, so that names are equal as strings exactly
    /// when their numbers are.
    var namesAreASCII: Bool { self.names.isASCII }

    /// The value of the attribute at `position` in ``attributeValues``, as written (references replaced).
    func attributeValue(at position: Int) -> String { self.valueBytes.string(self.attributeValues[position]) }

    /// The text at `position` in ``texts``.
    func text(at position: Int) -> String { self.valueBytes.string(self.texts[position]) }

    /// Calls `body` with the bytes of a value or text, valid during the call.
    func withValueBytes<Result>(_ range: CXMLByteRange, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(self.valueBytes.bytes(range))
    }

    /// The name of the attribute at `position` in ``attributeValues``.
    func attributeName(at position: Int) -> String { self.names.names[Int(self.attributeNameIDs[position])] }

    /// The name of the element at node `index`.
    func name(of index: Int) -> String { self.names.names[Int(self.nodes[index].nameID)] }

    /// The element path of the node at `index`, such as `cXML/Request/OrderRequest/ItemOut[2]/ItemID`: as the
    /// reader's locations give it (names from the root, with the position among same-named siblings when it is 2
    /// or more).
    func path(of index: Int) -> String {
        var chain: [Int] = []
        var next = index
        while next >= 0 {
            chain.append(next)
            next = Int(self.nodes[next].parent)
        }
        var text = ""
        for position in chain.reversed() {
            let node = self.nodes[position]
            if !text.isEmpty { text += "/" }
            text += self.name(of: position)
            if node.position > 1 { text += "[\(node.position)]" }
        }
        return text
    }

    // MARK: What the cursors note

    /// What each element has become for its parent's cursor: unread, used, or opened.
    enum Use: UInt8 {
        case unread
        case used
        case opened
    }

    /// What a cursor notes of one element: its use for its parent's cursor, and what its own cursor read.
    struct Note {
        var use = Use.unread
        /// Whether the cursor read the element's text.
        var usedText = false
        /// Whether the cursor recorded what it did not read.
        var finished = false
        /// The element's position among its parent's children (for its address).
        var childIndex: Int32 = 0
        /// The first 64 attributes the cursor read (the others in ``usedAttributesBeyond``).
        var usedAttributeBits: UInt64 = 0
        /// Where unread parts are kept: given, or worked out from the parent's the first time it is needed.
        var address: String?
    }

    /// What the cursors noted, by node position, behind a pointer so that noting is a plain store (a class's array
    /// property is checked for exclusive access at run time on each change). Every position the cursors pass is a
    /// node's, below `nodes.count`.
    let notes: UnsafeMutableBufferPointer<Note>

    /// The attributes read beyond an element's 64th, by position in ``attributeValues`` (a rare, hostile case).
    private var usedAttributesBeyond: Set<Int> = []

    func use(of node: Int) -> Use { self.notes[node].use }

    func setUse(_ use: Use, of node: Int) { self.notes[node].use = use }

    /// Notes the element at `node` opened, as the child at `childIndex` of its parent, kept under `address` (`nil`:
    /// its path under the parent's).
    func setOpened(_ node: Int, childIndex: Int, address: String?) {
        self.notes[node].use = .opened
        self.notes[node].childIndex = Int32(truncatingIfNeeded: childIndex)
        self.notes[node].address = address
    }

    /// Gives the element at `node` the address `address` (a cursor opened on it as a root).
    func setAddress(_ address: String, of node: Int) { self.notes[node].address = address }

    func useAttribute(at position: Int) { self.usedAttributesBeyond.insert(position) }

    func isUsedAttribute(at position: Int) -> Bool { self.usedAttributesBeyond.contains(position) }

    deinit {
        freeFixedLists(
            self.nodes, self.attributeValues, self.attributeNameIDs, self.texts, self.children, self.content)
        self.notes.deinitialize()
        self.notes.deallocate()
        self.pairs.deallocate()
        self.declaredNames.deallocate()
        self.foundNames.deinitialize()
        self.foundNames.deallocate()
    }

    // MARK: The DTD rules by name

    /// What is known of each pair of names (element and child, element and attribute), by the first name's number
    /// times the count of names plus the second's: bit 0, whether the child is checked; bit 1, whether it is
    /// allowed; bits 2 and 3 the same for the attribute. Empty for a document of more than ``pairLimit`` names.
    private let pairs: UnsafeMutableBufferPointer<UInt8>
    private static let pairLimit = 160

    /// Whether the content model `allowed` (the rule of the element named `parent`) names the child at node
    /// `child`.
    func allows(child: Int, in parent: Int32, _ allowed: [String]) -> Bool {
        let name = self.nodes[child].nameID
        return self.memo(parent, name, shift: 0) { allowed.contains(self.name(of: child)) }
    }

    /// Whether the attribute at `position` is declared by `declared` (the rule of the element named `element`) or
    /// is a namespace declaration.
    func declares(attribute position: Int, on element: Int32, _ declared: [String]) -> Bool {
        let name = self.attributeNameIDs[position]
        return self.memo(element, name, shift: 2) {
            let attribute = self.attributeName(at: position)
            return declared.contains(attribute) || attribute.hasPrefix("xmlns")
        }
    }

    /// Whether each name, by number, is an element ``CXMLSchema/allElements`` declares: 0 not known yet, 1 no, 2 yes.
    private let declaredNames: UnsafeMutableBufferPointer<UInt8>

    /// Whether the DTD rule of the element at node `parent` allows the child at node `child` (`true` when Porter
    /// knows no rule, or the rule allows anything).
    func allows(child: Int, inElementAt parent: Int) -> Bool {
        let name = self.nodes[parent].nameID
        guard let allowed = self.rules[Int(name)]?.children else { return true }
        return self.allows(child: child, in: name, allowed)
    }

    /// The first thing in the element at node `index` (and the elements in it) that the DTD refuses:
    /// ``CXMLSchema/problem(in:declared:)`` with ``CXMLSchema/allElements``, with what depends only on names worked
    /// out once per name or pair of names.
    func problem(in index: Int) -> String? {
        let node = self.nodes[index]
        let name = node.nameID
        let elementName = self.names.names[Int(name)]
        if self.declaredNames[Int(name)] == 0 {
            self.declaredNames[Int(name)] = CXMLSchema.allElements.contains(Substring(elementName)) ? 2 : 1
        }
        if self.declaredNames[Int(name)] == 1 { return "\(elementName), which the DTD does not declare" }
        let rule = self.rules[Int(name)]
        if let rule {
            let start = Int(node.attributeStart)
            for position in start..<(start + Int(node.attributeCount))
            where !self.declares(attribute: position, on: name, rule.attributes) {
                return "the attribute \(self.attributeName(at: position)) on \(elementName)"
            }
            let element = CXMLElement(store: self, index: index)
            for required in rule.required where !element.hasAttribute(required) {
                return "\(elementName) without its required \(required)"
            }
        }
        let start = Int(node.childStart)
        for position in start..<(start + Int(node.childCount)) {
            let child = Int(self.children[position])
            if let allowed = rule?.children, !self.allows(child: child, in: name, allowed) {
                return "\(self.name(of: child)) inside \(elementName)"
            }
            if let problem = self.problem(in: child) { return problem }
        }
        return nil
    }

    private func memo(_ first: Int32, _ second: Int32, shift: UInt8, _ compute: () -> Bool) -> Bool {
        guard !self.pairs.isEmpty else { return compute() }
        let index = Int(first) * self.names.names.count + Int(second)
        let known = self.pairs[index] >> shift
        if known & 1 != 0 { return known & 2 != 0 }
        let result = compute()
        self.pairs[index] |= (result ? 3 : 1) << shift
        return result
    }
}

/// A list of plain values in one allocation the holder owns: what the builder filled, handed to the store without a
/// copy, read behind a bounds test, freed once by the store's `deinit` (``free()``).
struct CXMLFixedList<Element: BitwiseCopyable> {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Takes `base`, holding `count` initialized values, which ``free()`` frees.
    init(taking base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < self.count, "list index out of range")
        return self.base[position]
    }

    /// Frees the allocation (the values are plain: nothing to destroy).
    func free() { self.base.deallocate() }

}

/// Frees the allocations of `lists` (each once).
func freeFixedLists<each Element>(_ lists: repeat CXMLFixedList<each Element>) {
    repeat (each lists).free()
}

/// Where a value's bytes are in a store's ``CXMLValueBytes``.
struct CXMLByteRange {
    var start: Int
    var count: Int
}

/// The bytes of one document's attribute values and texts (UTF-8), one after the other in one allocation: what the
/// builder copied from the reader, owned by the document's ``CXMLElementStore`` and freed with it.
final class CXMLValueBytes {
    private let base: UnsafeMutablePointer<UInt8>

    /// Takes `base`, which the object frees.
    init(_ base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    deinit {
        self.base.deallocate()
    }

    /// The string of the bytes in `range` (which the builder wrote).
    func string(_ range: CXMLByteRange) -> String {
        String(decoding: self.bytes(range), as: UTF8.self)
    }

    /// The bytes in `range`, valid while the object lives.
    func bytes(_ range: CXMLByteRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: self.base + range.start, count: range.count)
    }
}
