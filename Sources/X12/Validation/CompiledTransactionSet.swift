import Synchronization

/// A transaction-set schema turned into what the validator walks at speed: segment ids
/// packed as integers, loops as nested arrays, element rules resolved.
///
/// Compiled once per set and version and cached (``CompiledSchemas``).
final class CompiledTransactionSet: Sendable {
    let identifier: String
    let version: String
    let root: CompiledLoop
    /// Segment rules by packed id, for every segment of the version's dictionary.
    let segments: [UInt32: CompiledSegment]
    let isHierarchical: Bool

    init(schema: X12Schema, set: X12TransactionSetSchema) {
        self.identifier = set.id
        self.version = schema.version
        var segments: [UInt32: CompiledSegment] = [:]
        for (id, segment) in schema.segments {
            if let packed = X12SegmentID(id)?.rawValue { segments[packed] = CompiledSegment(segment) }
        }
        self.segments = segments
        self.root = CompiledLoop(id: "", usage: .mandatory, maximumRepeat: 1, hierarchical: false, entries: set.structure)
        self.isHierarchical = Self.containsHierarchy(self.root)
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

    init(id: String, usage: X12Usage, maximumRepeat: Int, hierarchical: Bool, entries: [X12StructureEntry]) {
        self.id = id
        self.usage = usage
        self.maximumRepeat = maximumRepeat
        self.hierarchical = hierarchical
        self.entries = entries.map(CompiledEntry.init)
    }
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

    init(_ entry: X12StructureEntry) {
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
                entries: loop.body)
            self.trigger = compiled.entries.first?.trigger ?? 0
            self.name = loop.id
            self.usage = loop.usage
            self.maximum = loop.maximumRepeat
            self.loop = compiled
        }
    }
}

/// The element rules of one segment.
struct CompiledSegment: Sendable {
    let id: String
    let name: String
    let elements: [CompiledElement]
    let syntaxNotes: [X12SyntaxNote]

    init(_ schema: X12SegmentSchema) {
        self.id = schema.id
        self.name = schema.name
        self.elements = schema.elements.map(CompiledElement.init)
        self.syntaxNotes = schema.syntaxNotes
    }
}

/// One element position of a segment: a simple element or a composite.
struct CompiledElement: Sendable {
    let usage: X12Usage
    let simple: CompiledSimpleElement?
    let components: [CompiledComponent]
    let compositeID: String?
    let compositeName: String?
    let compositeSyntaxNotes: [X12SyntaxNote]

    init(_ reference: X12ElementReference) {
        self.usage = reference.usage
        switch reference.kind {
        case .simple(let element):
            self.simple = CompiledSimpleElement(element)
            self.components = []
            self.compositeID = nil
            self.compositeName = nil
            self.compositeSyntaxNotes = []
        case .composite(let composite):
            self.simple = nil
            self.components = composite.components.map {
                CompiledComponent(usage: $0.usage, element: CompiledSimpleElement($0.element))
            }
            self.compositeID = composite.id
            self.compositeName = composite.name
            self.compositeSyntaxNotes = composite.syntaxNotes
        }
    }
}

struct CompiledComponent: Sendable {
    let usage: X12Usage
    let element: CompiledSimpleElement
}

/// A simple data element's rules, with its code list packed for allocation-free lookups.
struct CompiledSimpleElement: Sendable {
    let reference: String
    let name: String
    let type: X12DataType
    let minimumLength: Int
    let maximumLength: Int
    /// Codes of up to 8 bytes packed into integers (`nil`: no list).
    let packedCodes: Set<UInt64>?
    let longCodes: Set<String>
    let codesClosed: Bool

    init(_ element: X12ElementSchema) {
        self.reference = element.id
        self.name = element.name
        self.type = element.type
        self.minimumLength = element.minimumLength
        self.maximumLength = element.maximumLength
        self.codesClosed = element.codesClosed
        if let codes = element.codes {
            var packed = Set<UInt64>()
            var long = Set<String>()
            for code in codes {
                if let value = Self.pack(Array(code.utf8)) { packed.insert(value) } else { long.insert(code) }
            }
            self.packedCodes = packed
            self.longCodes = long
        } else {
            self.packedCodes = nil
            self.longCodes = []
        }
    }

    /// Up to 8 bytes as one integer (the length in the top byte keeps `A` and `A\0` apart).
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var value = UInt64(bytes.count) << 56
        for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }

    func contains(code bytes: UnsafeRawBufferPointer) -> Bool {
        guard let packedCodes else { return true }
        if let value = Self.pack(bytes) { return packedCodes.contains(value) }
        return self.longCodes.contains(String(decoding: bytes, as: UTF8.self))
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
