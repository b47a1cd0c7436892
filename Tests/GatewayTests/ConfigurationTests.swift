import Foundation
import Testing

@testable import Gateway

@Suite("porter.yaml")
struct ConfigurationTests {
    @Test func everyKeyIsRead() throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write(
            "config/porter.yaml",
            """
            version: 1
            workspace: ../data
            mappings: /opt/porter/Mappings
            store:
              kind: sqlite
              path: state/porter.db
            delivery:
              concurrency: 2
              leaseSeconds: 120
              retry:
                maxAttempts: 5
                initialDelaySeconds: 10
                maxDelaySeconds: 600
                jitter: 0.1
            intake:
              poll: true
              pollIntervalSeconds: 0.5
              rescanIntervalSeconds: 30
              stableForSeconds: 2
              batchSize: 16
            retention:
              archiveDays: 30
              historyDays: 180
            listener:
              listen: "0.0.0.0:9090"
              maxBodyBytes: 1048576
            """)
        let configuration = try GatewayConfiguration.load(path: file)
        #expect(configuration.workspace == scratch.path + "/data")
        #expect(configuration.mappings == "/opt/porter/Mappings")
        #expect(configuration.store == .sqlite(path: scratch.path + "/config/state/porter.db"))
        #expect(
            configuration.delivery
                == DeliverySettings(
                    concurrency: 2,
                    retry: RetrySettings(maxAttempts: 5, initialDelaySeconds: 10, maxDelaySeconds: 600, jitter: 0.1),
                    leaseSeconds: 120))
        #expect(
            configuration.intake
                == IntakeSettings(
                    poll: true, pollIntervalSeconds: 0.5, rescanIntervalSeconds: 30, stableForSeconds: 2, batchSize: 16)
        )
        #expect(configuration.retention == RetentionSettings(archiveDays: 30, historyDays: 180))
        #expect(configuration.listener == ListenerSettings(host: "0.0.0.0", port: 9090, maxBodyBytes: 1_048_576))
        #expect(configuration.intake.pollInterval == .milliseconds(500))
        #expect(configuration.workspaceLayout.inbox == scratch.path + "/data/inbox")
    }

    @Test func absentKeysTakeTheirDefaults() throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write("porter.yaml", "# nothing but a comment\n")
        let configuration = try GatewayConfiguration.load(path: file)
        #expect(configuration.workspace == scratch.path + "/porter-data")
        #expect(configuration.mappings == scratch.path + "/Mappings")
        #expect(configuration.store == .sqlite(path: scratch.path + "/porter-data/porter.sqlite"))
        #expect(configuration.delivery == DeliverySettings())
        #expect(configuration.delivery.concurrency == 4)
        #expect(configuration.delivery.retry.maxAttempts == 8)
        #expect(configuration.delivery.retry.initialDelay == .seconds(30))
        #expect(configuration.delivery.retry.maxDelay == .seconds(3600))
        #expect(configuration.delivery.retry.jitter == 0.2)
        #expect(configuration.delivery.lease == .seconds(300))
        #expect(
            configuration.intake
                == IntakeSettings(
                    poll: false, pollIntervalSeconds: 2, rescanIntervalSeconds: 60, stableForSeconds: 1, batchSize: 64))
        #expect(configuration.retention == RetentionSettings(archiveDays: 90, historyDays: 365))
        #expect(configuration.listener == nil, "no listener section: no port is opened")

        let partial = try scratch.write("partial.yaml", "workspace: /srv/porter\ndelivery:\n  concurrency: 8\n")
        let loaded = try GatewayConfiguration.load(path: partial)
        #expect(loaded.store == .sqlite(path: "/srv/porter/porter.sqlite"))
        #expect(loaded.delivery == DeliverySettings(concurrency: 8))
    }

    @Test func defaultsWithoutAFileUseTheCurrentDirectory() {
        let configuration = GatewayConfiguration.defaults(mappings: "/opt/Mappings")
        let here = FileManager.default.currentDirectoryPath
        #expect(configuration.workspace == here + "/porter-data")
        #expect(configuration.mappings == "/opt/Mappings")
        #expect(configuration.store == .sqlite(path: here + "/porter-data/porter.sqlite"))
        #expect(configuration.intake == IntakeSettings())
        #expect(GatewayConfiguration.defaults(workspace: "/tmp/w", mappings: "M").workspace == "/tmp/w")
    }

    @Test func unknownKeyIsLocatedWithASuggestion() throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write("porter.yaml", "delivery:\n  concurrency: 2\n  rety:\n    maxAttempts: 3\n")
        let error = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: file) }
        #expect(error.code == .unknownKey)
        #expect((error.line, error.column) == (3, 3))
        #expect(error.hint == "did you mean \"retry\"?")
        #expect(error.description == "\(file):3:3: unknown key \"rety\" in `delivery` (did you mean \"retry\"?)")

        let top = try scratch.write("top.yaml", "workspace: w\nintak:\n  poll: true\n")
        let topError = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: top) }
        #expect(topError.location == "\(top):2:1")
        #expect(topError.hint == "did you mean \"intake\"?")

        let far = try scratch.write("far.yaml", "colour: blue\n")
        let farError = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: far) }
        #expect(farError.hint?.hasPrefix("expected one of: version, workspace, mappings") == true)
    }

    @Test(arguments: [
        ("intake:\n  poll: yes\n", 2, 9, "`intake.poll` must be true or false, not \"yes\""),
        ("delivery:\n  concurrency: four\n", 2, 16, "`delivery.concurrency` must be a whole number, not \"four\""),
        ("intake:\n  batchSize: 1.5\n", 2, 14, "`intake.batchSize` must be a whole number, not \"1.5\""),
        ("retention: 30\n", 1, 12, "`retention` must be a mapping, not \"30\""),
        ("workspace: [a, b]\n", 1, 12, "`workspace` must be text, not a list"),
        ("workspace:\n", 1, 11, "`workspace` must be text, not nothing"),
        ("- a\n- b\n", 1, 1, "the file must be a mapping, not a list"),
    ])
    func wrongTypeIsLocated(text: String, line: Int, column: Int, message: String) throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write("porter.yaml", text)
        let error = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: file) }
        #expect(error.code == .wrongType)
        #expect(error.message == message)
        #expect((error.line, error.column) == (line, column))
    }

    @Test(arguments: [
        ("delivery:\n  concurrency: 0\n", "`delivery.concurrency` must be at least 1, not 0"),
        ("delivery:\n  retry:\n    jitter: 1.5\n", "`delivery.retry.jitter` must be between 0 and 1, not 1.5"),
        ("intake:\n  pollIntervalSeconds: 0\n", "`intake.pollIntervalSeconds` must be greater than 0, not 0"),
        ("store:\n  kind: postgres\n", "`store.kind` cannot be \"postgres\""),
        ("version: 2\n", "this Porter reads version 1 of porter.yaml, not 2"),
        (
            "delivery:\n  retry:\n    initialDelaySeconds: 60\n    maxDelaySeconds: 30\n",
            "`delivery.retry.maxDelaySeconds` (30.0) is shorter than `initialDelaySeconds` (60.0)"
        ),
    ])
    func outOfRangeValueIsRefused(text: String, message: String) throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write("porter.yaml", text)
        let error = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: file) }
        #expect(error.code == .invalidValue)
        #expect(error.message == message)
        #expect(error.line > 0)
    }

    @Test func unreadableAndInvalidFilesAreErrors() throws {
        let scratch = try IntakeScratch()
        let missing = try #require(throws: GatewayConfigurationError.self) {
            try GatewayConfiguration.load(path: scratch.path + "/absent.yaml")
        }
        #expect(missing.code == .unreadableFile)
        #expect(missing.message == "cannot read the configuration: no such file")

        let broken = try scratch.write("broken.yaml", "delivery:\n  concurrency: [1\n")
        let error = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: broken) }
        #expect(error.code == .notYAML)
        #expect(error.line > 0)

        let twice = try scratch.write("twice.yaml", "workspace: a\nworkspace: b\n")
        let twiceError = try #require(throws: GatewayConfigurationError.self) {
            try GatewayConfiguration.load(path: twice)
        }
        #expect(twiceError.code == .invalidValue)
    }

    @Test func listenerTakesItsDefaults() throws {
        let scratch = try IntakeScratch()
        let empty = try GatewayConfiguration.load(path: try scratch.write("empty.yaml", "listener: {}\n"))
        #expect(empty.listener == ListenerSettings(host: "127.0.0.1", port: 8080, maxBodyBytes: 16 << 20))
        let ipv6 = try GatewayConfiguration.load(
            path: try scratch.write("v6.yaml", "listener:\n  listen: \"[::1]:0\"\n"))
        #expect(ipv6.listener?.host == "::1")
        #expect(ipv6.listener?.port == 0)
        #expect(ipv6.listener?.address == "[::1]:0")
    }

    @Test(arguments: [
        (
            "listener:\n  listen: localhost\n",
            "`listener.listen` must be HOST:PORT (such as 127.0.0.1:8080), not \"localhost\""
        ),
        (
            "listener:\n  listen: \"127.0.0.1:70000\"\n",
            "`listener.listen` must be HOST:PORT (such as 127.0.0.1:8080), not \"127.0.0.1:70000\""
        ),
        (
            "listener:\n  listen: \":8080\"\n",
            "`listener.listen` must be HOST:PORT (such as 127.0.0.1:8080), not \":8080\""
        ),
        ("listener:\n  maxBodyBytes: 0\n", "`listener.maxBodyBytes` must be at least 1, not 0"),
    ])
    func badListenerIsRefused(text: String, message: String) throws {
        let scratch = try IntakeScratch()
        let file = try scratch.write("porter.yaml", text)
        let error = try #require(throws: GatewayConfigurationError.self) { try GatewayConfiguration.load(path: file) }
        #expect(error.code == .invalidValue)
        #expect(error.message == message)
        #expect(error.line == 2)
    }

    @Test func suggestionsCountASwapAsOneEdit() {
        #expect(KeySuggestion.edits(Array("jtiter"), Array("jitter")) == 1)
        #expect(KeySuggestion.edits(Array("rety"), Array("retry")) == 1)
        #expect(KeySuggestion.edits(Array(""), Array("abc")) == 3)
        #expect(KeySuggestion.hint(for: "Poll", among: ["poll", "batchSize"]) == "did you mean \"poll\"?")
    }
}
