/// One component of a composite data element: a simple element at a position, with its usage.
public struct X12ComponentReference: Hashable, Sendable {
    /// The 1-based position inside the composite (`2` for `C001-02`).
    public var position: Int
    /// Whether the component must be present when the composite is.
    public var usage: X12Usage
    /// The simple element found at this position.
    public var element: X12ElementSchema

    /// Creates a component reference.
    ///
    /// - Parameters:
    ///   - position: The 1-based position.
    ///   - usage: The component's usage.
    ///   - element: The element definition.
    public init(position: Int, usage: X12Usage, element: X12ElementSchema) {
        self.position = position
        self.usage = usage
        self.element = element
    }
}
