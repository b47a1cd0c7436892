public import Orders

/// What a partner requires, omits or wants in its own way, applied to outbound documents.
public struct PartnerDefaults: Hashable, Sendable {
    /// How an order change is sent.
    public enum ChangeStyle: String, Hashable, Sendable {
        /// X12 860 with only what changed.
        case deltas
        /// cXML `OrderRequest` `type="update"` restating the whole order.
        case restatement
    }

    /// A field set to a constant value.
    public struct Constant: Hashable, Sendable {
        public var field: DocumentField
        public var value: String

        public init(field: DocumentField, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// References added to an order that has none of the qualifier (REF*IA vendor number...).
    public var references: [Reference]
    /// Reference qualifiers removed.
    public var omitReferences: [ReferenceQualifier]
    /// The kind the vendor part number is sent as (`vendorItem`: VN instead of VP).
    public var vendorPartAs: ItemIdentifierKind?
    /// Item identifier kinds removed from every line.
    public var omitItemIdentifiers: [ItemIdentifierKind]
    /// Fields set to a constant.
    public var constants: [Constant]
    /// The date format the partner writes (`CCYYMMDD` or `YYMMDD`), as stated; the X12 codecs write CCYYMMDD.
    public var dateFormat: String?
    public var changes: ChangeStyle?

    public init(
        references: [Reference] = [], omitReferences: [ReferenceQualifier] = [],
        vendorPartAs: ItemIdentifierKind? = nil, omitItemIdentifiers: [ItemIdentifierKind] = [],
        constants: [Constant] = [], dateFormat: String? = nil,
        changes: ChangeStyle? = nil
    ) {
        self.references = references
        self.omitReferences = omitReferences
        self.vendorPartAs = vendorPartAs
        self.omitItemIdentifiers = omitItemIdentifiers
        self.constants = constants
        self.dateFormat = dateFormat
        self.changes = changes
    }
}
