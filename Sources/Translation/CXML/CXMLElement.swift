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
        var result = ""
        self.appendXML(to: &result)
        return result
    }

    private func appendXML(to result: inout String) {
        // One append at a time: `a + b` would make a string of its own first.
        result += "<"
        result += self.name
        for attribute in self.attributes {
            result += " "
            result += attribute.name
            result += "=\""
            result += Self.escape(attribute.value, attribute: true)
            result += "\""
        }
        if self.content.isEmpty {
            result += "/>"
            return
        }
        result += ">"
        for piece in self.content {
            switch piece {
            case .text(let text): result += Self.escape(text, attribute: false)
            case .child(let index): self.children[index].appendXML(to: &result)
            }
        }
        result += "</"
        result += self.name
        result += ">"
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 })
        else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
