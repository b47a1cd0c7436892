/// The definition of a segment of one X12 version: its elements in position order and its
/// syntax notes.
public struct X12SegmentSchema: Hashable, Sendable {
    /// The segment identifier, e.g. `"BEG"`.
    public var id: String
    /// The dictionary name, e.g. "Beginning Segment for Purchase Order".
    public var name: String
    /// The element positions in order; ``X12ElementReference/position`` is the index + 1.
    public var elements: [X12ElementReference]
    /// Relational conditions between elements, with element positions.
    public var syntaxNotes: [X12SyntaxNote]
    /// `true` when the element detail was written from general knowledge of the standard
    /// rather than checked against the dictionary (`"detail": "assumed"` in the data): element
    /// numbers and lengths may be wrong, so findings about them deserve less weight.
    public var detailAssumed: Bool

    /// Creates a segment definition.
    ///
    /// - Parameters:
    ///   - id: The segment identifier.
    ///   - name: The dictionary name.
    ///   - elements: The element positions in order.
    ///   - syntaxNotes: The segment's syntax notes.
    ///   - detailAssumed: Whether the detail is unverified.
    public init(
        id: String, name: String, elements: [X12ElementReference], syntaxNotes: [X12SyntaxNote] = [],
        detailAssumed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.elements = elements
        self.syntaxNotes = syntaxNotes
        self.detailAssumed = detailAssumed
    }

    /// The element at a 1-based position.
    ///
    /// - Parameter position: `1` for the first element.
    /// - Returns: `nil` past the last defined element.
    /// - Complexity: O(1).
    public func element(at position: Int) -> X12ElementReference? {
        self.elements.indices.contains(position - 1) ? self.elements[position - 1] : nil
    }
}
