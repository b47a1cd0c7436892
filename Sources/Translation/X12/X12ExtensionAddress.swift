import Orders
import X12

/// How the X12 codecs address what they keep in `extensions`.
///
/// A segment is `SEG[n]`, its `n`th occurrence in its loop, after the loops that hold it (`N1[2]/N4[1]`); header and
/// summary segments are addressed in the document's `extensions`, those of a PO1 loop in the line's. An element
/// adds its two-digit position (`REF[1]04`), a component `-` and its position (`REF[1]04-2`). A segment Porter did
/// not place at all is marked by its bare address, holding ``wholeSegmentMarker``, beside its elements.
enum X12ExtensionAddress {
    static let wholeSegmentMarker = "segment"

    static func segment(_ path: String, _ id: String, _ occurrence: Int) -> String { "\(path)\(id)[\(occurrence)]" }

    static func element(_ position: Int) -> String { position < 10 ? "0\(position)" : "\(position)" }

    static func record(_ value: X12Value, element position: Int, at address: String, in extensions: inout Extensions) {
        if let text = value.simpleText {
            if !text.isEmpty { extensions[address + Self.element(position)] = text }
            return
        }
        guard !value.isEmpty else { return }
        let repetitions = value.repetitions
        if repetitions.count == 1, repetitions[0].count == 1 {
            extensions[address + Self.element(position)] = repetitions[0][0]
            return
        }
        let components = repetitions.count == 1 ? repetitions[0] : repetitions.flatMap { $0 }
        for (index, component) in components.enumerated() where !component.isEmpty {
            extensions["\(address)\(Self.element(position))-\(index + 1)"] = component
        }
    }

    /// The extensions indexed by segment address, for writing them back.
    struct Index {
        /// Element values by segment address, then position, then component (0 for a simple element).
        private(set) var elements: [String: [Int: [Int: String]]] = [:]
        /// Addresses of segments kept whole.
        private(set) var wholeSegments: Set<String> = []

        /// An index of nothing kept.
        init() {}

        init(_ extensions: Extensions) {
            for (key, value) in extensions.values {
                guard let close = key.lastIndex(of: "]") else { continue }
                let address = String(key[...close])
                let rest = key[key.index(after: close)...]
                if rest.isEmpty {
                    if value == wholeSegmentMarker { self.wholeSegments.insert(address) }
                    continue
                }
                let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count <= 2, let position = Int(parts[0]), parts[0].count == 2, position >= 1 else {
                    continue
                }
                var component = 0
                if parts.count == 2 {
                    guard let number = Int(parts[1]), number >= 1 else { continue }
                    component = number
                }
                self.elements[address, default: [:]][position, default: [:]][component] = value
            }
        }

        /// Whether nothing at all is kept: the encoders then skip every address lookup.
        var isEmpty: Bool { self.elements.isEmpty && self.wholeSegments.isEmpty }

        /// The element positions kept for the segment at `address`.
        func positions(at address: String) -> Set<Int> { self.elements[address].map { Set($0.keys) } ?? [] }

        /// `elements` with the values kept for the segment at `address` laid over them.
        func overlay(_ elements: [X12Value], at address: String) -> [X12Value] {
            guard let kept = self.elements[address] else { return elements }
            var result = elements
            for (position, components) in kept {
                while result.count < position { result.append(.simple("")) }
                if let simple = components[0] {
                    result[position - 1] = .simple(simple)
                } else if let last = components.keys.max() {
                    result[position - 1] = .composite((1...last).map { components[$0] ?? "" })
                }
            }
            return result
        }

        /// The whole segments kept directly under `path` (not in a loop below it), by identifier and occurrence.
        func wholeSegments(under path: String) -> [(id: String, occurrence: Int, address: String)] {
            var found: [(id: String, occurrence: Int, address: String)] = []
            for address in self.wholeSegments where address.hasPrefix(path) {
                let rest = address.dropFirst(path.count)
                guard !rest.contains("/"), let open = rest.firstIndex(of: "["),
                    let occurrence = Int(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
                else { continue }
                found.append((String(rest[..<open]), occurrence, address))
            }
            return found.sorted { ($0.id, $0.occurrence) < ($1.id, $1.occurrence) }
        }
    }
}
