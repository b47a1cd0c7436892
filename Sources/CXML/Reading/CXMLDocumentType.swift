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
        if let systemID, let ascii = systemID.utf8.withContiguousStorageIfAvailable(Self.version(ascii:)),
            ascii.isASCII
        {
            return ascii.version
        }
        let components = self.pathComponents
        guard components.count >= 2 else { return nil }
        let candidate = components[components.count - 2]
        let isVersion =
            !candidate.isEmpty && candidate.first != "." && candidate.last != "." && candidate.contains(".")
            && candidate.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
        return isVersion ? String(candidate) : nil
    }

    /// ``version`` read byte by byte when the identifier is ASCII (every one Porter meets), where each character is
    /// one byte but `\r\n`, which is neither `/`, `.` nor a digit either way; `isASCII` false: not read.
    private static func version(ascii bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, version: String?) {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return (false, nil) }
        let slash = UInt8(ascii: "/")
        guard let end = bytes.lastIndex(of: slash) else { return (true, nil) }
        let start = bytes[..<end].lastIndex(of: slash).map { $0 + 1 } ?? 0
        let candidate = bytes[start..<end]
        let dot = UInt8(ascii: ".")
        let isVersion =
            !candidate.isEmpty && candidate.first != dot && candidate.last != dot && candidate.contains(dot)
            && candidate.allSatisfy { $0 == dot || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return (true, isVersion ? String(decoding: candidate, as: UTF8.self) : nil)
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
