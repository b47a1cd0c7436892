import Foundation
internal import Yams

extension GatewayConfiguration {
    /// Reads `porter.yaml` at `path`.
    ///
    /// The schema is closed: an unknown key is an error at its line and column, with the closest known key as a
    /// hint; a value of the wrong type or out of range is an error at the value. Absent keys take their defaults.
    /// Relative paths are resolved against the folder holding the file; the store defaults to `porter.sqlite` in
    /// the workspace and `mappings` to `Mappings` beside the file. An empty file is every default.
    public static func load(path: String) throws(GatewayConfigurationError) -> GatewayConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GatewayConfigurationError(
                .unreadableFile, "cannot read the configuration: \(Self.reason(error, path: path))", file: path)
        }
        let folder = FilePaths.folder(of: path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw Self.syntaxError(error, file: path)
        }
        guard let node else {
            return GatewayConfiguration.defaults(
                workspace: FilePaths.absolute("porter-data", relativeTo: folder),
                mappings: FilePaths.absolute("Mappings", relativeTo: folder))
        }
        let top = try ConfigurationSection(node, path: "", keys: Keys.top, file: path)
        if let version = try top.integer("version", atLeast: 1), version != 1 {
            throw top.invalid("version", "this Porter reads version 1 of porter.yaml, not \(version)")
        }
        let workspace = FilePaths.absolute(try top.text("workspace") ?? "porter-data", relativeTo: folder)
        var configuration = GatewayConfiguration(
            workspace: workspace,
            mappings: FilePaths.absolute(try top.text("mappings") ?? "Mappings", relativeTo: folder),
            store: .defaultSQLite(workspace: workspace))
        if let store = try top.section("store", keys: Keys.store) {
            _ = try store.choice("kind", among: ["sqlite"])
            if let file = try store.text("path") {
                configuration.store = .sqlite(path: FilePaths.absolute(file, relativeTo: folder))
            }
        }
        if let delivery = try top.section("delivery", keys: Keys.delivery) {
            configuration.delivery = try Self.delivery(delivery)
        }
        if let intake = try top.section("intake", keys: Keys.intake) {
            let defaults = IntakeSettings()
            configuration.intake = IntakeSettings(
                poll: try intake.boolean("poll") ?? defaults.poll,
                pollIntervalSeconds: try intake.number("pollIntervalSeconds", positive: true)
                    ?? defaults.pollIntervalSeconds,
                rescanIntervalSeconds: try intake.number("rescanIntervalSeconds", positive: true)
                    ?? defaults.rescanIntervalSeconds,
                stableForSeconds: try intake.number("stableForSeconds") ?? defaults.stableForSeconds,
                batchSize: try intake.integer("batchSize", atLeast: 1) ?? defaults.batchSize)
        }
        if let identity = try top.section("identity", keys: Keys.identity) {
            configuration.identity = try Self.identity(identity)
        }
        if let retention = try top.section("retention", keys: Keys.retention) {
            let defaults = RetentionSettings()
            configuration.retention = RetentionSettings(
                archiveDays: try retention.integer("archiveDays", atLeast: 1) ?? defaults.archiveDays,
                historyDays: try retention.integer("historyDays", atLeast: 1) ?? defaults.historyDays)
        }
        if let listener = try top.section("listener", keys: Keys.listener) {
            configuration.listener = try Self.listener(listener)
        }
        return configuration
    }

    private static func listener(_ section: ConfigurationSection) throws(GatewayConfigurationError)
        -> ListenerSettings
    {
        var settings = ListenerSettings()
        if let listen = try section.text("listen") {
            guard let (host, port) = ListenerSettings.parseAddress(listen) else {
                throw section.invalid(
                    "listen", "`listener.listen` must be HOST:PORT (such as 127.0.0.1:8080), not \"\(listen)\"")
            }
            (settings.host, settings.port) = (host, port)
        }
        settings.maxBodyBytes = try section.integer("maxBodyBytes", atLeast: 1) ?? settings.maxBodyBytes
        return settings
    }

    private static func delivery(_ section: ConfigurationSection) throws(GatewayConfigurationError)
        -> DeliverySettings
    {
        let defaults = DeliverySettings()
        var retry = defaults.retry
        if let section = try section.section("retry", keys: Keys.retry) {
            retry = RetrySettings(
                maxAttempts: try section.integer("maxAttempts", atLeast: 1) ?? retry.maxAttempts,
                initialDelaySeconds: try section.number("initialDelaySeconds", positive: true)
                    ?? retry.initialDelaySeconds,
                maxDelaySeconds: try section.number("maxDelaySeconds", positive: true) ?? retry.maxDelaySeconds,
                jitter: try section.number("jitter", in: 0...1) ?? retry.jitter)
            guard retry.maxDelaySeconds >= retry.initialDelaySeconds else {
                throw section.invalid(
                    "maxDelaySeconds",
                    "`delivery.retry.maxDelaySeconds` (\(retry.maxDelaySeconds)) is shorter than "
                        + "`initialDelaySeconds` (\(retry.initialDelaySeconds))")
            }
        }
        return DeliverySettings(
            concurrency: try section.integer("concurrency", atLeast: 1) ?? defaults.concurrency, retry: retry,
            leaseSeconds: try section.number("leaseSeconds", positive: true) ?? defaults.leaseSeconds)
    }

    private static func identity(_ section: ConfigurationSection) throws(GatewayConfigurationError)
        -> GatewayIdentity
    {
        var identity = GatewayIdentity()
        if let x12 = try section.section("x12", keys: Keys.x12Identity) {
            identity.x12Qualifier = try x12.text("qualifier") ?? identity.x12Qualifier
            identity.x12ID = try x12.text("id") ?? identity.x12ID
            identity.applicationCode = try x12.text("applicationCode")
            guard (1...2).contains(identity.x12Qualifier.count), (1...15).contains(identity.x12ID.count) else {
                throw x12.invalid(
                    "id", "`identity.x12` needs a qualifier of 1-2 characters and an id of 1-15 (ISA05/ISA06)")
            }
        }
        if let cxml = try section.section("cxml", keys: Keys.cxmlIdentity) {
            identity.cxmlDomain = try cxml.text("domain") ?? identity.cxmlDomain
            identity.cxmlIdentity = try cxml.text("identity") ?? identity.cxmlIdentity
        }
        return identity
    }

    /// The keys each section allows, in the order the README documents them.
    private enum Keys {
        static let top = [
            "version", "workspace", "mappings", "identity", "store", "delivery", "intake", "retention", "listener",
        ]
        static let identity = ["x12", "cxml"]
        static let x12Identity = ["qualifier", "id", "applicationCode"]
        static let cxmlIdentity = ["domain", "identity"]
        static let store = ["kind", "path"]
        static let delivery = ["concurrency", "retry", "leaseSeconds"]
        static let retry = ["maxAttempts", "initialDelaySeconds", "maxDelaySeconds", "jitter"]
        static let intake = ["poll", "pollIntervalSeconds", "rescanIntervalSeconds", "stableForSeconds", "batchSize"]
        static let retention = ["archiveDays", "historyDays"]
        static let listener = ["listen", "maxBodyBytes"]
    }

    /// Why a file could not be read, in words.
    private static func reason(_ error: any Error, path: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) { return "no such file" }
        if isFolder.boolValue { return "it is a folder" }
        return (error as NSError).localizedDescription
    }

    private static func syntaxError(_ error: any Error, file: String) -> GatewayConfigurationError {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return GatewayConfigurationError(
                .notYAML, "not valid YAML: \(problem)", file: file, line: mark.line, column: mark.column)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return GatewayConfigurationError(
                .invalidValue, "a key is given twice: " + duplicates.joined(separator: ", "), file: file,
                line: context.mark.line, column: context.mark.column)
        default:
            return GatewayConfigurationError(.notYAML, "not valid YAML: \(error)", file: file)
        }
    }
}
