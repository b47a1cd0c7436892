internal import CLibXML2

/// A streaming, pull reader of cXML (and any XML) documents over libxml2's push parser (SAX2).
///
/// The reader pulls a chunk of bytes from a ``CXMLByteSource`` when it has no event left,
/// hands it to libxml2 (`xmlParseChunk`), whose SAX2 callbacks queue the events the chunk
/// completes; no libxml2 node is ever built. A document is never held whole: memory is
/// bounded by a chunk's events and by the ``Limits``. Each call to ``next()`` hands out one
/// ``CXMLEvent`` with its line, column and element path; `nil` means the document has ended.
///
/// The reader is hostile by default:
///
/// - Before libxml2 sees a byte, the prolog is checked: a `DOCTYPE` with an internal subset
///   (`[ … ]`), any `<!ENTITY` declaration, and an XML declaration whose encoding contradicts
///   the bytes are rejected. The cXML `DOCTYPE` (`SYSTEM "http://xml.cxml.org/…/cXML.dtd"`)
///   is reported as a ``CXMLDocumentType`` and never fetched.
/// - libxml2 runs with `XML_PARSE_NONET` and never with `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
///   `XML_PARSE_DTDVALID` or `XML_PARSE_HUGE`; its external entity loader is
///   ``CXMLEntityLoader``, which refuses every URL, `file://` included.
/// - Document size, prolog size, nesting depth, attributes per element and the length of
///   texts and values are bounded while the bytes go by.
/// - libxml2's errors are collected per reader (the SAX2 structured error callback),
///   never printed.
///
/// The first problem stops the reader with a ``CXMLError`` that later calls throw again. The
/// reader frees its libxml2 objects as soon as it ends or fails, and in any case when it is
/// released.
///
/// ```swift
/// let reader = try CXMLReader(path: "order.xml")
/// while let event = try reader.next() {
///     if case .elementStart("ItemOut", let attributes, let location) = event {
///         print(location.path, attributes.first { $0.name == "lineNumber" }?.value ?? "")
///     }
/// }
/// ```
///
/// A reader is deliberately not `Sendable`: one task owns it. Reading is synchronous and
/// calls the source on the caller's thread; run it off the cooperative pool when the source
/// blocks.
public final class CXMLReader {
    /// The limits this reader enforces.
    public let limits: Limits
    private let keepsWhitespace: Bool
    private let hooks: TestingHooks
    private let pump: InputPump
    /// libxml2's push parser, from the first call to ``next()`` until the end or a failure.
    private var parser: xmlParserCtxtPtr?
    /// The chunk of input handed to libxml2, while the parser lives.
    private var chunk = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var started = false
    private var ended = false
    private var failure: CXMLError?
    /// Events libxml2's callbacks made and ``next()`` has not handed out yet (at most a chunk's).
    private var queue: [CXMLEvent] = []
    private var queueHead = 0
    /// The failure found after the queued events, handed out once they are.
    private var pendingFailure: CXMLError?
    /// A failure a callback found while libxml2 parsed a chunk (it then stops libxml2).
    private var callbackFailure: CXMLError?
    private var path = ElementPath()
    /// The text being joined: its bytes, where it starts (`nil`: no text), whether it is blank so far.
    private var textBytes: [UInt8] = []
    private var textLocation: CXMLLocation?
    private var textIsBlank = true
    /// The first error libxml2 reported.
    private var libxml2Error: Diagnostic?
    /// The count of denied loads (process-wide) when this reader last looked.
    private var denialsSeen = 0
    /// Names already made into strings, by their pointer in the reader's dictionary (libxml2
    /// interns every name it hands out, so one pointer is always one name): a direct-mapped
    /// cache of 256 entries, cheaper than hashing.
    private var names = [(pointer: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 256)
    /// Warnings libxml2 reported; reading went on.
    public private(set) var warnings: [CXMLError] = []

    /// Switches for tests only: they weaken the reader to prove that the layers under the
    /// prolog guard hold on their own.
    struct TestingHooks {
        /// Whether the prolog guard rejects internal subsets and entity declarations.
        var guardsProlog = true
        /// Whether libxml2 loads the DTD and substitutes entities (`XML_PARSE_DTDLOAD` and
        /// `XML_PARSE_NOENT`): never outside tests, where every load must meet the deny-all loader.
        var loadsExternalResources = false
    }

    /// Creates a reader of the document `source` produces.
    ///
    /// Nothing is read until the first call to ``next()``.
    ///
    /// - Parameters:
    ///   - source: Where the bytes come from.
    ///   - limits: The bounds to enforce.
    ///   - keepingWhitespace: Whether text made only of white space (indentation between
    ///     elements) is handed out; by default it is skipped.
    public convenience init(_ source: some CXMLByteSource, limits: Limits = Limits(), keepingWhitespace: Bool = false) {
        self.init(source: source, limits: limits, keepingWhitespace: keepingWhitespace, hooks: TestingHooks())
    }

    /// Creates a reader of a document in memory.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - limits: The bounds to enforce.
    ///   - keepingWhitespace: Whether white-space-only text is handed out.
    public convenience init(bytes: [UInt8], limits: Limits = Limits(), keepingWhitespace: Bool = false) {
        self.init(CXMLMemorySource(bytes), limits: limits, keepingWhitespace: keepingWhitespace)
    }

    /// Creates a reader of the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - limits: The bounds to enforce.
    ///   - keepingWhitespace: Whether white-space-only text is handed out.
    /// - Throws: ``CXMLError`` with code `.io` when the file cannot be opened.
    public convenience init(path: String, limits: Limits = Limits(), keepingWhitespace: Bool = false)
        throws(CXMLError)
    {
        self.init(try CXMLFileSource(path: path), limits: limits, keepingWhitespace: keepingWhitespace)
    }

    init(source: any CXMLByteSource, limits: Limits, keepingWhitespace: Bool, hooks: TestingHooks) {
        self.limits = limits
        self.keepsWhitespace = keepingWhitespace
        self.hooks = hooks
        self.pump = InputPump(source: source, scanner: InputScanner(limits: limits, guardsProlog: hooks.guardsProlog))
    }

    deinit { self.close() }

    /// Reads the next event.
    ///
    /// - Returns: The next event in document order, or `nil` once the root element has ended
    ///   (and every later call).
    /// - Throws: ``CXMLError`` when the document is rejected or cannot be read; every later
    ///   call throws the same error.
    public func next() throws(CXMLError) -> CXMLEvent? {
        if let failure { throw failure }
        defer { self.pump.endErrorScope() }
        do {
            return try self.advance()
        } catch {
            self.failure = error
            self.close()
            throw error
        }
    }

    /// Reads every remaining event and drops them; useful to check a whole document.
    ///
    /// - Complexity: O(*n*) in the size of the rest of the document.
    /// - Throws: ``CXMLError`` as ``next()`` does.
    public func skipToEnd() throws(CXMLError) {
        while try self.next() != nil {}
    }

    // MARK: Stepping

    private func advance() throws(CXMLError) -> CXMLEvent? {
        while true {
            if self.queueHead < self.queue.count {
                let event = self.queue[self.queueHead]
                self.queueHead += 1
                if self.queueHead == self.queue.count {
                    self.queue.removeAll(keepingCapacity: true)
                    self.queueHead = 0
                }
                return event
            }
            if let failure = self.pendingFailure { throw failure }
            guard !self.ended else { return nil }
            try self.parseNextChunk(try self.open())
        }
    }

    /// Hands libxml2 the next chunk of the input (scanned on its way), or tells it the input
    /// has ended; its callbacks queue the events the chunk completes.
    private func parseNextChunk(_ parser: xmlParserCtxtPtr) throws(CXMLError) {
        let count = self.pump.read(into: self.chunk)
        if count < 0 {
            try self.check(0, parser)
            throw CXMLError(.io, "the input could not be read")
        }
        let bytes = count == 0 ? nil : self.chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        let result = xmlParseChunk(parser, bytes, count, count == 0 ? 1 : 0)
        do {
            try self.check(result, parser)
        } catch {
            // The events of the chunk before the failure are handed out first.
            self.pendingFailure = error
            self.close()
            return
        }
        if count == 0 {
            self.flushText()
            self.ended = true
            self.close()
        }
    }

    // MARK: SAX callbacks

    /// The qualified name (`prefix:localname`) libxml2 handed out.
    fileprivate func qualifiedName(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return self.name(localName) }
        return self.name(prefix) + ":" + self.name(localName)
    }

    /// An element starts (libxml2's `startElementNs`): namespace declarations first, as
    /// attributes named `xmlns` or `xmlns:prefix`, then the attributes in document order.
    fileprivate func elementStart(
        _ parser: xmlParserCtxtPtr, name: String, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        namespaceCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int
    ) {
        guard self.pendingFailure == nil, self.callbackFailure == nil else { return }
        self.flushText()
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
        if count > 0 {
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
                        self.fail(
                            CXMLError(
                                .valueTooLong,
                                "the value of the attribute \(attributeName) is longer than the limit of "
                                    + "\(self.limits.maximumValueLength) bytes",
                                location: self.parserLocation(parser)), parser)
                        return
                    }
                    list.append(CXMLAttribute(name: attributeName, value: value))
                }
            }
        }
        self.path.push(name)
        if self.path.depth > self.limits.maximumDepth {
            self.fail(
                CXMLError(
                    .tooDeep, "elements are nested deeper than the limit of \(self.limits.maximumDepth)",
                    location: self.parserLocation(parser)), parser)
            return
        }
        let location = self.location(of: .start, parser)
        self.queue.append(.elementStart(name: name, attributes: list, location: location))
    }

    /// An attribute value as libxml2's SAX2 interface gives it: without entity substitution,
    /// it writes each `&` of the value (from `&amp;`, `&#38;`) as `&#38;`.
    private static func attributeValue(from start: UnsafePointer<xmlChar>?, to end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        let escape = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), bytes.count - index >= escape.count,
                bytes[index..<(index + escape.count)].elementsEqual(escape)
            {
                decoded.append(UInt8(ascii: "&"))
                index += escape.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// An element ends (libxml2's `endElementNs`, also right after the start of an empty element).
    fileprivate func elementEnd(_ parser: xmlParserCtxtPtr) {
        guard self.pendingFailure == nil, self.callbackFailure == nil else { return }
        self.flushText()
        let name = self.path.node?.name ?? ""
        let location = self.location(of: .end, parser)
        self.path.pop()
        self.queue.append(.elementEnd(name: name, location: location))
    }

    /// Character data (text, CDATA, a character or predefined entity reference): joined with
    /// what follows until the next tag; comments and processing instructions between are skipped.
    fileprivate func characters(_ parser: xmlParserCtxtPtr, _ bytes: UnsafePointer<xmlChar>?, _ count: Int) {
        guard self.pendingFailure == nil, self.callbackFailure == nil else { return }
        if self.textLocation == nil {
            self.textLocation = self.location(of: .text, parser)
            self.textIsBlank = true
        }
        guard let bytes, count > 0 else { return }
        if self.textBytes.count + count > self.limits.maximumValueLength {
            self.fail(
                CXMLError(
                    .valueTooLong, "a text is longer than the limit of \(self.limits.maximumValueLength) bytes",
                    location: self.textLocation), parser)
            return
        }
        let piece = UnsafeBufferPointer(start: bytes, count: count)
        if self.textIsBlank && !piece.allSatisfy(Self.isBlank) { self.textIsBlank = false }
        self.textBytes.append(contentsOf: piece)
    }

    /// Queues the text being joined, unless it is only white space and the reader skips such text.
    private func flushText() {
        guard let location = self.textLocation else { return }
        self.textLocation = nil
        if !self.textIsBlank || self.keepsWhitespace && !self.textBytes.isEmpty {
            self.queue.append(.text(String(decoding: self.textBytes, as: UTF8.self), location: location))
        }
        self.textBytes.removeAll(keepingCapacity: true)
    }

    /// A reference to an entity libxml2 did not substitute (it is not one of XML's five).
    fileprivate func reference(_ parser: xmlParserCtxtPtr, _ entity: UnsafePointer<xmlChar>?) {
        guard self.pendingFailure == nil, self.callbackFailure == nil else { return }
        let name = self.name(entity)
        self.fail(
            CXMLError(
                .undeclaredEntity,
                "the document refers to the entity &\(name);, which is not one of XML's five; Porter expands no other",
                location: self.parserLocation(parser)), parser)
    }

    /// The `DOCTYPE` (libxml2's `internalSubset`, called for every `DOCTYPE`).
    fileprivate func documentType(name: String, publicID: String?, systemID: String?) {
        guard self.pendingFailure == nil, self.callbackFailure == nil else { return }
        self.queue.append(.documentType(CXMLDocumentType(name: name, publicID: publicID, systemID: systemID)))
    }

    /// Stops libxml2 at a failure found in a callback.
    private func fail(_ error: CXMLError, _ parser: xmlParserCtxtPtr) {
        self.callbackFailure = error
        xmlStopParser(parser)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: libxml2

    /// The string of a name libxml2 handed out (interned in the parser's dictionary).
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(bitPattern: UInt(bitPattern: pointer) >> 4 & 0xFF)
        if self.names[slot].pointer == pointer { return self.names[slot].name }
        let name = String(cString: pointer)
        self.names[slot] = (pointer, name)
        return name
    }

    /// Checks the prolog, then creates libxml2's push parser on the first call.
    private func open() throws(CXMLError) -> xmlParserCtxtPtr {
        if let parser = self.parser { return parser }
        precondition(!self.started, "a closed reader is not reopened")
        self.started = true
        CXMLEntityLoader.install()
        do {
            try self.pump.readProlog()
        } catch {
            throw self.locating(error)
        }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
        if self.hooks.loadsExternalResources { options |= XML_PARSE_DTDLOAD.rawValue | XML_PARSE_NOENT.rawValue }
        self.denialsSeen = CXMLEntityLoader.denialCount
        self.pump.errorContext = Unmanaged.passUnretained(self).toOpaque()
        var handler = makeSAXHandler()
        guard let parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else {
            throw CXMLError(.io, "libxml2 could not create a parser (out of memory?)")
        }
        self.parser = parser
        let owner = Unmanaged.passUnretained(self).toOpaque()
        parser.pointee._private = owner
        CXMLEntityLoader.register(OpaquePointer(owner))
        _ = xmlCtxtUseOptions(parser, Int32(bitPattern: options))
        self.chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 1)
        return parser
    }

    /// How many bytes libxml2 is given at a time.
    private static let chunkSize = 16 << 10

    /// Frees the parser (and the document node libxml2's SAX2 handlers made for the `DOCTYPE`).
    private func close() {
        guard let parser = self.parser else { return }
        self.parser = nil
        CXMLEntityLoader.unregister(OpaquePointer(Unmanaged.passUnretained(self).toOpaque()))
        if let document = parser.pointee.myDoc {
            parser.pointee.myDoc = nil
            xmlFreeDoc(document)
        }
        xmlFreeParserCtxt(parser)
        self.chunk.deallocate()
        self.chunk = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        self.pump.endErrorScope()
    }

    /// Throws the first failure of the source, the scanner, the entity loader, libxml2 or a callback.
    private func check(_ result: Int32, _ parser: xmlParserCtxtPtr) throws(CXMLError) {
        if let failure = self.pump.failure { throw self.locating(failure) }
        let denialCount = CXMLEntityLoader.denialCount
        if denialCount != self.denialsSeen {
            self.denialsSeen = denialCount
            if let denial = CXMLEntityLoader.denials(for: OpaquePointer(Unmanaged.passUnretained(self).toOpaque()))
                .first
            {
                throw CXMLError(
                    .externalEntity,
                    "libxml2 asked for the external resource \(denial.url ?? denial.publicID ?? "(unnamed)"); "
                        + "Porter loads none",
                    location: self.parserLocation(parser))
            }
        }
        if let diagnostic = self.libxml2Error { throw self.error(for: diagnostic) }
        if let failure = self.callbackFailure { throw failure }
        if result != 0 {
            throw CXMLError(
                .notWellFormed, "libxml2 stopped reading the document", location: self.parserLocation(parser))
        }
    }

    /// What the structured error handler keeps of an `xmlError`.
    struct Diagnostic {
        var domain: Int32
        var code: Int32
        var message: String
        var line: Int
        var column: Int
    }

    /// Receives an error or warning from libxml2 (through `errorCallback`).
    fileprivate func receive(_ error: xmlError) {
        let message = (error.message.map { String(cString: $0) } ?? "unknown error")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        let diagnostic = Diagnostic(
            domain: error.domain, code: error.code, message: message, line: Int(error.line), column: Int(error.int2))
        if error.level == XML_ERR_WARNING {
            if self.warnings.count < 100 { self.warnings.append(self.error(for: diagnostic)) }
        } else if self.libxml2Error == nil {
            self.libxml2Error = diagnostic
        }
    }

    /// Turns a libxml2 error into a ``CXMLError``.
    private func error(for diagnostic: Diagnostic) -> CXMLError {
        let scanner = self.pump.scanner
        let line = diagnostic.line > 0 ? diagnostic.line : scanner.position.line
        let column = diagnostic.column > 0 ? diagnostic.column : 1
        let location = CXMLLocation(line: line, column: column, path: self.path(at: line, column))
        let code = Int(diagnostic.code)
        let message = diagnostic.message
        switch code {
        case Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int(XML_ERR_UNKNOWN_ENCODING.rawValue),
            Int(XML_ERR_INVALID_ENCODING.rawValue):
            return CXMLError(.encoding, "the document's encoding cannot be read: \(message)", location: location)
        case Int(XML_ERR_INVALID_CHAR.rawValue) where message.contains("UTF-8") || message.contains("encoding"):
            return CXMLError(
                .encoding, "the document's bytes do not match its encoding: \(message)", location: location)
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            return CXMLError(
                .undeclaredEntity, "\(message); Porter expands no entity but XML's five", location: location)
        default:
            break
        }
        if diagnostic.domain == Int32(XML_FROM_I18N.rawValue)
            || diagnostic.domain == Int32(XML_FROM_IO.rawValue) && code == Int(XML_IO_ENCODER.rawValue)
        {
            // libxml2's converter works ahead of the parser on raw chunks and cannot say where
            // the bad bytes were, and the bytes it quotes depend on the chunking: say neither.
            let encoding = scanner.declaredEncoding ?? "the declared encoding"
            return CXMLError(.encoding, "the document's bytes are not valid \(encoding)", location: nil)
        }
        if diagnostic.domain == Int32(XML_FROM_IO.rawValue) {
            if code == Int(XML_IO_LOAD_ERROR.rawValue) || code == Int(XML_IO_NETWORK_ATTEMPT.rawValue) {
                return CXMLError(.externalEntity, "\(message); Porter loads no external resource", location: location)
            }
        }
        if message.contains("Excessive depth") {
            return CXMLError(.tooDeep, message, location: location)
        }
        if message.contains("too long") || message.contains("huge") {
            return CXMLError(.valueTooLong, message, location: location)
        }
        if self.pump.isExhausted && !scanner.isComplete && diagnostic.line >= scanner.lastContentLine {
            let (line, column) = scanner.position
            let end = CXMLLocation(line: line, column: column, path: self.path(at: line, column))
            if scanner.lastContentLine == 0 {
                return CXMLError(.truncated, "the input is empty", location: end)
            }
            if !scanner.isPastProlog {
                return CXMLError(.truncated, "the input ended before the root element", location: end)
            }
            return CXMLError(.truncated, "the input ended before the root element was closed", location: end)
        }
        return CXMLError(.notWellFormed, "the document is not well-formed XML: \(message)", location: location)
    }

    /// Sets the path of a scanner error, which lies ahead of the reader.
    private func locating(_ error: CXMLError) -> CXMLError {
        guard let location = error.location else { return error }
        var error = error
        error.location?.path = self.path(at: location.line, location.column)
        return error
    }

    /// The element path at a position ahead of the reader: the reader's path, moved through
    /// the starts and ends the scanner saw before that position.
    ///
    /// libxml2 reads ahead of the nodes it hands out, so its errors (and the scanner's) lie
    /// ahead of the reader's own path.
    private func path(at line: Int, _ column: Int) -> String {
        var path = self.path
        for mark in self.pump.scanner.pendingMarks {
            guard mark.line < line || mark.line == line && mark.column < column else { break }
            switch mark.kind {
            case .start: path.push(self.pump.scanner.name(of: mark))
            case .end: path.pop()
            case .text: break
            }
        }
        return path.text
    }

    /// Where libxml2's parser is, for errors found in a callback rather than in the bytes.
    private func parserLocation(_ parser: xmlParserCtxtPtr) -> CXMLLocation {
        guard let input = parser.pointee.input else { return CXMLLocation(line: 0, column: 1, node: self.path.node) }
        return CXMLLocation(line: Int(input.pointee.line), column: Int(input.pointee.col), node: self.path.node)
    }

    /// The location the scanner noted for the event, or the parser's line if it noted none.
    private func location(of kind: InputScanner.Mark.Kind, _ parser: xmlParserCtxtPtr) -> CXMLLocation {
        if let mark = self.pump.scanner.takeMark(kind) {
            return CXMLLocation(line: mark.line, column: mark.column, node: self.path.node)
        }
        return CXMLLocation(line: Int(parser.pointee.input?.pointee.line ?? 0), column: 1, node: self.path.node)
    }
}

/// The reader of a callback: libxml2 passes its parser context, whose `_private` is the reader.
private func reader(_ context: UnsafeMutableRawPointer?) -> (CXMLReader, xmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let owner = parser.pointee._private else { return nil }
    return (Unmanaged<CXMLReader>.fromOpaque(owner).takeUnretainedValue(), parser)
}

/// libxml2's SAX2 handlers with Porter's callbacks for elements, character data, references,
/// the `DOCTYPE` and errors; the DTD handlers stay libxml2's (they build nothing Porter reads,
/// and meet the deny-all loader if a test lets them load anything).
private func makeSAXHandler() -> xmlSAXHandler {
    var handler = xmlSAXHandler()
    xmlSAXVersion(&handler, 2)
    handler.startElementNs = {
        context, localName, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
        guard let (reader, parser) = reader(context) else { return }
        reader.elementStart(
            parser, name: reader.qualifiedName(localName, prefix), namespaces: namespaces,
            namespaceCount: Int(namespaceCount), attributes: attributes, attributeCount: Int(attributeCount))
    }
    handler.endElementNs = { context, _, _, _ in
        guard let (reader, parser) = reader(context) else { return }
        reader.elementEnd(parser)
    }
    handler.characters = { context, bytes, count in
        guard let (reader, parser) = reader(context) else { return }
        reader.characters(parser, bytes, Int(count))
    }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = handler.characters
    handler.reference = { context, name in
        guard let (reader, parser) = reader(context) else { return }
        reader.reference(parser, name)
    }
    handler.comment = nil
    handler.processingInstruction = nil
    handler.internalSubset = { context, name, publicID, systemID in
        xmlSAX2InternalSubset(context, name, publicID, systemID)
        guard let (reader, _) = reader(context) else { return }
        reader.documentType(
            name: XMLString.make(name) ?? "", publicID: XMLString.make(publicID), systemID: XMLString.make(systemID))
    }
    handler.serror = { context, error in
        guard let (reader, _) = reader(context), let error else { return }
        reader.receive(error.pointee)
    }
    return handler
}

/// libxml2's `xmlStructuredErrorFunc` for the reader (its parser's, and the thread's while the
/// pump reads): the context is the ``CXMLReader``.
let readerErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<CXMLReader>.fromOpaque(context).takeUnretainedValue().receive(error.pointee)
}
