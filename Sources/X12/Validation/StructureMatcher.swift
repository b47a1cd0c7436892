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
/// with the index of the last entry used and how often each entry was used. Frames and
/// counters live in raw memory sized once per set from the schema's deepest nesting, so
/// placing a segment allocates nothing and retains nothing; words are made only for a
/// problem, out of line.
struct StructureMatcher {
    struct Frame {
        unowned(unsafe) var loop: CompiledLoop
        var index: Int
        var iteration: Int
        /// Position of the segment that opened this iteration.
        var startPosition: Int
        /// Where this frame's counters start in the counter stack.
        var countBase: Int
    }

    /// Owns the raw frame and counter stacks.
    private final class Storage {
        let frames: UnsafeMutablePointer<Frame>
        let counts: UnsafeMutablePointer<Int>

        init(frames: Int, counts: Int) {
            self.frames = .allocate(capacity: frames)
            self.counts = .allocate(capacity: counts)
        }

        deinit {
            self.frames.deallocate()
            self.counts.deallocate()
        }
    }

    private var storage: Storage?
    /// The storage's stacks (the storage keeps them alive).
    private var frames = UnsafeMutablePointer<Frame>(bitPattern: 0x8)!
    private var counts = UnsafeMutablePointer<Int>(bitPattern: 0x8)!
    private var frameCapacity = 0
    private var countCapacity = 0
    private var depth = 0
    private var position = 0

    /// Problems found by the last ``match(_:)``, in order; the caller empties it.
    var problems: [StructureProblem] = []

    /// Ids of the segments of the set being validated.
    private var segmentsInSet: Set<UInt32> = []
    private var setIdentifier = ""

    mutating func start(_ set: CompiledTransactionSet) {
        self.segmentsInSet = set.segmentsInSet
        self.setIdentifier = set.identifier
        if self.storage == nil || self.frameCapacity < set.maximumDepth || self.countCapacity < set.maximumCounts {
            let storage = Storage(frames: set.maximumDepth, counts: set.maximumCounts)
            self.storage = storage
            self.frames = storage.frames
            self.counts = storage.counts
            self.frameCapacity = set.maximumDepth
            self.countCapacity = set.maximumCounts
        }
        self.depth = 0
        self.position = 0
        self.push(set.root, iteration: 1)
    }

    /// `PO1[3]/PID[1]`: the open loops with their iteration numbers.
    var loopPath: String? {
        guard self.depth > 1 else { return nil }
        return self.path(upTo: self.depth - 1)
    }

    /// The innermost open loop's id.
    var loopIdentifier: String? { self.depth > 1 ? self.frames[self.depth - 1].loop.id : nil }

    /// Places a segment in the structure: the rules of the entry it matched, or `nil` when it
    /// matched none (or the schema has no rules for it). Problems go to ``problems``.
    @inline(__always)
    mutating func match(_ id: UInt32) -> Unmanaged<CompiledSegment>? {
        self.position &+= 1
        var level = self.depth &- 1
        while level >= 0 {
            let frame = self.frames + level
            unowned(unsafe) let loop = frame.pointee.loop
            let current = frame.pointee.index
            let triggers = loop.triggers
            var found = -1
            // The current entry again (a repeat), or a later one.
            var index = current
            while index < triggers.count {
                if triggers[index] == id {
                    found = index
                    break
                }
                index &+= 1
            }
            // Inside a loop, its trigger at index 0 starts the next iteration, which the
            // parent level handles; skip it here.
            if found == 0 && level > 0 && self.counts[frame.pointee.countBase] > 0 { found = -1 }
            if found >= 0 {
                // Leaving inner loops: what they still lacked is missing.
                while self.depth &- 1 > level { self.closeTop() }
                if found > current &+ 1 && loop.lastMandatory > current {
                    self.reportMissing(in: level, from: current, to: found)
                }
                let step = loop.steps[found]
                frame.pointee.index = found
                let counter = self.counts + (frame.pointee.countBase &+ found)
                counter.pointee &+= 1
                let count = counter.pointee
                if let inner = step.loop {
                    if count > step.maximum { self.reportExcess(level: level, entry: found, count: count) }
                    unowned(unsafe) let innerLoop = inner.takeUnretainedValue()
                    self.push(innerLoop, iteration: count)
                    self.counts[self.frames[self.depth &- 1].countBase] = 1
                } else if count > step.maximum {
                    self.reportExcess(level: level, entry: found, count: count)
                }
                return step.rules
            }
            level &-= 1
        }
        self.reportUnplaced(id)
        return nil
    }

    /// A loop repeated, or a segment used, more than its maximum.
    @inline(never)
    private mutating func reportExcess(level: Int, entry index: Int, count: Int) {
        unowned(unsafe) let loop = self.frames[level].loop
        let entry = loop.entries[index]
        if let inner = entry.loop {
            self.problems.append(
                StructureProblem(
                    code: .loopExceedsMaximumRepeat,
                    message: "loop \(inner.id) occurs \(count) times, more than its maximum of \(entry.maximum)",
                    ak304: "4", segmentID: entry.name))
        } else {
            self.problems.append(
                StructureProblem(
                    code: .segmentExceedsMaximumUse,
                    message:
                        "segment \(entry.name) is used \(count) times here, more than its maximum of \(entry.maximum)",
                    ak304: "5", segmentID: entry.name))
        }
    }

    /// A segment found nowhere ahead. Which AK304 code says why depends on where the id is
    /// known: 1 not an X12 segment at all, 6 not part of this set, 7 earlier in an open loop
    /// (out of order), 2 part of the set but not expected here.
    @inline(never)
    private mutating func reportUnplaced(_ id: UInt32) {
        let name = X12SegmentID(rawValue: id).description
        let earlier = (0..<self.depth).contains { level in
            self.frames[level].loop.entries[..<self.frames[level].index].contains { $0.trigger == id }
        }
        if !self.segmentsInSet.contains(id) {
            // Porter's dictionary holds the segments of its sets only, so an id it does not
            // know may still be a real X12 segment: AK304 6 (not in the set) is what it can
            // say for sure, never 1 (unrecognized).
            self.problems.append(
                StructureProblem(
                    code: .segmentNotInTransactionSet,
                    message: "segment \(name) is not part of transaction set \(self.setIdentifier)",
                    ak304: "6", segmentID: name))
        } else if earlier {
            self.problems.append(
                StructureProblem(
                    code: .segmentOutOfOrder, message: "segment \(name) is not in its proper sequence",
                    ak304: "7", segmentID: name))
        } else {
            self.problems.append(
                StructureProblem(
                    code: .unexpectedSegmentHere, message: "segment \(name) is not expected here",
                    ak304: "2", segmentID: name))
        }
    }

    /// Closes every open frame at the end of the set: what they still lack is missing.
    mutating func finish() -> [StructureProblem] {
        while self.depth > 1 { self.closeTop() }
        if self.depth == 1 {
            // The last entry is SE, whose absence the reader reports (AK502 2).
            let end = self.frames[0].loop.entries.count - 1
            self.reportMissing(in: 0, from: self.frames[0].index, to: end)
            self.depth = 0
        }
        defer { self.problems.removeAll(keepingCapacity: true) }
        return self.problems
    }

    @inline(__always)
    private mutating func push(_ loop: CompiledLoop, iteration: Int) {
        var base = 0
        if self.depth > 0 {
            let parent = self.frames + (self.depth &- 1)
            base = parent.pointee.countBase &+ parent.pointee.loop.triggers.count
        }
        let count = loop.triggers.count
        // The stacks are sized from the schema's deepest nesting: a loop opens only inside its parent.
        precondition(self.depth < self.frameCapacity && base &+ count <= self.countCapacity)
        (self.counts + base).update(repeating: 0, count: count)
        (self.frames + self.depth).initialize(
            to: Frame(loop: loop, index: 0, iteration: iteration, startPosition: self.position, countBase: base))
        self.depth += 1
    }

    @inline(__always)
    private mutating func closeTop() {
        let top = self.depth &- 1
        let frame = self.frames + top
        unowned(unsafe) let loop = frame.pointee.loop
        if loop.lastMandatory > frame.pointee.index {
            self.reportMissing(in: top, from: frame.pointee.index, to: loop.triggers.count)
        }
        self.depth = top
    }

    /// Mandatory entries after `from` and before `to` that were never used.
    @inline(never)
    private mutating func reportMissing(in level: Int, from: Int, to: Int) {
        guard from + 1 < to else { return }
        unowned(unsafe) let loop = self.frames[level].loop
        // Usually nothing mandatory lies past `from` (a loop's trigger is its only mandatory
        // entry): answer without touching the arrays.
        guard loop.lastMandatory > from else { return }
        let base = self.frames[level].countBase
        let iteration = self.frames[level].iteration
        // Most entries are optional: look only at the mandatory ones.
        for index in loop.mandatory where index > from && index < to && self.counts[base + index] == 0 {
            let entry = loop.entries[index]
            let place = level == 0 ? "the transaction set" : "loop \(loop.id)[\(iteration)]"
            let what = entry.loop != nil ? "mandatory loop \(entry.name)" : "mandatory segment \(entry.name)"
            self.problems.append(
                StructureProblem(
                    code: .mandatorySegmentMissing, message: "\(what) is missing in \(place)", ak304: "3",
                    segmentID: entry.loop?.entries.first?.name ?? entry.name,
                    loopPath: level == 0 ? nil : self.path(upTo: level), loopIdentifier: level == 0 ? nil : loop.id,
                    atSetLevel: level == 0))
        }
    }

    private func path(upTo level: Int) -> String {
        (1...level).map { "\(self.frames[$0].loop.id)[\(self.frames[$0].iteration)]" }.joined(separator: "/")
    }
}
