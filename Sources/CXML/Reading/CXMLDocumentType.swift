/// A `DOCTYPE` declaration, as read: never fetched, never expanded.
///
/// For `<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd">` the name
/// is `cXML`, the ``version`` `1.2.069` and the ``dtdName`` `cXML.dtd`.
public struct CXMLDocumentType: Hashable, Sendable {
    /// The name of the root element the declaration names.
    public var name: String
    /// The public identifier (`PUBLIC "…"`), if any.
    public var publicID: String?
    /// The system identifier (the DTD's URL), if any.
    public var systemID: String?

    /// Creates a document type.
    public init(name: String, publicID: String? = nil, systemID: String? = nil) {
        self.name = name
        self.publicID = publicID
        self.systemID = systemID
    }

    /// The cXML version in the system identifier: the path component before the DTD's file
    /// name when it is made of digits and dots (`1.2.069`).
    public var version: String? {
        let components = self.pathComponents
        guard components.count >= 2 else { return nil }
        let candidate = components[components.count - 2]
        let isVersion =
            !candidate.isEmpty && candidate.first != "." && candidate.last != "." && candidate.contains(".")
            && candidate.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
        return isVersion ? String(candidate) : nil
    }

    /// The DTD's file name, the last component of the system identifier (`cXML.dtd`, `Fulfill.dtd`).
    public var dtdName: String? {
        guard let last = self.pathComponents.last, !last.isEmpty else { return nil }
        return String(last)
    }

    private var pathComponents: [Substring] {
        guard let systemID else { return [] }
        return systemID.split(separator: "/", omittingEmptySubsequences: false)
    }
}
