/// How `porter run` is set up: where its workspace and mappings are, which store it uses, how it delivers, how it
/// watches the inbox and how long it keeps what it has done.
///
/// Read from `porter.yaml` with ``load(path:)`` (a closed schema: every key is known, every value checked), or made
/// with ``defaults(workspace:mappings:)`` when there is no file. Paths are absolute once loaded.
public struct GatewayConfiguration: Hashable, Sendable {
    /// The workspace root, holding `inbox/`, `outbox/`, `archive/`, `error/`, `quarantine/` and `work/`.
    public var workspace: String
    /// The `Mappings/` folder with the partner profiles.
    public var mappings: String
    /// Where the tracking store and the distribution queue live.
    public var store: StoreSettings
    /// How outbound documents are delivered and retried.
    public var delivery: DeliverySettings
    /// How the inbox is watched and read.
    public var intake: IntakeSettings
    /// How long archive files and store history are kept.
    public var retention: RetentionSettings
    /// Who Porter is toward partners: the ISA/GS sender and the cXML `From` of what it writes.
    public var identity: GatewayIdentity = GatewayIdentity()
    /// The inbound cXML listener (`POST /cxml`); `nil`, the default, opens no port.
    public var listener: ListenerSettings?

    public init(
        workspace: String, mappings: String, store: StoreSettings, delivery: DeliverySettings = DeliverySettings(),
        intake: IntakeSettings = IntakeSettings(), retention: RetentionSettings = RetentionSettings()
    ) {
        self.workspace = workspace
        self.mappings = mappings
        self.store = store
        self.delivery = delivery
        self.intake = intake
        self.retention = retention
    }

    /// The configuration used when there is no `porter.yaml`: every default, with `workspace` and `mappings` made
    /// absolute against the current directory and the store a SQLite file inside the workspace.
    public static func defaults(workspace: String = "./porter-data", mappings: String) -> GatewayConfiguration {
        let directory = FilePaths.currentDirectory()
        let root = FilePaths.absolute(workspace, relativeTo: directory)
        return GatewayConfiguration(
            workspace: root, mappings: FilePaths.absolute(mappings, relativeTo: directory),
            store: .defaultSQLite(workspace: root))
    }

    /// The folder layout of ``workspace``.
    public var workspaceLayout: Workspace { Workspace(root: self.workspace) }
}
