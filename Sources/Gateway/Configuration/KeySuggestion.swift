/// "Did you mean" hints for mistyped keys and values in `porter.yaml`.
enum KeySuggestion {
    /// `did you mean "x"?` when one allowed word is a likely typo of `word`, else the list of allowed words.
    static func hint(for word: String, among allowed: [String]) -> String {
        let typed = Array(word.lowercased())
        let ranked = allowed.map { (word: $0, edits: Self.edits(typed, Array($0.lowercased()))) }
        if let closest = ranked.min(by: { $0.edits < $1.edits }), closest.edits <= max(1, typed.count / 3) {
            return "did you mean \"\(closest.word)\"?"
        }
        return "expected one of: " + allowed.joined(separator: ", ")
    }

    /// Edits between two words, counting a swap of two neighbours as one (optimal string alignment), so `rety` is
    /// one edit from `retry` and `jtiter` one from `jitter`.
    static func edits(_ a: [Character], _ b: [Character]) -> Int {
        // table[i][j]: edits between a's first i characters and b's first j.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
