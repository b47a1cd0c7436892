/// How long Porter keeps what it has done; a daily sweep removes anything older.
public struct RetentionSettings: Hashable, Sendable {
    /// Days an original stays in `archive/YYYY/MM/DD/` (at least 1). Default 90.
    public var archiveDays: Int
    /// Days the store keeps tracking events and finished queue entries (at least 1). Default 365.
    public var historyDays: Int

    public init(archiveDays: Int = 90, historyDays: Int = 365) {
        self.archiveDays = archiveDays
        self.historyDays = historyDays
    }
}
