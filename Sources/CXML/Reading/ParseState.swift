internal import CLibXML2

/// Receives a document's events straight from ``CXMLReader``'s libxml2 callbacks, without a
/// ``CXMLEvent`` per event: what the decoders build their element tree with
/// (``CXMLReader/read(into:)``). The events and their order are those ``CXMLReader/next()`` hands
/// out; an element start comes with the line and column of its location, whose path the sink
/// works out if it needs it (the reader makes no path node for a sink).
package protocol CXMLEventSink: AnyObject {
    /// The `DOCTYPE` declaration.
    func documentType(_ type: CXMLDocumentType)
    /// An element starts; `line` and `column` are where its `<` is.
    func elementStart(name: String, attributes: [CXMLAttribute], line: Int, column: Int)
    /// Character data between two tags, joined.
    func text(_ text: String)
    /// The innermost open element ends.
    func elementEnd()
    /// An element starts, its attributes' values as bytes (UTF-8, references replaced) valid only during the call:
    /// what the reader calls, so that a sink keeping bytes makes no string for a value it may never read. By default
    /// the values are made into strings for ``elementStart(name:attributes:line:column:)``.
    func elementStart(name: String, rawAttributes: [CXMLRawAttribute], line: Int, column: Int)
    /// Character data between two tags, joined, as bytes (UTF-8) valid only during the call: what the reader calls.
    /// By default the bytes are made into a string for ``text(_:)``.
    func text(bytes: UnsafeBufferPointer<UInt8>)
}

extension CXMLEventSink {
    package func elementStart(name: String, rawAttributes: [CXMLRawAttribute], line: Int, column: Int) {
        self.elementStart(
            name: name,
            attributes: rawAttributes.map {
                CXMLAttribute(name: $0.name, value: String(decoding: $0.value, as: UTF8.self))
            },
            line: line, column: column)
    }

    package func text(bytes: UnsafeBufferPointer<UInt8>) {
        self.text(String(decoding: bytes, as: UTF8.self))
    }
}

/// An attribute handed to a ``CXMLEventSink``: its qualified name, and its value's bytes (UTF-8, references
/// replaced), valid only during the call that hands it.
package struct CXMLRawAttribute {
    package let name: String
    package let value: UnsafeBufferPointer<UInt8>

    package init(name: String, value: UnsafeBufferPointer<UInt8>) {
        self.name = name
        self.value = value
    }
}

/// What ``CXMLReader``'s libxml2 callbacks work on while libxml2 parses a chunk: the events
/// made (queued, or handed to a sink), the element path, the text being joined.
///
/// The reader keeps it behind a pointer (which libxml2's parser context carries in
/// `_private`): each callback then reads and writes it with plain loads and stores, where the
/// stored properties of a class are checked for exclusive access at run time, on every event.
struct ParseState {
    let limits: CXMLReader.Limits
    let keepsWhitespace: Bool
    /// The pump's scanner, whose marks locate the events.
    let scanner: UnsafeMutablePointer<InputScanner>
    /// The reader, for libxml2's error callbacks (set when the parser is made).
    var owner: UnsafeMutableRawPointer?
    /// Where events go: the sink, if the reader was given one; otherwise the queue.
    var sink: (any CXMLEventSink)?
    /// Events made and not handed out yet (at most a chunk's).
    var queue: [CXMLEvent] = []
    /// A failure a callback found (it then stops libxml2).
    private(set) var failure: CXMLError?
    /// Whether there is a ``failure``: what every callback checks first (comparing the optional
    /// error with `nil` copies the error each time).
    private var failed = false
    var path = ElementPath()
    /// The text being joined: its bytes (``textCount`` of them, in a buffer of ``textCapacity`` the reader frees with
    /// ``releaseBuffers()``), where it starts (`nil`: no text), whether it is blank so far. A buffer of its own rather
    /// than an array: appending a piece and emptying an array went through its generic range code, about 150
    /// instructions a text.
    private var textStorage: UnsafeMutablePointer<UInt8>
    private var textCapacity = 1024
    private var textCount = 0
    private var textPosition: (line: Int, column: Int)?
    private var textIsBlank = true
    /// The attribute list handed to the sink, kept for the next start with its room.
    private var attributeBuffer: [CXMLRawAttribute] = []
    /// The values of a start's attributes that held a reference, replaced (libxml2's bytes are handed as they are
    /// otherwise): ``valueCapacity`` bytes, freed with ``releaseBuffers()``.
    private var valueStorage: UnsafeMutablePointer<UInt8>
    private var valueCapacity = 256
    /// Names already made into strings, by their pointer in the parser's dictionary (libxml2
    /// interns every name it hands out, so one pointer is always one name): a direct-mapped
    /// cache of 1,024 entries, cheaper than hashing the bytes. The dictionary packs its names a
    /// few bytes apart, so the slot comes from all the pointer's bits (Fibonacci hashing): its
    /// low bits alone put neighbouring names in one slot, and one name's string was made again
    /// and again.
    /// Pointers and strings in two arrays: an array of tuples is destroyed element by element through the
    /// runtime's generic tuple code, which for 1,024 entries cost more than a whole small document's names.
    private var namePointers = [UnsafePointer<xmlChar>?](repeating: nil, count: 1024)
    private var nameStrings = [String](repeating: "", count: 1024)
    /// Prefixed names already joined, by the pointers of their prefix and local name: direct-mapped as `nameStrings`.
    private var qualifiedNames = [
        (prefix: UnsafePointer<xmlChar>?, localName: UnsafePointer<xmlChar>?, name: String)
    ](repeating: (nil, nil, ""), count: 16)

    init(limits: CXMLReader.Limits, keepsWhitespace: Bool, scanner: UnsafeMutablePointer<InputScanner>) {
        self.limits = limits
        self.keepsWhitespace = keepsWhitespace
        self.scanner = scanner
        self.textStorage = .allocate(capacity: self.textCapacity)
        self.valueStorage = .allocate(capacity: self.valueCapacity)
    }

    /// Frees the text buffer; the state is not used after.
    mutating func releaseBuffers() {
        self.textStorage.deallocate()
        self.textCapacity = 0
        self.textCount = 0
        self.valueStorage.deallocate()
        self.valueCapacity = 0
    }

    /// The reader whose state `context` (a `ParseState` pointer) is.
    static func reader(of context: UnsafeMutableRawPointer) -> CXMLReader? {
        let state = context.assumingMemoryBound(to: ParseState.self)
        guard let owner = state.pointee.owner else { return nil }
        return Unmanaged<CXMLReader>.fromOpaque(owner).takeUnretainedValue()
    }

    // MARK: Callbacks

    /// An element starts (libxml2's `startElementNs`): namespace declarations first, as
    /// attributes named `xmlns` or `xmlns:prefix`, then the attributes in document order.
    mutating func elementStart(
        _ parser: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
        namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, namespaceCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int
    ) {
        guard !self.failed else { return }
        self.flushText()
        let name = self.qualifiedName(localName, prefix)
        let count = namespaceCount + attributeCount
        if count > self.limits.maximumAttributeCount {
            self.fail(
                CXMLError(
                    .tooManyAttributes,
                    "the element \(name) has \(count) attributes, more than the limit of "
                        + "\(self.limits.maximumAttributeCount)", location: self.parserLocation(parser)), parser)
            return
        }
        var list: [CXMLAttribute] = []
        var rawList: [CXMLRawAttribute] = []
        if count > 0, self.sink != nil {
            // A sink copies the attributes: its list is then the same buffer every time (emptied after each start).
            swap(&rawList, &self.attributeBuffer)
            guard
                self.rawAttributes(
                    into: &rawList, parser, namespaces: namespaces, namespaceCount: namespaceCount,
                    attributes: attributes, attributeCount: attributeCount)
            else { return }
        } else if count > 0 {
            list.reserveCapacity(count)
            if let namespaces {
                for index in 0..<namespaceCount {
                    let prefix = namespaces[2 * index]
                    let attributeName = prefix.map { "xmlns:" + self.name($0) } ?? "xmlns"
                    list.append(
                        CXMLAttribute(name: attributeName, value: XMLString.make(namespaces[2 * index + 1]) ?? ""))
                }
            }
            if let attributes {
                for index in 0..<attributeCount {
                    let base = 5 * index
                    let attributeName = self.qualifiedName(attributes[base], attributes[base + 1])
                    let value = Self.attributeValue(from: attributes[base + 3], to: attributes[base + 4])
                    if value.utf8.count > self.limits.maximumValueLength {
                        self.failValueTooLong(attributeName, parser)
                        return
                    }
                    list.append(CXMLAttribute(name: attributeName, value: value))
                }
            }
        }
        // The local name's pointer identifies an unprefixed name (libxml2 interns names per parser).
        self.path.push(name, key: prefix == nil ? UInt(bitPattern: localName) : 0)
        if self.path.depth > self.limits.maximumDepth {
            self.fail(
                CXMLError(
                    .tooDeep, "elements are nested deeper than the limit of \(self.limits.maximumDepth)",
                    location: self.parserLocation(parser)), parser)
            return
        }
        let (line, column) = self.position(of: .start, parser)
        if let sink = self.sink {
            sink.elementStart(name: name, rawAttributes: rawList, line: line, column: column)
            if count > 0 {
                // One by one: a start has few attributes, and the generic range removal costs more than the loop.
                while !rawList.isEmpty { rawList.removeLast() }
                self.attributeBuffer = rawList
            }
        } else {
            self.queue.append(
                .elementStart(
                    name: name, attributes: list,
                    location: CXMLLocation(line: line, column: column, node: self.path.node())
                ))
        }
    }

    /// Collects a start's attributes for the sink as ``elementStart(_:localName:prefix:namespaces:namespaceCount:attributes:attributeCount:)``
    /// does for the queue, in the same order and with the same test of each value's length: the values are
    /// libxml2's bytes, or (for those with a reference) the replaced bytes in ``valueStorage``.
    ///
    /// - Returns: `false` when a value breaks the limit (the failure is noted and libxml2 stopped).
    private mutating func rawAttributes(
        into list: inout [CXMLRawAttribute], _ parser: xmlParserCtxtPtr,
        namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, namespaceCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int
    ) -> Bool {
        list.reserveCapacity(namespaceCount + attributeCount)
        if let namespaces {
            for index in 0..<namespaceCount {
                let prefix = namespaces[2 * index]
                let attributeName = prefix.map { "xmlns:" + self.name($0) } ?? "xmlns"
                let value = namespaces[2 * index + 1]
                list.append(
                    CXMLRawAttribute(
                        name: attributeName,
                        value: UnsafeBufferPointer(start: value, count: value.map { Int(xmlStrlen($0)) } ?? 0)))
            }
        }
        guard let attributes else { return true }
        // Where the next replaced value goes; the storage is made big enough for every value left at the first one.
        var used = -1
        for index in 0..<attributeCount {
            let base = 5 * index
            let attributeName = self.qualifiedName(attributes[base], attributes[base + 1])
            var value = Self.rawValue(from: attributes[base + 3], to: attributes[base + 4])
            if value.contains(UInt8(ascii: "&")) {
                if used < 0 {
                    var room = 0
                    for later in index..<attributeCount {
                        room += Self.rawValue(from: attributes[5 * later + 3], to: attributes[5 * later + 4]).count
                    }
                    if room > self.valueCapacity {
                        self.valueStorage.deallocate()
                        self.valueStorage = .allocate(capacity: room)
                        self.valueCapacity = room
                    }
                    used = 0
                }
                let start = self.valueStorage + used
                let count = Self.replaceReferences(in: value, into: start)
                value = UnsafeBufferPointer(start: start, count: count)
                used += count
            }
            if value.count > self.limits.maximumValueLength {
                self.failValueTooLong(attributeName, parser)
                return false
            }
            list.append(CXMLRawAttribute(name: attributeName, value: value))
        }
        return true
    }

    /// Stops at the value of the attribute `attributeName`, longer than the limit.
    private mutating func failValueTooLong(_ attributeName: String, _ parser: xmlParserCtxtPtr) {
        self.fail(
            CXMLError(
                .valueTooLong,
                "the value of the attribute \(attributeName) is longer than the limit of "
                    + "\(self.limits.maximumValueLength) bytes",
                location: self.parserLocation(parser)), parser)
    }

    /// An element ends (libxml2's `endElementNs`, also right after the start of an empty element).
    mutating func elementEnd(_ parser: xmlParserCtxtPtr) {
        guard !self.failed else { return }
        self.flushText()
        let (line, column) = self.position(of: .end, parser)
        if let sink = self.sink {
            sink.elementEnd()
        } else {
            self.queue.append(
                .elementEnd(
                    name: self.path.name ?? "",
                    location: CXMLLocation(line: line, column: column, node: self.path.node())))
        }
        self.path.pop()
    }

    /// Character data (text, CDATA, a character or predefined entity reference): joined with
    /// what follows until the next tag; comments and processing instructions between are skipped.
    mutating func characters(_ parser: xmlParserCtxtPtr, _ bytes: UnsafePointer<xmlChar>?, _ count: Int) {
        guard !self.failed else { return }
        if self.textPosition == nil {
            self.textPosition = self.position(of: .text, parser)
            self.textIsBlank = true
        }
        guard let bytes, count > 0 else { return }
        if self.textCount + count > self.limits.maximumValueLength {
            self.fail(
                CXMLError(
                    .valueTooLong, "a text is longer than the limit of \(self.limits.maximumValueLength) bytes",
                    location: self.textPosition.map {
                        CXMLLocation(line: $0.line, column: $0.column, node: self.path.node())
                    }),
                parser)
            return
        }
        let piece = UnsafeBufferPointer(start: bytes, count: count)
        if self.textIsBlank && !piece.allSatisfy(Self.isBlank) { self.textIsBlank = false }
        if self.textCount + count > self.textCapacity {
            // Doubled until the piece fits (a text is at most `maximumValueLength` bytes, checked above).
            var capacity = max(self.textCapacity, 64)
            while capacity < self.textCount + count { capacity *= 2 }
            let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            storage.update(from: self.textStorage, count: self.textCount)
            self.textStorage.deallocate()
            self.textStorage = storage
            self.textCapacity = capacity
        }
        (self.textStorage + self.textCount).update(from: bytes, count: count)
        self.textCount += count
    }

    /// Hands out the text being joined, unless it is only white space and such text is skipped.
    mutating func flushText() {
        guard let (line, column) = self.textPosition else { return }
        self.textPosition = nil
        if !self.textIsBlank || self.keepsWhitespace && self.textCount > 0 {
            let bytes = UnsafeBufferPointer(start: self.textStorage, count: self.textCount)
            if let sink = self.sink {
                sink.text(bytes: bytes)
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                self.queue.append(
                    .text(text, location: CXMLLocation(line: line, column: column, node: self.path.node())))
            }
        }
        self.textCount = 0
    }

    /// A reference to an entity libxml2 did not substitute (it is not one of XML's five).
    mutating func reference(_ parser: xmlParserCtxtPtr, _ entity: UnsafePointer<xmlChar>?) {
        guard !self.failed else { return }
        let name = self.name(entity)
        self.fail(
            CXMLError(
                .undeclaredEntity,
                "the document refers to the entity &\(name);, which is not one of XML's five; Porter expands no other",
                location: self.parserLocation(parser)), parser)
    }

    /// The `DOCTYPE` (libxml2's `internalSubset`, called for every `DOCTYPE`).
    mutating func documentType(_ type: CXMLDocumentType) {
        guard !self.failed else { return }
        if let sink = self.sink {
            sink.documentType(type)
        } else {
            self.queue.append(.documentType(type))
        }
    }

    /// Stops libxml2 at a failure found in a callback.
    private mutating func fail(_ error: CXMLError, _ parser: xmlParserCtxtPtr) {
        self.failure = error
        self.failed = true
        xmlStopParser(parser)
    }

    // MARK: Names, values, locations

    /// The string of a name libxml2 handed out.
    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(bitPattern: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> 54)
        if self.namePointers[slot] == pointer { return self.nameStrings[slot] }
        let name = String(cString: pointer)
        self.namePointers[slot] = pointer
        self.nameStrings[slot] = name
        return name
    }

    /// The qualified name (`prefix:localname`) libxml2 handed out.
    private mutating func qualifiedName(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?)
        -> String
    {
        guard let prefix else { return self.name(localName) }
        // `xml:lang` and the like: joined once per pair of pointers in the parser's dictionary.
        let slot = Int(bitPattern: UInt(bitPattern: localName) >> 4 & 0xF)
        if self.qualifiedNames[slot].prefix == prefix && self.qualifiedNames[slot].localName == localName {
            return self.qualifiedNames[slot].name
        }
        let name = self.name(prefix) + ":" + self.name(localName)
        self.qualifiedNames[slot] = (prefix, localName, name)
        return name
    }

    /// An attribute value as libxml2's SAX2 interface gives it: without entity substitution,
    /// it writes each `&` of the value (from `&amp;`, `&#38;`) as `&#38;`.
    private static func attributeValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?)
        -> String
    {
        let bytes = Self.rawValue(from: start, to: end)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let decoded = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.baseAddress.map { Self.replaceReferences(in: bytes, into: $0) } ?? 0
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The bytes of an attribute value as libxml2 hands them (from `start` up to `end`).
    private static func rawValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?)
        -> UnsafeBufferPointer<UInt8>
    {
        guard let start, let end, end > start else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    /// Writes `bytes` to `output` with each `&#38;` replaced by `&` (see ``attributeValue(from:to:)``).
    ///
    /// - Returns: The count of bytes written, at most `bytes.count` (`output` must have room for that many).
    private static func replaceReferences(
        in bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>
    )
        -> Int
    {
        var count = 0
        var index = 0
        let escape = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), bytes.count - index >= escape.count,
                bytes[index..<(index + escape.count)].elementsEqual(escape)
            {
                output[count] = UInt8(ascii: "&")
                index += escape.count
            } else {
                output[count] = bytes[index]
                index += 1
            }
            count += 1
        }
        return count
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Where libxml2's parser is, for errors found in a callback rather than in the bytes.
    mutating func parserLocation(_ parser: xmlParserCtxtPtr) -> CXMLLocation {
        guard let input = parser.pointee.input else { return CXMLLocation(line: 0, column: 1, node: self.path.node()) }
        return CXMLLocation(line: Int(input.pointee.line), column: Int(input.pointee.col), node: self.path.node())
    }

    /// Where the scanner noted the event, or the parser's line if it noted none.
    private func position(of kind: InputScanner.Mark.Kind, _ parser: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        if let mark = self.scanner.pointee.takeMark(kind) { return (mark.line, mark.column) }
        return (Int(parser.pointee.input?.pointee.line ?? 0), 1)
    }
}

/// The state of a callback: libxml2 passes its parser context, whose `_private` is the state.
private func state(_ context: UnsafeMutableRawPointer?) -> (UnsafeMutablePointer<ParseState>, xmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let state = parser.pointee._private else { return nil }
    return (state.assumingMemoryBound(to: ParseState.self), parser)
}

/// libxml2's SAX2 handlers with the reader's callbacks for elements, character data,
/// references, the `DOCTYPE` and errors; the DTD handlers stay libxml2's (they build nothing
/// Porter reads, and meet the deny-all loader if a test lets them load anything).
func makeSAXHandler() -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    xmlSAXVersion(&handler, 2)
    handler.startElementNs = {
        context, localName, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
        guard let (state, parser) = state(context) else { return }
        state.pointee.elementStart(
            parser, localName: localName, prefix: prefix, namespaces: namespaces,
            namespaceCount: Int(namespaceCount), attributes: attributes, attributeCount: Int(attributeCount))
    }
    handler.endElementNs = { context, _, _, _ in
        guard let (state, parser) = state(context) else { return }
        state.pointee.elementEnd(parser)
    }
    handler.characters = { context, bytes, count in
        guard let (state, parser) = state(context) else { return }
        state.pointee.characters(parser, bytes, Int(count))
    }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = handler.characters
    handler.reference = { context, name in
        guard let (state, parser) = state(context) else { return }
        state.pointee.reference(parser, name)
    }
    handler.comment = nil
    handler.processingInstruction = nil
    handler.internalSubset = { context, name, publicID, systemID in
        xmlSAX2InternalSubset(context, name, publicID, systemID)
        guard let (state, _) = state(context) else { return }
        state.pointee.documentType(
            CXMLDocumentType(
                name: XMLString.make(name) ?? "", publicID: XMLString.make(publicID),
                systemID: XMLString.make(systemID)))
    }
    handler.serror = { context, error in
        guard let (state, _) = state(context), let error else { return }
        ParseState.reader(of: UnsafeMutableRawPointer(state))?.receive(error.pointee)
    }
    return handler
}
