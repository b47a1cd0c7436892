import Foundation
import Glibc
import Testing

@testable import Gateway

/// A temporary folder for one test, removed when the value goes away.
final class IntakeScratch {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("porter-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.path = url.standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: self.path) }

    /// Writes `text` at `relative` (folders created); returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String = "ISA*00*...~") throws -> String {
        let url = URL(fileURLWithPath: self.path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A created workspace under this folder.
    func workspace() throws -> Workspace {
        let workspace = Workspace(root: self.path + "/ws")
        try workspace.create()
        return workspace
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: self.path + "/" + relative) }

    func names(in relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: self.path + "/" + relative).sorted()
    }
}

@Suite("Workspace and files")
struct IntakeFileTests {
    @Test func workspaceCreatesEveryFolder() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        try workspace.create()  // again: nothing to do
        for folder in ["inbox", "outbox", "archive", "error", "quarantine", "work"] {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: scratch.path + "/ws/" + folder, isDirectory: &isFolder))
            #expect(isFolder.boolValue)
        }
        #expect(workspace.inbox == scratch.path + "/ws/inbox")
        #expect(workspace.outbox(partner: "acme") == scratch.path + "/ws/outbox/acme")
        #expect(Workspace(root: "relative").root == FileManager.default.currentDirectoryPath + "/relative")

        try scratch.write("blocked", "a file where a folder should be")
        #expect(throws: IntakeError.self) { try Workspace(root: scratch.path + "/blocked").create() }
    }

    @Test func smallFilesAreReadWhole() throws {
        let scratch = try IntakeScratch()
        let text = String(repeating: "ISA*00*0123456789~", count: 500)
        let path = try scratch.write("po.edi", text)
        guard case .bytes(let bytes) = try FileSystemCalls.readSmallFile(path, limit: 1 << 20) else {
            Issue.record("not read")
            return
        }
        #expect(bytes == Array(text.utf8))
        guard case .bytes(let empty) = try FileSystemCalls.readSmallFile(try scratch.write("empty.edi", ""), limit: 8)
        else {
            Issue.record("not read")
            return
        }
        #expect(empty.isEmpty)
        guard case .tooLarge = try FileSystemCalls.readSmallFile(path, limit: text.utf8.count - 1) else {
            Issue.record("read past the limit")
            return
        }
        #expect(throws: IntakeError.self) { try FileSystemCalls.readSmallFile(scratch.path, limit: 8) }
        let missing = #expect(throws: IntakeError.self) {
            try FileSystemCalls.readSmallFile(scratch.path + "/gone.edi", limit: 8)
        }
        #expect(missing?.code == .notFound)
        // A FIFO does not block the read, and a symbolic link is not followed: both refused.
        let fifo = scratch.path + "/pipe.edi"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: IntakeError.self) { try FileSystemCalls.readSmallFile(fifo, limit: 8) }
        let link = scratch.path + "/link.edi"
        #expect(symlink(path, link) == 0)
        #expect(throws: IntakeError.self) { try FileSystemCalls.readSmallFile(link, limit: 1 << 20) }
    }

    @Test func scannerSkipsUnfinishedNamesAndRecursesIntoPartnerFolders() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        for name in [
            "a.edi", ".hidden", "b.tmp", "c.part", "d.FILEPART", "acme/po1.edi", "acme/deep/x.xml", ".uploads/y.edi",
            "acme/z.edi.part",
        ] {
            try scratch.write("ws/inbox/" + name)
        }
        let (files, refused) = try InboxScanner(workspace: workspace).scan()
        #expect(refused.isEmpty)
        // In the order they were written.
        #expect(files.map(\.relativeName) == ["a.edi", "acme/po1.edi", "acme/deep/x.xml"])
        #expect(files.map(\.partnerFolder) == [nil, "acme", "acme"])
        #expect(files[1].path == workspace.inbox + "/acme/po1.edi")
        #expect(files[1].name == "po1.edi")
    }

    /// Files are taken in the order they arrived (modification time), not by name: `po-10` written after `po-9`
    /// comes after it; files of the same time come by name.
    @Test func scannerListsFilesInTheOrderTheyArrived() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        for (name, offset) in [
            ("po-10.edi", 3.0), ("po-9.edi", 2.0), ("acme/po-8.edi", 1.0), ("b.edi", 4), ("a.edi", 4),
        ] {
            try scratch.write("ws/inbox/" + name)
            try FileManager.default.setAttributes(
                [.modificationDate: base.addingTimeInterval(offset)], ofItemAtPath: workspace.inbox + "/" + name)
        }
        let names = try InboxScanner(workspace: workspace).scan().files.map(\.relativeName)
        #expect(names == ["acme/po-8.edi", "po-9.edi", "po-10.edi", "a.edi", "b.edi"])
    }

    @Test func scannerRefusesLinksAndSpecialFilesAndTheyGoToErrorAsTheyAre() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        try scratch.write("ws/inbox/a.edi")
        let secret = try scratch.write("outside/secret.edi", "not for the inbox")
        try FileManager.default.createDirectory(atPath: workspace.inbox + "/acme", withIntermediateDirectories: true)
        #expect(symlink(workspace.inbox + "/a.edi", workspace.inbox + "/inside-link.edi") == 0)
        #expect(symlink(secret, workspace.inbox + "/acme/outside-link.edi") == 0)
        #expect(symlink(scratch.path + "/outside", workspace.inbox + "/linked-folder") == 0)
        #expect(mkfifo(workspace.inbox + "/acme/pipe.edi", 0o644) == 0)

        let scanner = InboxScanner(workspace: workspace)
        let (files, refused) = try scanner.scan()
        #expect(files.map(\.relativeName) == ["a.edi"])
        #expect(
            refused.map(\.0.relativeName) == [
                "acme/outside-link.edi", "acme/pipe.edi", "inside-link.edi", "linked-folder",
            ])
        #expect(refused[0].0.partnerFolder == "acme")
        #expect(refused[0].1.contains("symbolic link"))
        #expect(refused[1].1.contains("FIFO"))

        let mover = FileMover(workspace: workspace)
        for (file, reason) in refused { _ = try mover.refuse(file, reason: reason) }
        #expect(try scanner.scan().refused.isEmpty)
        let moved = workspace.error + "/outside-link.edi"
        #expect(FileSystemCalls.status(moved)?.kind == .symbolicLink)
        #expect(FileSystemCalls.status(workspace.error + "/pipe.edi")?.kind == .fifo)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "not for the inbox")
        let report = try ErrorReport.read(from: moved + ".error.json")
        #expect(report.stage == "claim")
        #expect(report.file == "acme/outside-link.edi")
        #expect(report.partnerFolder == "acme")
        #expect(report.claim == nil)
    }

    @Test func claimIsAtomicAndUnique() async throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        for index in 0..<40 { try scratch.write("ws/inbox/acme/po\(index).edi") }
        let files = try InboxScanner(workspace: workspace).scan().files
        let mover = FileMover(workspace: workspace)
        // Two workers race for every file: each file is claimed exactly once.
        let claims = await withTaskGroup(of: [ClaimedFile].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    files.compactMap { (file: InboxFile) -> ClaimedFile? in
                        do {
                            return try mover.claim(file)
                        } catch let error as IntakeError {
                            #expect(error.code == .notFound)
                            return nil
                        } catch {
                            Issue.record(error)
                            return nil
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claims.count == 40)
        #expect(Set(claims.map(\.claim)).count == 40)
        #expect(Set(claims.map(\.originalName)) == Set(files.map(\.relativeName)))
        #expect(try scratch.names(in: "ws/inbox/acme").isEmpty)
        #expect(claims.allSatisfy { FileManager.default.fileExists(atPath: $0.workPath) })
        #expect(claims.allSatisfy { $0.partnerFolder == "acme" })
    }

    @Test func namesThatCannotBeCarriedAreRefusedOrNotClaimed() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        try scratch.write("ws/inbox/bad\nname.edi")
        let long = String(repeating: "x", count: 240) + ".edi"
        try scratch.write("ws/inbox/acme/" + long)
        let (files, refused) = try InboxScanner(workspace: workspace).scan()
        #expect(refused.map(\.1) == ["the name contains control characters"])
        let error = try #require(throws: IntakeError.self) { try FileMover(workspace: workspace).claim(files[0]) }
        #expect(error.code == .invalidName)
        #expect(scratch.exists("ws/inbox/acme/" + long))  // left in place: refuse() can move it to error/
        let shortened = String(repeating: "x", count: 255 - 11 - 7 - 4) + ".edi"
        #expect(try FileMover(workspace: workspace).refuse(files[0], reason: "name too long") == "error/" + shortened)
        #expect(scratch.exists("ws/error/" + shortened + ".error.json"))
    }

    @Test func claimedFilesInWorkRoundTripTheirNames() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let names = ["plain.edi", "acme/po 1.edi", "acme/100%~odd%2F.x12", "beta/deep/n.xml"]
        for name in names { try scratch.write("ws/inbox/" + name) }
        try scratch.write("ws/work/not-a-claim.txt")
        let mover = FileMover(workspace: workspace)
        let claimed = try InboxScanner(workspace: workspace).scan().files.map { file throws(IntakeError) in
            try mover.claim(file)
        }
        let found = try mover.claimedFilesInWork()
        #expect(Set(found) == Set(claimed))
        #expect(Set(found.map(\.originalName)) == Set(names))
        #expect(found.first { $0.originalName == "beta/deep/n.xml" }?.partnerFolder == "beta")
        #expect(found.first { $0.originalName == "plain.edi" }?.partnerFolder == nil)
        #expect(found.map(\.claim) == found.map(\.claim).sorted())
        #expect(found.allSatisfy { ClaimID.isValid($0.claim) })
    }

    @Test(arguments: [
        (0.0, "1970/01/01"), (951_782_400, "2000/02/29"), (1_798_761_599.5, "2026/12/31"),
        (1_798_761_600, "2027/01/01"), (253_402_300_799, "9999/12/31"),
    ])
    func archiveDayIsTheUTCCalendarDay(seconds: Double, day: String) {
        #expect(FileMover.day(Date(timeIntervalSince1970: seconds)) == day)
    }

    @Test func archiveGoesUnderTheUTCDateWithoutOverwriting() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let mover = FileMover(workspace: workspace)
        let date = try #require(
            DateComponents(
                calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                year: 2025, month: 1, day: 31, hour: 23, minute: 30
            ).date)
        try scratch.write("ws/inbox/acme/po1.edi", "first")
        let first = try mover.claim(try InboxScanner(workspace: workspace).scan().files[0])
        #expect(try mover.archive(first, at: date) == "archive/2025/01/31/po1.edi")
        try scratch.write("ws/inbox/beta/po1.edi", "second")
        let second = try mover.claim(try InboxScanner(workspace: workspace).scan().files[0])
        #expect(try mover.archive(second, at: date) == "archive/2025/01/31/po1-2.edi")
        #expect(try String(contentsOfFile: workspace.root + "/archive/2025/01/31/po1.edi", encoding: .utf8) == "first")
        #expect(try scratch.names(in: "ws/work").isEmpty)
        #expect(throws: IntakeError.self) { try mover.archive(second, at: date) }
    }

    @Test func errorAndQuarantineKeepEveryFileWithItsReport() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let mover = FileMover(workspace: workspace)
        let at = Date(timeIntervalSince1970: 1_738_325_103)
        var moved: [String] = []
        for (partner, text) in [("acme", "one"), ("beta", "two")] {
            try scratch.write("ws/inbox/\(partner)/po1.edi", text)
            let file = try mover.claim(try InboxScanner(workspace: workspace).scan().files[0])
            let report = ErrorReport(
                file: file.originalName, at: at, stage: "decode", reason: "the BEG segment is missing",
                findings: [.init(severity: "error", message: "missing BEG", location: "ISA13 000000123 ST02 0001")])
            moved.append(try mover.moveToError(file, report: report))
        }
        #expect(moved == ["error/po1.edi", "error/po1-2.edi"])
        #expect(
            try scratch.names(in: "ws/error") == ["po1-2.edi", "po1-2.edi.error.json", "po1.edi", "po1.edi.error.json"])
        #expect(try String(contentsOfFile: workspace.error + "/po1-2.edi", encoding: .utf8) == "two")
        let report = try ErrorReport.read(from: workspace.error + "/po1-2.edi.error.json")
        #expect(report.file == "beta/po1.edi")
        #expect(report.partnerFolder == "beta")
        #expect(report.claim.map(ClaimID.isValid) == true)
        #expect(report.at == at)
        #expect(report.findings.first?.location == "ISA13 000000123 ST02 0001")
        let json = try String(contentsOfFile: workspace.error + "/po1.edi.error.json", encoding: .utf8)
        #expect(json.contains("\"at\" : \"2025-01-31T12:05:03Z\""))
        #expect(json.contains("\"stage\" : \"decode\""))

        try scratch.write("ws/inbox/stranger.xml")
        let stranger = try mover.claim(try InboxScanner(workspace: workspace).scan().files[0])
        let quarantined = try mover.moveToQuarantine(
            stranger, report: ErrorReport(file: "stranger.xml", stage: "identify", reason: "unknown sender ZZ:NOBODY"))
        #expect(quarantined == "quarantine/stranger.xml")
        #expect(try scratch.names(in: "ws/quarantine") == ["stranger.xml", "stranger.xml.error.json"])
        #expect(try scratch.names(in: "ws/work").isEmpty)
    }

    @Test func reprocessPutsFilesBackIntoTheirPartnerFolder() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let mover = FileMover(workspace: workspace)
        func fail(_ name: String, quarantine: Bool = false) throws {
            try scratch.write("ws/inbox/" + name)
            let found = try InboxScanner(workspace: workspace).scan().files.first { $0.relativeName == name }
            let file = try mover.claim(try #require(found))
            let report = ErrorReport(file: file.originalName, stage: "validate", reason: "bad")
            _ =
                quarantine
                ? try mover.moveToQuarantine(file, report: report) : try mover.moveToError(file, report: report)
        }
        try fail("acme/po1.edi")
        try fail("beta/po1.edi")  // error/po1-2.edi
        #expect(try mover.reprocess(name: "po1-2.edi") == "inbox/beta/po1.edi")
        #expect(!scratch.exists("ws/error/po1-2.edi.error.json"))
        #expect(throws: IntakeError.self) { try mover.reprocess(name: "po1-2.edi") }
        #expect(throws: IntakeError.self) { try mover.reprocess(name: "po1.edi.error.json") }
        #expect(throws: IntakeError.self) { try mover.reprocess(name: "../inbox/beta/po1.edi") }

        try fail("top.edi", quarantine: true)
        try fail("other/po1.edi", quarantine: true)  // quarantine/po1.edi: the name is in both folders now
        let ambiguous = try #require(throws: IntakeError.self) { try mover.reprocess(name: "po1.edi") }
        #expect(ambiguous.code == .invalidName)
        #expect(try mover.reprocess(name: "quarantine/po1.edi") == "inbox/other/po1.edi")

        // The inbox holds beta/po1.edi again: the one failed now comes back beside it without replacing it.
        try FileManager.default.moveItem(atPath: workspace.inbox + "/beta/po1.edi", toPath: scratch.path + "/kept.edi")
        try fail("beta/po1.edi")
        try scratch.write("ws/inbox/beta/po1.edi", "already back")
        let all = try mover.reprocessAll()
        #expect(all.sorted() == ["inbox/acme/po1.edi", "inbox/beta/po1-2.edi", "inbox/top.edi"])
        #expect(try scratch.names(in: "ws/error").isEmpty)
        #expect(try scratch.names(in: "ws/quarantine").isEmpty)
        #expect(try String(contentsOfFile: workspace.inbox + "/beta/po1.edi", encoding: .utf8) == "already back")
    }
}

@Suite("Inbox watcher", .timeLimit(.minutes(1)))
struct InboxWatcherTests {
    /// Waits for wake-ups until `name` has been announced; returns the wake-ups seen.
    private static func waitForAnnouncement(
        of name: String, from watcher: InboxWatcher, _ iterator: inout AsyncStream<WakeUp>.Iterator,
        announced: inout Set<String>
    ) async -> [WakeUp] {
        var seen: [WakeUp] = []
        while !announced.contains(name), let wakeUp = await iterator.next() {
            seen.append(wakeUp)
            announced.formUnion(watcher.takeAnnouncedFiles())
        }
        return seen
    }

    /// A watcher on a new workspace, its start-up wake-up already seen.
    private static func started(
        in scratch: IntakeScratch, pollInterval: Duration? = nil, rescanInterval: Duration = .seconds(3600)
    ) async throws -> (Workspace, InboxWatcher, AsyncStream<WakeUp>.Iterator) {
        let workspace = try scratch.workspace()
        let watcher = try InboxWatcher(workspace: workspace, pollInterval: pollInterval, rescanInterval: rescanInterval)
        var wakeUps = watcher.wakeUps().makeAsyncIterator()
        #expect(await wakeUps.next() == .startup)
        return (workspace, watcher, wakeUps)
    }

    @Test func inotifyAnnouncesClosedAndMovedInFilesAndWatchesNewFolders() async throws {
        let scratch = try IntakeScratch()
        var (workspace, watcher, wakeUps) = try await Self.started(in: scratch)
        defer { watcher.stop() }
        var announced: Set<String> = []

        try scratch.write("ws/inbox/written.edi")
        let afterWrite = await Self.waitForAnnouncement(
            of: "written.edi", from: watcher, &wakeUps, announced: &announced)
        #expect(afterWrite.last == .fileEvent)

        let outside = try scratch.write("staging/moved.edi")
        #expect(rename(outside, workspace.inbox + "/moved.edi") == 0)
        #expect(
            await Self.waitForAnnouncement(of: "moved.edi", from: watcher, &wakeUps, announced: &announced).last
                == .fileEvent)

        try FileManager.default.createDirectory(
            atPath: workspace.inbox + "/newpartner", withIntermediateDirectories: false)
        #expect(await wakeUps.next() == .fileEvent)  // the new folder, now watched
        try scratch.write("ws/inbox/newpartner/po.edi")
        _ = await Self.waitForAnnouncement(of: "newpartner/po.edi", from: watcher, &wakeUps, announced: &announced)
        #expect(announced.contains("newpartner/po.edi"))
    }

    @Test func aFileStillOpenIsNotAnnouncedUntilClosed() async throws {
        let scratch = try IntakeScratch()
        var (workspace, watcher, wakeUps) = try await Self.started(in: scratch)
        defer { watcher.stop() }
        var announced: Set<String> = []

        let descriptor = open(workspace.inbox + "/slow.edi", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        #expect(write(descriptor, "ISA*", 4) == 4)
        // A second file, written whole after the slow one was opened: its event comes after the slow one's.
        try scratch.write("ws/inbox/marker.edi")
        _ = await Self.waitForAnnouncement(of: "marker.edi", from: watcher, &wakeUps, announced: &announced)
        #expect(!announced.contains("slow.edi"))

        #expect(write(descriptor, "00~", 3) == 3)
        close(descriptor)
        _ = await Self.waitForAnnouncement(of: "slow.edi", from: watcher, &wakeUps, announced: &announced)
        #expect(announced.contains("slow.edi"))
    }

    @Test("a file renamed in is announced to the scan that lists it, even before the watcher thread reads its event")
    func announcedBeforeTheWatcherThreadReadsTheEvent() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        // No wake-ups asked for: no watcher thread reads the events.
        let watcher = try InboxWatcher(workspace: workspace, pollInterval: nil, rescanInterval: .seconds(3600))
        defer { watcher.stop() }
        let outside = try scratch.write("staging/renamed.edi")
        #expect(rename(outside, workspace.inbox + "/renamed.edi") == 0)
        #expect(watcher.takeAnnouncedFiles() == ["renamed.edi"])
        #expect(watcher.takeAnnouncedFiles().isEmpty)
    }

    @Test func pollingModeTicksWithoutInotify() async throws {
        let scratch = try IntakeScratch()
        var (_, watcher, wakeUps) = try await Self.started(in: scratch, pollInterval: .milliseconds(5))
        #expect(await wakeUps.next() == .poll)
        try scratch.write("ws/inbox/a.edi")
        #expect(await wakeUps.next() == .poll)
        #expect(watcher.takeAnnouncedFiles().isEmpty)
        watcher.stop()
        while await wakeUps.next() != nil {}  // the stream ends

        var again = watcher.wakeUps().makeAsyncIterator()
        #expect(await again.next() == nil)
    }

    @Test func rescanTicksInInotifyMode() async throws {
        let scratch = try IntakeScratch()
        var (_, watcher, wakeUps) = try await Self.started(in: scratch, rescanInterval: .milliseconds(5))
        defer { watcher.stop() }
        #expect(await wakeUps.next() == .rescan)
    }

    @Test func aMissingInboxCannotBeWatched() throws {
        let scratch = try IntakeScratch()
        let error = try #require(throws: IntakeError.self) {
            _ = try InboxWatcher(
                workspace: Workspace(root: scratch.path + "/none"), pollInterval: nil, rescanInterval: .seconds(60))
        }
        #expect(error.code == .notFound)
    }
}

@Suite("Stability tracker")
struct StabilityTrackerTests {
    @Test func aSlowWriterIsNotTakenUntilItStops() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let scanner = InboxScanner(workspace: workspace)
        try scratch.write("ws/inbox/done.edi")
        #expect(FileManager.default.createFile(atPath: workspace.inbox + "/slow.edi", contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: workspace.inbox + "/slow.edi"))
        var tracker = StabilityTracker(stableFor: .seconds(1))
        let start = ContinuousClock.now
        func ready(after seconds: Double) throws -> [String] {
            tracker.ready(from: try scanner.scan().files, at: start.advanced(by: .seconds(seconds))).map(\.relativeName)
        }

        try handle.write(contentsOf: Data("ISA*00*".utf8))
        #expect(try ready(after: 0) == [])
        #expect(tracker.nextCheck == start.advanced(by: .seconds(1)))
        try handle.write(contentsOf: Data("GS*PO*".utf8))
        #expect(try ready(after: 1.5) == ["done.edi"])  // the slow file changed: its wait starts again
        try handle.write(contentsOf: Data("ST*850*0001~".utf8))
        #expect(try ready(after: 3) == ["done.edi"])
        try handle.close()  // the writer stops
        #expect(try ready(after: 3.5) == ["done.edi"])
        #expect(try ready(after: 4) == ["done.edi", "slow.edi"])

        tracker.forget("done.edi")
        #expect(try ready(after: 4) == ["slow.edi"])  // seen afresh: waits again
    }

    @Test func announcedFilesAreReadyAtOnceAndGoneFilesAreForgotten() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let scanner = InboxScanner(workspace: workspace)
        try scratch.write("ws/inbox/acme/a.edi")
        try scratch.write("ws/inbox/b.edi")
        var tracker = StabilityTracker(stableFor: .seconds(1))
        let now = ContinuousClock.now
        tracker.announce(["acme/a.edi", "never-seen.edi"])
        #expect(tracker.ready(from: try scanner.scan().files, at: now).map(\.relativeName) == ["acme/a.edi"])
        #expect(tracker.nextCheck == now.advanced(by: .seconds(1)))

        try FileManager.default.removeItem(atPath: workspace.inbox + "/b.edi")
        #expect(tracker.ready(from: try scanner.scan().files, at: now).map(\.relativeName) == ["acme/a.edi"])
        tracker.forget("acme/a.edi")
        #expect(tracker.nextCheck == nil)
        #expect(tracker.ready(from: try scanner.scan().files, at: now).isEmpty)  // seen afresh, no longer announced
        #expect(tracker.nextCheck == now.advanced(by: .seconds(1)))
    }

    @Test("a file announced before a scan lists it (renamed in after the listing) is ready at the next scan")
    func announcedBeforeListed() throws {
        let scratch = try IntakeScratch()
        let workspace = try scratch.workspace()
        let scanner = InboxScanner(workspace: workspace)
        var tracker = StabilityTracker(stableFor: .seconds(1))
        let now = ContinuousClock.now
        tracker.announce(["late.edi", "gone.edi"])
        #expect(tracker.ready(from: try scanner.scan().files, at: now).isEmpty)
        try scratch.write("ws/inbox/late.edi")
        #expect(tracker.ready(from: try scanner.scan().files, at: now).map(\.relativeName) == ["late.edi"])
        // An announced name is kept for one scan that does not list it, not for ever.
        try scratch.write("ws/inbox/gone.edi")
        tracker.forget("late.edi")
        #expect(tracker.ready(from: try scanner.scan().files, at: now).isEmpty)
    }
}
