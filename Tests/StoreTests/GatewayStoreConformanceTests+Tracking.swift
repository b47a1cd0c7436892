import Foundation
import Store
import Testing

/// Order tracking, against every implementation.
extension GatewayStoreConformanceTests {
    // MARK: Legs and versions

    @Test(arguments: StoreKind.allCases)
    func legsAndVersionsReadBackAndAreReplacedByKey(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            var full = TrackedOrder(
                orderNumber: "PO-1", partner: "Globex", buyer: "ERP", status: .confirmedWithChanges, version: 3,
                isBlanket: true, distributedAt: at(1), updatedAt: at(9), deliveredAt: at(2), acknowledgedAt: at(3),
                confirmedAt: at(4), shippedAt: at(5), acknowledgmentDue: at(6), confirmationDue: at(7),
                acknowledgmentAllowance: 3600.5, confirmationAllowance: 86_400, acknowledgedOnTime: false,
                groupControlNumber: "42", controlReference: "000000042", discrepancyCount: 2,
                document: Data("{}".utf8), reconciliation: Data(#"{"lines":[]}"#.utf8))
            let bare = Sample.leg("PO-1", partner: "ACME", status: .distributed, delivered: nil, allowance: 0)
            let other = Sample.leg("PO-2", group: "42")
            try await store.save([full, bare, other])

            #expect(try await store.trackedOrders(number: "PO-1") == [bare, full])
            #expect(try await store.trackedOrders(number: "PO-9").isEmpty)
            let read = try await store.track { session throws(StoreError) in
                (
                    try session.order("PO-1", partner: "Globex"), try session.order("PO-1", partner: "Initech"),
                    try session.orders(number: "PO-1"), try session.orders(partner: "Globex", groupControlNumber: "42"),
                    try session.orders(partner: "ACME", groupControlNumber: "42")
                )
            }
            #expect(read.0 == full)
            #expect(read.1 == nil)
            #expect(read.2 == [bare, full])
            #expect(read.3 == [full])
            #expect(read.4 == [other])

            full.status = .closed
            full.acknowledgedOnTime = nil
            full.reconciliation = Data()
            try await store.save([full])
            #expect(try await store.trackedOrders(number: "PO-1") == [bare, full])

            let versions = [
                Sample.version("PO-1", partner: "Globex", 2), Sample.version("PO-1", partner: "Globex", 1),
                Sample.version("PO-1", partner: "ACME", 1), Sample.version("PO-2", 1),
            ]
            try await store.track { session throws(StoreError) in
                for version in versions { try session.addVersion(version) }
            }
            var replaced = Sample.version("PO-1", partner: "Globex", 2, at: 50)
            replaced.kind = "cancellation"
            let replacement = replaced
            try await store.track { session throws(StoreError) in try session.addVersion(replacement) }
            #expect(try await store.orderVersions(number: "PO-1") == [versions[2], versions[1], replaced])
            #expect(try await store.orderVersions(number: "PO-3").isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aTrackingOnlySaveKeepsTheLegsDocuments(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            var stored = Sample.leg("PO-1", group: "42")
            stored.document = Data(#"{"document":"purchaseOrder"}"#.utf8)
            stored.reconciliation = Data(#"{"lines":[]}"#.utf8)
            let leg = stored
            try await store.save([leg])
            let changed = try await store.track { session throws(StoreError) -> TrackedOrder? in
                guard var read = try session.orderTracking("PO-1", partner: leg.partner) else { return nil }
                #expect(try session.orderTracking("PO-1", partner: "Initech") == nil)
                // Everything but the documents is read (they may be left out).
                var withoutDocuments = read
                withoutDocuments.document = leg.document
                withoutDocuments.reconciliation = leg.reconciliation
                #expect(withoutDocuments == leg)
                read.status = .acknowledged
                read.acknowledgedAt = at(5)
                read.acknowledgmentDue = at(6)
                read.updatedAt = at(5)
                // Even empty documents in the value do not replace the stored ones.
                read.document = Data()
                read.reconciliation = Data()
                try session.saveTracking(read)
                return read
            }
            var expected = try #require(changed)
            expected.document = leg.document
            expected.reconciliation = leg.reconciliation
            #expect(try await store.trackedOrders(number: "PO-1") == [expected])
            #expect(
                try await store.track { session throws(StoreError) in try session.order("PO-1", partner: leg.partner) }
                    == expected)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func dueLegsComeEarliestDeadlineFirstUpToTheLimit(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.save([
                Sample.leg("PO-A", acknowledgmentDue: 50, confirmationDue: 30),  // due at 30
                Sample.leg("PO-B", acknowledgmentDue: 10),
                Sample.leg("PO-C", confirmationDue: 20),
                Sample.leg("PO-D", partner: "Globex", acknowledgmentDue: 20),
                Sample.leg("PO-E", acknowledgmentDue: 200),  // not yet
                Sample.leg("PO-F"),  // nothing awaited
            ])
            let due = try await store.track { session throws(StoreError) in
                (
                    try session.orders(dueBy: at(100), limit: 10).map(\.orderNumber),
                    try session.orders(dueBy: at(100), limit: 2).map(\.orderNumber),
                    try session.orders(dueBy: at(20), limit: 10).map(\.orderNumber),
                    try session.orders(dueBy: at(5), limit: 10).map(\.orderNumber)
                )
            }
            #expect(due.0 == ["PO-B", "PO-C", "PO-D", "PO-A"])
            #expect(due.1 == ["PO-B", "PO-C"])
            #expect(due.2 == ["PO-B", "PO-C", "PO-D"])
            #expect(due.3.isEmpty)
        }
    }

    // MARK: Alerts

    @Test(arguments: StoreKind.allCases)
    func anAlertIsOpenOncePerKindAndKeyAndRaisesAgainAfterItCloses(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = try #require(try await store.raise(Sample.alert("PO-1@ACME", order: "PO-1"), at: at(10)))
            #expect(first.isOpen && first.raisedAt == at(10) && first.orderNumber == "PO-1")
            #expect(try await store.raise(Sample.alert("PO-1@ACME", order: "PO-1"), at: at(11)) == nil)
            let sameKeyOtherKind = try #require(
                try await store.raise(Sample.alert("PO-1@ACME", kind: .discrepancy, order: "PO-1"), at: at(5)))
            let otherOrder = try #require(try await store.raise(Sample.alert("PO-2@ACME", order: "PO-2"), at: at(12)))
            #expect(first.id < sameKeyOtherKind.id && sameKeyOtherKind.id < otherOrder.id)

            let open = try await store.track { session throws(StoreError) in
                try session.openAlerts(orderNumber: "PO-1")
            }
            #expect(open == [sameKeyOtherKind, first])  // oldest first

            #expect(try await store.close(.acknowledgmentOverdue, key: "nothing", at: at(20)).isEmpty)
            let closed = try await store.close(.acknowledgmentOverdue, key: "PO-1@ACME", at: at(20), because: "997")
            var expected = first
            expected.closedAt = at(20)
            expected.closedBecause = "997"
            #expect(closed == [expected])
            #expect(!expected.isOpen)

            let again = try #require(try await store.raise(Sample.alert("PO-1@ACME", order: "PO-1"), at: at(30)))
            #expect(again.id > otherOrder.id)
            #expect(
                try await store.alerts(openOnly: false, limit: 10) == [again, otherOrder, expected, sameKeyOtherKind])
            #expect(try await store.alerts(openOnly: true, limit: 10) == [again, otherOrder, sameKeyOtherKind])
            #expect(try await store.alerts(openOnly: true, limit: 1) == [again])
            let openNow = try await store.track { session throws(StoreError) in
                try session.openAlerts(orderNumber: "PO-1")
            }
            #expect(openNow == [sameKeyOtherKind, again])
            // The same, read without a transaction, for several orders at once.
            #expect(try await store.openAlerts(orderNumbers: ["PO-1"]) == [sameKeyOtherKind, again])
            #expect(
                try await store.openAlerts(orderNumbers: ["PO-2", "PO-1", "PO-9"]) == [
                    sameKeyOtherKind, otherOrder, again,
                ])
            #expect(try await store.openAlerts(orderNumbers: []).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func openAlertsOfAKindAreListedPerPartner(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let late = try #require(
                try await store.raise(Sample.alert("ACME:1-5", kind: .controlNumberGap), at: at(20)))
            let early = try #require(
                try await store.raise(Sample.alert("ACME:7-9", kind: .controlNumberGap), at: at(10)))
            _ = try await store.raise(Sample.alert("GLOBEX:1-3", kind: .controlNumberGap, partner: "GLOBEX"), at: at(5))
            _ = try await store.raise(Sample.alert("ACME-other", kind: .duplicate), at: at(5))
            _ = try await store.close(.controlNumberGap, key: "ACME:7-9", at: at(30))
            let reopened = try #require(
                try await store.raise(Sample.alert("ACME:7-9", kind: .controlNumberGap), at: at(40)))
            let open = try await store.track { session throws(StoreError) in
                try session.openAlerts(kind: .controlNumberGap, partner: "ACME")
            }
            #expect(open == [late, reopened])  // oldest first; the closed one is gone
            #expect(early.id != reopened.id)
            let none = try await store.track { session throws(StoreError) in
                try session.openAlerts(kind: .controlNumberGap, partner: "NOBODY")
            }
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func alertEventsComeInSequenceWithTheAlertAsItWasThen(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            #expect(try await store.alertEvents(after: 0, limit: 10).isEmpty)
            let first = try #require(try await store.raise(Sample.alert("A"), at: at(1)))
            let second = try #require(try await store.raise(Sample.alert("B", partner: nil), at: at(2)))
            let closed = try #require(try await store.close(.acknowledgmentOverdue, key: "A", at: at(3)).first)
            let third = try #require(try await store.raise(Sample.alert("A"), at: at(4)))

            let events = try await store.alertEvents(after: 0, limit: 10)
            #expect(events.map(\.change) == [.raised, .raised, .closed, .raised])
            #expect(events.map(\.alert) == [first, second, closed, third])
            #expect(events.map(\.at) == [at(1), at(2), at(3), at(4)])
            let sequences = events.map(\.sequence)
            #expect(sequences == sequences.sorted() && Set(sequences).count == 4)
            #expect(try await store.alertEvents(after: sequences[1], limit: 10) == Array(events[2...]))
            #expect(try await store.alertEvents(after: sequences[0], limit: 2) == Array(events[1...2]))
            #expect(try await store.alertEvents(after: sequences[3], limit: 10).isEmpty)

            #expect(try await store.exportedAlertSequence() == 0)
            try await store.setExportedAlertSequence(sequences[2])
            #expect(try await store.exportedAlertSequence() == sequences[2])
            try await store.setExportedAlertSequence(sequences[3])
            #expect(try await store.exportedAlertSequence() == sequences[3])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aTrackTransactionThatThrowsLeavesNothing(_ kind: StoreKind) async throws {
        try await kind.withStore { store throws in
            await #expect(throws: StoreError.invalid("no")) {
                try await store.track { session throws(StoreError) in
                    try session.save(Sample.leg("PO-1"))
                    try session.addVersion(Sample.version("PO-1", 1))
                    try session.record(
                        TrackingEvent(orderNumber: "PO-1", partner: "ACME", kind: "closed", at: t0, detail: ""))
                    try session.raise(Sample.alert("PO-1"), at: t0)
                    throw .invalid("no")
                }
            }
            #expect(try await store.trackedOrders(number: "PO-1").isEmpty)
            #expect(try await store.orderVersions(number: "PO-1").isEmpty)
            #expect(try await store.trackingEvents(orderNumber: "PO-1").isEmpty)
            #expect(try await store.alerts(openOnly: false, limit: 10).isEmpty)
            #expect(try await store.alertEvents(after: 0, limit: 10).isEmpty)
            // The key is free: the rolled-back alert was never open.
            #expect(try await store.raise(Sample.alert("PO-1"), at: t0) != nil)
        }
    }

    // MARK: Hooks

    @Test(arguments: StoreKind.allCases)
    func aCommitsTrackHookRunsInsideItWithTheDrafts(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let drafts = [
                OutboundDraft(
                    partner: "ACME", documentKind: "purchaseOrder", format: "x12", target: .directory("outbox"),
                    fileName: "a.x12", payload: Data("ISA~".utf8), controlReference: "000000001",
                    orderNumber: "PO-1", isTest: false, isCopy: false, groupControlNumber: "7")
            ]
            let commit = InboundCommit(
                file: Sample.file("C1", receivedAt: at(5)), documents: [Sample.document("PO-1")],
                events: [TrackingEvent(orderNumber: "PO-1", partner: nil, kind: "received", at: at(5), detail: "")],
                build: { _ in drafts },
                track: { session, given throws(StoreError) in
                    // The commit's own events are already there; the drafts are those built.
                    guard given == drafts, given.first?.groupControlNumber == "7" else {
                        throw .invalid("unexpected drafts \(given)")
                    }
                    try session.save(Sample.leg("PO-1", status: .distributed, delivered: nil, group: "7"))
                    try session.record(
                        TrackingEvent(orderNumber: "PO-1", partner: "ACME", kind: "distributed", at: at(5), detail: ""))
                    try session.raise(Sample.alert("PO-1@ACME", kind: .accuracyHold, order: "PO-1"), at: at(5))
                })
            let ids = try await store.commitExpectingSuccess(commit)

            #expect(ids.count == 1)
            #expect(try await store.trackedOrders(number: "PO-1").map(\.groupControlNumber) == ["7"])
            #expect(try await store.trackingEvents(orderNumber: "PO-1").map(\.kind) == ["received", "distributed"])
            #expect(try await store.alerts(openOnly: true, limit: 10).map(\.kind) == [.accuracyHold])
            // The group control number is handed to the hook, not stored with the message.
            #expect(try await store.message(ids[0])?.draft.groupControlNumber == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aThrowingTrackHookFailsOnlyItsOwnCommit(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let failing = InboundCommit(
                file: Sample.file("BAD"), interchanges: [Sample.interchange("1")], payloadIDs: ["p-bad"],
                documents: [Sample.document("PO-1")],
                events: [TrackingEvent(orderNumber: "PO-1", partner: nil, kind: "received", at: t0, detail: "")],
                build: { allocator in
                    _ = try allocator.next(.interchange, partner: "ACME")
                    return [Sample.draft("bad")]
                },
                track: { session, _ throws(StoreError) in
                    try session.save(Sample.leg("PO-1"))
                    try session.raise(Sample.alert("PO-1"), at: t0)
                    throw .invalid("the tracker gave up on PO-1")
                })
            let good = InboundCommit(
                file: Sample.file("GOOD"), documents: [Sample.document("PO-2")],
                build: { allocator in
                    let isa = try allocator.next(.interchange, partner: "ACME")
                    return [Sample.draft("isa-\(isa)")]
                },
                track: { session, _ throws(StoreError) in try session.save(Sample.leg("PO-2")) })
            let results = try await store.commit([failing, good])

            #expect(results[0].failureReason?.contains("the tracker gave up on PO-1") == true)
            #expect(results[0].failureReason?.contains("BAD") == true)
            #expect(try await store.inboundFile(claim: "BAD") == nil)
            #expect(try await store.receivedInterchanges([Sample.interchange("1")]).isEmpty)
            #expect(try await store.receivedPayloadIDs(["p-bad"]).isEmpty)
            #expect(try await store.documents(orderNumber: "PO-1").isEmpty)
            #expect(try await store.trackingEvents(orderNumber: "PO-1").isEmpty)
            #expect(try await store.trackedOrders(number: "PO-1").isEmpty)
            #expect(try await store.alerts(openOnly: false, limit: 10).isEmpty)
            #expect(try await store.auditLog(subject: "file:BAD", limit: 10).isEmpty)

            let id = try #require(results[1].messageIDs?.first)
            #expect(try await store.message(id)?.draft.fileName == "isa-1.x12")
            #expect(try await store.messageCounts() == [.pending: 1])
            #expect(try await store.trackedOrders(number: "PO-2").count == 1)
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 1, group: 0))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deliveryOutcomeHooksSeeTheMessageAfterTheChange(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["a", "b", "c"]))
            _ = try await store.claimDueMessages(now: at(1), limit: 3, lease: 60)
            // Each hook call leaves an event "<state>@<id>" on the order.
            let hook: DeliveryTracking = { session, message throws(StoreError) in
                try session.record(
                    TrackingEvent(
                        orderNumber: "hooks", partner: message.draft.partner,
                        kind: "\(message.state.rawValue)@\(message.id)", at: t0,
                        detail: "\(message.lastError ?? "-") \(message.deliveredAt ?? message.nextAttemptAt)"))
            }

            try await store.markDelivered(ids[0], at: at(2), detail: "ok", track: hook)
            try await store.markDelivered(ids[0], at: at(3), detail: "again", track: hook)  // already delivered
            try await store.markFailed(ids[0], at: at(4), reason: "late", retryAt: nil, track: hook)  // stays delivered
            try await store.markFailed(ids[1], at: at(5), reason: "busy", retryAt: at(60), track: hook)
            try await store.markFailed(ids[2], at: at(6), reason: "gone", retryAt: nil, track: hook)

            let events = try await store.trackingEvents(orderNumber: "hooks")
            #expect(events.map(\.kind) == ["delivered@\(ids[0])", "pending@\(ids[1])", "dead@\(ids[2])"])
            // Delivered at, retry at, still the creation date.
            #expect(events.map(\.detail) == ["- \(at(2))", "busy \(at(60))", "gone \(t0)"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aThrowingDeliveryHookLeavesTheMessageAsItWas(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["a"]))
            let claimed = try await store.claimDueMessages(now: at(1), limit: 1, lease: 60)
            let failing: DeliveryTracking = { session, _ throws(StoreError) in
                try session.save(Sample.leg("PO-a"))
                throw .invalid("the tracker gave up")
            }
            await #expect(throws: StoreError.invalid("the tracker gave up")) {
                try await store.markDelivered(ids[0], at: at(2), detail: "ok", track: failing)
            }
            await #expect(throws: StoreError.invalid("the tracker gave up")) {
                try await store.markFailed(ids[0], at: at(2), reason: "no", retryAt: nil, track: failing)
            }
            #expect(try await store.message(ids[0]) == claimed.first)
            #expect(try await store.attempts(message: ids[0]).isEmpty)
            #expect(try await store.trackedOrders(number: "PO-a").isEmpty)
        }
    }

    // MARK: Documents of an order

    @Test(arguments: StoreKind.allCases)
    func anOrdersDocumentsComeOldestFirstWithTheirFiles(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let confirmation = DocumentRecord(
                kind: "purchaseOrderAcknowledgment", partner: "ACME", orderNumber: "PO-1",
                controlReference: "000000009/9/0001", isTest: false, status: .recorded, json: Data("{}".utf8))
            _ = try await store.commit([
                InboundCommit(
                    file: Sample.file("LATER", receivedAt: at(20)), documents: [confirmation, Sample.document("PO-2")]),
                InboundCommit(file: Sample.file("FIRST", receivedAt: at(10)), documents: [Sample.document("PO-1")]),
            ])
            let documents = try await store.documents(orderNumber: "PO-1")
            #expect(
                documents == [
                    StoredDocument(record: Sample.document("PO-1"), claim: "FIRST", receivedAt: at(10)),
                    StoredDocument(record: confirmation, claim: "LATER", receivedAt: at(20)),
                ])
            #expect(try await store.documents(orderNumber: "PO-3").isEmpty)
        }
    }

    // MARK: Status

    @Test(arguments: StoreKind.allCases)
    func theStatusReportCountsAndComputesEachPartnersFigures(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            // ACME: latencies to the 997 10, 30, 50; to the 855 100, 300.
            let acme = [
                Sample.leg("PO-1", status: .confirmed, acknowledged: 10, onTime: true, confirmed: 100),
                Sample.leg(
                    "PO-2", status: .confirmedWithChanges, version: 2, acknowledged: 30, onTime: true, confirmed: 300,
                    discrepancies: 2),
                Sample.leg("PO-3", status: .shipped, acknowledged: 50, onTime: false, shipped: 400),
                // Overdue: delivered, a 997 awaited, none came, deadline gone (alerted).
                Sample.leg("PO-4", confirmationDue: 86_400),
                // Not yet delivered: not counted for timeliness.
                Sample.leg("PO-5", status: .distributed, delivered: nil),
                // Still within its allowance: not counted.
                Sample.leg("PO-6", acknowledgmentDue: 7200),
                // No 997 expected from this leg: not counted.
                Sample.leg("PO-7", allowance: 0),
            ]
            // Initech: twenty 997 latencies 1...20 s, all on time; no files.
            let initech = (1...20).map { seconds in
                Sample.leg(
                    "PO-I\(seconds)", partner: "Initech", status: .acknowledged, acknowledged: Double(seconds),
                    onTime: true)
            }
            try await store.save(acme + initech)
            let files: [(String, String?, InboundOutcome)] = [
                ("A1", "ACME", .processed), ("A2", "ACME", .processed), ("A3", "ACME", .duplicate),
                ("A4", "ACME", .failed(reason: "bad")), ("G1", "Globex", .quarantined(reason: "who")),
                ("N1", nil, .failed(reason: "unreadable")),
            ]
            _ = try await store.commit(
                files.map { claim, partner, outcome in
                    InboundCommit(
                        file: Sample.file(claim, partner: partner, outcome: outcome),
                        build: { _ in claim == "A1" ? [Sample.draft("x"), Sample.draft("y")] : [] })
                })
            _ = try await store.claimDueMessages(now: at(1), limit: 1, lease: 60)
            _ = try await store.raise(Sample.alert("old", kind: .discrepancy), at: at(1))
            _ = try await store.close(.discrepancy, key: "old", at: at(2))
            let oldest = try #require(try await store.raise(Sample.alert("PO-4@ACME"), at: at(3)))
            _ = try await store.raise(Sample.alert("PO-3@ACME", kind: .discrepancy), at: at(5))
            _ = try await store.raise(Sample.alert("file", kind: .failedFile, partner: nil), at: at(0))

            let report = try await store.statusReport()

            #expect(report.messages == ["pending": 1, "inFlight": 1])
            #expect(
                report.orders == [
                    "confirmed": 1, "confirmedWithChanges": 1, "shipped": 1, "delivered": 3, "distributed": 1,
                    "acknowledged": 20,
                ])
            #expect(report.files == ["processed": 2, "duplicate": 1, "failed": 2, "quarantined": 1])
            #expect(report.openAlerts == ["acknowledgmentOverdue": 1, "discrepancy": 1, "failedFile": 1])
            #expect(report.partners.map(\.partner) == ["ACME", "Globex", "Initech"])
            #expect(
                report.partners[0]
                    == PartnerStatistics(
                        partner: "ACME", orders: 7,
                        acknowledgmentLatency: LatencySummary(count: 3, median: 30, percentile95: 50),
                        confirmationLatency: LatencySummary(count: 2, median: 100, percentile95: 300),
                        onTimeAcknowledgmentRate: 0.5, changeOrderRate: 1.0 / 7.0, discrepancyRate: 1.0 / 3.0,
                        errorRate: 0.25, files: 4, oldestOpenAlert: oldest))
            #expect(report.partners[1] == PartnerStatistics(partner: "Globex", orders: 0, errorRate: 0, files: 1))
            #expect(
                report.partners[2]
                    == PartnerStatistics(
                        partner: "Initech", orders: 20,
                        acknowledgmentLatency: LatencySummary(count: 20, median: 10, percentile95: 19),
                        onTimeAcknowledgmentRate: 1, changeOrderRate: 0))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anEmptyStoreHasAnEmptyReport(_ kind: StoreKind) async throws {
        try await kind.withStore { store throws in
            #expect(try await store.statusReport() == StatusReport())
        }
    }

    // MARK: Sweep

    @Test(arguments: StoreKind.allCases)
    func sweepRemovesFinishedLegsAndClosedAlertsOnly(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.save([
                Sample.leg("PO-CLOSED", status: .closed, updated: 10),
                Sample.leg("PO-CANCELLED", status: .cancelled, updated: 10),
                Sample.leg("PO-RECENT", status: .closed, updated: 200),
                Sample.leg("PO-ACTIVE", status: .confirmed, updated: 10),
            ])
            try await store.track { session throws(StoreError) in
                for number in ["PO-CLOSED", "PO-CANCELLED", "PO-RECENT", "PO-ACTIVE"] {
                    try session.addVersion(Sample.version(number, 1))
                }
                try session.addVersion(Sample.version("PO-CANCELLED", 2))
                try session.record(
                    TrackingEvent(orderNumber: "PO-CLOSED", partner: "ACME", kind: "closed", at: at(10), detail: ""))
                try session.record(
                    TrackingEvent(orderNumber: "PO-ACTIVE", partner: "ACME", kind: "confirmed", at: at(10), detail: ""))
                try session.record(
                    TrackingEvent(orderNumber: "PO-GONE", partner: "ACME", kind: "received", at: at(150), detail: ""))
            }
            _ = try await store.raise(Sample.alert("gone"), at: at(1))
            try await store.close(.acknowledgmentOverdue, key: "gone", at: at(20))
            _ = try await store.raise(Sample.alert("kept-closed"), at: at(1))
            try await store.close(.acknowledgmentOverdue, key: "kept-closed", at: at(200))
            let open = try #require(try await store.raise(Sample.alert("open"), at: at(1)))
            let remainingEvents = try await store.alertEvents(after: 0, limit: 10).filter { $0.alert.key != "gone" }

            // 2 legs, 3 versions, 1 alert and its 2 events, the swept leg's old timeline event.
            #expect(try await store.sweep(before: at(100)) == 9)

            #expect(try await store.trackedOrders(number: "PO-CLOSED").isEmpty)
            #expect(try await store.trackedOrders(number: "PO-CANCELLED").isEmpty)
            #expect(try await store.orderVersions(number: "PO-CANCELLED").isEmpty)
            #expect(try await store.trackedOrders(number: "PO-RECENT").count == 1)
            #expect(try await store.trackedOrders(number: "PO-ACTIVE").count == 1)
            #expect(try await store.orderVersions(number: "PO-ACTIVE").count == 1)
            // Timelines go with their legs; an active leg's and a recent one are kept.
            #expect(try await store.trackingEvents(orderNumber: "PO-CLOSED").isEmpty)
            #expect(try await store.trackingEvents(orderNumber: "PO-ACTIVE").count == 1)
            #expect(try await store.trackingEvents(orderNumber: "PO-GONE").count == 1)
            #expect(try await store.alerts(openOnly: false, limit: 10).map(\.key) == ["open", "kept-closed"])
            #expect(try await store.alerts(openOnly: true, limit: 10) == [open])
            #expect(try await store.alertEvents(after: 0, limit: 10) == remainingEvents)
            #expect(try await store.sweep(before: at(100)) == 0)
        }
    }
}
