/// Who Porter is toward trading partners: the ISA/GS sender of what it writes and the cXML `From` credential.
public struct GatewayIdentity: Hashable, Sendable {
    /// ISA05.
    public var x12Qualifier: String
    /// ISA06.
    public var x12ID: String
    /// GS02; `nil` uses ``x12ID``.
    public var applicationCode: String?
    /// The `From` credential's domain.
    public var cxmlDomain: String
    /// The `From` credential's identity.
    public var cxmlIdentity: String

    public init(
        x12Qualifier: String = "ZZ", x12ID: String = "PORTER", applicationCode: String? = nil,
        cxmlDomain: String = "NetworkID", cxmlIdentity: String = "PORTER"
    ) {
        self.x12Qualifier = x12Qualifier
        self.x12ID = x12ID
        self.applicationCode = applicationCode
        self.cxmlDomain = cxmlDomain
        self.cxmlIdentity = cxmlIdentity
    }
}
