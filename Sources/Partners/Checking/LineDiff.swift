/// A readable line diff of an expected and an actual text, for golden tests.
enum LineDiff {
    /// Lines prefixed `-` (expected only), `+` (actual only) and ` ` (both), around each change with two lines of
    /// context; `@@ line N @@` starts each hunk (N is the expected file's line). Empty when the texts are equal.
    ///
    /// - Complexity: O(*n* · *m*) in the line counts (golden files are small).
    static func lines(expected: String, actual: String) -> [String] {
        guard expected != actual else { return [] }
        // "\r\n" is one Character in Swift: split on it too (a CRLF-only difference is reported below).
        let isBreak = { (character: Character) in character == "\n" || character == "\r\n" }
        let a = expected.split(omittingEmptySubsequences: false, whereSeparator: isBreak).map(String.init)
        let b = actual.split(omittingEmptySubsequences: false, whereSeparator: isBreak).map(String.init)
        // Longest common subsequence table, from the ends.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [(mark: Character, text: String, line: Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append((" ", a[i], i + 1))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(("-", a[i], i + 1))
                i += 1
            } else {
                edits.append(("+", b[j], i + 1))
                j += 1
            }
        }
        if a.count == b.count, !edits.contains(where: { $0.mark != " " }) {
            return ["(the texts differ only in line endings or invisible characters)"]
        }
        let context = 2
        var shown = Set<Int>()
        for (index, edit) in edits.enumerated() where edit.mark != " " {
            for near in max(0, index - context)...min(edits.count - 1, index + context) { shown.insert(near) }
        }
        var output: [String] = []
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { output.append("@@ line \(edits[index].line) @@") }
            output.append("\(edits[index].mark)\(edits[index].text)")
            previous = index
        }
        return output
    }
}
