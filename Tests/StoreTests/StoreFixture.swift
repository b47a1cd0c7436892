import Foundation
import Store
import Testing

/// The store implementations the conformance suite runs against, each fresh for one test.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case sqlite

    var testDescription: String { self.rawValue }

    /// Runs `body` with a fresh, empty store; the SQLite file's folder is removed afterwards.
    func withStore(_ body: (any GatewayStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(InMemoryGatewayStore())
        case .sqlite:
            try await withTemporaryDirectory { directory in
                let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("porter.sqlite").path)
                try await body(store)
                try store.close()
            }
        }
    }
}

/// Runs `body` with a new empty folder, removed afterwards whatever happens.
func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("porter-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory)
}

/// A fixed clock origin: the tests never read the wall clock.
let t0 = Date(timeIntervalSinceReferenceDate: 800_000_000)

func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

/// Builders of sample records.
enum Sample {
    struct BuildFailure: Error, CustomStringConvertible {
        var description: String { "the encoder gave up" }
    }

    static func file(
        _ claim: String, hash: String? = nil, partner: String? = "ACME", receivedAt: Date = t0,
        outcome: InboundOutcome = .processed
    ) -> InboundFile {
        InboundFile(
            claim: claim, originalName: "\(claim).edi", contentHash: hash ?? "hash-\(claim)", size: 1234,
            partner: partner, receivedAt: receivedAt, outcome: outcome, storedPath: "archive/\(claim).edi")
    }

    static func draft(_ name: String, partner: String = "ACME", payload: String? = nil) -> OutboundDraft {
        OutboundDraft(
            partner: partner, documentKind: "purchaseOrder", format: "x12", target: .directory("outbox/\(partner)"),
            fileName: "\(name).x12", payload: Data((payload ?? "ISA*\(name)~").utf8), controlReference: "000000001",
            orderNumber: "PO-\(name)", isTest: false, isCopy: false)
    }

    static func document(_ order: String, status: DocumentRecord.Status = .routed) -> DocumentRecord {
        DocumentRecord(
            kind: "purchaseOrder", partner: "ACME", orderNumber: order, controlReference: "000000007/7/0001",
            isTest: false, status: status, json: Data(#"{"orderNumber":"\#(order)"}"#.utf8))
    }

    static func interchange(_ number: String, sender: String = "ZZ:ACME") -> InterchangeKey {
        InterchangeKey(sender: sender, receiver: "ZZ:PORTER", controlNumber: number)
    }

    /// A commit of one file whose build enqueues one message per name.
    static func commit(
        _ claim: String, receivedAt: Date = t0, interchanges: [InterchangeKey] = [], payloadIDs: [String] = [],
        messages names: [String] = []
    ) -> InboundCommit {
        InboundCommit(
            file: Self.file(claim, receivedAt: receivedAt), interchanges: interchanges, payloadIDs: payloadIDs,
            build: { _ in names.map { Self.draft($0) } })
    }
}

extension GatewayStore {
    /// Commits one file expecting success; returns its message ids.
    func commitExpectingSuccess(_ commit: InboundCommit, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> [Int64]
    {
        let results = try await self.commit([commit])
        guard case .committed(let ids) = results.first else {
            Issue.record("the commit of \(commit.file.claim) failed: \(results)", sourceLocation: sourceLocation)
            return []
        }
        return ids
    }
}

extension InboundCommitResult {
    var messageIDs: [Int64]? {
        if case .committed(let ids) = self { return ids }
        return nil
    }

    var failureReason: String? {
        if case .failed(let reason) = self { return reason }
        return nil
    }
}
