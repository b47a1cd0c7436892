import Foundation
internal import SwiftCSV

/// A CSV file of a mapping (item cross-reference, price list, blanket orders), read with SwiftCSV: a header row
/// naming the columns, then one row per record.
struct CSVFile {
    /// One record: its values by column, and where the row is.
    struct Row {
        var values: [String: String]
        var location: MappingsLocation

        /// The value of `column`, trimmed; `nil` when empty.
        func value(_ column: String) -> String? {
            let value = self.values[column]?.trimmingCharacters(in: .whitespaces) ?? ""
            return value.isEmpty ? nil : value
        }
    }

    var header: [String]
    var rows: [Row]

    /// Reads `path`; problems (missing file, syntax, a required column absent) are added to `findings`.
    ///
    /// - Parameters:
    ///   - path: The file on disk.
    ///   - display: The file as findings name it.
    ///   - columns: Columns that must be in the header.
    ///   - reference: Where the profile names the file, for a missing file.
    static func read(
        path: String, display: String, columns: [String], reference: MappingsLocation,
        findings: inout [MappingsFinding]
    ) -> CSVFile? {
        guard let data = FileManager.default.contents(atPath: path) else {
            findings.append(
                MappingsFinding(
                    .missingFile, "\(display) does not exist or cannot be read", at: reference,
                    hint: "paths are relative to the partner's folder"))
            return nil
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let csv: NamedCSV
        do {
            csv = try NamedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            findings.append(
                MappingsFinding(.unreadableFile, "not valid CSV: \(error)", at: MappingsLocation(file: display)))
            return nil
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in columns where !header.contains(column) {
            findings.append(
                MappingsFinding(
                    .missingKey, "the header row has no \(column) column",
                    at: MappingsLocation(file: display, line: 1, column: 1),
                    hint: DidYouMean.suggestion(for: column, in: header).map { "did you mean \"\($0)\"?" }
                        ?? "columns: " + columns.joined(separator: ", ")))
        }
        let rows = csv.rows.enumerated().map { index, values in
            var trimmed: [String: String] = [:]
            for (key, value) in values { trimmed[key.trimmingCharacters(in: .whitespaces)] = value }
            // One line per record (no quoted line breaks in these files): row N is line N + 2.
            return Row(values: trimmed, location: MappingsLocation(file: display, line: index + 2, column: 1))
        }
        return CSVFile(header: header, rows: rows)
    }
}
