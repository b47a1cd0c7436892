import CXML
import Foundation

/// Writes a cXML `Response` (`cXML.dtd`): the answer to a request on the same connection, such as
/// `<Status code="200" text="OK"/>`.
public struct CXMLResponseEncoder: Sendable {
    /// How the document is written (only the version, payload ID, timestamp, language and indentation apply).
    public var options: CXMLEncodingOptions

    /// Creates an encoder.
    public init(options: CXMLEncodingOptions = CXMLEncodingOptions()) { self.options = options }

    /// Writes a response carrying `status`.
    ///
    /// - Throws: ``CXMLEncodingError`` with code `writer` when the output cannot be written.
    public func encode(_ status: CXMLStatus) throws(CXMLEncodingError) -> CXMLEncoding {
        do {
            let writer = try CXMLWriter(configuration: self.options.writerConfiguration)
            let emitter = CXMLEmitter(
                writer: writer, dtd: .cXML, language: self.options.language ?? CXMLDefaults.language)
            try writer.writeStartDocument(
                .cXML, payloadID: self.options.payloadID ?? CXMLPayloadID.generate(),
                timestamp: self.options.timestamp ?? CXMLTimestamp.string(from: Date()),
                language: emitter.language)
            try writer.writeStartElement("Response")
            try writer.writeStartElement("Status")
            try writer.writeAttribute("code", String(status.code))
            try writer.writeAttribute("text", emitter.clean(status.text, path: "Response/Status@text"))
            if let language = status.language { try writer.writeAttribute("xml:lang", language) }
            if let detail = status.detail { try writer.writeText(emitter.clean(detail, path: "Response/Status")) }
            try writer.writeEndElement()
            try writer.writeEndElement()
            return CXMLEncoding(bytes: try writer.finish(), dtd: .cXML, findings: emitter.allFindings())
        } catch {
            throw CXMLEncodingError(.writer, "the response cannot be written: \(error.message)", writerError: error)
        }
    }
}
