/// A plain-text table: a header row and rows, columns padded with spaces to line up (no tabs, no escape sequences).
/// Cells are cleaned of control characters; columns marked numeric are aligned right.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Indexes of the columns aligned right.
    public var rightAligned: Set<Int>

    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table as lines joined by `\n` (no trailing newline); trailing spaces are trimmed.
    public func render(indent: String = "") -> String {
        let all = ([self.headers] + self.rows).map { row in
            (0..<self.headers.count).map { index in index < row.count ? ReportText.clean(row[index]) : "" }
        }
        let widths = (0..<self.headers.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                line += self.rightAligned.contains(column) ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
