import Hummingbird
public import Logging
public import ServiceLifecycle

/// Where the listener accepts documents once it is bound.
public struct ListenerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The host it is bound to, as configured.
    public var host: String
    /// The bound port (the one the system picked when port 0 was asked for).
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://HOST:PORT/cxml`.
    public var url: String {
        "http://\(self.host.contains(":") ? "[\(self.host)]" : self.host):\(self.port)/cxml"
    }

    public var description: String { self.url }
}

/// The inbound cXML listener: an HTTP server (Hummingbird) that accepts documents by `POST /cxml`, each answered
/// with a cXML `Response` only after it is persisted and committed (see ``GatewayRuntime`` and the README).
///
/// A `Service`: `porter run` runs it in the gateway's `ServiceGroup`, after the intake and delivery services, so a
/// graceful shutdown stops it first; requests in progress are finished and answered before it returns.
public struct CXMLListener: Service {
    let runtime: GatewayRuntime
    let settings: ListenerSettings
    let logger: Logger
    let onListening: @Sendable (ListenerAddress) async -> Void
    /// Test-only fault injection (see `PORTER_FAULT` in the README): called right after a document is persisted.
    package var afterPersist: (@Sendable (ClaimedFile) -> Void)?

    /// Creates the listener.
    ///
    /// - Parameters:
    ///   - runtime: The gateway whose workspace, store and mappings it uses.
    ///   - settings: Where to listen and the largest body accepted.
    ///   - logger: Where it logs (a line per request, never the document or a secret).
    ///   - onListening: Called once the socket is bound, with the port the system picked for port 0.
    public init(
        runtime: GatewayRuntime, settings: ListenerSettings,
        logger: Logger = Logger(label: "porter.listener", factory: { _ in SwiftLogNoOpLogHandler() }),
        onListening: @escaping @Sendable (ListenerAddress) async -> Void = { _ in }
    ) {
        self.runtime = runtime
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let work = self.runtime.workspace.work
        let removed = await offThePool { RequestSpool.removeAbandoned(in: work) }
        if removed > 0 { self.logger.info("removed \(removed) partial request body file(s) from work/") }
        let responder = ListenerResponder(
            runtime: self.runtime, settings: self.settings, logger: self.logger, afterPersist: self.afterPersist)
        let (settings, logger, onListening) = (self.settings, self.logger, self.onListening)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
            onServerRunning: { channel in
                let address = ListenerAddress(host: settings.host, port: channel.localAddress?.port ?? settings.port)
                logger.info("listening on \(address.url)")
                await onListening(address)
            },
            logger: logger)
        try await application.run()
    }
}
