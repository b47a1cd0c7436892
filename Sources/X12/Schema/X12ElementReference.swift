/// One element position of a segment: the simple or composite element found there, and
/// whether it must be present.
public struct X12ElementReference: Hashable, Sendable {
    /// What occupies an element position.
    public enum Kind: Hashable, Sendable {
        /// A simple data element.
        case simple(X12ElementSchema)
        /// A composite data element, whose components are separated by ISA16.
        case composite(X12CompositeSchema)
    }

    /// The 1-based position in the segment (`3` for `BEG03`).
    public var position: Int
    /// Whether the element must be present.
    public var usage: X12Usage
    /// The element definition, already resolved from the schema's dictionary.
    public var kind: Kind
    /// How many times the element may repeat (separated by ISA11 from 00402 on); `1` for an
    /// element that does not repeat.
    public var maximumRepeat: Int

    /// Creates an element reference.
    ///
    /// - Parameters:
    ///   - position: The 1-based position.
    ///   - usage: The element's usage.
    ///   - kind: The simple or composite definition.
    ///   - maximumRepeat: The maximum number of repetitions; `1` when it does not repeat.
    public init(position: Int, usage: X12Usage, kind: Kind, maximumRepeat: Int = 1) {
        self.position = position
        self.usage = usage
        self.kind = kind
        self.maximumRepeat = maximumRepeat
    }

    /// The element reference number (`"353"`) or the composite identifier (`"C001"`).
    public var id: String {
        switch self.kind {
        case .simple(let element): element.id
        case .composite(let composite): composite.id
        }
    }
}
