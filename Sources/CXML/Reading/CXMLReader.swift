internal import CLibXML2

/// A streaming, pull reader of cXML (and any XML) documents over libxml2's `xmlTextReader`.
///
/// The reader pulls bytes from a ``CXMLByteSource`` as libxml2 asks for them
/// (`xmlReaderForIO`), so a document is never held whole: memory is bounded by the element
/// libxml2 is reading and by the ``Limits``. Each call to ``next()`` hands out one
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
/// - libxml2's errors are collected per reader (`xmlTextReaderSetStructuredErrorHandler`),
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
    /// The `xmlTextReader`, from the first call to ``next()`` until the end or a failure.
    private var handle: OpaquePointer?
    private var started = false
    private var ended = false
    private var failure: CXMLError?
    /// Whether libxml2's current node has not been handed out yet (the reader looked one node
    /// ahead to join text nodes).
    private var holdsNode = false
    /// The end of an empty element, handed out after its start.
    private var pendingEnd: (name: String, location: CXMLLocation)?
    private var path = ElementPath()
    /// White space being held by ``text(_:)`` until it knows whether text follows.
    private var blankBytes: [UInt8] = []
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
        if let end = self.pendingEnd {
            self.pendingEnd = nil
            self.path.pop()
            return .elementEnd(name: end.name, location: end.location)
        }
        guard !self.ended else { return nil }
        let handle = try self.open()
        while true {
            if !self.holdsNode {
                guard try self.read(handle) else { return nil }
            }
            self.holdsNode = false
            switch xmlTextReaderNodeType(handle) {
            case NodeType.element:
                return try self.elementStart(handle)
            case NodeType.endElement:
                return self.elementEnd(handle)
            case NodeType.text, NodeType.cdata, NodeType.whitespace, NodeType.significantWhitespace:
                if let event = try self.text(handle) { return event }
            case NodeType.documentType:
                return .documentType(Self.documentType(handle))
            case NodeType.entityReference:
                let name = self.name(xmlTextReaderConstName(handle))
                throw CXMLError(
                    .undeclaredEntity,
                    "the document refers to the entity &\(name);, which is not one of XML's five; "
                        + "Porter expands no other",
                    location: self.parserLocation(handle))
            default:
                continue  // comments, processing instructions
            }
        }
    }

    /// Moves libxml2 to its next node and checks for every kind of failure.
    ///
    /// - Returns: `false` at the end of the document (the reader is then closed).
    private func read(_ handle: OpaquePointer) throws(CXMLError) -> Bool {
        let result = xmlTextReaderRead(handle)
        try self.check(result, handle)
        if result == 0 {
            self.ended = true
            self.close()
            return false
        }
        return true
    }

    private func elementStart(_ handle: OpaquePointer) throws(CXMLError) -> CXMLEvent {
        let name = self.name(xmlTextReaderConstName(handle))
        let count = Int(xmlTextReaderAttributeCount(handle))
        if count > self.limits.maximumAttributeCount {
            throw CXMLError(
                .tooManyAttributes,
                "the element \(name) has \(count) attributes, more than the limit of \(self.limits.maximumAttributeCount)",
                location: self.parserLocation(handle))
        }
        var attributes: [CXMLAttribute] = []
        if count > 0 {
            attributes.reserveCapacity(count)
            for index in 0..<Int32(count) where xmlTextReaderMoveToAttributeNo(handle, index) == 1 {
                let value = xmlTextReaderConstValue(handle)
                let attributeName = self.name(xmlTextReaderConstName(handle))
                if let value, Int(xmlStrlen(value)) > self.limits.maximumValueLength {
                    throw CXMLError(
                        .valueTooLong,
                        "the value of the attribute \(attributeName) is longer than the limit of "
                            + "\(self.limits.maximumValueLength) bytes",
                        location: self.parserLocation(handle))
                }
                attributes.append(CXMLAttribute(name: attributeName, value: XMLString.make(value) ?? ""))
            }
            xmlTextReaderMoveToElement(handle)
        }
        let isEmpty = xmlTextReaderIsEmptyElement(handle) == 1
        self.path.push(name)
        if self.path.depth > self.limits.maximumDepth {
            throw CXMLError(
                .tooDeep, "elements are nested deeper than the limit of \(self.limits.maximumDepth)",
                location: self.parserLocation(handle))
        }
        let location = self.location(of: .start, handle)
        if isEmpty { self.pendingEnd = (name, self.location(of: .end, handle)) }
        return .elementStart(name: name, attributes: attributes, location: location)
    }

    private func elementEnd(_ handle: OpaquePointer) -> CXMLEvent {
        let name = self.name(xmlTextReaderConstName(handle))
        let location = self.location(of: .end, handle)
        self.path.pop()
        return .elementEnd(name: name, location: location)
    }

    /// Joins the text nodes libxml2 gives between two tags (text, CDATA, white space, with
    /// comments and processing instructions between them skipped) into one event.
    ///
    /// - Returns: `nil` when the text is only white space and the reader skips such text.
    private func text(_ handle: OpaquePointer) throws(CXMLError) -> CXMLEvent? {
        let location = self.location(of: .text, handle)
        // Indentation is most of the text of a document: white space is kept as bytes, and
        // made into a string only when text follows it or the reader keeps white space.
        var text = ""
        // The reader's buffer, reused from one text to the next (no allocation per indentation).
        var blanks: [UInt8] = []
        swap(&blanks, &self.blankBytes)
        blanks.removeAll(keepingCapacity: true)
        defer { swap(&blanks, &self.blankBytes) }
        var length = 0
        joining: while true {
            switch xmlTextReaderNodeType(handle) {
            case NodeType.text, NodeType.cdata, NodeType.whitespace, NodeType.significantWhitespace:
                guard let value = xmlTextReaderConstValue(handle) else { break }
                let count = Int(xmlStrlen(value))
                length += count
                if length > self.limits.maximumValueLength {
                    throw CXMLError(
                        .valueTooLong, "a text is longer than the limit of \(self.limits.maximumValueLength) bytes",
                        location: location)
                }
                let piece = UnsafeBufferPointer(start: value, count: count)
                if text.isEmpty && !self.keepsWhitespace && piece.allSatisfy(Self.isBlank) {
                    blanks.append(contentsOf: piece)
                } else {
                    if !blanks.isEmpty {
                        text += String(decoding: blanks, as: UTF8.self)
                        blanks.removeAll(keepingCapacity: true)
                    }
                    text += String(decoding: piece, as: UTF8.self)
                }
            case NodeType.comment, NodeType.processingInstruction:
                break
            default:
                self.holdsNode = true
                break joining
            }
            guard try self.read(handle) else { break joining }
        }
        return text.isEmpty ? nil : .text(text, location: location)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: libxml2

    /// The string of a name libxml2 handed out (`xmlTextReaderConstName`).
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(bitPattern: UInt(bitPattern: pointer) >> 4 & 0xFF)
        if self.names[slot].pointer == pointer { return self.names[slot].name }
        let name = String(cString: pointer)
        self.names[slot] = (pointer, name)
        return name
    }

    /// Checks the prolog, then creates the `xmlTextReader` on the first call.
    private func open() throws(CXMLError) -> OpaquePointer {
        if let handle = self.handle { return handle }
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
        guard
            let handle = xmlReaderForIO(
                readCallback, closeCallback, Unmanaged.passUnretained(self.pump).toOpaque(), nil, nil,
                Int32(bitPattern: options))
        else {
            throw CXMLError(.io, "libxml2 could not create a reader (out of memory?)")
        }
        self.handle = handle
        CXMLEntityLoader.register(handle)
        xmlTextReaderSetStructuredErrorHandler(handle, readerErrorCallback, Unmanaged.passUnretained(self).toOpaque())
        return handle
    }

    /// Frees the `xmlTextReader` (and with it libxml2's input buffer and parser).
    private func close() {
        guard let handle = self.handle else { return }
        self.handle = nil
        CXMLEntityLoader.unregister(handle)
        xmlFreeTextReader(handle)
    }

    /// Throws the first failure of the source, the scanner, the entity loader or libxml2.
    private func check(_ result: Int32, _ handle: OpaquePointer) throws(CXMLError) {
        if let failure = self.pump.failure { throw self.locating(failure) }
        let denialCount = CXMLEntityLoader.denialCount
        if denialCount != self.denialsSeen {
            self.denialsSeen = denialCount
            if let denial = CXMLEntityLoader.denials(for: handle).first {
                throw CXMLError(
                    .externalEntity,
                    "libxml2 asked for the external resource \(denial.url ?? denial.publicID ?? "(unnamed)"); "
                        + "Porter loads none",
                    location: self.parserLocation(handle))
            }
        }
        if let diagnostic = self.libxml2Error { throw self.error(for: diagnostic) }
        if result < 0 {
            throw CXMLError(
                .notWellFormed, "libxml2 stopped reading the document", location: self.parserLocation(handle))
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

    /// Where libxml2's parser is: an approximation (it reads ahead of the reader), for errors
    /// found on a node rather than in the bytes.
    private func parserLocation(_ handle: OpaquePointer) -> CXMLLocation {
        CXMLLocation(
            line: Int(xmlTextReaderGetParserLineNumber(handle)),
            column: Int(xmlTextReaderGetParserColumnNumber(handle)),
            node: self.path.node)
    }

    /// The location the scanner noted for the node, or the node's line if it noted none.
    private func location(of kind: InputScanner.Mark.Kind, _ handle: OpaquePointer) -> CXMLLocation {
        if let mark = self.pump.scanner.takeMark(kind) {
            return CXMLLocation(line: mark.line, column: mark.column, node: self.path.node)
        }
        let node = xmlTextReaderCurrentNode(handle)
        return CXMLLocation(line: node.map { Int(xmlGetLineNo($0)) } ?? 0, column: 1, node: self.path.node)
    }

    private static func documentType(_ handle: OpaquePointer) -> CXMLDocumentType {
        let name = XMLString.make(xmlTextReaderConstName(handle)) ?? ""
        guard let node = xmlTextReaderCurrentNode(handle), node.pointee.type == XML_DTD_NODE else {
            return CXMLDocumentType(name: name)
        }
        let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self).pointee
        return CXMLDocumentType(
            name: name, publicID: XMLString.make(dtd.ExternalID), systemID: XMLString.make(dtd.SystemID))
    }
}

/// libxml2's node types, as `xmlTextReaderNodeType` returns them.
private enum NodeType {
    static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
    static let processingInstruction = Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue)
    static let comment = Int32(XML_READER_TYPE_COMMENT.rawValue)
    static let documentType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
    static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
}

/// libxml2's `xmlInputReadCallback`: the context is the reader's ``InputPump``.
private let readCallback: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return -1 }
    let pump = Unmanaged<InputPump>.fromOpaque(context).takeUnretainedValue()
    return pump.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
}

/// libxml2's `xmlInputCloseCallback`: the pump belongs to the reader, which outlives libxml2's use.
private let closeCallback: xmlInputCloseCallback = { _ in 0 }

/// libxml2's `xmlStructuredErrorFunc` for the reader (its parser's, and the thread's while the
/// pump reads): the context is the ``CXMLReader``.
let readerErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<CXMLReader>.fromOpaque(context).takeUnretainedValue().receive(error.pointee)
}
