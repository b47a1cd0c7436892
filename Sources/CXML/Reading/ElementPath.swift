/// The path of the element being read, such as `cXML/Request/OrderRequest/ItemOut[2]/ItemID`.
///
/// Each open element is a name and a position; its ``PathNode``, shared by the locations of the
/// events inside it, is made the first time a location inside it is (a reader whose events go
/// to a sink makes none but for errors); the path's text is built only when a location's
/// ``CXMLLocation/path`` is asked for. Sibling
/// counts (for the `[2]`) live on one flat stack, searched linearly while an element has
/// few distinct child names and through a dictionary once it has many, so a hostile element
/// with 100,000 differently named children costs linear time.
struct ElementPath {
    private static let linearLimit = 16

    /// The open elements, outermost first: their names, positions among same-named siblings, and where their
    /// children's counts start in `counts`.
    private var open: [(name: String, position: Int, childCounts: Int)] = []
    /// The nodes made so far for the outermost open elements (never more than `open`).
    private var nodes: [PathNode] = []
    /// The number of open elements.
    var depth: Int { self.open.count }
    /// The name of the innermost open element.
    var name: String? { self.open.last?.name }
    /// The child names of each open element (and the document) so far, with their counts. `key` is the name's
    /// pointer in libxml2's dictionary (one pointer is one name for the life of a parser), `0` when unknown: names
    /// with keys are compared by key, others by their text.
    private var counts: [(name: String, key: UInt, count: Int)] = []
    /// Positions in `counts` by name, for the open elements (by depth: 0 is the document) with more than
    /// `linearLimit` child names.
    private var indexes: [Int: [String: Int]] = [:]

    /// The path text.
    var text: String {
        var text = ""
        for (name, position, _) in self.open {
            if !text.isEmpty { text += "/" }
            text += name
            if position > 1 { text += "[\(position)]" }
        }
        return text
    }

    /// The node of the innermost open element (made now, with those of the elements around it, if
    /// they have none yet); `nil` before the root element.
    mutating func node() -> PathNode? {
        while self.nodes.count < self.open.count {
            let (name, position, _) = self.open[self.nodes.count]
            self.nodes.append(PathNode(parent: self.nodes.last, name: name, position: position))
        }
        return self.nodes.last
    }

    /// Enters a child element of the current one.
    ///
    /// - Parameter key: The name's pointer in the parser's dictionary, or `0`.
    mutating func push(_ name: String, key: UInt = 0) {
        let position = self.countChild(name, key: key)
        self.open.append((name, position, self.counts.count))
    }

    /// Leaves the current element.
    mutating func pop() {
        guard let last = self.open.popLast() else { return }
        // One by one: an element has few child names, and the range removals cost more than the loop.
        while self.counts.count > last.childCounts { self.counts.removeLast() }
        if !self.indexes.isEmpty { self.indexes[self.open.count + 1] = nil }
        if self.nodes.count > self.open.count { self.nodes.removeLast() }
    }

    /// Counts a child named `name` of the current element and returns its position among
    /// the children of that name.
    private mutating func countChild(_ name: String, key: UInt) -> Int {
        let depth = self.open.count
        let start = self.open.last?.childCounts ?? 0
        let indexed = !self.indexes.isEmpty && self.indexes[depth] != nil
        if let found = indexed ? self.indexes[depth]?[name] : self.linearSearch(name, key: key, from: start) {
            self.counts[found].count += 1
            return self.counts[found].count
        }
        self.counts.append((name, key, 1))
        if indexed {
            self.indexes[depth]?[name] = self.counts.count - 1
        } else if self.counts.count - start > Self.linearLimit {
            var index: [String: Int] = [:]
            for position in start..<self.counts.count { index[self.counts[position].name] = position }
            self.indexes[depth] = index
        }
        return 1
    }

    private func linearSearch(_ name: String, key: UInt, from start: Int) -> Int? {
        var position = self.counts.count - 1
        while position >= start {
            let entry = self.counts[position]
            if key != 0 && entry.key != 0 ? entry.key == key : entry.name == name { return position }
            position -= 1
        }
        return nil
    }
}

/// An open element's place in the document: immutable, shared by the events inside it.
final class PathNode: Sendable {
    let parent: PathNode?
    let name: String
    /// The position among the parent's children of the same name, from 1.
    let position: Int

    init(parent: PathNode?, name: String, position: Int) {
        self.parent = parent
        self.name = name
        self.position = position
    }

    /// `cXML/Request/OrderRequest/ItemOut[2]`.
    ///
    /// - Complexity: O(*d*) in the depth.
    var path: String {
        var nodes: [PathNode] = []
        var next: PathNode? = self
        while let node = next {
            nodes.append(node)
            next = node.parent
        }
        var text = ""
        for node in nodes.reversed() {
            if !text.isEmpty { text += "/" }
            text += node.name
            if node.position > 1 { text += "[\(node.position)]" }
        }
        return text
    }
}
