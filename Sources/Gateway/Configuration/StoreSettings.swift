/// Which store holds tracking data and the distribution queue.
public enum StoreSettings: Hashable, Sendable {
    /// A SQLite database file (created when missing; nothing to install).
    case sqlite(path: String)

    /// The default: `porter.sqlite` inside the workspace root.
    public static func defaultSQLite(workspace: String) -> StoreSettings {
        .sqlite(path: FilePaths.absolute("porter.sqlite", relativeTo: workspace))
    }
}
