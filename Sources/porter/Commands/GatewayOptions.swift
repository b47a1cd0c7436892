import ArgumentParser
import Foundation
import Gateway
import Store

/// The options every gateway command shares: where the configuration is.
struct GatewayOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help:
            "The gateway configuration (porter.yaml). Default: ./porter.yaml when it exists, else the workspace ./porter-data with the Mappings folder here."
    )
    var configuration: String?

    /// The configuration: the file given, ./porter.yaml, or the defaults.
    func load() throws -> GatewayConfiguration {
        if let path = self.configuration {
            return try self.loadFile(path)
        }
        if FileManager.default.fileExists(atPath: "porter.yaml") { return try self.loadFile("porter.yaml") }
        return GatewayConfiguration.defaults(workspace: "./porter-data", mappings: "Mappings")
    }

    private func loadFile(_ path: String) throws -> GatewayConfiguration {
        do {
            return try GatewayConfiguration.load(path: path)
        } catch {
            printError("porter: \(error)")
            throw PorterExit.couldNotRun
        }
    }

    /// The store of the configuration, opened (migrated when new).
    func openStore() throws -> any GatewayStore {
        let configuration = try self.load()
        do {
            try Workspace(root: configuration.workspace).create()
            return try GatewayRuntime.openStore(configuration)
        } catch {
            printError("porter: \(error)")
            throw PorterExit.couldNotRun
        }
    }
}

/// An ISO 8601 text for a date, in UTC with seconds.
func timestamp(_ date: Date?) -> String {
    guard let date else { return "-" }
    return date.formatted(.iso8601)
}
