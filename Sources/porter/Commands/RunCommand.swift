import ArgumentParser
import Conversion
import Foundation
import Gateway
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `porter run`: the gateway. Watches the inbox, answers X12 with 997/999/TA1, routes and queues documents,
/// delivers them, until SIGINT or SIGTERM.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the gateway: watch inbox/, process, acknowledge, route, deliver.",
        discussion: """
            Files dropped into the workspace's inbox/ (or inbox/<partner>/) are claimed into work/, validated, \
            acknowledged as the sender's profile asks, decoded, mapped, routed and queued in one store \
            transaction, then archived under archive/YYYY/MM/DD/. A file that fails goes to error/ with \
            <name>.error.json; a file from an unknown sender to quarantine/. SIGINT or SIGTERM stop it \
            gracefully (exit 0); a restart resumes from the store and work/.

            With --listen (or listener.listen in porter.yaml) it also accepts cXML documents by HTTP POST at \
            http://HOST:PORT/cxml, each answered with a cXML Response once it is committed.
            """)

    @OptionGroup var options: GatewayOptions

    @Flag(help: "Poll the inbox instead of using inotify (network shares).")
    var poll = false

    @Flag(help: "Process what the inbox holds, deliver until nothing is due now, and exit.")
    var once = false

    @Flag(help: "With --once: print the files processed as JSON.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Accept cXML documents by HTTP POST at http://HOST:PORT/cxml (overrides listener.listen in porter.yaml; port 0 picks a free port).",
            valueName: "host:port"))
    var listen: String?

    func validate() throws {
        if let listen = self.listen {
            guard ListenerSettings.parseAddress(listen) != nil else {
                throw ValidationError("--listen must be HOST:PORT (such as 127.0.0.1:8080), not \"\(listen)\"")
            }
            if self.once { throw ValidationError("--listen cannot be used with --once") }
        }
    }

    /// The test-only fault injection: `PORTER_FAULT=crash-after-persist` kills the process (SIGKILL) right after the
    /// listener has persisted a document, before it is processed or answered. Never set it in production.
    private static var afterPersistFault: (@Sendable (ClaimedFile) -> Void)? {
        guard ProcessInfo.processInfo.environment["PORTER_FAULT"] == "crash-after-persist" else { return nil }
        return { _ in
            kill(getpid(), SIGKILL)
        }
    }

    func run() async throws {
        var configuration = try self.options.load()
        if let listen = self.listen, let (host, port) = ListenerSettings.parseAddress(listen) {
            var settings = configuration.listener ?? ListenerSettings()
            (settings.host, settings.port) = (host, port)
            configuration.listener = settings
        }
        var logger = Logger(label: "porter")
        logger.logLevel = .info
        let runtime: GatewayRuntime
        do {
            runtime = try GatewayRuntime(configuration: configuration)
        } catch {
            printError("porter run: \(error)")
            throw PorterExit.couldNotRun
        }
        if self.once {
            runtime.recover(logger: logger)
            let results = await runtime.processInbox(logger: logger)
            do {
                try await runtime.deliverUntilIdle()
                try await runtime.alertMonitor.check()
            } catch {
                printError("porter run: \(error)")
                await runtime.shutdown()
                throw PorterExit.couldNotRun
            }
            await runtime.shutdown()
            self.report(results)
            if results.contains(where: { $0.disposition == .deferred }) { throw PorterExit.couldNotRun }
            if results.contains(where: { $0.disposition != .archived }) { throw PorterExit.inputErrors }
            return
        }
        do {
            try await runtime.run(
                poll: self.poll, logger: logger,
                onListening: { address in
                    // On standard output at once (it is a pipe under supervisors and tests): the port may be new.
                    var output = StandardOutput()
                    output.line("listening on \(address.url)")
                    output.flush()
                }, afterPersist: Self.afterPersistFault)
        } catch {
            printError("porter run: \(error)")
            await runtime.shutdown()
            throw PorterExit.couldNotRun
        }
        await runtime.shutdown()
    }

    private func report(_ results: [FileProcessor.Result]) {
        if self.json {
            let items = results.map { result in
                JSONText.object([
                    ("file", JSONText.string(result.originalName)),
                    ("disposition", JSONText.string(result.disposition.rawValue)),
                    ("path", JSONText.string(result.path)),
                    ("messages", "[" + result.messageIDs.map(String.init).joined(separator: ",") + "]"),
                    ("reason", JSONText.string(result.reason)),
                ])
            }
            print("{\"files\":[" + items.joined(separator: ",") + "]}")
        } else {
            for result in results {
                let reason = result.reason.map { ": \($0)" } ?? ""
                print("\(result.originalName)\t\(result.disposition.rawValue)\t\(result.path ?? "-")\(reason)")
            }
            let counts = Dictionary(grouping: results, by: \.disposition).mapValues(\.count)
            print(
                "\(results.count) file(s): "
                    + FileProcessor.Disposition.allCases.compactMap { disposition in
                        counts[disposition].map { "\($0) \(disposition.rawValue)" }
                    }.joined(separator: ", "))
        }
    }
}
