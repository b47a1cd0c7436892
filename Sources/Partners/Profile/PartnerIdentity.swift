/// How a partner is recognised: its X12 interchange id, its cXML credential, and the ids orders name it by.
public struct PartnerIdentity: Hashable, Sendable {
    /// An X12 interchange identity (ISA05/06 or ISA07/08) and its GS application code.
    public struct X12: Hashable, Sendable {
        public var qualifier: String
        public var id: String
        public var applicationCode: String?

        public init(qualifier: String, id: String, applicationCode: String? = nil) {
            self.qualifier = qualifier
            self.id = id
            self.applicationCode = applicationCode
        }
    }

    /// Where a secret is read from. The secret itself is never in a profile, never printed, never logged.
    public enum SecretSource: Hashable, Sendable, CustomStringConvertible {
        case environment(String)
        case file(String)

        public var description: String {
            switch self {
            case .environment(let name): "environment variable \(name)"
            case .file(let path): "file \(path)"
            }
        }
    }

    /// A cXML credential (`From`/`To`), and where the shared secret comes from.
    public struct CXML: Hashable, Sendable {
        public var domain: String
        public var identity: String
        public var sharedSecret: SecretSource?

        public init(domain: String, identity: String, sharedSecret: SecretSource? = nil) {
            self.domain = domain
            self.identity = identity
            self.sharedSecret = sharedSecret
        }
    }

    public var x12: X12?
    public var cxml: CXML?
    /// Identifiers by which orders name this partner: N1 vendor ids, line-level supplier ids.
    public var partyIDs: [String]

    public init(x12: X12? = nil, cxml: CXML? = nil, partyIDs: [String] = []) {
        self.x12 = x12
        self.cxml = cxml
        self.partyIDs = partyIDs
    }
}
