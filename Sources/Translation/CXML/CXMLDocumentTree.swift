import CXML
import Foundation

/// One cXML document read into memory: its `DOCTYPE` and its `cXML` element, unwrapped from an SAP `Combined`
/// wrapper when it came in one.
struct CXMLDocumentTree {
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
        guard let root = builder.root() else {
            throw CXMLError(.truncated, "the input holds no element")
        }
        return (builder.documentType, root)
    }

    /// Builds the element store from the reader's events as libxml2 reports them.
    private final class Builder: CXMLEventSink {
        /// What the builder changes on every event, behind a pointer: a class's stored properties would be checked
        /// for exclusive access at run time on each.
        private struct State {
            var documentType: CXMLDocumentType?
            var root: Int?
            var names = CXMLNameTable()
            // Flat lists, not arrays: an array's append also checks that its buffer is unique, and the compiler
            // copied nodes in and out of them; these are plain values, freed by the builder (``free()``).
            var nodes = FlatList<CXMLElementStore.Node>(capacity: 512)
            var attributeValues = FlatList<CXMLByteRange>(capacity: 384)
            var attributeNameIDs = FlatList<Int32>(capacity: 384)
            var texts = FlatList<CXMLByteRange>(capacity: 512)
            /// The bytes of the attribute values and texts, one after the other: ``valueCount`` of them in
            /// ``valueCapacity``, handed to the store (``CXMLValueBytes``) with the root, freed by the builder
            /// otherwise. A string is made only for a value a decoder reads.
            var valueBytes: UnsafeMutablePointer<UInt8>
            var valueCount = 0
            var valueCapacity: Int
            var children = FlatList<Int32>(capacity: 512)
            var content = FlatList<Int32>(capacity: 1024)
            /// The open elements, innermost last.
            var open = FlatList<Int32>(capacity: 16)
            /// The children and content of the open elements so far, each element's from its mark on.
            var pendingChildren = FlatList<Int32>(capacity: 64)
            var pendingContent = FlatList<Int32>(capacity: 64)
            var marks = FlatList<(children: Int32, content: Int32, counts: Int32)>(capacity: 16)
            /// The count of children of each name (by number) met so far under the element noted as its owner; a
            /// child whose parent is not the owner starts the count again, noting the owner and count it replaced
            /// in `replaced`, which its parent's end puts back.
            var childCounts = FlatList<(owner: Int32, count: Int32)>(capacity: 128)
            var replaced = FlatList<(name: Int32, owner: Int32, count: Int32)>(capacity: 64)
            /// The depth inside a secret being skipped (a SharedSecret is never held, not even in memory).
            var skipping = 0

            /// Frees the lists and the value bytes (once, from the builder's `deinit`).
            func free() {
                self.valueBytes.deallocate()
                self.nodes.free()
                self.attributeValues.free()
                self.attributeNameIDs.free()
                self.texts.free()
                self.children.free()
                self.content.free()
                self.open.free()
                self.pendingChildren.free()
                self.pendingContent.free()
                self.marks.free()
                self.childCounts.free()
                self.replaced.free()
            }
        }

        private let state: UnsafeMutablePointer<State>
        /// The root element once ``root()`` made it (the value bytes are then the store's).
        private var made: CXMLElement?

        init() {
            // Room for a typical order's values and texts (a few KB), and in the lists for a typical order (a few
            // hundred elements, 20 KB) from the start: growing from less copied more than the room costs.
            self.state = .allocate(capacity: 1)
            self.state.initialize(to: State(valueBytes: .allocate(capacity: 8192), valueCapacity: 8192))
        }

        deinit {
            self.state.pointee.free()
            self.state.deinitialize(count: 1)
            self.state.deallocate()
        }

        var documentType: CXMLDocumentType? { self.state.pointee.documentType }

        /// The root element, once it has ended.
        func root() -> CXMLElement? {
            if let made { return made }
            guard let root = self.state.pointee.root else { return nil }
            // The bytes go to the store; the builder keeps an empty allocation of its own to free.
            let bytes = CXMLValueBytes(self.state.pointee.valueBytes)
            self.state.pointee.valueBytes = .allocate(capacity: 1)
            self.state.pointee.valueCount = 0
            self.state.pointee.valueCapacity = 1
            // The lists the store keeps go to it too, without a copy; the builder keeps new empty ones of its own,
            // so nothing it does later can touch the store's.
            let store = CXMLElementStore(
                nodes: self.state.pointee.nodes.handOver(),
                attributeValues: self.state.pointee.attributeValues.handOver(),
                attributeNameIDs: self.state.pointee.attributeNameIDs.handOver(), names: self.state.pointee.names,
                texts: self.state.pointee.texts.handOver(), valueBytes: bytes,
                children: self.state.pointee.children.handOver(), content: self.state.pointee.content.handOver())
            let element = CXMLElement(store: store, index: root)
            self.made = element
            return element
        }

        func documentType(_ type: CXMLDocumentType) { self.state.pointee.documentType = type }

        func elementStart(name: String, rawAttributes: [CXMLRawAttribute], line: Int, column: Int) {
            guard
                Self.start(
                    &self.state.pointee, name: name, attributeCount: rawAttributes.count, line: line, column: column)
            else { return }
            // One by one: a start has one or two attributes, and the generic range append cost about 220
            // instructions a start.
            for attribute in rawAttributes {
                Self.attribute(&self.state.pointee, name: attribute.name, value: attribute.value)
            }
            Self.open(&self.state.pointee)
        }

        /// The events ``CXMLReader/next()`` queued before the builder was given them: their values' bytes, one
        /// after the other, handed as the reader hands them.
        func elementStart(name: String, attributes: [CXMLAttribute], line: Int, column: Int) {
            let bytes = attributes.flatMap { Array($0.value.utf8) }
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                let raw = attributes.map { attribute in
                    let count = attribute.value.utf8.count
                    defer { offset += count }
                    return CXMLRawAttribute(
                        name: attribute.name, value: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + count)]))
                }
                self.elementStart(name: name, rawAttributes: raw, line: line, column: column)
            }
        }

        /// Notes an element's node, before its attributes (``attribute(_:name:value:)``) and ``open(_:)``.
        ///
        /// - Returns: `false` inside a secret (nothing is noted, and neither attributes nor ``open(_:)`` follow).
        private static func start(
            _ state: inout State, name: String, attributeCount: Int, line: Int, column: Int
        ) -> Bool {
            if state.skipping > 0 || CXMLDocumentTree.isSecret(name) {
                state.skipping += 1
                return false
            }
            let nameID = state.names.id(of: name)
            let parent = state.open.count > 0 ? state.open[state.open.count - 1] : -1
            let position = Self.count(nameID, under: parent, &state)
            state.nodes.append(
                CXMLElementStore.Node(
                    nameID: nameID, parent: parent, position: position, line: line, column: column,
                    attributeStart: Int32(truncatingIfNeeded: state.attributeValues.count),
                    attributeCount: Int32(truncatingIfNeeded: attributeCount)))
            return true
        }

        /// Notes an attribute of the element just started, its value's bytes copied.
        private static func attribute(_ state: inout State, name: String, value: UnsafeBufferPointer<UInt8>) {
            state.attributeValues.append(Self.keep(value, &state))
            state.attributeNameIDs.append(state.names.id(of: name))
        }

        /// Copies `bytes` after the value bytes kept so far and returns where they are.
        private static func keep(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout State) -> CXMLByteRange {
            let range = CXMLByteRange(start: state.valueCount, count: bytes.count)
            guard let source = bytes.baseAddress, bytes.count > 0 else { return range }
            if bytes.count > state.valueCapacity - state.valueCount {
                // Doubled until the bytes fit (a document's bytes are bounded by the reader's limits).
                var capacity = state.valueCapacity * 2
                while capacity - state.valueCount < bytes.count { capacity *= 2 }
                let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                storage.update(from: state.valueBytes, count: state.valueCount)
                state.valueBytes.deallocate()
                state.valueBytes = storage
                state.valueCapacity = capacity
            }
            (state.valueBytes + state.valueCount).update(from: source, count: bytes.count)
            state.valueCount += bytes.count
            return range
        }

        /// Opens the element just started, after its attributes.
        private static func open(_ state: inout State) {
            let node = Int32(truncatingIfNeeded: state.nodes.count - 1)
            if state.open.count > 0 {
                state.pendingChildren.append(node)
                state.pendingContent.append(node)
            }
            state.open.append(node)
            state.marks.append(
                (
                    Int32(truncatingIfNeeded: state.pendingChildren.count),
                    Int32(truncatingIfNeeded: state.pendingContent.count),
                    Int32(truncatingIfNeeded: state.replaced.count)
                ))
        }

        /// Counts a child named `name` of `parent` and returns its position among the children of that name.
        private static func count(_ name: Int32, under parent: Int32, _ state: inout State) -> Int32 {
            let index = Int(name)
            while state.childCounts.count <= index { state.childCounts.append((Int32.min, 0)) }
            let entry = state.childCounts[index]
            if entry.owner == parent {
                state.childCounts[index] = (parent, entry.count + 1)
                return entry.count + 1
            }
            state.replaced.append((name, entry.owner, entry.count))
            state.childCounts[index] = (parent, 1)
            return 1
        }

        func text(bytes: UnsafeBufferPointer<UInt8>) {
            Self.text(&self.state.pointee, bytes)
        }

        /// A text ``CXMLReader/next()`` queued before the builder was given it.
        func text(_ text: String) {
            var text = text
            text.withUTF8 { Self.text(&self.state.pointee, $0) }
        }

        private static func text(_ state: inout State, _ bytes: UnsafeBufferPointer<UInt8>) {
            guard state.skipping == 0, state.open.count > 0 else { return }
            state.pendingContent.append(~Int32(truncatingIfNeeded: state.texts.count))
            state.texts.append(Self.keep(bytes, &state))
        }

        func elementEnd() {
            Self.end(&self.state.pointee)
        }

        private static func end(_ state: inout State) {
            if state.skipping > 0 {
                state.skipping -= 1
                return
            }
            guard state.open.count > 0, state.marks.count > 0 else { return }
            let node = state.open.removeLast()
            let mark = state.marks.removeLast()
            let index = Int(node)
            let children = Int(mark.children)
            let content = Int(mark.content)
            let childStart = Int32(truncatingIfNeeded: state.children.count)
            let childCount = Int32(truncatingIfNeeded: state.pendingChildren.count - children)
            let contentStart = Int32(truncatingIfNeeded: state.content.count)
            let contentCount = Int32(truncatingIfNeeded: state.pendingContent.count - content)
            state.nodes.update(at: index) { node in
                node.childStart = childStart
                node.childCount = childCount
                node.contentStart = contentStart
                node.contentCount = contentCount
            }
            state.children.move(from: &state.pendingChildren, from: children)
            state.content.move(from: &state.pendingContent, from: content)
            // The counts of this element's children give way to those they replaced.
            let counts = Int(mark.counts)
            while state.replaced.count > counts {
                let entry = state.replaced.removeLast()
                state.childCounts[Int(entry.name)] = (entry.owner, entry.count)
            }
            if state.open.count == 0 { state.root = index }
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

/// A growing list of plain values in one allocation, for the builder: an append is a capacity test and a store,
/// a read a bounds test and a load. A value: the owner frees it once (``free()``).
private struct FlatList<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    @inline(__always)
    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < self.count, "list index out of range")
            return self.base[position]
        }
        set {
            precondition(position >= 0 && position < self.count, "list index out of range")
            self.base[position] = newValue
        }
    }

    /// Changes the value at `position` in place.
    @inline(__always)
    mutating func update(at position: Int, _ change: (inout Element) -> Void) {
        precondition(position >= 0 && position < self.count, "list index out of range")
        change(&self.base[position])
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if self.count == self.capacity { self.grow(to: self.capacity * 2) }
        (self.base + self.count).initialize(to: element)
        self.count += 1
    }

    @inline(__always)
    mutating func removeLast() -> Element {
        precondition(self.count > 0, "removeLast from an empty list")
        self.count -= 1
        return self.base[self.count]
    }

    /// Appends the values of `other` from `start` on, then removes them from `other`.
    @inline(__always)
    mutating func move(from other: inout FlatList<Element>, from start: Int) {
        precondition(start >= 0 && start <= other.count, "list index out of range")
        let moved = other.count - start
        if moved > self.capacity - self.count {
            var capacity = self.capacity * 2
            while capacity - self.count < moved { capacity *= 2 }
            self.grow(to: capacity)
        }
        (self.base + self.count).initialize(from: other.base + start, count: moved)
        self.count += moved
        other.count = start
    }

    /// The values as a list of fixed length on the same allocation, which its holder then frees; this list starts
    /// again empty on an allocation of its own.
    mutating func handOver() -> CXMLFixedList<Element> {
        let fixed = CXMLFixedList(taking: self.base, count: self.count)
        self = FlatList(capacity: 1)
        return fixed
    }

    private mutating func grow(to capacity: Int) {
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        storage.initialize(from: self.base, count: self.count)
        self.base.deallocate()
        self.base = storage
        self.capacity = capacity
    }

    /// Frees the allocation (the values are plain: nothing to destroy).
    func free() { self.base.deallocate() }
}
