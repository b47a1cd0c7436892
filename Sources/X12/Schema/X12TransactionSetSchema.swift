/// The structure of one transaction set in one X12 version, e.g. the 004010 850.
public struct X12TransactionSetSchema: Hashable, Sendable {
    /// The transaction set identifier (ST01), e.g. `"850"`.
    public var id: String
    /// The standard's name, e.g. "Purchase Order".
    public var name: String
    /// The functional identifier code (GS01) of groups that carry this set, e.g. `"PO"`.
    public var functionalGroup: String
    /// The segments and loops in standard order, from `ST` to `SE`; header, detail and summary
    /// areas follow one another without markers.
    public var structure: [X12StructureEntry]

    /// Creates a transaction-set structure.
    ///
    /// - Parameters:
    ///   - id: The transaction set identifier.
    ///   - name: The standard's name.
    ///   - functionalGroup: The GS01 code.
    ///   - structure: The entries in standard order.
    public init(id: String, name: String, functionalGroup: String, structure: [X12StructureEntry]) {
        self.id = id
        self.name = name
        self.functionalGroup = functionalGroup
        self.structure = structure
    }
}
