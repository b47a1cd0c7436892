import CXML

/// One element of a cXML document held in memory: its name, attributes, content in order, and where it starts.
///
/// The decoders build one tree per document from ``CXMLReader`` events (``CXMLDocumentTree``), so memory is bounded
/// by one document (the reader's ``CXMLReader/Limits`` bound that).
struct CXMLElement: Sendable {
    /// A piece of the element's content, in document order.
    enum Content: Sendable {
        /// Character data.
        case text(String)
        /// The child at this index of ``children``.
        case child(Int)
    }

    var name: String
    var attributes: [CXMLAttribute]
    var children: [CXMLElement] = []
    var content: [Content] = []
    /// Where the start tag is, with the element's path.
    var location: CXMLLocation

    init(name: String, attributes: [CXMLAttribute], location: CXMLLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    /// The value of the attribute `name`, as written.
    func attribute(_ name: String) -> String? {
        self.attributes.first { $0.name == name }?.value
    }

    /// The element's own character data, joined.
    var text: String {
        var result = ""
        for case .text(let piece) in self.content { result += piece }
        return result
    }

    /// Whether the element holds no child elements (text only, or nothing).
    var isTextOnly: Bool { self.children.isEmpty }

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
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: self.name.utf8)
        for attribute in self.attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attribute.name.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            Self.appendEscaped(attribute.value, attribute: true, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        if self.content.isEmpty {
            bytes.append(contentsOf: "/>".utf8)
            return
        }
        bytes.append(UInt8(ascii: ">"))
        for piece in self.content {
            switch piece {
            case .text(let text): Self.appendEscaped(text, attribute: false, to: &bytes)
            case .child(let index): self.children[index].appendXML(to: &bytes)
            }
        }
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: self.name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Appends `text` escaped for XML: `&`, `<`, `>` and `\r` always; `"`, line feeds and tabs in attribute values.
    /// Every byte escaped is ASCII, which no byte of a multi-byte UTF-8 character is.
    private static func appendEscaped(_ text: String, attribute: Bool, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
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
}
