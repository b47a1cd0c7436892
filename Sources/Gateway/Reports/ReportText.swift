public import Foundation

/// How reports write values as text: dates in ISO 8601 UTC, durations for people (`1h 12m`), rates as percentages,
/// and values cleaned of control characters so a report is safe to print anywhere.
public enum ReportText {
    /// `2025-03-04T10:15:00Z`, or `-` for no date.
    public static func timestamp(_ date: Date?) -> String {
        guard let date else { return "-" }
        return date.formatted(.iso8601)
    }

    /// A duration in its two largest units, for people: `45s`, `12m 5s`, `1h 12m`, `3d 4h`; `-` for none.
    /// A negative duration (a deadline still ahead) is written with its absolute value.
    public static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds, seconds.isFinite else { return "-" }
        let total = Int(abs(seconds).rounded())
        let units: [(String, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        guard let first = units.firstIndex(where: { total >= $0.1 }) else { return "0s" }
        let (name, size) = units[first]
        var text = "\(total / size)\(name)"
        if first + 1 < units.count {
            let (nextName, nextSize) = units[first + 1]
            let rest = (total % size) / nextSize
            if rest > 0 { text += " \(rest)\(nextName)" }
        }
        return text
    }

    /// A fraction as a whole percentage (`0.667` → `67%`); `-` for none.
    public static func percent(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "-" }
        return "\(Int((rate * 100).rounded()))%"
    }

    /// `text` with every control character (C0, DEL, C1: escape sequences, tabs, line breaks) replaced by a space,
    /// so a value from a partner's document can never move the cursor or colour a terminal.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isControl($0) ? " " : $0 }))
    }

    /// Counts as `3 delivered, 1 pending`, largest first then by name; `none` when empty.
    public static func counts(_ counts: [String: Int]) -> String {
        let items = counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        guard !items.isEmpty else { return "none" }
        return items.map { "\($0.value) \(Self.clean($0.key))" }.joined(separator: ", ")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
