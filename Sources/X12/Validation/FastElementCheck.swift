/// A segment's element rules in the form the fast check reads: one plain value a position,
/// masks of mandatory positions, and the syntax notes as bit masks.
///
/// Built once with the segment's ``CompiledSegment``; everything lives in memory that segment
/// owns, so the check retains nothing.
struct FastSegmentRules {
    /// What the check does with a value.
    enum Kind: UInt8 {
        case string, identifier, numeric, decimal, date, time
        /// A composite: the fast check leaves a present one to ``ElementChecker``.
        case composite
    }

    struct Rule {
        var kind: Kind
        var minimum: Int32
        var maximum: Int32
        /// The packed codes of an ID element's list as an open-addressing hash table (0 marks
        /// a free slot; no packed code is 0), or `nil` for none.
        var codes: UnsafeMutablePointer<UInt64>?
        /// Slots minus one (a power of two minus one).
        var codeMask: Int32
        /// 64 minus the bits of the slot index: the multiplicative hash's shift.
        var codeShift: Int32
    }

    /// A syntax note as masks of element positions (bit *n* is position *n*).
    struct Note {
        var kind: X12SyntaxNote.Kind
        var mask: UInt64
        /// The bit of the note's first position.
        var first: UInt64
        var total: Int
    }

    /// `false` when a position beyond 63 matters (a mask cannot hold it): every segment then
    /// goes to ``ElementChecker``.
    let isAvailable: Bool
    let mandatoryMask: UInt64
    let rules: UnsafeBufferPointer<Rule>
    let notes: UnsafeBufferPointer<Note>

    init(rules: [ElementRule], codeTables: [CodeTable], syntaxNotes: [X12SyntaxNote]) {
        var available = rules.count < 64
        var mandatory: UInt64 = 0
        var compiled: [Rule] = []
        for (index, rule) in rules.enumerated() {
            if rule.usage == .mandatory && index + 1 < 64 { mandatory |= 1 << UInt64(index + 1) }
            var kind: Kind
            switch rule.type {
            case .string: kind = .string
            case .identifier: kind = .identifier
            case .numeric: kind = .numeric
            case .decimal: kind = .decimal
            case .date: kind = .date
            case .time: kind = .time
            }
            if rule.isComposite { kind = .composite }
            var codes: UnsafeMutablePointer<UInt64>?
            var mask: Int32 = 0
            var shift: Int32 = 0
            if kind == .identifier && rule.codeTable >= 0 {
                let table = codeTables[Int(rule.codeTable)]
                // Codes longer than 7 bytes are not packed: such lists go the slow way.
                if !table.long.isEmpty { available = false }
                // At most half full, so that a miss ends soon.
                var bits = 1
                while 1 << bits < table.packed.count * 2 { bits += 1 }
                let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: 1 << bits)
                slots.initialize(repeating: 0, count: 1 << bits)
                for code in table.packed {
                    var index = Self.slot(code, shift: 64 - bits)
                    while slots[index] != 0 { index = (index + 1) & ((1 << bits) - 1) }
                    slots[index] = code
                }
                codes = slots
                mask = Int32((1 << bits) - 1)
                shift = Int32(64 - bits)
            }
            compiled.append(
                Rule(
                    kind: kind, minimum: rule.minimum, maximum: rule.maximum, codes: codes, codeMask: mask,
                    codeShift: shift))
        }
        var notes: [Note] = []
        for note in syntaxNotes {
            guard note.positions.allSatisfy({ $0 < 64 }) else {
                available = false
                continue
            }
            let mask = note.positions.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            notes.append(
                Note(kind: note.kind, mask: mask, first: 1 << UInt64(note.positions[0]), total: note.positions.count))
        }
        self.isAvailable = available
        self.mandatoryMask = mandatory
        let rulePointer = UnsafeMutableBufferPointer<Rule>.allocate(capacity: compiled.count)
        _ = rulePointer.initialize(from: compiled)
        self.rules = UnsafeBufferPointer(rulePointer)
        let notePointer = UnsafeMutableBufferPointer<Note>.allocate(capacity: notes.count)
        _ = notePointer.initialize(from: notes)
        self.notes = UnsafeBufferPointer(notePointer)
    }

    /// The first slot of a packed code in a table of `64 - shift` bits.
    @inline(__always)
    static func slot(_ code: UInt64, shift: Int) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// Whether a rule's code table holds a packed code.
    @inline(__always)
    static func contains(_ rule: Rule, _ code: UInt64) -> Bool {
        guard let codes = rule.codes else { return true }
        let mask = Int(rule.codeMask)
        var index = Self.slot(code, shift: Int(rule.codeShift))
        while true {
            let slot = codes[index]
            if slot == code { return true }
            if slot == 0 { return false }
            index = (index &+ 1) & mask
        }
    }

    func deallocate() {
        for rule in self.rules { rule.codes?.deallocate() }
        self.rules.deallocate()
        self.notes.deallocate()
    }
}

/// The validator's fast path for elements: says whether a segment's elements are all good,
/// reading bytes only. When it says no (or cannot tell), ``ElementChecker`` runs and words the
/// problems, so findings are exactly the checker's; this check only has to be conservative.
enum FastElementCheck {
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// `true` only when ``ElementChecker`` would find nothing in `segment`.
    @inline(__always)
    static func passes(
        _ segment: X12Segment, _ rules: FastSegmentRules, allowsShortDates: Bool
    ) -> Bool {
        guard let present = Self.presence(segment, rules, allowsShortDates: allowsShortDates) else { return false }
        return Self.presenceIsGood(present, rules)
    }

    /// Like ``passes(_:_:allowsShortDates:)``, remembering in `cache` the element patterns
    /// already found to meet the segment's mandatory elements and syntax notes: a file repeats
    /// a handful of patterns per segment, so the notes are rarely looked at.
    @inline(__always)
    static func passes(
        _ segment: X12Segment, _ rules: FastSegmentRules, allowsShortDates: Bool, cache: PresenceCache
    ) -> Bool {
        guard let present = Self.presence(segment, rules, allowsShortDates: allowsShortDates) else { return false }
        let key = UInt(bitPattern: rules.rules.baseAddress)
        let slot = cache.slots + Int(truncatingIfNeeded: (key >> 5) & UInt(PresenceCache.mask))
        if slot.pointee.key == key && slot.pointee.presence == present { return true }
        guard Self.presenceIsGood(present, rules) else { return false }
        slot.pointee = PresenceCache.Slot(key: key, presence: present)
        return true
    }

    /// Whether the present elements (a bit per position) meet the mandatory elements and the
    /// syntax notes.
    @inline(__always)
    static func presenceIsGood(_ present: UInt64, _ rules: FastSegmentRules) -> Bool {
        guard rules.mandatoryMask & ~present == 0 else { return false }
        for note in rules.notes {
            let used = present & note.mask
            let violated: Bool
            switch note.kind {
            case .paired: violated = used != 0 && used != note.mask
            case .required: violated = used == 0
            case .exclusion: violated = used & (used &- 1) != 0
            case .conditional: violated = used & note.first != 0 && used != note.mask
            case .listConditional: violated = used == note.first && note.total > 1
            }
            if violated { return false }
        }
        return true
    }

    /// The present elements (a bit per position) when every value is good, else `nil`.
    @inline(__always)
    static func presence(
        _ segment: X12Segment, _ rules: FastSegmentRules, allowsShortDates: Bool
    ) -> UInt64? {
        let count = segment.elementCount
        guard rules.isAvailable, count <= rules.rules.count else { return nil }
        // Separators, broadcast to every byte of a word; none is 0, which a control byte test
        // catches anyway.
        let separator = UInt64(segment.component ?? 0) &* Self.ones
        let repetition = UInt64(segment.repetition ?? 0) &* Self.ones
        var present: UInt64 = 0
        var position = 1
        // One pass over the whole segment first: when it holds no control, non-ASCII or
        // separator byte (the usual case), no text value can, and each text value needs only
        // its length and code checked.
        let whole = segment.bytes
        let wholeIsClean: Bool
        if whole.count == 0 {
            wholeIsClean = false
        } else if repetition == 0 {
            wholeIsClean = !Self.holdsSpecialByte(
                whole.baseAddress.unsafelyUnwrapped, whole.count, separator, 0, checksRepetition: false)
        } else {
            wholeIsClean = !Self.holdsSpecialByte(
                whole.baseAddress.unsafelyUnwrapped, whole.count, separator, repetition)
        }
        if wholeIsClean {
            // Walk the separator offsets once: each element ends where the next one starts.
            guard count > 0 else { return 0 }
            let base = whole.baseAddress.unsafelyUnwrapped
            let separators = segment.separatorOffsets
            let length = whole.count
            var rule = rules.rules.baseAddress.unsafelyUnwrapped
            var start = Int(separators[0]) &+ 1
            while position <= count {
                let end = position < count ? Int(separators[position]) : length
                let size = end &- start
                if size != 0 {
                    // Positions stay below 64 here (`rules.isAvailable`): no overshift test.
                    present |= 1 &<< UInt64(truncatingIfNeeded: position)
                    let value = base + start
                    let kind = rule.pointee.kind
                    if kind == .string || kind == .identifier {
                        // Bytes are characters here: the length, a leading space (which might
                        // be all there is) and, for a code, its list.
                        guard size >= Int(rule.pointee.minimum) && size <= Int(rule.pointee.maximum) else {
                            return nil
                        }
                        if value.load(as: UInt8.self) == 0x20
                            && Self.onlySpaces(UnsafeRawBufferPointer(start: value, count: size))
                        {
                            return nil
                        }
                        if kind == .identifier && rule.pointee.codes != nil {
                            guard size <= 7, FastSegmentRules.contains(rule.pointee, Self.pack(value, size)) else {
                                return nil
                            }
                        }
                    } else if !Self.valueIsGood(
                        UnsafeRawBufferPointer(start: value, count: size), rule.pointee, separator: separator,
                        repetition: repetition, allowsShortDates: allowsShortDates)
                    {
                        return nil
                    }
                }
                start = end &+ 1
                rule += 1
                position &+= 1
            }
        } else {
            while position <= count {
                let bytes = segment.elementBytes(at: position)
                let rule = rules.rules[position &- 1]
                if !bytes.isEmpty {
                    present |= 1 << UInt64(position)
                    guard
                        Self.valueIsGood(
                            bytes, rule, separator: separator, repetition: repetition,
                            allowsShortDates: allowsShortDates)
                    else { return nil }
                }
                position &+= 1
            }
        }
        return present
    }

    @inline(never)
    private static func valueIsGood(
        _ bytes: UnsafeRawBufferPointer, _ rule: FastSegmentRules.Rule, separator: UInt64, repetition: UInt64,
        allowsShortDates: Bool
    ) -> Bool {
        let count = bytes.count
        let base = bytes.baseAddress.unsafelyUnwrapped
        switch rule.kind {
        case .string, .identifier:
            // ASCII without control characters or separators: the length is the byte count.
            guard !Self.holdsSpecialByte(base, count, separator, repetition) else { return false }
            guard count >= Int(rule.minimum) && count <= Int(rule.maximum) else { return false }
            if base.load(as: UInt8.self) == 0x20 && Self.onlySpaces(bytes) { return false }
            guard rule.codes != nil else { return true }
            guard count <= 7 else { return false }
            return FastSegmentRules.contains(rule, Self.pack(base, count))
        case .numeric:
            var digits = 0
            for index in 0..<count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                if byte &- 0x30 < 10 {
                    digits &+= 1
                } else if !(index == 0 && byte == 0x2D && count > 1) {
                    return false
                }
            }
            return digits >= Int(rule.minimum) && digits <= Int(rule.maximum)
        case .decimal:
            var digits = 0
            var points = 0
            for index in 0..<count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                if byte &- 0x30 < 10 {
                    digits &+= 1
                } else if byte == 0x2E {
                    points &+= 1
                } else if !(index == 0 && byte == 0x2D) {
                    return false
                }
            }
            return points <= 1 && digits > 0 && digits >= Int(rule.minimum) && digits <= Int(rule.maximum)
        case .date:
            return ElementChecker.isValidDate(bytes, allowsShort: allowsShortDates)
        case .time:
            return ElementChecker.isValidTime(bytes)
        case .composite:
            return false
        }
    }

    /// Whether any byte is a control character, DEL, non-ASCII, or one of the separators,
    /// eight bytes at a time (overlapping loads cover lengths that are not multiples of 8).
    /// Called with a constant `checksRepetition`, each inlined copy keeps only the tests it needs
    /// (without a repetition separator, a 0 byte is already a control byte).
    @inline(__always)
    private static func holdsSpecialByte(
        _ base: UnsafeRawPointer, _ count: Int, _ separator: UInt64, _ repetition: UInt64,
        checksRepetition: Bool = true
    ) -> Bool {
        if count >= 8 {
            var offset = 0
            var found: UInt64 = 0
            while offset &+ 8 <= count {
                found |= Self.special(
                    base.loadUnaligned(fromByteOffset: offset, as: UInt64.self), separator, repetition,
                    checksRepetition: checksRepetition)
                offset &+= 8
            }
            if offset < count {
                found |= Self.special(
                    base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self), separator, repetition,
                    checksRepetition: checksRepetition)
            }
            return found != 0
        }
        return Self.special(Self.word(base, count), separator, repetition, checksRepetition: checksRepetition) != 0
    }

    /// 1 to 7 bytes spread over a whole word (repeating some: the tests are per byte).
    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        if count >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            return low | high << 32
        }
        if count >= 2 {
            let low = UInt32(base.loadUnaligned(as: UInt16.self))
            let high = UInt32(base.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))
            return UInt64(low | high << 16) &* 0x1_0000_0001
        }
        return UInt64(base.load(as: UInt8.self)) &* Self.ones
    }

    /// The high bit set in some byte when a byte is below 0x20, at or above 0x7F, or equal to
    /// a separator.
    @inline(__always)
    private static func special(
        _ word: UInt64, _ separator: UInt64, _ repetition: UInt64, checksRepetition: Bool
    ) -> UInt64 {
        let below = (word &- Self.ones &* 0x20) & ~word
        let above = (word &+ Self.ones) | word
        let first = word ^ separator
        var equal = (first &- Self.ones) & ~first
        if checksRepetition {
            let second = word ^ repetition
            equal |= (second &- Self.ones) & ~second
        }
        return (below | above | equal) & Self.highs
    }

    @inline(never)
    private static func onlySpaces(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 }
    }

    /// 1 to 7 bytes packed as ``CodeTable/pack(_:)`` does.
    @inline(__always)
    static func pack(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var value: UInt64
        if count >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            value = low | high << UInt64(8 &* (count &- 4))
        } else if count >= 2 {
            let low = UInt64(base.loadUnaligned(as: UInt16.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self))
            value = low | high << UInt64(8 &* (count &- 2))
        } else {
            value = UInt64(base.load(as: UInt8.self))
        }
        return value | UInt64(count) << 56
    }
}

/// Element patterns (presence bits) known good per segment rules, direct-mapped by the rules'
/// address; one per validator, so nothing is shared between threads.
final class PresenceCache {
    struct Slot {
        var key: UInt
        var presence: UInt64
    }

    static var mask: Int { 63 }
    let slots: UnsafeMutablePointer<Slot>

    init() {
        self.slots = .allocate(capacity: Self.mask + 1)
        // No rules live at the top address: every slot starts empty.
        self.slots.initialize(repeating: Slot(key: .max, presence: 0), count: Self.mask + 1)
    }

    deinit { self.slots.deallocate() }
}
