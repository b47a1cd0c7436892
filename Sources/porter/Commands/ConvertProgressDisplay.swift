import Conversion
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `porter convert`'s progress on standard error: a bar redrawn in place on a terminal (documents done, rate, time
/// left), or a plain line every few seconds when standard error is a file or a pipe (no control characters).
final class ConvertProgressDisplay: Sendable {
    /// How often the bar is redrawn on a terminal.
    static let terminalInterval: Duration = .milliseconds(100)
    /// How often a plain line is written elsewhere.
    static let plainInterval: Duration = .seconds(5)

    private struct State {
        var last: ContinuousClock.Instant?
        var latest: ConversionProgress?
        var drawn = false
    }

    private let terminal: Bool
    private let state = Mutex(State())

    init(terminal: Bool) { self.terminal = terminal }

    /// Called by the converter after each input; draws at most once per interval.
    func update(_ progress: ConversionProgress) {
        let now = ContinuousClock.now
        let text: String? = self.state.withLock { state in
            state.latest = progress
            let interval = self.terminal ? Self.terminalInterval : Self.plainInterval
            if let last = state.last, now - last < interval { return nil }
            if state.last == nil, !self.terminal {
                state.last = now  // the first plain line after one interval, not at once
                return nil
            }
            state.last = now
            state.drawn = true
            return self.terminal ? "\r" + Self.bar(progress) + "\u{1B}[K" : Self.line(progress) + "\n"
        }
        if let text { Self.write(text) }
    }

    /// Draws the final state of the bar and ends its line (terminal only).
    func finish() {
        guard self.terminal else { return }
        let latest = self.state.withLock { $0.latest }
        if let latest { Self.write("\r" + Self.bar(latest) + "\u{1B}[K\n") }
    }

    static func bar(_ progress: ConversionProgress) -> String {
        let width = 24
        let filled = Int(progress.fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(Int(progress.fraction * 100))% " + self.details(progress)
    }

    static func line(_ progress: ConversionProgress) -> String {
        "porter convert: \(Int(progress.fraction * 100))% " + self.details(progress)
    }

    private static func details(_ progress: ConversionProgress) -> String {
        let left = progress.timeLeft.map { ", \(Self.clock($0)) left" } ?? ""
        return "\(progress.documents) documents (\(progress.failed) failed), "
            + "\(progress.inputsDone)/\(progress.inputsTotal) inputs, "
            + "\(Int(progress.documentsPerSecond.rounded())) documents/s\(left)"
    }

    /// `1:05` or `1:02:03`.
    static func clock(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let mmss = (hours > 0 && minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(2, $0.baseAddress!, $0.count) }
    }
}
