/// Decides which inbox files are complete, from successive scans.
///
/// A file is complete when inotify announced it (closed after writing, or moved in: ``announce(_:)``), or when its
/// size and modification time have stayed the same for `stableFor` across scans (polling mode, and files a rescan
/// finds that no event announced, such as those present at start-up). A slow writer that keeps appending keeps
/// changing both, so its file is not taken until it stops.
///
/// Time is a parameter, not read from a clock, so callers decide when a scan happened (and tests need no sleep).
/// A value owned by one task (the pipeline's intake loop).
public struct StabilityTracker: Sendable {
    /// How long size and modification time must stay unchanged.
    public var stableFor: Duration

    private struct Observation: Equatable {
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        /// When this size and time were first seen.
        var since: ContinuousClock.Instant

        func sameFile(as other: Observation) -> Bool {
            (self.size, self.modifiedSeconds, self.modifiedNanoseconds)
                == (other.size, other.modifiedSeconds, other.modifiedNanoseconds)
        }
    }

    private var observations: [String: Observation] = [:]
    private var announced: Set<String> = []
    /// Announced since the last scan. A file renamed in after a scan listed the inbox, but before its announcements
    /// were taken, is announced before any scan lists it: it is kept for the next scan (once), not dropped with the
    /// names of files gone from the inbox (it then waited `stableFor`, like a file no event announced).
    private var fresh: Set<String> = []

    public init(stableFor: Duration) { self.stableFor = stableFor }

    /// Marks files (names relative to the inbox) as complete: they are ready at the next ``ready(from:at:)`` that
    /// lists them, without waiting.
    public mutating func announce(_ relativeNames: some Sequence<String>) {
        self.fresh.formUnion(relativeNames)
    }

    /// Feeds one scan of the inbox, made at `now`; returns the files in it that are complete, in scan order.
    ///
    /// Files not in the scan are forgotten (claimed or removed). A file whose size or modification time changed
    /// since the last scan starts its wait again.
    public mutating func ready(from files: [InboxFile], at now: ContinuousClock.Instant) -> [InboxFile] {
        let announced = self.announced.union(self.fresh)
        var ready: [InboxFile] = []
        var seen: [String: Observation] = [:]
        for file in files {
            guard let status = FileSystemCalls.status(file.path), status.kind == .regular else { continue }
            var observation = Observation(
                size: status.size, modifiedSeconds: status.modifiedSeconds,
                modifiedNanoseconds: status.modifiedNanoseconds, since: now)
            if let previous = self.observations[file.relativeName], previous.sameFile(as: observation) {
                observation.since = previous.since
            }
            seen[file.relativeName] = observation
            if announced.contains(file.relativeName) || observation.since.duration(to: now) >= self.stableFor {
                ready.append(file)
            }
        }
        self.observations = seen
        self.announced = announced.intersection(seen.keys).union(self.fresh.subtracting(seen.keys))
        self.fresh = []
        return ready
    }

    /// Forgets a file (after claiming it), so a new file of the same name starts afresh.
    public mutating func forget(_ relativeName: String) {
        self.observations[relativeName] = nil
        self.announced.remove(relativeName)
        self.fresh.remove(relativeName)
    }

    /// When the earliest file still waiting could become stable: scan again then. `nil` when none is waiting.
    public var nextCheck: ContinuousClock.Instant? {
        self.observations.filter { !self.announced.contains($0.key) && !self.fresh.contains($0.key) }.values.map {
            $0.since.advanced(by: self.stableFor)
        }.min()
    }
}
