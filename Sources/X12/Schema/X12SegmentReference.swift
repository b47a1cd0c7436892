/// A segment at one place of a transaction-set structure, with its usage and maximum use there.
///
/// The same segment (say `REF`) appears at many places, each with its own limits; the element
/// rules live in the schema's ``X12Schema/segments`` under ``id``.
public struct X12SegmentReference: Hashable, Sendable {
    /// The segment identifier, e.g. `"REF"`.
    public var id: String
    /// Whether the segment must appear at this place.
    public var usage: X12Usage
    /// How many times it may repeat here (`999999` stands for the standard's ">1").
    public var maximumUse: Int

    /// Creates a segment reference.
    ///
    /// - Parameters:
    ///   - id: The segment identifier.
    ///   - usage: `mandatory` or `optional`.
    ///   - maximumUse: The maximum number of consecutive occurrences.
    public init(id: String, usage: X12Usage, maximumUse: Int) {
        self.id = id
        self.usage = usage
        self.maximumUse = maximumUse
    }
}
