import Foundation
import Store
import Testing

@testable import Gateway

/// Messages claimed by the commit that queues them, for the running delivery service (``DeliveryHandoff``).
@Suite("Delivery handoff")
struct DeliveryHandoffTests {
    static let order = "Fixtures/x12/850/004010-retail-sdq.edi"

    /// A gateway whose handoff is open (as while its delivery service runs), with the fixture order processed.
    private static func processedWithHandoffOpen() async throws -> (TestGateway, [FileProcessor.Result]) {
        let gateway = try TestGateway()
        gateway.runtime.handoff.open()
        try gateway.drop(fixture: Self.order)
        let results = await gateway.runtime.processInbox()
        #expect(results.map(\.disposition) == [.archived])
        return (gateway, results)
    }

    @Test("while the service takes them, a commit's messages are claimed in its transaction and handed over")
    func committedMessagesAreHandedOverClaimed() async throws {
        let (gateway, results) = try await Self.processedWithHandoffOpen()
        let handoff = gateway.runtime.handoff
        let ids = try #require(results.first?.messageIDs)
        #expect(ids.count == 2)

        let handed = handoff.take(100)
        #expect(handed.map(\.id) == ids)
        #expect(handed.allSatisfy { $0.state == .inFlight && $0.attempts == 1 && !$0.draft.payload.isEmpty })
        #expect(handoff.take(100).isEmpty)
        // In flight in the store, leased: a claim does not take them again while the lease holds.
        #expect(try await gateway.store.messageCounts() == [.inFlight: 2])
        #expect(try await gateway.runtime.dispatcher.claimDue().isEmpty)
        for id in ids {
            #expect(
                try await gateway.store.auditLog(subject: "message:\(id)", limit: 5).map(\.event) == [
                    "claimed", "enqueued",
                ])
        }

        // Delivered from the handoff like claimed messages.
        try await gateway.runtime.dispatcher.deliver(handed)
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        #expect(gateway.files(in: "outbox/finance").count == 1)
        #expect(try await gateway.store.attempts(message: ids[0]).map(\.number) == [1])
        #expect(handoff.close().isEmpty)
    }

    @Test("a handed-over message whose lease is nearly over is left to a claim, never delivered twice")
    func staleLeasesAreLeftToAClaim() async throws {
        let (gateway, _) = try await Self.processedWithHandoffOpen()
        let handoff = gateway.runtime.handoff
        let leaseEnd = try #require(try await gateway.store.messages(state: .inFlight, limit: 5).first?.leaseUntil)
        // Taken when its lease ends within the margin: dropped, and the store still holds it leased.
        #expect(handoff.take(10, now: leaseEnd.addingTimeInterval(-30), margin: 60).isEmpty)
        #expect(handoff.take(10).isEmpty)
        #expect(try await gateway.store.messageCounts() == [.inFlight: 2])
        // Once the lease is over a claim takes both (attempt 2) and they are delivered once.
        let claimed = try await gateway.store.claimDueMessages(
            now: leaseEnd.addingTimeInterval(1), limit: 10, lease: 60)
        #expect(claimed.count == 2 && claimed.allSatisfy { $0.attempts == 2 })
        try await gateway.runtime.dispatcher.deliver(claimed)
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        #expect(handoff.close().isEmpty)
    }

    /// The fixture order under another ISA13, GS06 and order number (not a duplicate of it).
    static func anotherOrder() throws -> Data {
        let text = try String(contentsOf: repositoryRoot.appending(path: Self.order), encoding: .utf8)
            .replacingOccurrences(of: "000004172", with: "000004173")
            .replacingOccurrences(of: "*4172*", with: "*4173*")
            .replacingOccurrences(of: "GE*1*4172~", with: "GE*1*4173~")
            .replacingOccurrences(of: "BO-7734210", with: "BO-7734211")
        return Data(text.utf8)
    }

    @Test("a full handoff, or a closed one, leaves new messages pending for a claim")
    func fullOrClosedHandoffQueuesMessages() async throws {
        let gateway = try TestGateway()
        let handoff = gateway.runtime.handoff
        handoff.open()
        #expect(handoff.wantsMessages)
        let filler = (0..<handoff.capacity).map { index in
            OutboundMessage(
                id: Int64(-1 - index),
                draft: OutboundDraft(
                    partner: "nobody", documentKind: "purchaseOrder", format: "x12", target: .directory("outbox/x"),
                    fileName: "x.x12", payload: Data(), controlReference: "1", orderNumber: nil, isTest: false,
                    isCopy: false),
                state: .inFlight, attempts: 1, createdAt: Date(), nextAttemptAt: Date(), leaseUntil: nil,
                deliveredAt: nil, lastError: nil, sourceClaim: "none")
        }
        #expect(handoff.put(filler))
        #expect(!handoff.wantsMessages)
        try gateway.drop(fixture: Self.order)
        let first = await gateway.runtime.processInbox()
        #expect(first.map(\.disposition) == [.archived])
        #expect(try await gateway.store.messageCounts() == [.pending: 2])
        #expect(handoff.take(handoff.capacity + 10).count == handoff.capacity)

        // Closed (the service stopped): nothing is handed over, and what is put is refused.
        #expect(handoff.close().isEmpty)
        #expect(!handoff.wantsMessages)
        #expect(!handoff.put([filler[0]]))
        try gateway.drop(try Self.anotherOrder(), as: "another.edi")
        #expect(await gateway.runtime.processInbox().map(\.disposition) == [.archived])
        #expect(try await gateway.store.messageCounts() == [.pending: 4])
        try await gateway.runtime.deliverUntilIdle()
        #expect(try await gateway.store.messageCounts() == [.delivered: 4])
    }
}
