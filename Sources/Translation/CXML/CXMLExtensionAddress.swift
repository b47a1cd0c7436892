import Orders

/// How the cXML codecs address what they keep in `extensions`.
///
/// An address is an element path relative to the model value that owns it: the document's `extensions` hold
/// `Header/…`, `OrderRequestHeader/…`, `ConfirmationHeader/…`, `ShipNoticeHeader/…`, `ShipControl[2]/…`; a line's
/// hold `ItemOut/…`, a status's `ConfirmationStatus/…`, an item's `ShipNoticeItem/…`, an order's
/// `ShipNoticePortion/…`, a pack's `Packaging/…`. A step is an element name, with `[n]` when it is the `n`th
/// (2 or more) of that name among its siblings in the source. Then:
///
/// - `path@name` holds an attribute Porter does not map, as written (`ItemOut@itemType`);
/// - `path#text` holds the text of an element whose text Porter does not map (`…/Country#text`: `United States`);
/// - a `Contact` is addressed by its role, `Contact(role)` (`Contact()` without one), so that parties and people
///   keep their addresses whatever order they are written in;
/// - `path/Extrinsic(name)` holds the text of an `Extrinsic` that holds only text (`[n]` after it for a repeated
///   name);
/// - any other `path` holds the whole element as XML (`ItemOut/Distribution` →
///   `<Distribution><Accounting name="…">…</Accounting>…</Distribution>`).
///
/// The encoders write each back at its place in the DTD's content model, and leave out (with a finding) what the DTD
/// would refuse there.
enum CXMLExtensionAddress {
    static let textSuffix = "#text"

    static func child(of parent: String, name: String, occurrence: Int) -> String {
        let step = occurrence >= 2 ? "\(name)[\(occurrence)]" : name
        return parent.isEmpty ? step : self.joined(parent, "/", step)
    }

    /// `first`, `second` and `third` in one string, their bytes copied once into a string made at its size (an
    /// interpolation, `+` or `append` grow the string piece by piece: about a thousand instructions an address).
    static func joined(_ first: String, _ second: String, _ third: String) -> String {
        var (first, second, third) = (first, second, third)
        return first.withUTF8 { first in
            second.withUTF8 { second in
                third.withUTF8 { third in
                    String(unsafeUninitializedCapacity: first.count + second.count + third.count) { buffer in
                        let raw = UnsafeMutableRawBufferPointer(buffer)
                        raw.copyMemory(from: UnsafeRawBufferPointer(first))
                        UnsafeMutableRawBufferPointer(rebasing: raw[first.count...]).copyMemory(
                            from: UnsafeRawBufferPointer(second))
                        UnsafeMutableRawBufferPointer(rebasing: raw[(first.count + second.count)...]).copyMemory(
                            from: UnsafeRawBufferPointer(third))
                        return first.count + second.count + third.count
                    }
                }
            }
        }
    }

    static func contact(of parent: String, role: String?, occurrence: Int) -> String {
        self.child(of: parent, name: "Contact(\(role ?? ""))", occurrence: occurrence)
    }

    static func extrinsic(of parent: String, name: String, occurrence: Int) -> String {
        self.child(of: parent, name: "Extrinsic(\(name))", occurrence: occurrence)
    }

    /// One entry of the extensions, parsed.
    struct Entry: Sendable {
        enum Kind: Sendable {
            /// An attribute of the element at the parent path.
            case attribute(String)
            /// A whole element, as XML.
            case element(name: String, occurrence: Int)
            /// The text of an `Extrinsic` with this name.
            case extrinsic(name: String, occurrence: Int)
        }

        var kind: Kind
        var value: String
        var key: String

        /// The element name the entry writes (`Extrinsic` for both kinds of extrinsic), `nil` for an attribute.
        var elementName: String? {
            switch self.kind {
            case .attribute: nil
            case .element(let name, _): name
            case .extrinsic: "Extrinsic"
            }
        }

        fileprivate var sortKey: (String, Int) {
            switch self.kind {
            case .attribute(let name): (name, 0)
            case .element(_, let occurrence): ("", occurrence)
            case .extrinsic(let name, let occurrence): (name, occurrence)
            }
        }
    }

    /// The extensions of one model value, indexed by the path of the element they belong to, for writing back.
    struct Index: Sendable {
        private var attributes: [String: [Entry]] = [:]
        private var children: [String: [Entry]] = [:]
        private var texts: [String: String] = [:]
        /// Every entry's key with the path of the element it belongs to (or goes into).
        private(set) var owners: [(key: String, path: String)] = []
        /// How many keys are not cXML addresses (an X12 codec's `BEG07`…).
        private(set) var foreignCount = 0

        init(_ extensions: Extensions) {
            for (key, value) in extensions.values {
                if key.hasSuffix(CXMLExtensionAddress.textSuffix) {
                    let path = String(key.dropLast(CXMLExtensionAddress.textSuffix.count))
                    self.texts[path] = value
                    self.owners.append((key, path))
                    continue
                }
                guard let (parent, kind) = Self.parse(key) else {
                    self.foreignCount += 1
                    continue
                }
                self.owners.append((key, parent))
                let entry = Entry(kind: kind, value: value, key: key)
                if case .attribute = kind {
                    self.attributes[parent, default: []].append(entry)
                } else {
                    self.children[parent, default: []].append(entry)
                }
            }
            for key in self.attributes.keys { self.attributes[key]?.sort { $0.sortKey < $1.sortKey } }
            for key in self.children.keys {
                self.children[key]?.sort {
                    let (left, right) = ($0.sortKey, $1.sortKey)
                    return ($0.elementName ?? "", left.0, left.1) < ($1.elementName ?? "", right.0, right.1)
                }
            }
        }

        var isEmpty: Bool { self.attributes.isEmpty && self.children.isEmpty && self.texts.isEmpty }

        /// The text kept for the element at `path`.
        func text(of path: String) -> String? { self.texts[path] }

        /// The attributes kept for the element at `path`: `(name, value)`.
        func attributes(of path: String) -> [(name: String, value: String)] {
            guard let entries = self.attributes[path] else { return [] }
            return entries.compactMap {
                if case .attribute(let name) = $0.kind { return (name, $0.value) }
                return nil
            }
        }

        /// The value kept for one attribute of the element at `path`.
        func attribute(_ name: String, of path: String) -> String? {
            self.attributes(of: path).first { $0.name == name }?.value
        }

        /// The elements kept inside the element at `path`, in their order.
        func children(of path: String) -> [Entry] { self.children[path] ?? [] }

        /// Splits a key into the path of the element it belongs to and what it is; `nil` for a key that is not a
        /// cXML address.
        static func parse(_ key: String) -> (parent: String, kind: Entry.Kind)? {
            // The last step starts after the last `/` outside parentheses; an attribute after the last `@` there.
            var depth = 0
            var lastSlash: String.Index?
            var lastAt: String.Index?
            var index = key.startIndex
            while index < key.endIndex {
                switch key[index] {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "/" where depth == 0:
                    lastSlash = index
                    lastAt = nil
                case "@" where depth == 0: lastAt = index
                default: break
                }
                index = key.index(after: index)
            }
            if let lastAt {
                let path = String(key[..<lastAt])
                let name = String(key[key.index(after: lastAt)...])
                guard !path.isEmpty, !name.isEmpty else { return nil }
                return (path, .attribute(name))
            }
            guard let lastSlash else { return nil }
            let parent = String(key[..<lastSlash])
            var step = Substring(key[key.index(after: lastSlash)...])
            var occurrence = 1
            if step.hasSuffix("]"), let open = step.lastIndex(of: "["),
                let number = Int(step[step.index(after: open)..<step.index(before: step.endIndex)]), number >= 1
            {
                occurrence = number
                step = step[..<open]
            }
            if step.hasPrefix("Extrinsic("), step.hasSuffix(")") {
                let name = step.dropFirst("Extrinsic(".count).dropLast()
                return (parent, .extrinsic(name: String(name), occurrence: occurrence))
            }
            if step.hasPrefix("Contact("), step.hasSuffix(")") {
                return (parent, .element(name: "Contact", occurrence: occurrence))
            }
            guard !step.isEmpty, !step.contains("(") else { return nil }
            return (parent, .element(name: String(step), occurrence: occurrence))
        }
    }
}
