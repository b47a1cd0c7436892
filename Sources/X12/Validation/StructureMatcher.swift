/// A segment-order problem found by ``StructureMatcher`` (reported as AK3/IK3).
struct StructureProblem {
    var severity: X12Finding.Severity = .error
    var code: X12Finding.Code
    var message: String
    var ak304: String
    var segmentID: String
    /// For problems found at the end of a set or loop: where they are.
    var position: Int?
    var loopPath: String?
    var loopIdentifier: String?
    /// Found at the level of the set itself: no loop applies.
    var atSetLevel = false
}

/// Walks a transaction set's structure as segments arrive: which loop each segment opens or
/// belongs to, and what is missing, repeated too often, or out of place.
///
/// The state is a stack of frames, one per open loop (the set itself at the bottom), each
/// with the index of the last entry used and how often each entry was used. Frames are
/// reused between loop iterations, so a set with 100,000 lines allocates nothing per line.
struct StructureMatcher {
    struct Frame {
        var loop: CompiledLoop
        var index = 0
        var counts: [Int] = []
        var iteration = 1
        /// Position of the segment that opened this iteration.
        var startPosition = 0
    }

    private var frames: [Frame] = []
    private var depth = 0
    private var position = 0

    /// Ids of the segments of the set being validated.
    private var segmentsInSet: Set<UInt32> = []
    private var setIdentifier = ""

    mutating func start(_ set: CompiledTransactionSet) {
        self.segmentsInSet = set.segmentsInSet
        self.setIdentifier = set.identifier
        let root = set.root
        self.depth = 0
        self.position = 0
        self.push(root, iteration: 1)
        // The root frame starts before ST: nothing used yet.
        self.frames[0].index = 0
    }

    /// `PO1[3]/PID[1]`: the open loops with their iteration numbers.
    var loopPath: String? {
        guard self.depth > 1 else { return nil }
        return self.frames[1..<self.depth].map { "\($0.loop.id)[\($0.iteration)]" }.joined(separator: "/")
    }

    /// The innermost open loop's id.
    var loopIdentifier: String? { self.depth > 1 ? self.frames[self.depth - 1].loop.id : nil }

    struct Outcome {
        var matched: Bool
        var problems: [StructureProblem]
    }

    /// Places a segment in the structure.
    mutating func match(_ id: UInt32) -> Outcome {
        self.position += 1
        var problems: [StructureProblem] = []
        var level = self.depth - 1
        while level >= 0 {
            // Read what is needed without keeping a copy of the frame: a copy would share
            // its `counts` and make the increment below copy the whole array.
            unowned(unsafe) let loop = self.frames[level].loop
            let current = self.frames[level].index
            let triggers = loop.triggers
            var found = -1
            // The current entry again (a repeat), or a later one.
            var index = current
            while index < triggers.count {
                if triggers[index] == id {
                    found = index
                    break
                }
                index += 1
            }
            // Inside a loop, its trigger at index 0 starts the next iteration, which the
            // parent level handles; skip it here.
            if found == 0 && level > 0 && self.frames[level].counts[0] > 0 { found = -1 }
            if found >= 0 {
                // Leaving inner loops: what they still lacked is missing.
                while self.depth - 1 > level {
                    let closed = self.closeTop()
                    if !closed.isEmpty { problems += closed }
                }
                if found > current + 1 {
                    let skipped = self.missing(in: level, from: current, to: found)
                    if !skipped.isEmpty { problems += skipped }
                }
                let entry = loop.entries[found]
                self.frames[level].index = found
                self.frames[level].counts[found] += 1
                let count = self.frames[level].counts[found]
                if let loop = entry.loop {
                    if count > entry.maximum {
                        problems.append(
                            StructureProblem(
                                code: .loopExceedsMaximumRepeat,
                                message:
                                    "loop \(loop.id) occurs \(count) times, more than its maximum of \(entry.maximum)",
                                ak304: "4", segmentID: entry.name))
                    }
                    self.push(loop, iteration: count)
                    self.frames[self.depth - 1].counts[0] = 1
                } else if count > entry.maximum {
                    problems.append(
                        StructureProblem(
                            code: .segmentExceedsMaximumUse,
                            message:
                                "segment \(entry.name) is used \(count) times here, more than its maximum of \(entry.maximum)",
                            ak304: "5", segmentID: entry.name))
                }
                return Outcome(matched: true, problems: problems)
            }
            level -= 1
        }
        // Nowhere ahead. Which AK304 code says why depends on where the id is known:
        // 1 not an X12 segment at all, 6 not part of this set, 7 earlier in an open loop
        // (out of order), 2 part of the set but not expected here.
        let name = X12SegmentID(rawValue: id).description
        let earlier = (0..<self.depth).contains { level in
            self.frames[level].loop.entries[..<self.frames[level].index].contains { $0.trigger == id }
        }
        if !self.segmentsInSet.contains(id) {
            // Porter's dictionary holds the segments of its sets only, so an id it does not
            // know may still be a real X12 segment: AK304 6 (not in the set) is what it can
            // say for sure, never 1 (unrecognized).
            problems.append(
                StructureProblem(
                    code: .segmentNotInTransactionSet,
                    message: "segment \(name) is not part of transaction set \(self.setIdentifier)",
                    ak304: "6", segmentID: name))
        } else if earlier {
            problems.append(
                StructureProblem(
                    code: .segmentOutOfOrder, message: "segment \(name) is not in its proper sequence",
                    ak304: "7", segmentID: name))
        } else {
            problems.append(
                StructureProblem(
                    code: .unexpectedSegmentHere, message: "segment \(name) is not expected here",
                    ak304: "2", segmentID: name))
        }
        return Outcome(matched: false, problems: problems)
    }

    /// Closes every open frame at the end of the set: what they still lack is missing.
    mutating func finish() -> [StructureProblem] {
        var problems: [StructureProblem] = []
        while self.depth > 1 { problems += self.closeTop() }
        if self.depth == 1 {
            // The last entry is SE, whose absence the reader reports (AK502 2).
            let end = self.frames[0].loop.entries.count - 1
            let missing = self.missing(in: 0, from: self.frames[0].index, to: end)
            if !missing.isEmpty { problems += missing }
            self.depth = 0
        }
        return problems
    }

    private mutating func push(_ loop: CompiledLoop, iteration: Int) {
        if self.frames.count > self.depth {
            self.frames[self.depth].loop = loop
            self.frames[self.depth].index = 0
            self.frames[self.depth].iteration = iteration
            self.frames[self.depth].startPosition = self.position
            self.frames[self.depth].counts.removeAll(keepingCapacity: true)
            self.frames[self.depth].counts.append(contentsOf: repeatElement(0, count: loop.entries.count))
        } else {
            self.frames.append(
                Frame(
                    loop: loop, index: 0, counts: Array(repeating: 0, count: loop.entries.count),
                    iteration: iteration, startPosition: self.position))
        }
        self.depth += 1
    }

    private mutating func closeTop() -> [StructureProblem] {
        let top = self.depth - 1
        let problems = self.missing(in: top, from: self.frames[top].index, to: self.frames[top].loop.entries.count)
        self.depth -= 1
        return problems
    }

    /// Mandatory entries after `from` and before `to` that were never used.
    private func missing(in level: Int, from: Int, to: Int) -> [StructureProblem] {
        guard from + 1 < to else { return [] }
        unowned(unsafe) let loop = self.frames[level].loop
        // Usually nothing mandatory lies past `from` (a loop's trigger is its only mandatory
        // entry): answer without touching the arrays.
        guard loop.lastMandatory > from else { return [] }
        // Most entries are optional: look only at the mandatory ones.
        var found: [Int] = []
        for index in loop.mandatory where index > from && index < to && self.frames[level].counts[index] == 0 {
            found.append(index)
        }
        guard !found.isEmpty else { return [] }
        let iteration = self.frames[level].iteration
        return found.map { index in
            let entry = loop.entries[index]
            let place = level == 0 ? "the transaction set" : "loop \(loop.id)[\(iteration)]"
            let what = entry.loop != nil ? "mandatory loop \(entry.name)" : "mandatory segment \(entry.name)"
            return StructureProblem(
                code: .mandatorySegmentMissing, message: "\(what) is missing in \(place)", ak304: "3",
                segmentID: entry.loop?.entries.first?.name ?? entry.name,
                loopPath: level == 0 ? nil : self.path(upTo: level), loopIdentifier: level == 0 ? nil : loop.id,
                atSetLevel: level == 0)
        }
    }

    private func path(upTo level: Int) -> String {
        self.frames[1...level].map { "\($0.loop.id)[\($0.iteration)]" }.joined(separator: "/")
    }
}
