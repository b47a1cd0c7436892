public import ArgumentParser
import Conversion
import Foundation
public import Store

/// `porter queue list|show|retry`: the distribution queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Look at and retry the distribution queue.",
        subcommands: [List.self, Show.self, Retry.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List queued messages, newest first.")
        @OptionGroup var options: GatewayOptions
        @Option(help: "Only messages in this state: pending, inFlight, delivered, dead.")
        var state: OutboundMessage.State?
        @Option(help: "At most this many.") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let store = try self.options.openStore()
            let messages = try await store.messages(state: self.state, limit: self.limit)
            if self.json {
                print("{\"messages\":[" + messages.map(QueueCommand.json).joined(separator: ",") + "]}")
                return
            }
            print("ID\tSTATE\tATTEMPTS\tPARTNER\tKIND\tFORMAT\tFILE\tNEXT ATTEMPT\tLAST ERROR")
            for message in messages {
                print(
                    [
                        String(message.id), message.state.rawValue, String(message.attempts), message.draft.partner,
                        message.draft.documentKind, message.draft.format, message.draft.fileName,
                        message.state == .pending ? timestamp(message.nextAttemptAt) : "-", message.lastError ?? "-",
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one message and its attempts.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The message id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let store = try self.options.openStore()
            guard let message = try await store.message(self.id) else {
                printError("porter queue show: no message \(self.id)")
                throw PorterExit.inputErrors
            }
            let attempts = try await store.attempts(message: self.id)
            if self.json {
                let items = attempts.map { attempt in
                    JSONText.object([
                        ("number", String(attempt.number)), ("at", JSONText.string(timestamp(attempt.at))),
                        ("result", JSONText.string(attempt.result)), ("detail", JSONText.string(attempt.detail)),
                    ])
                }
                var object = QueueCommand.json(message)
                object.removeLast()
                print(object + ",\"attemptLog\":[" + items.joined(separator: ",") + "]}")
                return
            }
            let draft = message.draft
            print("message \(message.id): \(message.state.rawValue), \(message.attempts) attempt(s)")
            print("  to \(draft.partner) via \(QueueCommand.describe(draft.target)) as \(draft.fileName)")
            print("  \(draft.documentKind) (\(draft.format)), control \(draft.controlReference)")
            if let order = draft.orderNumber { print("  order \(order)") }
            print("  created \(timestamp(message.createdAt)), from file claim \(message.sourceClaim)")
            if let delivered = message.deliveredAt { print("  delivered \(timestamp(delivered))") }
            if let error = message.lastError { print("  last error: \(error)") }
            for attempt in attempts {
                print("  attempt \(attempt.number) at \(timestamp(attempt.at)): \(attempt.result) \(attempt.detail)")
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a dead (or waiting) message back in the queue, due now; or every dead one.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The message id.") var id: Int64?
        @Flag(help: "Retry every dead message.") var allDead = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if (self.id == nil) == (!self.allDead) { throw ValidationError("give a message ID or --all-dead") }
        }

        func run() async throws {
            let store = try self.options.openStore()
            let count: Int
            if let id = self.id {
                guard try await store.retry(id, at: Date()) else {
                    printError("porter queue retry: no dead or pending message \(id)")
                    throw PorterExit.inputErrors
                }
                count = 1
            } else {
                count = try await store.retryAllDead(at: Date())
            }
            print(self.json ? "{\"retried\":\(count)}" : "\(count) message(s) queued again; `porter run` delivers them")
        }
    }

    static func describe(_ target: DeliveryTarget) -> String {
        switch target {
        case .directory(let folder): "folder \(folder)"
        case .http(let url): "HTTP POST \(url)"
        }
    }

    static func json(_ message: OutboundMessage) -> String {
        let draft = message.draft
        return JSONText.object([
            ("id", String(message.id)), ("state", JSONText.string(message.state.rawValue)),
            ("attempts", String(message.attempts)), ("partner", JSONText.string(draft.partner)),
            ("documentKind", JSONText.string(draft.documentKind)), ("format", JSONText.string(draft.format)),
            ("target", JSONText.string(QueueCommand.describe(draft.target))),
            ("fileName", JSONText.string(draft.fileName)),
            ("controlReference", JSONText.string(draft.controlReference)),
            ("orderNumber", JSONText.string(draft.orderNumber)), ("test", draft.isTest ? "true" : "false"),
            ("copy", draft.isCopy ? "true" : "false"), ("createdAt", JSONText.string(timestamp(message.createdAt))),
            ("nextAttemptAt", JSONText.string(timestamp(message.nextAttemptAt))),
            ("deliveredAt", JSONText.string(message.deliveredAt.map { timestamp($0) })),
            ("lastError", JSONText.string(message.lastError)), ("sourceClaim", JSONText.string(message.sourceClaim)),
        ])
    }
}

extension OutboundMessage.State: ExpressibleByArgument {}
