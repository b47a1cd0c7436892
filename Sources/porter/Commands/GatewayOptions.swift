import ArgumentParser
import Foundation
import Gateway
import Store

/// The options every gateway command shares: where the configuration is.
struct GatewayOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help:
            "The gateway configuration (porter.yaml). Default: ./porter.yaml when it exists, else the workspace ./porter-data with the Mappings folder here (or, without one, the example mappings carried with Porter)."
    )
    var configuration: String?

    /// The configuration: the file given, ./porter.yaml, or the defaults.
    func load() throws -> GatewayConfiguration {
        if let path = self.configuration {
            return try self.loadFile(path)
        }
        if FileManager.default.fileExists(atPath: "porter.yaml") { return try self.loadFile("porter.yaml") }
        // No ./Mappings here: the example mappings carried with Porter.
        let mappings = FileManager.default.fileExists(atPath: "Mappings") ? "Mappings" : BundledSamples.mappings
        return GatewayConfiguration.defaults(workspace: "./porter-data", mappings: mappings)
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

/// Runs a store read for a report; a store failure is printed and exits 2 (could not run).
func reporting<T>(_ body: () async throws(StoreError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        printError("porter: \(error)")
        throw PorterExit.couldNotRun
    }
}

/// An ISO 8601 text for a date, in UTC with seconds.
func timestamp(_ date: Date?) -> String {
    guard let date else { return "-" }
    return date.formatted(.iso8601)
}
