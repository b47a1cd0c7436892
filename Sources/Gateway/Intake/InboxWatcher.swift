import Foundation
@preconcurrency import Glibc
import Synchronization

/// Says when to look at the inbox: inotify events as hints, plus a wake-up at start, a periodic rescan and one on
/// queue overflow; or, in polling mode (network shares, where inotify sees nothing), a tick every interval.
///
/// The inbox listing stays the truth; a wake-up only says when to make it. In inotify mode the watcher also records
/// which files were announced complete (closed after writing, or moved in): ``takeAnnouncedFiles()`` hands them to
/// ``StabilityTracker/announce(_:)``. New subfolders of the inbox are watched as they appear.
///
/// The blocking `poll(2)` runs on a thread of its own, started by ``wakeUps()``, never on the cooperative pool. All
/// mutable state (the inotify handle, the watch table, the announced names) is behind one `Mutex`.
public final class InboxWatcher: Sendable {
    public let workspace: Workspace
    /// The polling interval; `nil` in inotify mode.
    public let pollInterval: Duration?
    /// How often the whole inbox is listed in inotify mode.
    public let rescanInterval: Duration

    private struct State {
        var inotify: Inotify?
        /// Watch descriptor → folder relative to the inbox ("" for the inbox itself).
        var watches: [Int32: String] = [:]
        var announced: Set<String> = []
        var started = false
        var stopped = false
    }

    private let state: Mutex<State>
    private let inotifyDescriptor: Int32?
    /// A pipe whose read end wakes the watcher thread when ``stop()`` writes to it.
    private let stopReader: Int32
    private let stopWriter: Int32

    /// Sets up the watcher; in inotify mode (`pollInterval` `nil`) the inbox and its subfolders are watched from
    /// here on, so nothing written after `init` returns is missed.
    ///
    /// Throws `.notFound` when the inbox does not exist, `.watch` when inotify is unavailable or out of watches.
    public init(workspace: Workspace, pollInterval: Duration?, rescanInterval: Duration) throws(IntakeError) {
        self.workspace = workspace
        self.pollInterval = pollInterval
        self.rescanInterval = rescanInterval
        guard FileSystemCalls.status(workspace.inbox)?.kind == .directory else {
            throw IntakeError(.notFound, "the inbox folder does not exist", path: workspace.inbox)
        }
        var state = State()
        if pollInterval == nil {
            let inotify = try Inotify()
            try Self.watchTree("", in: workspace.inbox, with: inotify, into: &state.watches)
            self.inotifyDescriptor = inotify.descriptor
            state.inotify = inotify
        } else {
            self.inotifyDescriptor = nil
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw IntakeError(.io, "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        self.stopReader = ends[0]
        self.stopWriter = ends[1]
        self.state = Mutex(state)
    }

    deinit {
        close(self.stopReader)
        close(self.stopWriter)
    }

    /// The wake-ups: ``WakeUp/startup`` at once, then one per batch of inotify events, per rescan or poll tick and
    /// per overflow, until ``stop()`` or until the consumer stops iterating. Only the first call gets wake-ups; a
    /// later one (or one after ``stop()``) gets a stream that is already finished.
    ///
    /// Wake-ups that pile up while the consumer is busy are kept up to 16 (the newest): each means "look again",
    /// so a dropped one loses nothing.
    public func wakeUps() -> AsyncStream<WakeUp> {
        let (stream, continuation) = AsyncStream.makeStream(of: WakeUp.self, bufferingPolicy: .bufferingNewest(16))
        let first = self.state.withLock { state in
            defer { state.started = true }
            return !state.started && !state.stopped
        }
        guard first else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.stop() }
        let thread = Thread { [self] in self.run(continuation) }
        thread.name = "porter-inbox-watcher"
        thread.start()
        return stream
    }

    /// Ends the wake-ups (the stream finishes). Safe to call more than once, from anywhere.
    public func stop() {
        let first = self.state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first {
            var byte: UInt8 = 1
            _ = write(self.stopWriter, &byte, 1)
        }
    }

    /// The files (relative to the inbox, `acme/po1.edi`) that inotify saw closed after writing or moved in since
    /// the last call. Empty in polling mode.
    ///
    /// Events not yet read by the watcher thread are read first: a file renamed in just before a scan listed it
    /// would otherwise not be announced yet, and would wait `stableFor` like a file found by a scan alone (the
    /// 1 s tail of the gateway benchmark's latency). Reading them here loses no wake-up: the scan they belong to is
    /// the one running.
    public func takeAnnouncedFiles() -> Set<String> {
        if self.inotifyDescriptor != nil { _ = self.readEvents() }
        return self.state.withLock { state in
            defer { state.announced = [] }
            return state.announced
        }
    }

    // MARK: - The watcher thread

    private func run(_ continuation: AsyncStream<WakeUp>.Continuation) {
        defer { continuation.finish() }
        continuation.yield(.startup)
        let clock = ContinuousClock()
        let interval = self.pollInterval ?? self.rescanInterval
        let tick: WakeUp = self.pollInterval == nil ? .rescan : .poll
        var deadline = clock.now.advanced(by: interval)
        while true {
            let remaining = clock.now.duration(to: deadline)
            let milliseconds = max(
                0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var descriptors = [pollfd(fd: self.stopReader, events: Int16(POLLIN), revents: 0)]
            if let inotify = self.inotifyDescriptor {
                descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: milliseconds))
            if ready < 0 && errno != EINTR { return }
            if descriptors[0].revents != 0 || self.state.withLock({ $0.stopped }) { return }
            if descriptors.count > 1 && descriptors[1].revents != 0, let wakeUp = self.readEvents() {
                continuation.yield(wakeUp)
            }
            if clock.now >= deadline {
                continuation.yield(tick)
                deadline = clock.now.advanced(by: interval)
            }
        }
    }

    /// Reads the pending inotify events: records announced files, watches new folders; the wake-up they make, if
    /// any (a file merely created is still being written, and makes none).
    private func readEvents() -> WakeUp? {
        let inbox = self.workspace.inbox
        return self.state.withLock { state -> WakeUp? in
            guard let inotify = state.inotify else { return nil }
            let events: [Inotify.Event]
            do {
                events = try inotify.read()
            } catch {
                return .overflow  // events may be lost: look at everything
            }
            var changed = false
            var overflowed = false
            for event in events {
                if event.overflow {
                    overflowed = true
                    continue
                }
                guard let folder = state.watches[event.watch] else { continue }
                if event.watchGone {
                    state.watches[event.watch] = nil
                    inotify.unwatch(event.watch)
                    changed = true
                    continue
                }
                let relative = folder.isEmpty ? event.name : folder + "/" + event.name
                if event.isDirectory {
                    if (event.created || event.movedIn) && !InboxScanner.isIgnored(name: event.name) {
                        // Files written before the watch existed are found by the scan this wake-up causes.
                        try? Self.watchTree(relative, in: inbox, with: inotify, into: &state.watches)
                        changed = true
                    }
                } else if event.closedAfterWrite || event.movedIn {
                    state.announced.insert(relative)
                    changed = true
                }
            }
            if overflowed {
                try? Self.watchTree("", in: inbox, with: inotify, into: &state.watches)
                return .overflow
            }
            return changed ? .fileEvent : nil
        }
    }

    /// Watches `inbox/relative` and every folder below it (links not followed, ignored names skipped).
    private static func watchTree(
        _ relative: String, in inbox: String, with inotify: Inotify, into watches: inout [Int32: String]
    ) throws(IntakeError) {
        let folder = relative.isEmpty ? inbox : inbox + "/" + relative
        let watch = try inotify.watch(folder)
        watches[watch] = relative
        for entry in try FileSystemCalls.entries(of: folder)
        where entry.valid && !InboxScanner.isIgnored(name: entry.name) {
            let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if FileSystemCalls.status(inbox + "/" + child)?.kind == .directory {
                do {
                    try self.watchTree(child, in: inbox, with: inotify, into: &watches)
                } catch let error where error.code == .notFound {
                    continue  // removed meanwhile
                }
            }
        }
    }
}
