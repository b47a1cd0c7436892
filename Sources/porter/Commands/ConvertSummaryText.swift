import Conversion

/// `porter convert`'s summary: a table of documents by type (text) or one JSON object (`--json`).
enum ConvertSummaryText {
    static func table(_ summary: ConversionSummary) -> [String] {
        let rows = summary.types.map { ($0.type, $0.tally) } + [("total", summary.total)]
        let width = max(8, rows.map(\.0.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + padding : padding + text
        }
        func row(_ name: String, _ values: [String]) -> String {
            ([pad(name, width, left: true)] + values.map { pad($0, 10) }).joined(separator: " ")
        }
        var lines = [row("type", ["documents", "converted", "failed", "skipped"])]
        for (name, tally) in rows {
            lines.append(
                row(name, [tally.documents, tally.converted, tally.failed, tally.skipped].map(String.init)))
        }
        let seconds = Self.seconds(summary.elapsed)
        let rate = seconds > 0 ? Double(summary.total.documents) / seconds : 0
        let megabytes = Double(summary.inputBytes) / 1_000_000
        lines.append(
            "\(summary.inputs) inputs, \(Self.fixed(megabytes, 1)) MB in \(Self.fixed(seconds, 2)) s "
                + "(\(Self.fixed(rate, 0)) documents/s, \(Self.fixed(seconds > 0 ? megabytes / seconds : 0, 1)) MB/s)")
        lines.append("written to \(summary.output)")
        lines.append("\(summary.errorEntries) error(s) in \(summary.errorsFile)")
        return lines
    }

    static func json(_ summary: ConversionSummary) -> String {
        func tally(_ tally: DocumentTally) -> String {
            JSONText.object([
                ("documents", String(tally.documents)), ("converted", String(tally.converted)),
                ("failed", String(tally.failed)), ("skipped", String(tally.skipped)),
            ])
        }
        return JSONText.object([
            ("output", JSONText.string(summary.output)),
            ("errorsFile", JSONText.string(summary.errorsFile)),
            ("errors", String(summary.errorEntries)),
            ("inputs", String(summary.inputs)),
            ("inputBytes", String(summary.inputBytes)),
            ("seconds", Self.fixed(Self.seconds(summary.elapsed), 3)),
            ("types", JSONText.object(summary.types.map { ($0.type, tally($0.tally)) })),
            ("total", tally(summary.total)),
        ])
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `value` with `digits` decimals, without Foundation's locale.
    private static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
