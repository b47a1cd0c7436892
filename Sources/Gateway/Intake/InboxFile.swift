/// A file found in the inbox, not yet claimed.
public struct InboxFile: Hashable, Sendable {
    /// The absolute path.
    public var path: String
    /// The path relative to `inbox/`, with `/` between folders: `acme/po1.edi`, or `po1.edi` at the top.
    public var relativeName: String
    /// The first folder under `inbox/` (`acme` for `inbox/acme/po1.edi`); `nil` for a file at the top.
    public var partnerFolder: String?

    public init(path: String, relativeName: String, partnerFolder: String?) {
        self.path = path
        self.relativeName = relativeName
        self.partnerFolder = partnerFolder
    }

    /// The last component of ``relativeName``.
    public var name: String { self.relativeName.split(separator: "/").last.map(String.init) ?? self.relativeName }
}
