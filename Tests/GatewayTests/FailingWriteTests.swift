import Foundation
import Gateway
import Store
import Testing

/// A full disk, simulated by a write that really fails: a folder the gateway writes into is replaced by a regular
/// file, so `mkdir`/`rename`/`open` fail with `ENOTDIR` or `EEXIST` (a failure root cannot bypass, unlike
/// permissions). Intake stops, nothing is deleted, and once the obstacle is gone the next pass finishes every file
/// exactly once.
@Suite("Gateway failing writes")
struct FailingWriteTests {
    @Test("archive/ cannot be written: the committed file stays in work/, intake stops, and the next pass finishes")
    func archiveMoveFails() async throws {
        let gateway = try TestGateway(configure: { $0.intake.batchSize = 1 })
        let orders = try (1...3).map { try retailOrder(number: 9100 + $0) }
        for (index, order) in orders.enumerated() { try gateway.drop(order, as: "po-\(index + 1).edi") }
        try Self.block(gateway.workspace.archive)

        let blocked = await gateway.runtime.processInbox()
        // The first file committed, then its move failed: deferred. A batch's originals move while the next batch
        // commits, so the second file committed too and its move failed as well; no other file was processed.
        try #require(blocked.count == 2)
        #expect(blocked.map(\.disposition) == [.deferred, .deferred])
        #expect(blocked.allSatisfy { $0.reason?.contains("move failed") == true })
        #expect(blocked.map(\.messageIDs.count) == [2, 2])
        #expect(gateway.files(in: "work").count == 3)
        #expect(gateway.files(in: "inbox").isEmpty)
        #expect(gateway.files(in: "error").isEmpty)
        #expect(try await gateway.store.messageCounts() == [.pending: 4])

        // Still blocked: a second pass finishes nothing and loses nothing (it stops after the first failed move, or
        // after the batch committing beside it).
        let again = await gateway.runtime.processInbox()
        #expect(!again.isEmpty && again.count <= 2 && again.allSatisfy { $0.disposition == .deferred })
        #expect(gateway.files(in: "work").count == 3)

        try Self.unblock(gateway.workspace.archive)
        let finished = await gateway.runtime.processInbox()
        #expect(finished.map(\.disposition) == [.archived, .archived, .archived])
        #expect(finished.map(\.reason) == [nil, nil, nil])
        try await gateway.runtime.deliverUntilIdle()

        #expect(gateway.files(in: "work").isEmpty)
        let archived = gateway.files(in: "archive")
        #expect(archived.map { URL(filePath: $0).lastPathComponent }.sorted() == ["po-1.edi", "po-2.edi", "po-3.edi"])
        for (name, order) in zip(archived.sorted { $0.suffix(8) < $1.suffix(8) }, orders) {
            #expect(try Data(contentsOf: URL(filePath: gateway.workspace.archive + "/" + name)) == order)
        }
        #expect(try await gateway.store.messageCounts() == [.delivered: 6])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 3)
        #expect(gateway.files(in: "outbox/finance").count == 3)
    }

    @Test("an outbox folder cannot be written: the delivery is retried later, and written once when it can be")
    func outboxWriteFails() async throws {
        let clock = ManualClock()
        let gateway = try TestGateway(
            clock: clock.read,
            configure: {
                $0.delivery.retry.initialDelaySeconds = 60
                $0.delivery.retry.maxDelaySeconds = 60
                $0.delivery.retry.jitter = 0
            })
        let outbox = gateway.workspace.outbox(partner: "tidewater-kitchenworks")
        try Self.block(outbox)
        try gateway.drop(try retailOrder(number: 9200), as: "po.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])

        let waiting = try await gateway.store.messages(state: .pending, limit: 10)
        try #require(waiting.count == 1)
        #expect(waiting[0].draft.partner == "tidewater-kitchenworks")
        #expect(waiting[0].attempts == 1)
        #expect(waiting[0].lastError?.isEmpty == false)
        #expect(try await gateway.store.messageCounts() == [.pending: 1, .delivered: 1])
        // Not due yet: nothing is attempted.
        #expect(try await gateway.runtime.deliverUntilIdle() == 0)

        try Self.unblock(outbox)
        clock.advance(by: 61)
        #expect(try await gateway.runtime.deliverUntilIdle() == 1)
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])
        let written = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(written == ["purchaseOrder-BO-9200-000000001.x12"])
        #expect(try await gateway.store.attempts(message: waiting[0].id).map(\.result) == ["retry", "delivered"])
    }

    // MARK: Support

    /// Replaces the (empty or missing) folder at `path` with a regular file of the same name.
    static func block(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try Data("not a folder\n".utf8).write(to: URL(filePath: path))
    }

    /// Puts the folder back.
    static func unblock(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}

@Suite("Gateway start-up recovery")
struct RecoveryTests {
    @Test("start-up removes deliveries' temporary files in every outbox folder, and follows no link out of it")
    func abandonedTemporaryFilesAreRemoved() throws {
        let gateway = try TestGateway()
        let outbox = gateway.workspace.outbox
        let outside = FileManager.default.temporaryDirectory.appending(path: "porter-recover-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        for folder in [outbox + "/acme", outbox + "/acme/nested", outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let temporary = [
            outbox + "/.porter-1a.tmp", outbox + "/acme/.porter-2b.tmp", outbox + "/acme/nested/.porter-3c.tmp",
        ]
        let kept = [outbox + "/acme/po-1.x12", outbox + "/acme/nested/keep.tmp", outside + "/.porter-4d.tmp"]
        for path in temporary + kept { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        try FileManager.default.createSymbolicLink(atPath: outbox + "/elsewhere", withDestinationPath: outside)

        #expect(gateway.runtime.recover() == 3)
        #expect(temporary.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(kept.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }
}
