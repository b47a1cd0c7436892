public import Orders

/// A trading partner: who it is, how each document type is exchanged with it, and how it differs from the
/// standard X12 and cXML mappings (code lists, item cross-reference, defaults, accuracy rules).
///
/// Read from `Mappings/<partner>/partner.yaml` by ``MappingsLoader``.
public struct PartnerProfile: Sendable {
    /// Our role toward the partner.
    public enum Role: String, Hashable, Sendable {
        /// A supplier: we send it orders and changes; it sends acknowledgments and ship notices.
        case weBuyFromThem
        /// A customer: it sends us orders.
        case theyBuyFromUs
        /// One of our own systems (finance, operations), which receives copies.
        case `internal`
    }

    /// The partner's id: the name of its folder (`tidewater-kitchenworks`).
    public var id: String
    /// The display name.
    public var name: String
    public var role: Role
    public var identity: PartnerIdentity
    /// Per document type, how it is exchanged in each direction.
    public var documents: [BusinessDocument.Kind: DocumentExchange]
    /// The partner's code lists, in the order the profile lists them.
    public var codeLists: [CodeList]
    public var itemCrossReference: ItemCrossReference?
    /// Item prices for the price rule.
    public var priceList: [String: DecimalNumber]
    /// Blanket orders' remaining quantities for the blanket-release rule: blanket number, then item.
    public var blanketBalances: [String: [String: DecimalNumber]]
    public var defaults: PartnerDefaults
    public var rules: AccuracyRules
    /// How long to wait for acknowledgments and confirmations before alerting.
    public var tracking: TrackingSettings
    /// The profile file.
    public var location: MappingsLocation

    public init(
        id: String, name: String, role: Role, identity: PartnerIdentity = PartnerIdentity(),
        documents: [BusinessDocument.Kind: DocumentExchange] = [:], codeLists: [CodeList] = [],
        itemCrossReference: ItemCrossReference? = nil, priceList: [String: DecimalNumber] = [:],
        blanketBalances: [String: [String: DecimalNumber]] = [:], defaults: PartnerDefaults = PartnerDefaults(),
        rules: AccuracyRules = AccuracyRules(), tracking: TrackingSettings = TrackingSettings(),
        location: MappingsLocation
    ) {
        self.tracking = tracking
        self.id = id
        self.name = name
        self.role = role
        self.identity = identity
        self.documents = documents
        self.codeLists = codeLists
        self.itemCrossReference = itemCrossReference
        self.priceList = priceList
        self.blanketBalances = blanketBalances
        self.defaults = defaults
        self.rules = rules
        self.location = location
    }
}
