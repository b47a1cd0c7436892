/// A place in a `Mappings/` file: the file as given to the loader, a line and a column (both from 1).
public struct MappingsLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, as the loader was given it (relative to the folder checked when loaded from one).
    public var file: String
    /// The line, from 1; 0 when the problem is the file as a whole.
    public var line: Int
    /// The column, from 1 (counted in Unicode scalars, as libyaml does); 0 with `line` 0.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or just `file` for the file as a whole.
    public var description: String { self.line == 0 ? self.file : "\(self.file):\(self.line):\(self.column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
