/// A position in a cXML document: line and column, and the path of the element it is in.
public struct CXMLLocation: Hashable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in characters, from 1.
    public var column: Int
    /// The element path, such as `cXML/Request/OrderRequest/ItemOut[2]/ItemID`: names from the
    /// root, with the position among same-named siblings when it is 2 or more. Empty before
    /// the root element.
    public var path: String

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - line: The line, from 1.
    ///   - column: The column in characters, from 1.
    ///   - path: The element path.
    public init(line: Int, column: Int, path: String) {
        self.line = line
        self.column = column
        self.path = path
    }

    /// `line 3, column 7 (cXML/Header)`, without the parentheses before the root.
    public var description: String {
        if self.path.isEmpty { return "line \(self.line), column \(self.column)" }
        return "line \(self.line), column \(self.column) (\(self.path))"
    }
}
