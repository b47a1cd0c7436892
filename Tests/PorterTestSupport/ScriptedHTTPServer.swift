public import NIOCore
public import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (SwiftNIO, a free port) that answers each request with the next reply of a
/// script and records what it received. Shared by the delivery and gateway tests.
public final class ScriptedHTTPServer: Sendable {
    /// One scripted answer.
    public struct Reply: Sendable {
        public var status: Int
        public var body: String
        public var contentType = "text/xml; charset=utf-8"
        /// How long the server waits before answering.
        public var delay: TimeAmount = .zero
        /// How long the server waits between the response head and its body.
        public var bodyDelay: TimeAmount = .zero
        /// Closes the connection after reading the whole request, without answering (a connection that drops
        /// after the partner received the document).
        public var hangsUp = false

        public init(
            status: Int, body: String, contentType: String = "text/xml; charset=utf-8", delay: TimeAmount = .zero,
            bodyDelay: TimeAmount = .zero, hangsUp: Bool = false
        ) {
            self.status = status
            self.body = body
            self.contentType = contentType
            self.delay = delay
            self.bodyDelay = bodyDelay
            self.hangsUp = hangsUp
        }

        /// An HTTP answer carrying a cXML `Response` with `code`.
        public static func cxml(
            http: Int = 200, code: Int, text: String, detail: String? = nil, delay: TimeAmount = .zero
        ) -> Self {
            Reply(status: http, body: CXMLSamples.response(code: code, text: text, detail: detail), delay: delay)
        }

        /// An HTTP answer with a plain-text body.
        public static func plain(_ status: Int, _ body: String = "") -> Self {
            Reply(status: status, body: body, contentType: "text/plain")
        }

        /// Reads the request, then closes the connection without a word.
        public static let hangUp = Reply(status: 0, body: "", hangsUp: true)
    }

    /// A request as the server received it.
    public struct Request: Sendable {
        public var method: HTTPMethod
        public var uri: String
        public var headers: HTTPHeaders
        public var body: [UInt8]
    }

    private struct State {
        var replies: [Reply]
        public var requests: [Request] = []
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let state: Mutex<State>
    /// The server's port on 127.0.0.1.
    public let port: Int

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, state: consuming Mutex<State>) {
        self.group = group
        self.channel = channel
        self.state = state
        self.port = channel.localAddress?.port ?? 0
    }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String = "/cxml") -> String { "http://127.0.0.1:\(self.port)\(path)" }

    /// The requests received so far, in order.
    public var requests: [Request] { self.state.withLock { $0.requests } }

    /// Starts a server answering with `replies` in order (then with HTTP 500 "script exhausted").
    public static func start(_ replies: [Reply]) async throws -> ScriptedHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let box = ServerBox()
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(ScriptedHTTPHandler(box: box))
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            let server = ScriptedHTTPServer(group: group, channel: channel, state: Mutex(State(replies: replies)))
            box.server.withLock { $0 = server }
            return server
        } catch {
            try await group.shutdownGracefully()
            throw error
        }
    }

    /// Records `request` and takes the next reply.
    fileprivate func take(_ request: Request) -> Reply {
        self.state.withLock { state in
            state.requests.append(request)
            guard !state.replies.isEmpty else { return .plain(500, "script exhausted") }
            return state.replies.removeFirst()
        }
    }

    /// Closes the server and every connection.
    public func shutdown() async throws {
        try? await self.channel.close()
        try await self.group.shutdownGracefully()
    }

    /// A port on 127.0.0.1 where nothing listens: bound once, then closed.
    public static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// Lets handlers reach the server, which exists only once its channel is bound.
private final class ServerBox: Sendable {
    let server = Mutex<ScriptedHTTPServer?>(nil)
}

private final class ScriptedHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let box: ServerBox
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(box: ServerBox) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            self.body = []
        case .body(let buffer):
            self.body += buffer.readableBytesView
        case .end:
            guard let head = self.head, let server = self.box.server.withLock({ $0 }) else { return }
            let reply = server.take(
                ScriptedHTTPServer.Request(method: head.method, uri: head.uri, headers: head.headers, body: self.body))
            if reply.hangsUp {
                context.close(promise: nil)
            } else if reply.delay == .zero {
                self.respond(reply, context: context)
            } else {
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: reply.delay) {
                    bound.value.0.respond(reply, context: bound.value.1)
                }
            }
        }
    }

    private func respond(_ reply: ScriptedHTTPServer.Reply, context: ChannelHandlerContext) {
        let body = ByteBuffer(string: reply.body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: reply.contentType)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
        context.writeAndFlush(self.wrapOutboundOut(.head(head)), promise: nil)
        if reply.bodyDelay == .zero {
            self.finish(body, context: context)
        } else {
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: reply.bodyDelay) { bound.value.0.finish(body, context: bound.value.1) }
        }
    }

    private func finish(_ body: ByteBuffer, context: ChannelHandlerContext) {
        context.write(self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
    }
}
