/// How the inbox is watched and read.
public struct IntakeSettings: Hashable, Sendable {
    /// Poll the inbox instead of using inotify (for network shares, where inotify sees nothing). Default `false`.
    public var poll: Bool
    /// How often the inbox is listed in polling mode, in seconds. Default 2.
    public var pollIntervalSeconds: Double
    /// How often the whole inbox is listed again in inotify mode, in case an event was lost, in seconds.
    /// Default 60.
    public var rescanIntervalSeconds: Double
    /// How long a file's size and modification time must stay unchanged before a file nobody announced as closed
    /// (polling mode, or found by a rescan) is taken, in seconds. Default 1.
    public var stableForSeconds: Double
    /// How many inbound files share one store transaction (group commit). Default 64.
    public var batchSize: Int

    public init(
        poll: Bool = false, pollIntervalSeconds: Double = 2, rescanIntervalSeconds: Double = 60,
        stableForSeconds: Double = 1, batchSize: Int = 64
    ) {
        self.poll = poll
        self.pollIntervalSeconds = pollIntervalSeconds
        self.rescanIntervalSeconds = rescanIntervalSeconds
        self.stableForSeconds = stableForSeconds
        self.batchSize = batchSize
    }

    /// ``pollIntervalSeconds`` as a duration.
    public var pollInterval: Duration { .seconds(self.pollIntervalSeconds) }
    /// ``rescanIntervalSeconds`` as a duration.
    public var rescanInterval: Duration { .seconds(self.rescanIntervalSeconds) }
    /// ``stableForSeconds`` as a duration.
    public var stableFor: Duration { .seconds(self.stableForSeconds) }
}
