import Foundation
import Gateway
import PorterTestSupport
import Store
import Synchronization

/// The repository's root (Fixtures/, Mappings/).
let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A gateway on a fresh temporary workspace with a copy of the repository's `Mappings/` (an HTTP partner's URL
/// rewritten to a local server when given) and a real SQLite store.
final class TestGateway {
    let root: URL
    let configuration: GatewayConfiguration
    let runtime: GatewayRuntime

    /// - Parameter configure: Changes to the test configuration (retries without delay, at most 3 attempts).
    init(
        copperleafURL: String? = nil, store: (any GatewayStore)? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }, configure: (inout GatewayConfiguration) -> Void = { _ in }
    ) throws {
        self.root = FileManager.default.temporaryDirectory.appending(path: "porter-gateway-\(UUID().uuidString)")
        let mappings = self.root.appending(path: "mappings")
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appending(path: "Mappings"), to: mappings)
        if let copperleafURL {
            let profile = mappings.appending(path: "copperleaf-office/partner.yaml")
            let text = try String(contentsOf: profile, encoding: .utf8)
                .replacingOccurrences(of: "https://punchout.copperleaf.example/cxml/orders", with: copperleafURL)
            try text.write(to: profile, atomically: true, encoding: .utf8)
        }
        var configuration = GatewayConfiguration.defaults(
            workspace: self.root.appending(path: "workspace").path, mappings: mappings.path)
        configuration.delivery.retry.initialDelaySeconds = 0
        configuration.delivery.retry.maxDelaySeconds = 0
        configuration.delivery.retry.maxAttempts = 3
        configure(&configuration)
        self.configuration = configuration
        self.runtime = try GatewayRuntime(configuration: configuration, store: store, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: self.root) }

    var workspace: Workspace { self.runtime.workspace }
    var store: any GatewayStore { self.runtime.store }

    /// Writes a file into the inbox (under a dot-name first, then renamed, as a careful sender does).
    func drop(_ bytes: Data, as name: String, folder: String? = nil) throws {
        let directory = URL(filePath: self.workspace.inbox).appending(path: folder ?? "")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appending(path: ".\(name).tmp")
        try bytes.write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: directory.appending(path: name))
    }

    /// Drops a repository file (path relative to the repository root).
    func drop(fixture: String, as name: String? = nil, folder: String? = nil) throws {
        let data = try Data(contentsOf: repositoryRoot.appending(path: fixture))
        try self.drop(data, as: name ?? URL(filePath: fixture).lastPathComponent, folder: folder)
    }

    /// Processes the inbox and delivers until nothing is due.
    @discardableResult
    func runOnce() async throws -> [FileProcessor.Result] {
        let results = await self.runtime.processInbox()
        try await self.runtime.deliverUntilIdle()
        return results
    }

    /// Regular files under a workspace folder, relative to it, sorted.
    func files(in folder: String) -> [String] {
        TestMappings.regularFiles(under: self.workspace.root + "/" + folder)
    }

    func contents(_ relativePath: String) throws -> String {
        try String(contentsOfFile: self.workspace.root + "/" + relativePath, encoding: .utf8)
    }
}

/// The retail 850 our ERP sends (`Fixtures/x12/850/004010-retail-sdq.edi`), numbered: its own ISA13, GS06 and
/// purchase order number (`BO-<number>`), so each copy is a new interchange and a new order.
func retailOrder(number: Int) throws -> Data {
    let template = try String(
        contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"), encoding: .utf8)
    let isa13 = String(format: "%09d", number)
    return Data(
        template
            .replacingOccurrences(of: "000004172", with: isa13)
            .replacingOccurrences(of: "*4172*", with: "*\(number)*")
            .replacingOccurrences(of: "GE*1*4172~", with: "GE*1*\(number)~")
            .replacingOccurrences(of: "BO-7734210", with: "BO-\(number)")
            .utf8)
}

/// Waits until `condition` holds, checking every `interval`, for at most `timeout`; returns whether it held.
/// (A deadline for a condition, never a timing assertion.)
func eventually(
    timeout: Duration = .seconds(20), interval: Duration = .milliseconds(20), _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return try await condition()
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let now: Mutex<Date>

    init(_ start: Date = Date()) { self.now = Mutex(start) }

    /// The time now.
    func read() -> Date { self.now.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) { self.now.withLock { $0 += seconds } }
}
