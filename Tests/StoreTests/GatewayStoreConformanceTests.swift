import Foundation
import Store
import Synchronization
import Testing

/// One suite, every implementation: what any ``GatewayStore`` must do.
@Suite("GatewayStore conformance")
struct GatewayStoreConformanceTests {
    // MARK: Commit

    @Test(arguments: StoreKind.allCases)
    func committedFileReadsBack(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let file = Sample.file("C1", partner: "ACME", receivedAt: at(5))
            let documents = [Sample.document("PO-1"), Sample.document("PO-2", status: .held(reason: "price"))]
            let duplicate = DuplicateRecord(kind: .content, key: "hash-old", claim: "C1", partner: "ACME", at: at(5))
            let gap = ControlNumberGap(partner: "ACME", previous: 3, received: 7, claim: "C1", at: at(5))
            let event = TrackingEvent(orderNumber: "PO-1", partner: "ACME", kind: "distributed", at: at(5), detail: "")
            let commit = InboundCommit(
                file: file, interchanges: [Sample.interchange("000000007")], inboundControlNumbers: [7, 5],
                payloadIDs: ["p1@acme"], documents: documents, duplicates: [duplicate], gaps: [gap], events: [event],
                build: { _ in [Sample.draft("a"), Sample.draft("b", partner: "Globex")] })

            let ids = try await store.commitExpectingSuccess(commit)

            #expect(ids.count == 2)
            #expect(try await store.inboundFile(claim: "C1") == file)
            #expect(try await store.inboundFile(claim: "C2") == nil)
            #expect(try await store.inboundFile(contentHash: file.contentHash) == file)
            #expect(try await store.inboundFile(contentHash: "nothing") == nil)
            #expect(try await store.documents(claim: "C1") == documents)
            #expect(try await store.documents(claim: "C2") == [])
            let known = Sample.interchange("000000007")
            #expect(try await store.receivedInterchanges([known, Sample.interchange("000000008")]) == [known])
            #expect(try await store.receivedPayloadIDs(["p1@acme", "p2@acme"]) == ["p1@acme"])
            #expect(try await store.lastInboundControlNumber(partner: "ACME") == 7)
            #expect(try await store.lastInboundControlNumber(partner: "Globex") == nil)
            #expect(try await store.duplicates(limit: 10) == [duplicate])
            #expect(try await store.controlNumberGaps(limit: 10) == [gap])
            #expect(try await store.trackingEvents(orderNumber: "PO-1") == [event])

            let first = try #require(try await store.message(ids[0]))
            #expect(first.draft == Sample.draft("a"))
            #expect(first.state == .pending)
            #expect(first.attempts == 0)
            #expect(first.createdAt == at(5))
            #expect(first.nextAttemptAt == at(5))
            #expect(first.leaseUntil == nil && first.deliveredAt == nil && first.lastError == nil)
            #expect(first.sourceClaim == "C1")
            #expect(try await store.message(ids[1])?.draft == Sample.draft("b", partner: "Globex"))

            let fileAudit = try await store.auditLog(subject: "file:C1", limit: 10)
            #expect(fileAudit.map(\.event) == ["archived"])
            #expect(fileAudit.first?.at == at(5))
            #expect(try await store.auditLog(subject: "message:\(ids[1])", limit: 10).map(\.event) == ["enqueued"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func batchLookupAnswersWhatEachLookupDoes(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let processed = Sample.file("C1", partner: "ACME", receivedAt: at(5))
            let failed = Sample.file(
                "C2", hash: "hash-failed", partner: "ACME", receivedAt: at(6), outcome: .failed(reason: "bad"))
            _ = try await store.commitExpectingSuccess(
                InboundCommit(
                    file: processed, interchanges: [Sample.interchange("000000007")], payloadIDs: ["p1@acme"]))
            _ = try await store.commitExpectingSuccess(InboundCommit(file: failed))
            let known = Sample.interchange("000000007")
            let lookup = IntakeLookup(
                claims: ["C1", "C2", "C3"], contentHashes: [processed.contentHash, "hash-failed", "nothing"],
                interchanges: [known, Sample.interchange("000000008")], payloadIDs: ["p1@acme", "p2@acme"])

            let answer = try await store.lookUp(lookup)

            #expect(answer.committed == ["C1": processed, "C2": failed])
            // A failed file's content does not count: sent again after a fix, it is processed.
            #expect(answer.processed == [processed.contentHash: processed])
            #expect(answer.receivedInterchanges == [known])
            #expect(answer.receivedPayloadIDs == ["p1@acme"])
            #expect(try await store.lookUp(IntakeLookup()) == IntakeLookup.Answer())
        }
    }

    @Test(arguments: StoreKind.allCases)
    func everyOutcomeAndStatusRoundTrips(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let outcomes: [InboundOutcome] = [
                .processed, .duplicate, .failed(reason: "no ISA"), .quarantined(reason: "unknown sender"),
            ]
            let statuses: [DocumentRecord.Status] = [
                .routed, .held(reason: "price"), .rejected(reason: "AK5*R"), .recorded, .duplicate,
            ]
            for (index, outcome) in outcomes.enumerated() {
                let file = Sample.file("O\(index)", partner: index == 0 ? nil : "ACME", outcome: outcome)
                _ = try await store.commitExpectingSuccess(
                    InboundCommit(file: file, documents: statuses.map { Sample.document("PO-\(index)", status: $0) }))
                #expect(try await store.inboundFile(claim: file.claim) == file)
                #expect(try await store.documents(claim: file.claim).map(\.status) == statuses)
            }
            var http = Sample.draft("h")
            http.target = .http("https://buyer.example/cxml")
            http.isTest = true
            http.isCopy = true
            http.orderNumber = nil
            let sent = http
            let ids = try await store.commitExpectingSuccess(
                InboundCommit(file: Sample.file("H"), build: { _ in [sent] }))
            #expect(try await store.message(ids[0])?.draft == http)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func firstProcessedFileWithAContentHashIsTheOneFound(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let quarantined = Sample.file("Q", hash: "same", outcome: .quarantined(reason: "unknown sender"))
            _ = try await store.commit([InboundCommit(file: quarantined)])
            // A quarantined (or failed) file does not make the same content a duplicate: it may come back fixed.
            #expect(try await store.inboundFile(contentHash: "same") == nil)
            let first = Sample.file("A", hash: "same")
            let second = Sample.file("B", hash: "same", outcome: .duplicate)
            _ = try await store.commit([InboundCommit(file: first), InboundCommit(file: second)])
            #expect(try await store.inboundFile(contentHash: "same") == first)
            #expect(try await store.inboundFile(claim: "B") == second)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aCommitRepeatingAUniqueKeyStoresNothingWhileTheOthersLand(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.commitExpectingSuccess(
                Sample.commit("C1", interchanges: [Sample.interchange("1")], payloadIDs: ["p1"]))

            func repeating(_ claim: String, interchanges: [InterchangeKey] = [], payloadIDs: [String] = [])
                -> InboundCommit
            {
                InboundCommit(
                    file: Sample.file(claim), interchanges: interchanges + [Sample.interchange("fresh-\(claim)")],
                    payloadIDs: payloadIDs + ["fresh-\(claim)"], documents: [Sample.document("PO-\(claim)")],
                    events: [TrackingEvent(orderNumber: "PO-\(claim)", partner: nil, kind: "seen", at: t0, detail: "")],
                    build: { allocator in
                        _ = try allocator.next(.interchange, partner: "ACME")
                        return [Sample.draft(claim)]
                    })
            }
            let results = try await store.commit([
                repeating("C1"),
                repeating("C2", interchanges: [Sample.interchange("1")]),
                repeating("C3", payloadIDs: ["p1"]),
                repeating("C4"),
                repeating("C5", interchanges: [Sample.interchange("fresh-C4")]),
                repeating("C6", interchanges: [Sample.interchange("9"), Sample.interchange("9")]),
                repeating("C7", payloadIDs: ["p9", "p9"]),
            ])

            #expect(results.count == 7)
            #expect(results[0].failureReason?.contains("C1") == true)
            #expect(results[1].failureReason?.contains("ZZ:ACME/ZZ:PORTER/1") == true)
            #expect(results[2].failureReason?.contains("p1") == true)
            #expect(results[3].messageIDs?.count == 1)
            #expect(results[4].failureReason?.contains("fresh-C4") == true)
            #expect(results[5].failureReason != nil)
            #expect(results[6].failureReason != nil)
            for claim in ["C2", "C3", "C5", "C6", "C7"] {
                #expect(try await store.inboundFile(claim: claim) == nil)
                #expect(try await store.documents(claim: claim) == [])
                #expect(try await store.trackingEvents(orderNumber: "PO-\(claim)") == [])
                #expect(try await store.receivedInterchanges([Sample.interchange("fresh-\(claim)")]).isEmpty)
                #expect(try await store.receivedPayloadIDs(["fresh-\(claim)"]).isEmpty)
                #expect(try await store.auditLog(subject: "file:\(claim)", limit: 10).isEmpty)
            }
            #expect(try await store.documents(claim: "C1") == [])
            // Only C4's allocation stuck.
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 1, group: 0))
            #expect(try await store.messageCounts() == [.pending: 1])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aThrowingBuildRollsBackItsControlNumbers(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let failing = InboundCommit(
                file: Sample.file("F"), interchanges: [Sample.interchange("1")],
                build: { allocator in
                    _ = try allocator.next(.interchange, partner: "ACME")
                    _ = try allocator.next(.group, partner: "ACME")
                    throw Sample.BuildFailure()
                })
            let next = InboundCommit(
                file: Sample.file("G"),
                build: { allocator in
                    let isa = try allocator.next(.interchange, partner: "ACME")
                    return [Sample.draft("isa-\(isa)")]
                })
            let results = try await store.commit([failing, next])

            #expect(results[0].failureReason?.contains("the encoder gave up") == true)
            #expect(try await store.inboundFile(claim: "F") == nil)
            #expect(try await store.receivedInterchanges([Sample.interchange("1")]).isEmpty)
            let id = try #require(results[1].messageIDs?.first)
            #expect(try await store.message(id)?.draft.fileName == "isa-1.x12")
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 1, group: 0))
        }
    }

    // MARK: Control numbers

    @Test(arguments: StoreKind.allCases)
    func controlNumbersRunPerPartnerAndKindAcrossCommits(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            #expect(try await store.controlNumbers(partner: "ACME") == nil)
            func allocating(_ claim: String) -> InboundCommit {
                InboundCommit(
                    file: Sample.file(claim),
                    build: { allocator in
                        let numbers = [
                            try allocator.next(.interchange, partner: "ACME"),
                            try allocator.next(.group, partner: "ACME"),
                            try allocator.next(.group, partner: "ACME"),
                            try allocator.next(.interchange, partner: "Globex"),
                        ]
                        return [Sample.draft(numbers.map(String.init).joined(separator: "-"))]
                    })
            }
            let results = try await store.commit([allocating("A"), allocating("B")])
            let later = try await store.commitExpectingSuccess(allocating("C"))
            var names: [String] = []
            for id in (results.compactMap(\.messageIDs) + [later]).flatMap({ $0 }) {
                names.append(try #require(try await store.message(id)).draft.fileName)
            }
            #expect(names == ["1-1-2-1.x12", "2-3-4-2.x12", "3-5-6-3.x12"])
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 3, group: 6))
            #expect(try await store.controlNumbers(partner: "Globex") == ControlNumbers(interchange: 3, group: 0))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func seededControlNumbersContinueAndRollOverToOne(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.setControlNumbers(
                ControlNumbers(interchange: 999_999_998, group: 41), partner: "ACME", at: at(1))
            #expect(
                try await store.controlNumbers(partner: "ACME")
                    == ControlNumbers(interchange: 999_999_998, group: 41))
            let ids = try await store.commitExpectingSuccess(
                InboundCommit(
                    file: Sample.file("S"),
                    build: { allocator in
                        try (0..<3).map { _ in
                            let isa = try allocator.next(.interchange, partner: "ACME")
                            let gs = try allocator.next(.group, partner: "ACME")
                            return Sample.draft("\(isa)-\(gs)")
                        }
                    }))
            var names: [String] = []
            for id in ids { names.append(try #require(try await store.message(id)).draft.fileName) }
            #expect(names == ["999999999-42.x12", "1-43.x12", "2-44.x12"])
            let audit = try await store.auditLog(subject: "partner:ACME", limit: 10)
            #expect(audit.map(\.event) == ["controlNumbers.set"])
            #expect(audit.first?.at == at(1))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func groupNumbersRollOverAndANewPartnerStartsAtOne(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.setControlNumbers(
                ControlNumbers(interchange: 7, group: 999_999_999), partner: "ACME", at: at(1))
            let ids = try await store.commitExpectingSuccess(
                InboundCommit(
                    file: Sample.file("S"),
                    build: { allocator in
                        try [("ACME", true), ("ACME", false), ("Globex", false), ("Globex", true), ("Globex", true)]
                            .map { partner, interchange in
                                let number = try allocator.next(interchange ? .interchange : .group, partner: partner)
                                return Sample.draft("\(partner)-\(interchange ? "isa" : "gs")-\(number)")
                            }
                    }))
            var names: [String] = []
            for id in ids { names.append(try #require(try await store.message(id)).draft.fileName) }
            #expect(
                names == ["ACME-isa-8.x12", "ACME-gs-1.x12", "Globex-gs-1.x12", "Globex-isa-1.x12", "Globex-isa-2.x12"])
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 8, group: 1))
            #expect(try await store.controlNumbers(partner: "Globex") == ControlNumbers(interchange: 2, group: 1))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func seedingRejectsNumbersOutOfRange(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            for numbers in [
                ControlNumbers(interchange: 1_000_000_000, group: 1), ControlNumbers(interchange: 1, group: -1),
            ] {
                await #expect {
                    try await store.setControlNumbers(numbers, partner: "ACME", at: t0)
                } throws: { error in
                    guard case .invalid(let message) = error as? StoreError else { return false }
                    return message.contains("ACME")
                }
            }
            #expect(try await store.controlNumbers(partner: "ACME") == nil)
            try await store.setControlNumbers(
                ControlNumbers(interchange: 0, group: 999_999_999), partner: "ACME", at: t0)
        }
    }

    // MARK: Queue

    @Test(arguments: StoreKind.allCases)
    func claimingTakesDueMessagesOldestFirstUpToTheLimit(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let later = try await store.commitExpectingSuccess(Sample.commit("L", receivedAt: at(10), messages: ["l"]))
            let early = try await store.commitExpectingSuccess(
                Sample.commit("E", receivedAt: at(0), messages: ["e1", "e2"]))
            let future = try await store.commitExpectingSuccess(
                Sample.commit("F", receivedAt: at(1000), messages: ["f"]))
            #expect(try await store.nextDueDate() == at(0))

            let first = try await store.claimDueMessages(now: at(20), limit: 2, lease: 60)
            #expect(first.map(\.id) == early)
            #expect(first.allSatisfy { $0.state == .inFlight && $0.attempts == 1 && $0.leaseUntil == at(80) })
            #expect(first.first?.draft.payload == Data("ISA*e1~".utf8))

            let second = try await store.claimDueMessages(now: at(20), limit: 10, lease: 60)
            #expect(second.map(\.id) == later)
            #expect(try await store.claimDueMessages(now: at(20), limit: 10, lease: 60).isEmpty)
            #expect(try await store.claimDueMessages(now: at(999), limit: 0, lease: 60).isEmpty)
            #expect(try await store.nextDueDate() == at(80))
            #expect(try await store.message(early[0])?.state == .inFlight)
            #expect(try await store.messageCounts() == [.inFlight: 3, .pending: 1])
            #expect(
                try await store.auditLog(subject: "message:\(early[0])", limit: 10).map(\.event) == [
                    "claimed", "enqueued",
                ])

            // Expired leases (all at 80, then by id) before the message that fell due at 1000.
            let last = try await store.claimDueMessages(now: at(1000), limit: 10, lease: 60)
            #expect(last.map(\.id) == later + early + future)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func messagesClaimedAsTheyAreEnqueuedAreInFlightAndClaimedAgainOnlyAfterTheirLease(_ kind: StoreKind)
        async throws
    {
        try await kind.withStore { store in
            let waiting = try await store.commitExpectingSuccess(Sample.commit("W", receivedAt: at(0), messages: ["w"]))
            let (results, claimed) = try await store.commit(
                [
                    Sample.commit("A", receivedAt: at(5), messages: ["a1", "a2"]),
                    Sample.commit("W", receivedAt: at(5), messages: ["again"]),  // the claim exists: refused
                    Sample.commit("B", receivedAt: at(6), messages: ["b"]),
                    Sample.commit("N", receivedAt: at(6)),
                ], claimingAt: at(10), lease: 60)
            guard results.count == 4, case .committed(let a) = results[0], case .failed = results[1],
                case .committed(let b) = results[2], case .committed(let none) = results[3]
            else {
                Issue.record("unexpected results \(results)")
                return
            }
            #expect(none.isEmpty)
            // In commit order, as a claim returns them: in flight on attempt 1, with their payloads.
            #expect(claimed.map(\.id) == a + b)
            #expect(claimed.map(\.draft.payload) == ["ISA*a1~", "ISA*a2~", "ISA*b~"].map { Data($0.utf8) })
            #expect(
                claimed.allSatisfy {
                    $0.state == .inFlight && $0.attempts == 1 && $0.leaseUntil == at(70) && $0.sourceClaim != "W"
                })
            #expect(claimed.first?.draft.groupControlNumber == nil)
            for message in claimed {
                #expect(try await store.message(message.id) == message)
                #expect(
                    try await store.auditLog(subject: "message:\(message.id)", limit: 10).map(\.event) == [
                        "claimed", "enqueued",
                    ])
            }
            // A claim before the lease ends takes only the message enqueued without one.
            #expect(try await store.claimDueMessages(now: at(20), limit: 10, lease: 60).map(\.id) == waiting)
            #expect(try await store.messageCounts() == [.inFlight: 4])
            // A caller that died without recording: claimed again once the lease ends, on attempt 2.
            let again = try await store.claimDueMessages(now: at(70), limit: 10, lease: 60)
            #expect(again.map(\.id) == a + b)
            #expect(again.allSatisfy { $0.attempts == 2 })
            // Delivered as any claimed message is.
            try await store.markDelivered(a[0], at: at(71), detail: "written")
            #expect(try await store.attempts(message: a[0]).map(\.number) == [2])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aCrashedWorkersMessageIsClaimedAgainAfterItsLease(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["m"]))
            let taken = try await store.claimDueMessages(now: at(0), limit: 10, lease: 30)
            #expect(taken.map(\.id) == ids)
            // The worker dies without marking anything.
            #expect(try await store.claimDueMessages(now: at(29), limit: 10, lease: 30).isEmpty)
            let again = try await store.claimDueMessages(now: at(31), limit: 10, lease: 30)
            #expect(again.map(\.id) == ids)
            #expect(again.first?.attempts == 2)
            #expect(again.first?.leaseUntil == at(61))
            #expect(try await store.nextDueDate() == at(61))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func failedAttemptsRetryThenDieAndDeliveriesFinish(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["retried", "delivered"]))
            let (retried, delivered) = (ids[0], ids[1])
            _ = try await store.claimDueMessages(now: at(0), limit: 10, lease: 60)

            try await store.markFailed(retried, at: at(1), reason: "HTTP 503", retryAt: at(100))
            try await store.markDelivered(delivered, at: at(2), detail: "HTTP 200")
            let waiting = try #require(try await store.message(retried))
            #expect(waiting.state == .pending && waiting.nextAttemptAt == at(100) && waiting.leaseUntil == nil)
            #expect(waiting.lastError == "HTTP 503")
            let done = try #require(try await store.message(delivered))
            #expect(done.state == .delivered && done.deliveredAt == at(2) && done.leaseUntil == nil)
            #expect(try await store.nextDueDate() == at(100))
            #expect(try await store.claimDueMessages(now: at(99), limit: 10, lease: 60).isEmpty)

            #expect(try await store.claimDueMessages(now: at(100), limit: 10, lease: 60).map(\.id) == [retried])
            try await store.markFailed(retried, at: at(101), reason: "HTTP 400", retryAt: nil)
            let dead = try #require(try await store.message(retried))
            #expect(dead.state == .dead && dead.attempts == 2 && dead.lastError == "HTTP 400")
            #expect(try await store.nextDueDate() == nil)
            #expect(try await store.claimDueMessages(now: at(10_000), limit: 10, lease: 60).isEmpty)

            #expect(
                try await store.attempts(message: retried) == [
                    DeliveryAttempt(messageID: retried, number: 1, at: at(1), result: "retry", detail: "HTTP 503"),
                    DeliveryAttempt(messageID: retried, number: 2, at: at(101), result: "dead", detail: "HTTP 400"),
                ])
            #expect(
                try await store.attempts(message: delivered) == [
                    DeliveryAttempt(messageID: delivered, number: 1, at: at(2), result: "delivered", detail: "HTTP 200")
                ])
            #expect(
                try await store.auditLog(subject: "message:\(retried)", limit: 10).map(\.event) == [
                    "dead", "claimed", "attempt.failed", "claimed", "enqueued",
                ])
            #expect(try await store.messageCounts() == [.dead: 1, .delivered: 1])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aLateFailureDoesNotUndoADelivery(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["m"]))
            _ = try await store.claimDueMessages(now: at(0), limit: 1, lease: 10)
            _ = try await store.claimDueMessages(now: at(11), limit: 1, lease: 10)
            try await store.markDelivered(ids[0], at: at(12), detail: "written")
            try await store.markFailed(ids[0], at: at(13), reason: "timed out", retryAt: at(50))
            #expect(try await store.message(ids[0])?.state == .delivered)
            #expect(try await store.attempts(message: ids[0]).map(\.result) == ["delivered", "retry"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func markingAnUnknownMessageFails(_ kind: StoreKind) async throws {
        try await kind.withStore { (store) async throws in
            await #expect(throws: StoreError.self) { try await store.markDelivered(42, at: t0, detail: "") }
            await #expect(throws: StoreError.self) {
                try await store.markFailed(42, at: t0, reason: "", retryAt: nil)
            }
            #expect(try await store.message(42) == nil)
            #expect(try await store.attempts(message: 42) == [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchOfOutcomesIsRecordedTogetherEachOnItsOwnTerms(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(
                Sample.commit("C", messages: ["delivered", "retried", "dead", "hooked"]))
            _ = try await store.claimDueMessages(now: at(0), limit: 10, lease: 60)
            let hooked = Mutex<[Int64]>([])
            let failing: DeliveryTracking = { _, _ throws(StoreError) in throw StoreError.invalid("hook refused") }

            let failures = try await store.record([
                AttemptOutcome(
                    messageID: ids[0], at: at(1), result: .delivered(detail: "written"),
                    track: { _, message throws(StoreError) in
                        // The hook is given the message without its payload (never read back for it).
                        if message.draft.payload.isEmpty { hooked.withLock { $0.append(message.id) } }
                    }),
                AttemptOutcome(messageID: ids[1], at: at(1), result: .failed(reason: "HTTP 503", retryAt: at(30))),
                AttemptOutcome(messageID: 42, at: at(1), result: .delivered(detail: "unknown")),
                AttemptOutcome(messageID: ids[2], at: at(1), result: .failed(reason: "HTTP 400", retryAt: nil)),
                AttemptOutcome(messageID: ids[3], at: at(1), result: .delivered(detail: "written"), track: failing),
            ])

            #expect(failures.map { $0 == nil } == [true, true, false, true, false])
            #expect(hooked.withLock { $0 } == [ids[0]])
            #expect(try await store.message(ids[0])?.state == .delivered)
            #expect(try await store.message(ids[1])?.nextAttemptAt == at(30))
            #expect(try await store.message(ids[2])?.state == .dead)
            // The outcome whose hook threw is rolled back alone: still in flight, no attempt recorded.
            #expect(try await store.message(ids[3])?.state == .inFlight)
            #expect(try await store.attempts(message: ids[3]) == [])
            #expect(try await store.attempts(message: ids[0]).map(\.result) == ["delivered"])
            #expect(try await store.messageCounts() == [.delivered: 1, .pending: 1, .dead: 1, .inFlight: 1])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deadMessagesAreRetriedOneByOneOrAllAtOnce(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["a", "b", "c", "d"]))
            _ = try await store.claimDueMessages(now: at(0), limit: 10, lease: 60)
            for id in ids.prefix(3) { try await store.markFailed(id, at: at(1), reason: "refused", retryAt: nil) }
            try await store.markDelivered(ids[3], at: at(1), detail: "ok")

            #expect(try await store.retry(ids[0], at: at(5)))
            let revived = try #require(try await store.message(ids[0]))
            #expect(revived.state == .pending && revived.nextAttemptAt == at(5))
            #expect(try await store.retry(ids[0], at: at(6)))  // pending: due now
            #expect(try await store.message(ids[0])?.nextAttemptAt == at(6))
            #expect(try await store.retry(ids[3], at: at(6)) == false)  // delivered
            #expect(try await store.retry(999, at: at(6)) == false)
            #expect(try await store.retryAllDead(at: at(7)) == 2)
            #expect(try await store.retryAllDead(at: at(8)) == 0)
            #expect(try await store.messageCounts() == [.pending: 3, .delivered: 1])
            #expect(
                try await store.claimDueMessages(now: at(7), limit: 10, lease: 60).map(\.id) == Array(ids.prefix(3)))
            #expect(
                try await store.auditLog(subject: "message:\(ids[1])", limit: 2).map(\.event) == ["claimed", "retried"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func messagesAreListedNewestFirstWithoutPayloads(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["a", "b", "c"]))
            _ = try await store.claimDueMessages(now: at(0), limit: 1, lease: 60)
            try await store.markDelivered(ids[0], at: at(1), detail: "ok")

            let all = try await store.messages(state: nil, limit: 10)
            #expect(all.map(\.id) == ids.reversed())
            #expect(all.allSatisfy { $0.draft.payload.isEmpty })
            #expect(all.last?.draft.fileName == "a.x12")
            #expect(try await store.messages(state: nil, limit: 2).map(\.id) == [ids[2], ids[1]])
            #expect(try await store.messages(state: .pending, limit: 10).map(\.id) == [ids[2], ids[1]])
            #expect(try await store.messages(state: .delivered, limit: 10).map(\.id) == [ids[0]])
            #expect(try await store.messages(state: .dead, limit: 10).isEmpty)
            #expect(try await store.message(ids[0])?.draft.payload == Data("ISA*a~".utf8))
            #expect(try await store.messageCounts() == [.pending: 2, .delivered: 1])
        }
    }

    // MARK: History

    @Test(arguments: StoreKind.allCases)
    func historyIsListedNewestFirstAndEventsOldestFirst(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            func record(_ claim: String, at date: Date) -> InboundCommit {
                InboundCommit(
                    file: Sample.file(claim, receivedAt: date),
                    duplicates: [DuplicateRecord(kind: .interchange, key: claim, claim: claim, partner: nil, at: date)],
                    gaps: [ControlNumberGap(partner: "ACME", previous: 1, received: 3, claim: claim, at: date)],
                    events: [
                        TrackingEvent(
                            orderNumber: "PO-1", partner: "ACME", kind: "from-\(claim)", at: date, detail: "{}"),
                        TrackingEvent(orderNumber: "PO-2", partner: nil, kind: "other", at: date, detail: ""),
                    ])
            }
            _ = try await store.commit([record("B", at: at(20)), record("A", at: at(10)), record("C", at: at(30))])
            _ = try await store.commit([record("D", at: at(30))])

            #expect(try await store.duplicates(limit: 10).map(\.claim) == ["D", "C", "B", "A"])
            #expect(try await store.duplicates(limit: 2).map(\.claim) == ["D", "C"])
            #expect(try await store.controlNumberGaps(limit: 3).map(\.claim) == ["D", "C", "B"])
            #expect(
                try await store.trackingEvents(orderNumber: "PO-1").map(\.kind) == [
                    "from-A", "from-B", "from-C", "from-D",
                ])
            #expect(try await store.trackingEvents(orderNumber: "PO-3").isEmpty)
            #expect(
                try await store.auditLog(subject: nil, limit: 10).map(\.subject) == [
                    "file:D", "file:C", "file:B", "file:A",
                ])
            #expect(try await store.auditLog(subject: nil, limit: 1).map(\.subject) == ["file:D"])
            #expect(try await store.auditLog(subject: "file:A", limit: 10).map(\.subject) == ["file:A"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func sweepRemovesOldHistoryButNeverQueuedMessages(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            // Old file, all its messages finished long ago.
            let finished = try await store.commitExpectingSuccess(
                InboundCommit(
                    file: Sample.file("OLD", receivedAt: at(0)), interchanges: [Sample.interchange("1")],
                    payloadIDs: ["p-old"], documents: [Sample.document("PO-1")],
                    duplicates: [DuplicateRecord(kind: .content, key: "h", claim: "OLD", partner: nil, at: at(0))],
                    gaps: [ControlNumberGap(partner: "ACME", previous: 1, received: 5, claim: "OLD", at: at(0))],
                    events: [
                        TrackingEvent(orderNumber: "PO-1", partner: nil, kind: "distributed", at: at(0), detail: "")
                    ],
                    build: { _ in [Sample.draft("d"), Sample.draft("x")] }))
            // Old file with one message still pending and one in flight.
            let queued = try await store.commitExpectingSuccess(
                Sample.commit("QUEUED", receivedAt: at(0), messages: ["p", "f"]))
            // Recent file.
            _ = try await store.commitExpectingSuccess(Sample.commit("NEW", receivedAt: at(500), messages: ["n"]))

            _ = try await store.claimDueMessages(now: at(1), limit: 2, lease: 10)
            try await store.markDelivered(finished[0], at: at(2), detail: "ok")
            try await store.markFailed(finished[1], at: at(2), reason: "no", retryAt: nil)
            _ = try await store.claimDueMessages(now: at(3), limit: 1, lease: 10_000)  // queued[0] in flight
            #expect(try await store.message(queued[0])?.state == .inFlight)
            #expect(try await store.message(queued[1])?.state == .pending)
            let auditBefore = try await store.auditLog(subject: nil, limit: 1000)

            let removed = try await store.sweep(before: at(100))

            // 2 messages + 2 attempts + 1 file + 1 document + 1 duplicate + 1 gap + the old timeline event of an
            // order no leg is tracked for + the old audit entries.
            let oldAudit = auditBefore.filter { $0.at < at(100) }.count
            #expect(removed == 9 + oldAudit)
            #expect(try await store.message(finished[0]) == nil)
            #expect(try await store.message(finished[1]) == nil)
            #expect(try await store.attempts(message: finished[0]).isEmpty)
            #expect(try await store.inboundFile(claim: "OLD") == nil)
            #expect(try await store.documents(claim: "OLD").isEmpty)
            #expect(try await store.duplicates(limit: 10).isEmpty)
            #expect(try await store.controlNumberGaps(limit: 10).isEmpty)
            #expect(try await store.auditLog(subject: nil, limit: 1000).allSatisfy { $0.at >= at(100) })
            // Kept: queued messages and their file, the recent file, duplicate guards.
            #expect(try await store.message(queued[0])?.state == .inFlight)
            #expect(try await store.message(queued[1])?.state == .pending)
            #expect(try await store.inboundFile(claim: "QUEUED") != nil)
            #expect(try await store.inboundFile(claim: "NEW") != nil)
            #expect(try await store.receivedInterchanges([Sample.interchange("1")]).count == 1)
            #expect(try await store.receivedPayloadIDs(["p-old"]) == ["p-old"])
            #expect(try await store.trackingEvents(orderNumber: "PO-1").isEmpty)
            #expect(try await store.messageCounts() == [.inFlight: 1, .pending: 2])
            #expect(try await store.sweep(before: at(100)) == 0)
        }
    }
}
