/// A position in a cXML document: line and column, and the path of the element it is in.
public struct CXMLLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path, as text or as the reader's shared node (whose text is built when asked for).
    private enum Path: Sendable {
        case text(String)
        case node(PathNode?)
    }

    /// The line, from 1.
    public var line: Int
    /// The column in characters, from 1.
    public var column: Int
    private var storedPath: Path

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - line: The line, from 1.
    ///   - column: The column in characters, from 1.
    ///   - path: The element path.
    public init(line: Int, column: Int, path: String) {
        self.line = line
        self.column = column
        self.storedPath = .text(path)
    }

    /// A location inside the element `node` (none: before the root element).
    init(line: Int, column: Int, node: PathNode?) {
        self.line = line
        self.column = column
        self.storedPath = .node(node)
    }

    /// The element path, such as `cXML/Request/OrderRequest/ItemOut[2]/ItemID`: names from the
    /// root, with the position among same-named siblings when it is 2 or more. Empty before
    /// the root element.
    ///
    /// - Complexity: O(*d*) in the depth of the element, for a location the reader made.
    public var path: String {
        get {
            switch self.storedPath {
            case .text(let text): text
            case .node(let node): node?.path ?? ""
            }
        }
        set { self.storedPath = .text(newValue) }
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.line == right.line && left.column == right.column && left.path == right.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.line)
        hasher.combine(self.column)
        hasher.combine(self.path)
    }

    /// `line 3, column 7 (cXML/Header)`, without the parentheses before the root.
    public var description: String {
        let path = self.path
        if path.isEmpty { return "line \(self.line), column \(self.column)" }
        return "line \(self.line), column \(self.column) (\(path))"
    }
}
