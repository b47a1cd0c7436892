/// One entry of a transaction set's (or a loop's) structure: a segment or a nested loop.
public enum X12StructureEntry: Hashable, Sendable {
    /// A segment at this place.
    case segment(X12SegmentReference)
    /// A loop at this place.
    case loop(X12LoopSchema)

    /// The segment id, or the loop's trigger segment id.
    public var triggerID: String {
        switch self {
        case .segment(let reference): reference.id
        case .loop(let loop): loop.trigger.id
        }
    }

    /// The usage of the segment or loop.
    public var usage: X12Usage {
        switch self {
        case .segment(let reference): reference.usage
        case .loop(let loop): loop.usage
        }
    }
}
