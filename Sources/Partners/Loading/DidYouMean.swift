/// Suggestions for mistyped keys and values, by edit distance.
enum DidYouMean {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Close enough: at most a third of the word's length in edits (at least one), case ignored.
    /// - Complexity: O(*n* · *m* · *k*) for *k* candidates.
    static func suggestion(for word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Self.distance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(1, word.count / 3) else { return nil }
        return best.candidate
    }

    /// The hint text: `did you mean "x"?`, or the allowed values when there are few.
    static func hint(for word: String, in candidates: [String]) -> String? {
        if let suggestion = Self.suggestion(for: word, in: candidates) { return "did you mean \"\(suggestion)\"?" }
        if candidates.count <= 12 { return "expected one of: " + candidates.joined(separator: ", ") }
        return nil
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
