/// A loop of a transaction-set structure: a group of segments and nested loops that repeats
/// as a whole and begins with its trigger segment.
///
/// A loop's ``id`` is the id of its trigger (`N1` loop, `PO1` loop), as in AK303/IK303.
public struct X12LoopSchema: Hashable, Sendable {
    /// The loop identifier, e.g. `"N1"`.
    public var id: String
    /// Whether the loop must occur at least once.
    public var usage: X12Usage
    /// How many times the loop may repeat (`999999` stands for ">1").
    public var maximumRepeat: Int
    /// `true` for the 856 `HL` loop, whose nesting is given by HL01/HL02 rather than by position.
    public var hierarchical: Bool
    /// The loop's content in order; the first entry is always ``trigger``.
    public private(set) var body: [X12StructureEntry]

    /// Creates a loop.
    ///
    /// - Parameters:
    ///   - id: The loop identifier.
    ///   - usage: The loop's usage.
    ///   - maximumRepeat: The maximum number of repetitions.
    ///   - hierarchical: Whether this is an `HL` loop.
    ///   - trigger: The segment that begins each repetition.
    ///   - following: The segments and loops after the trigger, in order.
    public init(
        id: String, usage: X12Usage, maximumRepeat: Int, hierarchical: Bool = false, trigger: X12SegmentReference,
        following: [X12StructureEntry]
    ) {
        self.id = id
        self.usage = usage
        self.maximumRepeat = maximumRepeat
        self.hierarchical = hierarchical
        self.trigger = trigger
        self.body = [.segment(trigger)] + following
    }

    /// The segment that begins each repetition of the loop (also ``body``'s first entry).
    public let trigger: X12SegmentReference
}
