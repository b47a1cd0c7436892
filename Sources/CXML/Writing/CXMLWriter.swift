internal import CLibXML2
public import Foundation

/// Writes cXML documents through libxml2's `xmlTextWriter`.
///
/// A document is UTF-8 with an XML declaration, the `DOCTYPE` of its DTD at the configured
/// cXML version, and a `cXML` root carrying `payloadID`, `timestamp` and `xml:lang`; the
/// caller writes the rest with the element, attribute and text calls. libxml2 escapes text
/// and attribute values; the writer refuses names that are not XML names and characters XML
/// 1.0 cannot carry, and checks the order of the calls.
///
/// ```swift
/// let writer = try CXMLWriter()
/// try writer.writeStartDocument(.cXML)                  // payloadID and timestamp made here
/// try writer.writeStartElement("Response")
/// try writer.writeElement("Status", attributes: ["code": "200", "text": "OK"])
/// let bytes = try writer.finish()                       // closes Response and cXML
/// ```
///
/// The writer owns its `xmlTextWriter` (and through it libxml2's output buffer) and frees it
/// in ``finish()``, or when released, on every path. Deliberately not `Sendable`.
public final class CXMLWriter {
    /// What every document of this writer shares.
    public struct Configuration: Hashable, Sendable {
        /// The cXML version in the `DOCTYPE`'s system identifier (`1.2.069` by default).
        public var version: String
        /// The indentation of nested elements, or `nil` for none (two spaces by default).
        public var indentation: String?

        /// Creates a configuration.
        public init(version: String = "1.2.069", indentation: String? = "  ") {
            self.version = version
            self.indentation = indentation
        }
    }

    /// The configuration the writer was created with.
    public let configuration: Configuration
    private let sink: OutputSink
    /// The `xmlTextWriter`, until ``finish()``.
    private var handle: OpaquePointer?
    private var startedDocument = false
    private var openElements: [String] = []
    private var endedRoot = false
    /// Whether the element just started takes attributes (no content written in it yet).
    private var acceptsAttributes = false
    /// What libxml2 said during the last call, if anything.
    private var libxml2Message: String?

    /// Creates a writer into memory; ``finish()`` returns the document.
    ///
    /// - Parameter configuration: The cXML version and indentation.
    /// - Throws: ``CXMLError`` with code `.io` if libxml2 cannot create its writer.
    public convenience init(configuration: Configuration = Configuration()) throws(CXMLError) {
        try self.init(sink: OutputSink(.memory), configuration: configuration)
    }

    /// Creates a writer to an open file descriptor, written with `write(2)` as libxml2 flushes.
    ///
    /// The descriptor is borrowed: the writer never closes it.
    ///
    /// - Parameters:
    ///   - fileDescriptor: A descriptor open for writing.
    ///   - configuration: The cXML version and indentation.
    /// - Throws: ``CXMLError`` with code `.io` if libxml2 cannot create its writer.
    public convenience init(fileDescriptor: Int32, configuration: Configuration = Configuration()) throws(CXMLError) {
        try self.init(sink: OutputSink(.descriptor(fileDescriptor)), configuration: configuration)
    }

    private init(sink: OutputSink, configuration: Configuration) throws(CXMLError) {
        CXMLEntityLoader.install()
        self.sink = sink
        self.configuration = configuration
        guard
            let output = xmlOutputBufferCreateIO(
                writeCallback, closeCallback, Unmanaged.passUnretained(sink).toOpaque(), nil)
        else {
            throw CXMLError(.io, "libxml2 could not create an output buffer (out of memory?)")
        }
        guard let handle = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw CXMLError(.io, "libxml2 could not create a writer (out of memory?)")
        }
        self.handle = handle
        if let indentation = configuration.indentation {
            xmlTextWriterSetIndent(handle, 1)
            _ = XMLString.with(indentation) { xmlTextWriterSetIndentString(handle, $0) }
        }
    }

    deinit {
        // Frees the output buffer too, which calls `closeCallback`; the sink is still alive.
        if let handle { xmlFreeTextWriter(handle) }
    }

    // MARK: Document

    /// Writes the XML declaration, the `DOCTYPE` and the start of the `cXML` root element.
    ///
    /// The root stays open: more attributes (such as `version`) may follow, then `Header`
    /// and the request, response or message.
    ///
    /// - Parameters:
    ///   - dtd: The DTD the document follows; ``CXMLDTD/init(documentElement:)`` picks it.
    ///   - payloadID: The document's unique ID; a new one by default.
    ///   - timestamp: When the document was made, with its offset; now by default.
    ///   - language: The `xml:lang` of the document, or `nil` to leave it out.
    /// - Throws: ``CXMLError``: `.invalidState` if a document was started already,
    ///   `.invalidValue` for a value XML cannot carry, `.io` if the output fails.
    public func writeStartDocument(
        _ dtd: CXMLDTD, payloadID: String = CXMLPayloadID.generate(),
        timestamp: String = CXMLTimestamp.string(from: Date()), language: String? = "en-US"
    ) throws(CXMLError) {
        let handle = try self.activeHandle()
        guard !self.startedDocument else { throw CXMLError(.invalidState, "the document was started already") }
        let systemID = dtd.systemID(version: self.configuration.version)
        try Self.checkText(systemID)
        try self.call("xmlTextWriterStartDocument") { xmlTextWriterStartDocument(handle, "1.0", "UTF-8", nil) }
        // libxml2 indents a DOCTYPE's SYSTEM onto a line of its own: write it unindented, then a line break.
        if self.configuration.indentation != nil { xmlTextWriterSetIndent(handle, 0) }
        try self.call("xmlTextWriterWriteDTD") {
            XMLString.with("cXML") { name in
                XMLString.with(systemID) { xmlTextWriterWriteDTD(handle, name, nil, $0, nil) }
            }
        }
        try self.call("xmlTextWriterWriteRaw") { xmlTextWriterWriteRaw(handle, "\n") }
        if self.configuration.indentation != nil { xmlTextWriterSetIndent(handle, 1) }
        self.startedDocument = true
        try self.writeStartElement("cXML")
        try self.writeAttribute("payloadID", payloadID)
        try self.writeAttribute("timestamp", timestamp)
        if let language { try self.writeAttribute("xml:lang", language) }
    }

    /// Ends every open element and the document, and flushes the output.
    ///
    /// The writer is done afterwards: every later call throws `.invalidState`.
    ///
    /// - Returns: The document's bytes for a writer into memory; an empty array for a writer
    ///   to a file descriptor.
    /// - Throws: ``CXMLError``: `.invalidState` if no document was started, `.io` if the
    ///   output fails.
    public func finish() throws(CXMLError) -> [UInt8] {
        let handle = try self.activeHandle()
        guard self.startedDocument else { throw CXMLError(.invalidState, "no document was started") }
        defer {
            self.handle = nil
            xmlFreeTextWriter(handle)
        }
        try self.call("xmlTextWriterEndDocument") { xmlTextWriterEndDocument(handle) }
        try self.call("xmlTextWriterFlush") { xmlTextWriterFlush(handle) }
        self.openElements = []
        return self.sink.takeBytes()
    }

    // MARK: Elements, attributes, text

    /// Starts an element inside the current one.
    ///
    /// - Parameter name: The element's name, such as `ItemOut`.
    /// - Throws: ``CXMLError``: `.invalidValue` if `name` is not an XML name,
    ///   `.invalidState` before ``writeStartDocument(_:payloadID:timestamp:language:)`` or
    ///   after the root has ended, `.io` if the output fails.
    public func writeStartElement(_ name: String) throws(CXMLError) {
        let handle = try self.activeHandle()
        guard self.startedDocument else {
            throw CXMLError(.invalidState, "an element was started before the document")
        }
        guard !self.endedRoot else {
            throw CXMLError(.invalidState, "the element \(name) was started after the root element ended")
        }
        try Self.checkName(name)
        try self.call("xmlTextWriterStartElement") { XMLString.with(name) { xmlTextWriterStartElement(handle, $0) } }
        self.openElements.append(name)
        self.acceptsAttributes = true
    }

    /// Adds an attribute to the element just started.
    ///
    /// - Parameters:
    ///   - name: The attribute's name, such as `lineNumber` or `xml:lang`.
    ///   - value: Its value; libxml2 escapes `<`, `&`, `"` and line breaks.
    /// - Throws: ``CXMLError``: `.invalidState` once the element has content,
    ///   `.invalidValue` for a bad name or a character XML cannot carry, `.io` if the output fails.
    public func writeAttribute(_ name: String, _ value: String) throws(CXMLError) {
        let handle = try self.activeHandle()
        guard self.acceptsAttributes, let element = self.openElements.last else {
            throw CXMLError(.invalidState, "the attribute \(name) does not follow the start of an element")
        }
        try Self.checkName(name)
        try Self.checkText(value, what: "the value of the attribute \(name) of \(element)")
        try self.call("xmlTextWriterWriteAttribute") {
            XMLString.with(name) { name in XMLString.with(value) { xmlTextWriterWriteAttribute(handle, name, $0) } }
        }
    }

    /// Writes character data inside the current element; libxml2 escapes `<`, `>`, `&` and
    /// carriage returns.
    ///
    /// - Parameter text: The text.
    /// - Throws: ``CXMLError``: `.invalidState` outside an element, `.invalidValue` for a
    ///   character XML cannot carry, `.io` if the output fails.
    public func writeText(_ text: String) throws(CXMLError) {
        let handle = try self.activeHandle()
        guard let element = self.openElements.last else {
            throw CXMLError(.invalidState, "text was written outside any element")
        }
        try Self.checkText(text, what: "the text of \(element)")
        try self.call("xmlTextWriterWriteString") { XMLString.with(text) { xmlTextWriterWriteString(handle, $0) } }
        self.acceptsAttributes = false
    }

    /// Ends the current element (as `<Name/>` when it has no content).
    ///
    /// - Throws: ``CXMLError``: `.invalidState` when no element is open, `.io` if the output fails.
    public func writeEndElement() throws(CXMLError) {
        let handle = try self.activeHandle()
        guard !self.openElements.isEmpty else { throw CXMLError(.invalidState, "no element is open") }
        try self.call("xmlTextWriterEndElement") { xmlTextWriterEndElement(handle) }
        self.openElements.removeLast()
        self.endedRoot = self.openElements.isEmpty
        self.acceptsAttributes = false
    }

    /// Writes a whole element: its start, attributes in the order given, optional text, its end.
    ///
    /// - Parameters:
    ///   - name: The element's name.
    ///   - attributes: Its attributes, in order.
    ///   - text: Its text, if any.
    /// - Throws: ``CXMLError`` as the calls it makes do.
    public func writeElement(
        _ name: String, attributes: KeyValuePairs<String, String> = [:], text: String? = nil
    ) throws(CXMLError) {
        try self.writeStartElement(name)
        for (attributeName, value) in attributes { try self.writeAttribute(attributeName, value) }
        if let text { try self.writeText(text) }
        try self.writeEndElement()
    }

    // MARK: Checks

    private func activeHandle() throws(CXMLError) -> OpaquePointer {
        guard let handle = self.handle else { throw CXMLError(.invalidState, "the writer has finished") }
        return handle
    }

    /// Runs a libxml2 writer call and turns a failure of the output, or a negative result, into an error.
    ///
    /// libxml2's writer has no error handler of its own: what it would print, it says to
    /// `writerErrorCallback` during the call, and the message goes into the error.
    private func call(_ function: String, _ body: () -> Int32) throws(CXMLError) {
        self.libxml2Message = nil
        let scope = porter_xml_begin_error_scope(Unmanaged.passUnretained(self).toOpaque(), writerErrorCallback)
        let result = body()
        porter_xml_end_error_scope(scope)
        if let failure = self.sink.failure { throw failure }
        if result < 0 {
            throw CXMLError(
                .invalidState, "libxml2 refused \(function)" + (self.libxml2Message.map { ": \($0)" } ?? ""))
        }
    }

    /// Keeps the first message libxml2 raised during ``call(_:_:)``.
    fileprivate func receive(_ error: xmlError) {
        guard self.libxml2Message == nil else { return }
        self.libxml2Message = (error.message.map { String(cString: $0) } ?? "unknown error")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Refuses a name that is not an XML name (letters, digits, `_`, `-`, `.`, `:`; not
    /// starting with a digit, `-` or `.`).
    ///
    /// ASCII names are checked byte by byte; Unicode properties are asked only for others.
    private static func checkName(_ name: String) throws(CXMLError) {
        var utf8 = name.utf8.makeIterator()
        var valid = true
        var isFirst = true
        var ascii = true
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
                UInt8(ascii: ":"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                valid = valid && !isFirst
            case 0x80...:
                ascii = false
            default:
                valid = false
            }
            isFirst = false
        }
        if !ascii {
            valid =
                name.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" || $0 == ":" } ?? false
                && name.unicodeScalars.allSatisfy {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "_-.:".unicodeScalars.contains($0) || $0 == "\u{B7}"
                }
        }
        guard valid && !isFirst else {
            throw CXMLError(.invalidValue, "\(name.debugDescription) is not an XML name")
        }
    }

    /// Refuses characters XML 1.0 cannot carry, even escaped: controls other than tab, line
    /// feed and carriage return, and U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF` in UTF-8).
    private static func checkText(_ text: String, what: @autoclosure () -> String = "a value") throws(CXMLError) {
        let suspect = text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }
        guard suspect else { return }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed =
                value >= 0x20 ? value != 0xFFFE && value != 0xFFFF : value == 0x09 || value == 0x0A || value == 0x0D
            if !allowed {
                throw CXMLError(
                    .invalidValue,
                    "\(what()) contains U+\(String(value, radix: 16, uppercase: true)), which XML 1.0 cannot carry")
            }
        }
    }
}

/// libxml2's `xmlOutputWriteCallback`: the context is the writer's ``OutputSink``.
private let writeCallback: xmlOutputWriteCallback = { context, buffer, length in
    guard let context, length >= 0 else { return -1 }
    let sink = Unmanaged<OutputSink>.fromOpaque(context).takeUnretainedValue()
    return sink.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
}

/// libxml2's `xmlOutputCloseCallback`: the sink belongs to the writer, which outlives libxml2's use.
private let closeCallback: xmlOutputCloseCallback = { _ in 0 }

/// libxml2's `xmlStructuredErrorFunc` during a writer call: the context is the ``CXMLWriter``.
private let writerErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<CXMLWriter>.fromOpaque(context).takeUnretainedValue().receive(error.pointee)
}
