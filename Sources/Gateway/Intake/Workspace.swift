/// The folder layout of a Porter workspace: where files arrive, wait, go out, and end up.
///
/// ```
/// <root>/inbox/[<partner>/]    files dropped by partners or by other systems
/// <root>/work/                 files claimed and being processed
/// <root>/outbox/<partner>/     documents delivered by the directory channel
/// <root>/archive/YYYY/MM/DD/   originals once processed
/// <root>/error/                files that failed, each with <name>.error.json
/// <root>/quarantine/           files from unknown senders, each with <name>.error.json
/// <root>/alerts/alerts.jsonl    alerts raised and closed, one JSON object per line, for other tools
/// ```
public struct Workspace: Hashable, Sendable {
    /// The root folder (absolute).
    public var root: String
    /// `root/inbox`.
    public var inbox: String
    /// `root/outbox`.
    public var outbox: String
    /// `root/archive`.
    public var archive: String
    /// `root/error`.
    public var error: String
    /// `root/quarantine`.
    public var quarantine: String
    /// `root/work`.
    public var work: String
    /// `root/alerts`.
    public var alerts: String

    /// The layout under `root` (made absolute against the current directory).
    public init(root: String) {
        let root = FilePaths.absolute(root, relativeTo: FilePaths.currentDirectory())
        self.root = root
        self.inbox = root + "/inbox"
        self.outbox = root + "/outbox"
        self.archive = root + "/archive"
        self.error = root + "/error"
        self.quarantine = root + "/quarantine"
        self.work = root + "/work"
        self.alerts = root + "/alerts"
    }

    /// `outbox/<partner>`.
    public func outbox(partner: String) -> String { self.outbox + "/" + partner }

    /// Creates every folder of the layout that is missing (`mkdir -p`), flushing each new folder's parent.
    public func create() throws(IntakeError) {
        for folder in [self.inbox, self.outbox, self.archive, self.error, self.quarantine, self.work, self.alerts] {
            try FileSystemCalls.makeFolders(folder)
        }
    }

    /// `path` relative to the root (`error/po1.edi`), for reports and return values.
    func relative(_ path: String) -> String {
        path.hasPrefix(self.root + "/") ? String(path.dropFirst(self.root.count + 1)) : path
    }
}
