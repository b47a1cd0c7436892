import Foundation
import Synchronization

/// The demo's clock: it starts at a fixed morning and moves only when the script advances it, so a whole day
/// passes in a second and every run prints the same times.
final class DemoClock: Sendable {
    private let now: Mutex<Date>

    init(_ start: Date) { self.now = Mutex(start) }

    /// The time now.
    func read() -> Date { self.now.withLock { $0 } }

    /// Sets the clock to `date` (never backwards).
    func move(to date: Date) { self.now.withLock { $0 = max($0, date) } }
}
