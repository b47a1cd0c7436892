/// The definition of a composite data element, such as `C001` (composite unit of measure).
public struct X12CompositeSchema: Hashable, Sendable {
    /// The composite's identifier, e.g. `"C001"`.
    public var id: String
    /// The dictionary name.
    public var name: String
    /// The components in position order; ``X12ComponentReference/position`` is the index + 1.
    public var components: [X12ComponentReference]
    /// Relational conditions between components, with component positions.
    public var syntaxNotes: [X12SyntaxNote]

    /// Creates a composite definition.
    ///
    /// - Parameters:
    ///   - id: The composite's identifier.
    ///   - name: The dictionary name.
    ///   - components: The components in position order.
    ///   - syntaxNotes: The composite's syntax notes.
    public init(id: String, name: String, components: [X12ComponentReference], syntaxNotes: [X12SyntaxNote] = []) {
        self.id = id
        self.name = name
        self.components = components
        self.syntaxNotes = syntaxNotes
    }
}
