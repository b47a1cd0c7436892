import Foundation
import Testing

@testable import Store

/// What only the SQLite store has: a file that outlives the process, WAL, concurrent connections.
@Suite("SQLiteGatewayStore")
struct SQLiteGatewayStoreTests {
    @Test func everythingSurvivesClosingAndReopeningTheFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("porter.sqlite").path
            let store = try SQLiteGatewayStore(path: path)
            let commit = InboundCommit(
                file: Sample.file("C1"), interchanges: [Sample.interchange("1")], inboundControlNumbers: [12],
                payloadIDs: ["p1"], documents: [Sample.document("PO-1")],
                events: [TrackingEvent(orderNumber: "PO-1", partner: "ACME", kind: "distributed", at: t0, detail: "")],
                build: { allocator in
                    [Sample.draft("isa-\(try allocator.next(.interchange, partner: "ACME"))")]
                })
            let ids = try await store.commitExpectingSuccess(commit)
            let claimed = try await store.claimDueMessages(now: at(1), limit: 1, lease: 60)
            let audit = try await store.auditLog(subject: nil, limit: 100)
            try store.close()
            await #expect(throws: StoreError.self) { try await store.messageCounts() }

            let reopened = try SQLiteGatewayStore(path: path)
            #expect(try await reopened.inboundFile(claim: "C1") == Sample.file("C1"))
            #expect(try await reopened.documents(claim: "C1") == [Sample.document("PO-1")])
            #expect(try await reopened.receivedInterchanges([Sample.interchange("1")]).count == 1)
            #expect(try await reopened.receivedPayloadIDs(["p1"]) == ["p1"])
            #expect(try await reopened.lastInboundControlNumber(partner: "ACME") == 12)
            #expect(try await reopened.message(ids[0]) == claimed.first)
            #expect(try await reopened.trackingEvents(orderNumber: "PO-1").count == 1)
            #expect(try await reopened.auditLog(subject: nil, limit: 100) == audit)
            #expect(try await reopened.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 1, group: 0))
            // The lease is still on the file: the message comes back once it expires.
            #expect(try await reopened.claimDueMessages(now: at(2), limit: 1, lease: 60).isEmpty)
            #expect(try await reopened.claimDueMessages(now: at(61), limit: 1, lease: 60).map(\.id) == ids)
            try reopened.close()
        }
    }

    @Test func theFileIsInWALModeWithFullSynchronousAndForeignKeys() async throws {
        try await StoreKind.sqlite.withStore { store in
            let store = try #require(store as? SQLiteGatewayStore)
            #expect(try await store.pragma("journal_mode") == "wal")
            // On the writer, which commits (GRDB sets it to NORMAL when it turns WAL on; the store sets FULL again).
            #expect(try await store.pragma("synchronous") == "2")  // FULL
            #expect(try await store.pragma("foreign_keys") == "1")
            #expect(try await store.pragma("wal_autocheckpoint") == "10000")
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["m"]))
            #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
            // Claims and outcomes commit without an fsync (redone if lost); the writer is FULL again after each,
            // also after one that failed.
            #expect(try await store.claimDueMessages(now: at(1), limit: 1, lease: 60).map(\.id) == ids)
            #expect(try await store.pragma("synchronous") == "2")
            let outcomes = [
                AttemptOutcome(messageID: ids[0], at: at(2), result: .delivered(detail: "written")),
                AttemptOutcome(messageID: 42, at: at(2), result: .delivered(detail: "unknown")),
            ]
            #expect(try await store.record(outcomes).map { $0 == nil } == [true, false])
            #expect(try await store.pragma("synchronous") == "2")
            #expect(try await store.message(ids[0])?.state == .delivered)
        }
    }

    @Test func integrityCheckIsEmptyAfterAWorkload() async throws {
        try await StoreKind.sqlite.withStore { store in
            let store = try #require(store as? SQLiteGatewayStore)
            let ids = try await store.commitExpectingSuccess(Sample.commit("C", messages: ["a", "b", "c"]))
            _ = try await store.claimDueMessages(now: at(0), limit: 3, lease: 60)
            try await store.markDelivered(ids[0], at: at(1), detail: "ok")
            try await store.markFailed(ids[1], at: at(1), reason: "no", retryAt: nil)
            _ = try await store.sweep(before: at(10))
            #expect(try await store.integrityCheck() == [])
        }
    }

    @Test func concurrentClaimersNeverTakeTheSameMessage() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("porter.sqlite").path
            let first = try SQLiteGatewayStore(path: path)
            let second = try SQLiteGatewayStore(path: path)  // another connection pool, as another process would be
            let commits = (0..<20).map { file in
                Sample.commit("C\(file)", messages: (0..<10).map { "m\(file)-\($0)" })
            }
            let results = try await first.commit(commits)
            let all = Set(results.compactMap(\.messageIDs).joined())
            #expect(all.count == 200)

            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for store in [first, second, first, second] {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let batch = try await store.claimDueMessages(now: at(1), limit: 7, lease: 600)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 200)
            #expect(Set(claimed) == all)
            #expect(try await second.messageCounts() == [.inFlight: 200])
            try first.close()
            try second.close()
        }
    }

    @Test func aThousandFileGroupCommitLandsInOneCall() async throws {
        try await StoreKind.sqlite.withStore { store in
            let commits = (0..<1000).map { index in
                InboundCommit(
                    file: Sample.file("F\(index)", receivedAt: at(Double(index))),
                    interchanges: [Sample.interchange(String(index))], inboundControlNumbers: [index],
                    payloadIDs: ["payload-\(index)"], documents: [Sample.document("PO-\(index % 100)")],
                    events: [
                        TrackingEvent(
                            orderNumber: "PO-\(index % 100)", partner: "ACME", kind: "distributed",
                            at: at(Double(index)),
                            detail: "")
                    ],
                    build: { allocator in
                        let isa = try allocator.next(.interchange, partner: "ACME")
                        let gs = try allocator.next(.group, partner: "ACME")
                        return [Sample.draft("\(isa)-\(gs)")]
                    })
            }
            let results = try await store.commit(commits)
            #expect(results.allSatisfy { $0.messageIDs?.count == 1 })
            #expect(try await store.messageCounts() == [.pending: 1000])
            #expect(try await store.controlNumbers(partner: "ACME") == ControlNumbers(interchange: 1000, group: 1000))
            #expect(try await store.lastInboundControlNumber(partner: "ACME") == 999)
            #expect(try await store.trackingEvents(orderNumber: "PO-7").count == 10)
            #expect(try await store.claimDueMessages(now: at(5000), limit: 1000, lease: 60).count == 1000)
        }
    }

    @Test func theQueueAndTimelinesAreReadThroughTheirIndexes() async throws {
        try await StoreKind.sqlite.withStore { store in
            let store = try #require(store as? SQLiteGatewayStore)
            let due = try await store.queryPlan("SELECT id FROM messages WHERE due_at <= 1 ORDER BY due_at, id LIMIT 5")
            #expect(due.contains { $0.contains("messages_due") })
            #expect(!due.contains { $0.contains("TEMP B-TREE") })
            let timeline = try await store.queryPlan(
                "SELECT * FROM tracking_events WHERE order_number = 'PO-1' ORDER BY at, id")
            #expect(timeline.contains { $0.contains("tracking_events_order") })
            #expect(!timeline.contains { $0.contains("TEMP B-TREE") })
            let audit = try await store.queryPlan(
                "SELECT * FROM audit_log WHERE subject = 'message:1' ORDER BY at DESC, id DESC LIMIT 10")
            #expect(audit.contains { $0.contains("audit_log_subject") })
        }
    }

    @Test func statusFiguresAndOrderLookupsAreReadThroughIndexes() async throws {
        try await StoreKind.sqlite.withStore { store in
            let store = try #require(store as? SQLiteGatewayStore)
            typealias Status = SQLiteGatewayStore.StatusSQL
            typealias Tracking = SQLiteGatewayStore.TrackingSQL
            let tables = [
                "orders", "order_documents", "order_versions", "alerts", "alert_events", "tracking_events",
                "inbound_files",
            ]
            func plan(_ sql: String) async throws -> [String] {
                let plan = try await store.queryPlan(sql)
                // Never a walk through a table's rows.
                for line in plan {
                    for table in tables where line.hasPrefix("SCAN \(table)") {
                        #expect(line.contains("INDEX"), "\(line) in the plan of \(sql)")
                    }
                }
                return plan
            }
            // Per partner: one seek into an index that answers alone.
            for sql in [
                Status.legs, Status.ackCount, Status.ackRank, Status.confirmCount, Status.confirmRank, Status.onTime,
                Status.changed, Status.discrepant, Status.partnerFiles,
            ] {
                let lines = try await plan(sql)
                #expect(
                    lines.count == 1 && lines[0].hasPrefix("SEARCH") && lines[0].contains("COVERING INDEX"), "\(lines)")
            }
            #expect(
                try await plan(Status.ackRank) == [
                    "SEARCH orders USING COVERING INDEX orders_ack_latency (partner=? AND ack_latency>?)"
                ])
            #expect(
                try await plan(Status.oldestOpenAlert) == ["SEARCH alerts USING INDEX alerts_open_partner (partner=?)"])
            // Partners: one seek per partner.
            for sql in [Status.orderPartners, Status.filePartners] {
                #expect(try await plan(sql).filter { $0.hasPrefix("SEARCH") }.count == 2)
            }
            // Counts: from the small indexes.
            #expect(try await plan(Status.messages) == ["SCAN messages USING COVERING INDEX messages_state"])
            #expect(try await plan(Status.orders) == ["SCAN orders USING COVERING INDEX orders_status"])
            #expect(try await plan(Status.openAlerts) == ["SCAN alerts USING INDEX alerts_open_key"])
            _ = try await plan(Status.files)
            // `porter track` and the tracker (a 997's group: its primary key, then each leg's).
            #expect(
                try await plan(Tracking.group).first
                    == "SEARCH order_groups USING PRIMARY KEY (partner=? AND group_control_number=?)")
            for (sql, index) in [
                (Tracking.leg, "sqlite_autoindex_orders_1"), (Tracking.legTracking, "sqlite_autoindex_orders_1"),
                (Tracking.legs, "sqlite_autoindex_orders_1"),
                (Tracking.group, "sqlite_autoindex_orders_1"), (Tracking.due, "orders_next_due"),
                (Tracking.versions, "sqlite_autoindex_order_versions_1"), (Tracking.events, "tracking_events_order"),
                (Tracking.documents, "documents_order_number"), (Tracking.isOpen, "alerts_open_key"),
                (Tracking.openAlertsOfOrder, "alerts_order"), (Tracking.openAlerts, "alerts_open"),
            ] {
                let lines = try await plan(sql)
                #expect(
                    lines.contains { $0.contains("USING INDEX \(index)") || $0.contains("COVERING INDEX \(index)") },
                    "\(lines)")
                if sql != Tracking.documents {
                    #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
                }
            }
        }
    }

    @Test func aVersion1FileIsMigratedKeepingItsRowsAndReopens() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("porter.sqlite").path
            try SQLiteGatewayStore.makeFile(
                at: path, migratedUpTo: "v1 inbound files, queue, control numbers, history",
                then: """
                    INSERT INTO inbound_files (claim, original_name, content_hash, size, partner, received_at, outcome,
                      outcome_reason, stored_path)
                    VALUES ('OLD', 'old.edi', 'h', 1, 'ACME', 0, 'failed', 'no ISA', 'error/old.edi');
                    INSERT INTO tracking_events (order_number, partner, kind, at, detail, claim)
                    VALUES ('PO-1', 'ACME', 'distributed', 0, '', 'OLD');
                    """)
            let store = try SQLiteGatewayStore(path: path)
            let report = try await store.statusReport()
            #expect(report.files == ["failed": 1])
            #expect(report.partners == [PartnerStatistics(partner: "ACME", orders: 0, errorRate: 1, files: 1)])
            #expect(try await store.trackingEvents(orderNumber: "PO-1").map(\.kind) == ["distributed"])
            #expect(try await store.exportedAlertSequence() == 0)
            try await store.save([Sample.leg("PO-1")])
            let alert = try await store.raise(Sample.alert("PO-1"), at: t0)
            try await store.setExportedAlertSequence(1)
            #expect(try await store.integrityCheck() == [])
            try store.close()

            let reopened = try SQLiteGatewayStore(path: path)
            #expect(try await reopened.trackedOrders(number: "PO-1") == [Sample.leg("PO-1")])
            #expect(try await reopened.alerts(openOnly: true, limit: 10) == [alert].compactMap { $0 })
            #expect(try await reopened.exportedAlertSequence() == 1)
            try reopened.close()
        }
    }

    @Test func aVersion3FileKeepsPayloadsAndOrderDocumentsInTheirOwnTables() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("porter.sqlite").path
            try SQLiteGatewayStore.makeFile(
                at: path, migratedUpTo: "v3 every group an order leg was sent in",
                then: """
                    INSERT INTO inbound_files (claim, original_name, content_hash, size, partner, received_at, outcome,
                      outcome_reason, stored_path)
                    VALUES ('OLD', 'old.edi', 'h', 1, 'ACME', 0, 'processed', NULL, 'archive/old.edi');
                    INSERT INTO messages (source_claim, partner, document_kind, format, target_kind, target, file_name,
                      payload, control_reference, order_number, is_test, is_copy, state, attempts, created_at,
                      next_attempt_at)
                    VALUES ('OLD', 'ACME', 'purchaseOrder', 'x12', 'directory', 'outbox/ACME', 'po.x12',
                      CAST('ISA*OLD~' AS BLOB), '000000001', 'PO-1', 0, 0, 'pending', 0, 0, 0);
                    INSERT INTO orders (order_number, partner, status, version, is_blanket, distributed_at, updated_at,
                      acknowledgment_allowance, confirmation_allowance, discrepancy_count, document, reconciliation)
                    VALUES ('PO-1', 'ACME', 'distributed', 1, 0, 0, 0, 0, 0, 0, CAST('{"order":1}' AS BLOB),
                      CAST('{"lines":[]}' AS BLOB));
                    """)
            let store = try SQLiteGatewayStore(path: path)
            var leg = try #require(try await store.trackedOrders(number: "PO-1").first)
            #expect(leg.document == Data(#"{"order":1}"#.utf8))
            #expect(leg.reconciliation == Data(#"{"lines":[]}"#.utf8))
            leg.status = .delivered
            try await store.save([leg])
            #expect(try await store.trackedOrders(number: "PO-1") == [leg])
            let old = try #require(try await store.message(1))
            #expect(old.draft.payload == Data("ISA*OLD~".utf8))
            let claimed = try await store.claimDueMessages(now: at(10), limit: 10, lease: 60)
            #expect(claimed.map(\.draft.payload) == [Data("ISA*OLD~".utf8)])
            try await store.markDelivered(1, at: at(11), detail: "written")
            let ids = try await store.commitExpectingSuccess(
                InboundCommit(file: Sample.file("NEW", receivedAt: at(12)), build: { _ in [Sample.draft("new")] }))
            #expect(try await store.message(ids[0])?.draft == Sample.draft("new"))
            // The payload goes with its message when history is swept: a payload left behind would be an orphan
            // that the foreign-key check reports.
            #expect(try await store.sweep(before: at(20)) > 0)
            #expect(try await store.message(1) == nil)
            #expect(try await store.message(ids[0])?.draft == Sample.draft("new"))
            #expect(try await store.integrityCheck() == [])
            try store.close()
        }
    }

    /// A shipped migration is never renamed, edited away or moved: new ones go at the end of this list.
    @Test func migrationsAreAppendOnly() {
        #expect(
            SQLiteGatewayStore.migrationNames == [
                "v1 inbound files, queue, control numbers, history", "v2 tracking: order legs, versions, alerts",
                "v3 every group an order leg was sent in",
                "v4 payloads and order documents apart from the rows that change",
            ])
    }

    @Test func aFileThatIsNotADatabaseIsALocatedError() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("porter.sqlite").path
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try SQLiteGatewayStore(path: path)
            } throws: { error in
                guard case .database(let message) = error as? StoreError else { return false }
                return message.contains(path) && message.contains("not a database")
            }
            let missing = directory.appendingPathComponent("no/such/folder/porter.sqlite").path
            #expect(throws: StoreError.self) { _ = try SQLiteGatewayStore(path: missing) }
        }
    }
}

@Suite("Store timestamps")
struct StoreTimestampTests {
    @Test func auditTimestampsAreFoundationsISO8601() {
        var generator = SystemRandomNumberGenerator()
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: 253_402_300_799.5),
            Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: -1.5),
            Date(timeIntervalSince1970: 1_795_000_000.9999),
        ]
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_200_000_000, using: &generator)))
        }
        for date in dates {
            #expect(StoreSemantics.timestamp(date) == date.formatted(.iso8601), "\(date.timeIntervalSince1970)")
        }
    }
}
