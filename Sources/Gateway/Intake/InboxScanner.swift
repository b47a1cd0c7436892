/// Lists the inbox: the files that may be claimed, and the entries that must be refused.
///
/// The listing is the truth (inotify only says when to look). It walks `inbox/` and its subfolders without
/// following links. Files come in the order they arrived (last modified first-come, then by name), as partners
/// number their interchanges: a directory lists in hash order, and taking a burst of files by name (`po-10` before
/// `po-9`) made interchanges arrive out of order and raised control-number gaps that closed a pass later.
public struct InboxScanner: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Whether a name is skipped as a file still being written or hidden: it starts with `.` or ends in `.tmp`,
    /// `.part` or `.filepart` (any case). A skipped folder is not entered.
    public static func isIgnored(name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".tmp") || lowered.hasSuffix(".part") || lowered.hasSuffix(".filepart")
    }

    /// Regular files under `inbox/` (recursive), without ignored names; and the entries that must be refused with
    /// the reason: symbolic links (to anything, inside the inbox or out of it), FIFOs, sockets, devices, and names
    /// that cannot be carried safely (control characters, not UTF-8).
    public func scan() throws(IntakeError) -> (files: [InboxFile], refused: [(InboxFile, String)]) {
        var files: [(file: InboxFile, seconds: Int, nanoseconds: Int)] = []
        var refused: [(InboxFile, String)] = []
        try self.walk(folder: self.workspace.inbox, relative: "", files: &files, refused: &refused)
        files.sort {
            ($0.seconds, $0.nanoseconds, $0.file.relativeName) < ($1.seconds, $1.nanoseconds, $1.file.relativeName)
        }
        refused.sort { $0.0.relativeName < $1.0.relativeName }
        return (files.map(\.file), refused)
    }

    private func walk(
        folder: String, relative: String, files: inout [(file: InboxFile, seconds: Int, nanoseconds: Int)],
        refused: inout [(InboxFile, String)]
    ) throws(IntakeError) {
        let entries: [(name: String, valid: Bool)]
        do {
            entries = try FileSystemCalls.entries(of: folder)
        } catch let error where error.code == .notFound && !relative.isEmpty {
            return  // a partner folder removed while listing
        }
        for entry in entries where !Self.isIgnored(name: entry.name) {
            let path = folder + "/" + entry.name
            let relativeName = relative.isEmpty ? entry.name : relative + "/" + entry.name
            let partner = relative.isEmpty ? nil : String(relative.prefix { $0 != "/" })
            let file = InboxFile(path: path, relativeName: relativeName, partnerFolder: partner)
            guard entry.valid else {
                refused.append((file, "the name is not valid UTF-8"))
                continue
            }
            if entry.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                refused.append((file, "the name contains control characters"))
                continue
            }
            guard let status = FileSystemCalls.status(path) else { continue }  // gone since the listing
            switch status.kind {
            case .regular:
                files.append((file, status.modifiedSeconds, status.modifiedNanoseconds))
            case .directory:
                try self.walk(folder: path, relative: relativeName, files: &files, refused: &refused)
            case .symbolicLink:
                refused.append((file, "a symbolic link is never followed: it could lead out of the inbox"))
            case .fifo:
                refused.append((file, "a FIFO (named pipe) is not a file that can be read to its end"))
            case .socket:
                refused.append((file, "a socket is not a file"))
            case .characterDevice, .blockDevice:
                refused.append((file, "a device is not a file"))
            case .unknown:
                refused.append((file, "not a regular file"))
            }
        }
    }
}
