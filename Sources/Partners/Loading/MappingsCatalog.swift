/// Everything loaded from a `Mappings/` folder: the partner profiles, the routes, and every problem found.
public struct MappingsCatalog: Sendable {
    /// The folder, as given.
    public var directory: String
    /// The profiles that loaded, by partner id (a profile with problems is still here when it could be read).
    public var profiles: [String: PartnerProfile]
    public var routing: RoutingTable?
    /// The YAML files checked, as findings name them, in order.
    public var files: [String]
    /// Every problem, in file, line and column order.
    public var findings: [MappingsFinding]

    public init(
        directory: String, profiles: [String: PartnerProfile] = [:], routing: RoutingTable? = nil, files: [String] = [],
        findings: [MappingsFinding] = []
    ) {
        self.directory = directory
        self.profiles = profiles
        self.routing = routing
        self.files = files
        self.findings = findings
    }

    /// The profile a document addressed to `identity` belongs to: by X12 id, cXML identity or party id.
    public func partner(identifiedBy identity: String) -> PartnerProfile? {
        self.profiles.values.sorted { $0.id < $1.id }.first { profile in
            profile.identity.x12?.id == identity || profile.identity.cxml?.identity == identity
                || profile.identity.partyIDs.contains(identity)
        }
    }
}
