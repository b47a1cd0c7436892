import Synchronization

/// A transaction-set schema turned into what the validator walks at speed: segment ids
/// packed as integers, loops as nested arrays whose entries point at their segments' element
/// rules (no lookup by id per segment), element rules resolved.
///
/// Compiled once per set and version and cached (``CompiledSchemas``).
final class CompiledTransactionSet: Sendable {
    let identifier: String
    let version: String
    let root: CompiledLoop
    let isHierarchical: Bool
    /// The compiled segments: they stay alive with the set, so the matcher's entries
    /// (``CompiledStep``) point at them unretained.
    let segmentList: [CompiledSegment]
    /// Every segment id the set uses.
    let segmentsInSet: Set<UInt32>

    init(schema: X12Schema, set: X12TransactionSetSchema) {
        self.identifier = set.id
        self.version = schema.version
        var segments: [UInt32: CompiledSegment] = [:]
        for (id, segment) in schema.segments {
            if let packed = X12SegmentID(id)?.rawValue { segments[packed] = CompiledSegment(segment) }
        }
        self.segmentList = segments.keys.sorted().map { segments[$0]! }
        self.root = CompiledLoop(
            id: "", usage: .mandatory, maximumRepeat: 1, hierarchical: false, entries: set.structure,
            segments: segments)
        self.isHierarchical = Self.containsHierarchy(self.root)
        self.maximumDepth = Self.depth(self.root)
        self.maximumCounts = Self.counts(self.root)
        var inSet = Set<UInt32>()
        Self.collect(self.root, into: &inSet)
        self.segmentsInSet = inSet
    }

    /// Open loops at most, the set itself included.
    let maximumDepth: Int
    /// Entry counters at most on the matcher's stack (one per entry of each open loop).
    let maximumCounts: Int

    private static func depth(_ loop: CompiledLoop) -> Int {
        1 + loop.entries.reduce(0) { deepest, entry in max(deepest, entry.loop.map(depth) ?? 0) }
    }

    private static func counts(_ loop: CompiledLoop) -> Int {
        loop.entries.count + loop.entries.reduce(0) { most, entry in max(most, entry.loop.map(counts) ?? 0) }
    }

    private static func collect(_ loop: CompiledLoop, into ids: inout Set<UInt32>) {
        for entry in loop.entries {
            if let inner = entry.loop { collect(inner, into: &ids) } else { ids.insert(entry.trigger) }
        }
    }

    private static func containsHierarchy(_ loop: CompiledLoop) -> Bool {
        loop.hierarchical || loop.entries.contains { $0.loop.map(containsHierarchy) ?? false }
    }
}

/// One loop (or the whole set, as the root): its entries in order.
final class CompiledLoop: Sendable {
    let id: String
    let usage: X12Usage
    let maximumRepeat: Int
    let hierarchical: Bool
    let entries: [CompiledEntry]
    /// The entries' packed trigger ids, in memory owned by this object: the matcher scans
    /// them for every segment without retaining anything.
    nonisolated(unsafe) let triggers: UnsafeMutableBufferPointer<UInt32>  // immutable after init
    /// The entries as plain values in owned memory, what the matcher reads per segment.
    nonisolated(unsafe) let steps: UnsafeMutableBufferPointer<CompiledStep>  // immutable after init
    /// Indexes of the mandatory entries, and the last of them (-1 for none).
    let mandatory: [Int]
    let lastMandatory: Int

    init(
        id: String, usage: X12Usage, maximumRepeat: Int, hierarchical: Bool, entries: [X12StructureEntry],
        segments: [UInt32: CompiledSegment]
    ) {
        self.id = id
        self.usage = usage
        self.maximumRepeat = maximumRepeat
        self.hierarchical = hierarchical
        let compiled = entries.map { CompiledEntry($0, segments: segments) }
        self.entries = compiled
        self.triggers = .allocate(capacity: compiled.count)
        _ = self.triggers.initialize(from: compiled.map(\.trigger))
        self.steps = .allocate(capacity: compiled.count)
        _ = self.steps.initialize(
            from: compiled.map { entry in
                CompiledStep(
                    maximum: entry.maximum, loop: entry.loop.map { Unmanaged.passUnretained($0) },
                    rules: segments[entry.trigger].map { Unmanaged.passUnretained($0) })
            })
        self.mandatory = compiled.indices.filter { compiled[$0].usage == .mandatory }
        self.lastMandatory = self.mandatory.last ?? -1
    }

    deinit {
        self.triggers.deallocate()
        self.steps.deallocate()
    }
}

/// An entry as the matcher reads it: trivial values only, so reading one retains nothing.
/// The references are unretained; the compiled set (cached for the life of the process) owns
/// the loops and segments.
struct CompiledStep {
    let maximum: Int
    let loop: Unmanaged<CompiledLoop>?
    /// The rules of the entry's segment (a loop's: its trigger segment), if the schema has them.
    let rules: Unmanaged<CompiledSegment>?
}

/// A segment or a loop at one place of a structure.
struct CompiledEntry: Sendable {
    /// The segment id, or the loop's trigger segment id, packed.
    let trigger: UInt32
    let name: String
    let usage: X12Usage
    /// Maximum use of a segment, or maximum repeat of a loop.
    let maximum: Int
    let loop: CompiledLoop?

    init(_ entry: X12StructureEntry, segments: [UInt32: CompiledSegment]) {
        switch entry {
        case .segment(let reference):
            self.trigger = X12SegmentID(reference.id)?.rawValue ?? 0
            self.name = reference.id
            self.usage = reference.usage
            self.maximum = reference.maximumUse
            self.loop = nil
        case .loop(let loop):
            let compiled = CompiledLoop(
                id: loop.id, usage: loop.usage, maximumRepeat: loop.maximumRepeat, hierarchical: loop.hierarchical,
                entries: loop.body, segments: segments)
            self.trigger = compiled.entries.first?.trigger ?? 0
            self.name = loop.id
            self.usage = loop.usage
            self.maximum = loop.maximumRepeat
            self.loop = compiled
        }
    }
}

/// The element rules of one segment, flattened into plain values so that checking a
/// segment retains and releases nothing per element (the class graph it replaced spent half
/// of validation's time in reference counting).
final class CompiledSegment: Sendable {
    let id: String
    let name: String
    /// One rule per element position (index 0 is position 1).
    let rules: [ElementRule]
    /// `rules` in memory owned by this object, read per segment without retaining.
    nonisolated(unsafe) let rulePointer: UnsafeMutableBufferPointer<ElementRule>  // immutable after init
    /// The components of composites, `ElementRule.firstComponent` indexes here.
    let componentRules: [ElementRule]
    /// Names and reference numbers, for messages.
    let descriptions: [ElementDescription]
    let codeTables: [CodeTable]
    /// 1-based positions of the mandatory elements.
    let mandatoryPositions: [Int]
    /// `codeTables` as unretained references in owned memory (the array keeps them alive).
    nonisolated(unsafe) let codeTablePointer: UnsafeMutableBufferPointer<Unmanaged<CodeTable>>  // immutable after init
    let syntaxNotes: [X12SyntaxNote]
    /// Syntax notes of the composite at each position (empty for simple elements).
    let compositeSyntaxNotes: [[X12SyntaxNote]]
    /// The rules as ``FastElementCheck`` reads them (immutable after init).
    nonisolated(unsafe) let fast: FastSegmentRules

    init(_ schema: X12SegmentSchema) {
        self.id = schema.id
        self.name = schema.name
        self.syntaxNotes = schema.syntaxNotes
        var rules: [ElementRule] = []
        var components: [ElementRule] = []
        var descriptions: [ElementDescription] = []
        var tables: [CodeTable] = []
        var compositeNotes: [[X12SyntaxNote]] = []
        func rule(for element: X12ElementSchema, usage: X12Usage) -> ElementRule {
            var table: Int32 = -1
            if let codes = element.codes {
                table = Int32(tables.count)
                tables.append(CodeTable(codes))
            }
            descriptions.append(ElementDescription(reference: element.id, name: element.name, composite: nil))
            return ElementRule(
                usage: usage, type: element.type, minimum: Int32(element.minimumLength),
                maximum: Int32(element.maximumLength), codeTable: table, codesClosed: element.codesClosed,
                firstComponent: -1, componentCount: 0, description: Int32(descriptions.count - 1))
        }
        for reference in schema.elements {
            switch reference.kind {
            case .simple(let element):
                rules.append(rule(for: element, usage: reference.usage))
                compositeNotes.append([])
            case .composite(let composite):
                let first = Int32(components.count)
                for component in composite.components {
                    components.append(rule(for: component.element, usage: component.usage))
                }
                descriptions.append(
                    ElementDescription(reference: composite.id, name: composite.name, composite: composite.id))
                rules.append(
                    ElementRule(
                        usage: reference.usage, type: .string, minimum: 0, maximum: 0, codeTable: -1,
                        codesClosed: false,
                        firstComponent: first, componentCount: Int32(composite.components.count),
                        description: Int32(descriptions.count - 1)))
                compositeNotes.append(composite.syntaxNotes)
            }
        }
        self.rules = rules
        self.mandatoryPositions = rules.indices.filter { rules[$0].usage == .mandatory }.map { $0 + 1 }
        self.rulePointer = .allocate(capacity: rules.count)
        _ = self.rulePointer.initialize(from: rules)
        self.componentRules = components
        self.descriptions = descriptions
        self.codeTables = tables
        self.codeTablePointer = .allocate(capacity: tables.count)
        _ = self.codeTablePointer.initialize(from: tables.map { Unmanaged.passUnretained($0) })
        self.compositeSyntaxNotes = compositeNotes
        self.fast = FastSegmentRules(rules: rules, codeTables: tables, syntaxNotes: schema.syntaxNotes)
    }

    deinit {
        self.rulePointer.deallocate()
        self.codeTablePointer.deallocate()
        self.fast.deallocate()
    }
}

/// One element's rule as plain data.
struct ElementRule: Sendable {
    var usage: X12Usage
    var type: X12DataType
    var minimum: Int32
    var maximum: Int32
    /// Index into `CompiledSegment.codeTables`, or -1.
    var codeTable: Int32
    var codesClosed: Bool
    /// For a composite: its first component in `componentRules`; -1 for a simple element.
    var firstComponent: Int32
    var componentCount: Int32
    /// Index into `CompiledSegment.descriptions`.
    var description: Int32

    var isComposite: Bool { self.firstComponent >= 0 }
}

struct ElementDescription: Sendable {
    var reference: String
    var name: String
    var composite: String?
}

/// A code list packed for allocation-free lookups: codes of up to 7 bytes as integers in a
/// sorted buffer searched by bisection (cheaper than hashing: a lookup runs per ID element).
final class CodeTable: Sendable {
    nonisolated(unsafe) let packed: UnsafeMutableBufferPointer<UInt64>  // immutable after init
    let long: Set<String>

    init(_ codes: Set<String>) {
        var packed: [UInt64] = []
        var long = Set<String>()
        for code in codes {
            if let value = Self.pack(Array(code.utf8)) { packed.append(value) } else { long.insert(code) }
        }
        packed.sort()
        self.packed = .allocate(capacity: packed.count)
        _ = self.packed.initialize(from: packed)
        self.long = long
    }

    deinit { self.packed.deallocate() }

    /// Up to 7 bytes as one integer (the length in the top byte keeps `A` and `A\0` apart).
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var value = UInt64(bytes.count) << 56
        for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= 7 else { return self.long.contains(String(decoding: bytes, as: UTF8.self)) }
        return Self.pack(bytes).map { sortedIndex(of: $0, in: self.packed) != nil } ?? false
    }
}

/// Compiled sets, built on first use and kept for the life of the process.
enum CompiledSchemas {
    private static let cache = CompiledSetCache()

    static func transactionSet(_ identifier: String, schema: X12Schema) -> CompiledTransactionSet? {
        cache.get(identifier, schema: schema)
    }
}

/// A lock-protected dictionary of compiled sets.
private final class CompiledSetCache: Sendable {
    private let sets = Mutex<[String: CompiledTransactionSet]>([:])

    func get(_ identifier: String, schema: X12Schema) -> CompiledTransactionSet? {
        let key = schema.version + "/" + identifier
        return self.sets.withLock { sets in
            if let cached = sets[key] { return cached }
            guard let set = schema.transactionSets[identifier] else { return nil }
            let compiled = CompiledTransactionSet(schema: schema, set: set)
            sets[key] = compiled
            return compiled
        }
    }
}

/// The index of `value` in a sorted buffer, by bisection, or `nil`.
@inline(__always)
private func sortedIndex<T: Comparable>(of value: T, in buffer: UnsafeMutableBufferPointer<T>) -> Int? {
    var low = 0
    var high = buffer.count
    while low < high {
        let middle = (low &+ high) >> 1
        if buffer[middle] < value { low = middle &+ 1 } else { high = middle }
    }
    return low < buffer.count && buffer[low] == value ? low : nil
}
