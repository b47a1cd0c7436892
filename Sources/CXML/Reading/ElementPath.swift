/// The path of the element being read, such as `cXML/Request/OrderRequest/ItemOut[2]/ItemID`.
///
/// Each name carries its position among the same-named children of its parent when that
/// position is 2 or more. The text is kept up to date as elements start and end, so that
/// an event takes it without rebuilding it.
struct ElementPath {
    private struct Frame {
        /// The length of ``text`` before this element's name was added, in UTF-8 bytes.
        var start: Int
        /// How many children of each name this element has had so far.
        var children: [String: Int] = [:]
    }

    /// The frame of the document node, then one per open element.
    private var frames = [Frame(start: 0)]
    private(set) var text = ""

    /// The number of open elements.
    var depth: Int { self.frames.count - 1 }

    /// Enters a child element of the current one.
    mutating func push(_ name: String) {
        let position = self.frames[self.frames.count - 1].children[name, default: 0] + 1
        self.frames[self.frames.count - 1].children[name] = position
        let start = self.text.utf8.count
        if start > 0 { self.text += "/" }
        self.text += name
        if position > 1 { self.text += "[\(position)]" }
        self.frames.append(Frame(start: start))
    }

    /// Leaves the current element.
    mutating func pop() {
        guard self.frames.count > 1, let frame = self.frames.popLast() else { return }
        let end = self.text.utf8.index(self.text.utf8.startIndex, offsetBy: frame.start)
        self.text.removeSubrange(end...)
    }
}
