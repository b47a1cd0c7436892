/// Why ``InboxWatcher`` says "look at the inbox now". Every wake-up means the same thing to the pipeline (list the
/// inbox and claim what is complete); the kind says why, for logs and metrics.
public enum WakeUp: Hashable, Sendable {
    /// The watcher started: files may have arrived while Porter was down.
    case startup
    /// inotify saw a file closed after writing or moved in, or a new folder.
    case fileEvent
    /// The periodic full rescan (inotify mode), in case an event was lost.
    case rescan
    /// inotify's queue overflowed and events were lost: look at everything.
    case overflow
    /// The polling interval passed (polling mode).
    case poll
}
