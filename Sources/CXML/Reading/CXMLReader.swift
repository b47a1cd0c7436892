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
    /// What libxml2's callbacks work on (see ``ParseState``): its queue's events up to here are handed out.
    private let state: UnsafeMutablePointer<ParseState>
    private var queueHead = 0
    /// The failure found after the queued events, handed out once they are.
    private var pendingFailure: CXMLError?
    /// The first error libxml2 reported.
    private var libxml2Error: Diagnostic?
    /// The count of denied loads (process-wide) when this reader last looked.
    private var denialsSeen = 0
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
        self.state = .allocate(capacity: 1)
        self.state.initialize(
            to: ParseState(limits: limits, keepsWhitespace: keepingWhitespace, scanner: self.pump.scannerPointer))
    }

    deinit {
        self.close()
        self.state.pointee.releaseBuffers()
        self.state.deinitialize(count: 1)
        self.state.deallocate()
    }

    /// Reads the whole document into `sink`, its events straight from libxml2's callbacks
    /// (no ``CXMLEvent`` is made): what the decoders use.
    ///
    /// Events ``next()`` has not handed out yet go to `sink` first.
    ///
    /// - Throws: ``CXMLError`` as ``next()`` does; events before the failure have reached `sink`.
    package func read(into sink: some CXMLEventSink) throws(CXMLError) {
        if let failure { throw failure }
        for event in self.state.pointee.queue[self.queueHead...] {
            switch event {
            case .documentType(let type): sink.documentType(type)
            case .elementStart(let name, let attributes, let location):
                sink.elementStart(name: name, attributes: attributes, line: location.line, column: location.column)
            case .text(let text, _): sink.text(text)
            case .elementEnd: sink.elementEnd()
            }
        }
        self.state.pointee.queue.removeAll(keepingCapacity: true)
        self.queueHead = 0
        self.state.pointee.sink = sink
        defer {
            self.state.pointee.sink = nil
            self.pump.endErrorScope()
        }
        do throws(CXMLError) {
            while !self.ended {
                if let failure = self.pendingFailure { throw failure }
                try self.parseNextChunk(try self.open())
            }
            if let failure = self.pendingFailure { throw failure }
        } catch {
            self.failure = error
            self.close()
            throw error
        }
    }

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
            if self.queueHead < self.state.pointee.queue.count {
                let event = self.state.pointee.queue[self.queueHead]
                self.queueHead += 1
                if self.queueHead == self.state.pointee.queue.count {
                    self.state.pointee.queue.removeAll(keepingCapacity: true)
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
            self.state.pointee.flushText()
            self.ended = true
            self.close()
        }
    }

    // MARK: libxml2

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
        self.pump.errorContext = UnsafeMutableRawPointer(self.state)
        var handler = makeSAXHandler()
        guard let parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else {
            throw CXMLError(.io, "libxml2 could not create a parser (out of memory?)")
        }
        self.parser = parser
        self.state.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        parser.pointee._private = UnsafeMutableRawPointer(self.state)
        CXMLEntityLoader.register(OpaquePointer(self.state))
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
        CXMLEntityLoader.unregister(OpaquePointer(self.state))
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
            if let denial = CXMLEntityLoader.denials(for: OpaquePointer(self.state)).first {
                throw CXMLError(
                    .externalEntity,
                    "libxml2 asked for the external resource \(denial.url ?? denial.publicID ?? "(unnamed)"); "
                        + "Porter loads none",
                    location: self.state.pointee.parserLocation(parser))
            }
        }
        if let diagnostic = self.libxml2Error { throw self.error(for: diagnostic) }
        if let failure = self.state.pointee.failure { throw failure }
        if result != 0 {
            throw CXMLError(
                .notWellFormed, "libxml2 stopped reading the document",
                location: self.state.pointee.parserLocation(parser))
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
    func receive(_ error: xmlError) {
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
        var path = self.state.pointee.path
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
}

/// libxml2's `xmlStructuredErrorFunc` for the reader (its parser's, and the thread's while the
/// pump reads): the context is the reader's ``ParseState``.
let readerErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    ParseState.reader(of: context)?.receive(error.pointee)
}
