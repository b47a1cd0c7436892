public import Foundation

/// Every move a file makes through the workspace: inbox → work → archive, error or quarantine, and back.
///
/// Each move is one `rename(2)` inside the workspace (one file system), never a copy and a delete, and never onto
/// an existing name: a taken name gets an ordinal before its extension (`po1-2.edi`). The folders involved are
/// flushed (`fsync`) after each move, so a move that returned survives a crash. Nothing is deleted: a file is
/// always in exactly one place.
public struct FileMover: Sendable {
    public let workspace: Workspace
    /// Whether each move is flushed (`fsync` of both folders) before it returns. The gateway turns it off for claims
    /// and archiving, where the store is the record: a claim or an archive move lost in a power cut leaves the file
    /// in the inbox or in `work/`, and the next pass takes it again (a committed claim is only moved; new content
    /// already processed is a recorded duplicate), so nothing is lost or sent twice; moves to `error/` and
    /// `quarantine/` stay flushed with their reports.
    public let synchronizesMoves: Bool

    public init(workspace: Workspace, synchronizesMoves: Bool = true) {
        self.workspace = workspace
        self.synchronizesMoves = synchronizesMoves
    }

    /// The suffix of the report written beside a file in `error/` or `quarantine/`.
    public static let reportSuffix = ".error.json"

    /// Bytes kept free in a name for an ordinal (`-999999`): a longer name is shortened before it moves.
    private static let ordinalRoom = 7

    /// Claims `file`: renames it into `work/` as `<claim>~<flattened name>` with a new unique claim id.
    ///
    /// Throws `.notFound` when the file is no longer in the inbox (another worker claimed it first).
    public func claim(_ file: InboxFile) throws(IntakeError) -> ClaimedFile {
        let claim = ClaimID.make()
        let workName = ClaimedFile.workName(claim: claim, originalName: file.relativeName)
        guard workName.utf8.count <= 255 else {
            throw IntakeError(
                .invalidName, "the name is too long to be claimed (\(workName.utf8.count) bytes)", path: file.path)
        }
        let workPath = self.workspace.work + "/" + workName
        guard try FileSystemCalls.renameWithoutReplacing(file.path, workPath) else {
            throw IntakeError(.io, "the claim \(claim) is already in work/", path: workPath)
        }
        if self.synchronizesMoves {
            try FileSystemCalls.synchronizeFolder(self.workspace.work)
            try FileSystemCalls.synchronizeFolder(Self.folder(of: file.path))
        }
        return ClaimedFile(
            claim: claim, workPath: workPath, originalName: file.relativeName, partnerFolder: file.partnerFolder)
    }

    /// The claimed files left in `work/` (after a restart), oldest claim first; other names there are left alone.
    public func claimedFilesInWork() throws(IntakeError) -> [ClaimedFile] {
        try FileSystemCalls.entries(of: self.workspace.work)
            .compactMap { $0.valid ? ClaimedFile.parse(workName: $0.name, in: self.workspace.work) : nil }
            .sorted { ($0.claim, $0.originalName) < ($1.claim, $1.originalName) }
    }

    /// Moves a processed original to `archive/YYYY/MM/DD/<name>` (the UTC date of `date`); returns that path
    /// relative to the workspace root.
    public func archive(_ file: ClaimedFile, at date: Date) throws(IntakeError) -> String {
        let folder = self.workspace.archive + "/" + Self.day(date)
        try FileSystemCalls.makeFolders(folder)
        return try self.move(file.workPath, named: file.name, into: folder)
    }

    /// `YYYY/MM/DD` of `date` in UTC (the calendar day, by `gmtime_r`: Foundation's `Calendar` cost more than the
    /// move itself).
    static func day(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "/" + padded(parts.tm_mon + 1, 2) + "/" + padded(parts.tm_mday, 2)
    }

    /// Moves a failed file to `error/<name>`, after writing `error/<name>.error.json` (flushed) with `report`;
    /// returns `error/<name>` (relative to the workspace root). The report's claim and partner folder are filled
    /// from `file` when empty.
    public func moveToError(_ file: ClaimedFile, report: ErrorReport) throws(IntakeError) -> String {
        try self.setAside(
            file.workPath, named: file.name, into: self.workspace.error, report: Self.filled(report, from: file))
    }

    /// Moves a file from an unknown sender to `quarantine/<name>` with `quarantine/<name>.error.json`, as
    /// ``moveToError(_:report:)`` does.
    public func moveToQuarantine(_ file: ClaimedFile, report: ErrorReport) throws(IntakeError) -> String {
        try self.setAside(
            file.workPath, named: file.name, into: self.workspace.quarantine, report: Self.filled(report, from: file))
    }

    /// Moves an entry the scanner refused (a symbolic link, a special file, a bad name) straight from the inbox to
    /// `error/`, with a report at stage `claim`. A symbolic link is moved as a link, never followed.
    public func refuse(_ file: InboxFile, reason: String) throws(IntakeError) -> String {
        let report = ErrorReport(
            file: file.relativeName, stage: "claim", reason: reason, partnerFolder: file.partnerFolder)
        return try self.setAside(file.path, named: file.name, into: self.workspace.error, report: report)
    }

    /// Puts a file from `error/` or `quarantine/` back into the inbox (into its partner subfolder when the report
    /// names one, under its original name), then removes its report; returns the new path relative to the
    /// workspace root (`inbox/acme/po1.edi`).
    ///
    /// `name` is the name in either folder (`po1.edi`), or `error/po1.edi` / `quarantine/po1.edi` when both hold
    /// one. Throws `.notFound` when neither has it.
    public func reprocess(name: String) throws(IntakeError) -> String {
        let source = try self.locate(name)
        let reportPath = source + Self.reportSuffix
        let report = FileSystemCalls.status(reportPath) == nil ? nil : try? ErrorReport.read(from: reportPath)
        var folder = self.workspace.inbox
        if let partner = report?.partnerFolder, Self.isPlainName(partner) {
            folder += "/" + partner
            try FileSystemCalls.makeFolders(folder)
        }
        let originalName = report.flatMap { $0.file.split(separator: "/").last.map(String.init) }
        let moved = try self.move(
            source, named: originalName.flatMap { Self.isPlainName($0) ? $0 : nil } ?? Self.folderAndName(source).name,
            into: folder)
        try FileSystemCalls.remove(reportPath)
        try FileSystemCalls.synchronizeFolder(Self.folder(of: source))
        return moved
    }

    /// Reprocesses everything in `error/` and `quarantine/` (reports and hidden names aside); returns the new
    /// paths, relative to the workspace root.
    public func reprocessAll() throws(IntakeError) -> [String] {
        var moved: [String] = []
        for (folder, label) in [(self.workspace.error, "error"), (self.workspace.quarantine, "quarantine")] {
            guard FileSystemCalls.status(folder) != nil else { continue }
            let names = try FileSystemCalls.entries(of: folder).filter {
                $0.valid && !$0.name.hasPrefix(".") && !$0.name.hasSuffix(Self.reportSuffix)
            }
            for entry in names.sorted(by: { $0.name < $1.name }) {
                moved.append(try self.reprocess(name: label + "/" + entry.name))
            }
        }
        return moved
    }

    // MARK: - Moves

    /// Renames `source` into `folder` as `name` or the first free ordinal name; returns the new path relative to
    /// the workspace root.
    private func move(_ source: String, named name: String, into folder: String) throws(IntakeError) -> String {
        let name = FileSystemCalls.fitting(name, reserve: Self.ordinalRoom)
        var ordinal = 1
        while true {
            let destination = folder + "/" + FileSystemCalls.name(name, ordinal: ordinal)
            if try FileSystemCalls.renameWithoutReplacing(source, destination) {
                if self.synchronizesMoves {
                    try FileSystemCalls.synchronizeFolder(folder)
                    try FileSystemCalls.synchronizeFolder(Self.folder(of: source))
                }
                return self.workspace.relative(destination)
            }
            ordinal += 1
        }
    }

    /// Writes the report (to a hidden temporary name, flushed, then renamed to `<name>.error.json`), then moves
    /// `source` beside it; a name taken in between moves both to the next ordinal.
    private func setAside(_ source: String, named name: String, into folder: String, report: ErrorReport)
        throws(IntakeError) -> String
    {
        guard FileSystemCalls.status(source) != nil else {
            throw IntakeError(.notFound, "the file is no longer there", path: source)
        }
        try FileSystemCalls.makeFolders(folder)
        let name = FileSystemCalls.fitting(name, reserve: Self.reportSuffix.utf8.count + Self.ordinalRoom)
        let temporary = folder + "/." + ClaimID.make() + Self.reportSuffix + ".tmp"
        try FileSystemCalls.writeDurably(report.jsonData(), to: temporary)
        defer { try? FileSystemCalls.remove(temporary) }
        var ordinal = 1
        while true {
            let candidate = folder + "/" + FileSystemCalls.name(name, ordinal: ordinal)
            ordinal += 1
            if FileSystemCalls.status(candidate) != nil { continue }
            guard try FileSystemCalls.renameWithoutReplacing(temporary, candidate + Self.reportSuffix) else { continue }
            try FileSystemCalls.synchronizeFolder(folder)
            let moved: Bool
            do {
                moved = try FileSystemCalls.renameWithoutReplacing(source, candidate)
            } catch {
                try? FileSystemCalls.remove(candidate + Self.reportSuffix)
                throw error
            }
            guard moved else {
                // Taken between the check and the move: take the report back and try the next name.
                _ = try FileSystemCalls.renameWithoutReplacing(candidate + Self.reportSuffix, temporary)
                continue
            }
            try FileSystemCalls.synchronizeFolder(folder)
            try FileSystemCalls.synchronizeFolder(Self.folder(of: source))
            return self.workspace.relative(candidate)
        }
    }

    /// The file in `error/` or `quarantine/` that `name` designates.
    private func locate(_ name: String) throws(IntakeError) -> String {
        var name = name
        if name.hasPrefix("/") { name = self.workspace.relative(name) }
        guard !name.hasSuffix(Self.reportSuffix) else {
            throw IntakeError(
                .invalidName, "this is a report; name the file it describes",
                path: String(name.dropLast(Self.reportSuffix.count)))
        }
        let (folder, fileName) = Self.folderAndName(name)
        let candidates: [String]
        switch folder {
        case "": candidates = [self.workspace.error + "/" + fileName, self.workspace.quarantine + "/" + fileName]
        case "error": candidates = [self.workspace.error + "/" + fileName]
        case "quarantine": candidates = [self.workspace.quarantine + "/" + fileName]
        default:
            throw IntakeError(.invalidName, "only files in error/ or quarantine/ can be reprocessed", path: name)
        }
        guard Self.isPlainName(fileName) else {
            throw IntakeError(.invalidName, "not a file name in error/ or quarantine/", path: name)
        }
        let found = candidates.filter { FileSystemCalls.status($0) != nil }
        guard let first = found.first else {
            throw IntakeError(.notFound, "no such file in error/ or quarantine/", path: name)
        }
        guard found.count == 1 else {
            throw IntakeError(
                .invalidName,
                "both error/ and quarantine/ hold this name; say error/\(fileName) or quarantine/\(fileName)",
                path: name)
        }
        return first
    }

    private static func filled(_ report: ErrorReport, from file: ClaimedFile) -> ErrorReport {
        var report = report
        if report.claim == nil { report.claim = file.claim }
        if report.partnerFolder == nil { report.partnerFolder = file.partnerFolder }
        return report
    }

    /// A single, visible path component: not empty, no `/`, not `.` or `..`, not hidden.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    private static func folder(of path: String) -> String { self.folderAndName(path).folder }

    private static func folderAndName(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
