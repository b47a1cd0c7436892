import Foundation
import Gateway
import Orders
import Store
import Testing
import X12

/// The pipeline end to end: real folders, a real SQLite store, the repository's Mappings and Fixtures.
@Suite("Gateway pipeline")
struct PipelineTests {
    static let erpOrder = "Mappings/tidewater-kitchenworks/tests/order-adds-vendor-number.json"

    @Test("an ERP order in Porter JSON goes to the supplier it names as X12 and to finance as JSON")
    func erpOrderIsRouted() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: Self.erpOrder, as: "po-7734210.json", folder: "erp-orders")
        let results = try await gateway.runOnce()
        #expect(results.count == 1)
        #expect(results.first?.disposition == .archived)
        #expect(results.first?.messageIDs.count == 2)

        let supplier = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(supplier == ["purchaseOrder-BO-7734210-000000001.x12"])
        let x12 = try gateway.contents("outbox/tidewater-kitchenworks/" + supplier[0])
        #expect(x12.hasPrefix("ISA*00*          *00*          *ZZ*PORTER         *01*612093384      *"))
        #expect(x12.contains("*000000001*0*P*"))
        #expect(x12.contains("REF*IA*TKW-40022~"))
        #expect(try Self.errors(inX12: x12).isEmpty)

        let finance = gateway.files(in: "outbox/finance")
        #expect(finance.count == 1)
        let copy = try BusinessDocument.decodeAll(
            json: Array(try gateway.contents("outbox/finance/" + finance[0]).utf8))
        guard case .purchaseOrder(let order)? = copy.first else {
            Issue.record("finance did not get a purchase order")
            return
        }
        #expect(order.number == "BO-7734210")
        #expect(order.references.contains { $0.value == "CC-4410" })

        #expect(gateway.files(in: "archive").count == 1)
        #expect(gateway.files(in: "work").isEmpty)
        #expect(gateway.files(in: "inbox").isEmpty)
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])
        #expect(try await gateway.store.controlNumbers(partner: "tidewater-kitchenworks")?.interchange == 1)
        let events = try await gateway.store.trackingEvents(orderNumber: "BO-7734210")
        #expect(Set(events.map(\.kind)) == ["received", "distributed", "delivered"])
    }

    @Test("an X12 850 from our ERP (ISA sender 804417263) is routed like its JSON form")
    func erpX12OrderIsRouted() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        #expect(gateway.files(in: "outbox/finance").count == 1)
    }

    @Test(
        "an X12 850 in UTF-16 or EBCDIC is read through iconv and routed like its ASCII form",
        arguments: ["UTF-16", "UTF-16BE", "IBM037"])
    func erpX12OrderInOtherCharacterSets(characterSet: String) async throws {
        let gateway = try TestGateway()
        let ascii = try String(
            contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"), encoding: .utf8
        ).replacingOccurrences(of: "\n", with: "")
        try gateway.drop(try Self.iconv(Data(ascii.utf8), to: characterSet), as: "po.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        let outbox = gateway.files(in: "outbox/tidewater-kitchenworks")
        try #require(outbox.count == 1)
        #expect(try gateway.contents("outbox/tidewater-kitchenworks/" + outbox[0]).contains("BEG*00*SA*BO-7734210"))
    }

    /// `data` converted by the system's iconv command (glibc's, the same converter Porter uses).
    static func iconv(_ data: Data, to characterSet: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", characterSet]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: data)
        try input.fileHandleForWriting.close()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return converted
    }

    @Test("a supplier's 855 is answered with a 997 in its outbox, from our identity")
    func acknowledgmentIsAnswered() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: "Fixtures/x12/855/004010-accepted.edi", folder: nil)
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        let outbox = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(outbox == ["997-000000001.x12"])
        let text = try gateway.contents("outbox/tidewater-kitchenworks/" + outbox[0])
        #expect(text.contains("*ZZ*PORTER         *01*612093384      *"))
        #expect(text.contains("ST*997*"))
        #expect(text.contains("AK9*A*1*1*1~"))
        #expect(try Self.errors(inX12: text).isEmpty)
    }

    @Test("a 997 is recorded and never acknowledged")
    func functionalAcknowledgmentIsNotAnswered() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: "Fixtures/x12/997/004010-accepted.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        #expect(results.first?.messageIDs == [])
        #expect(gateway.files(in: "outbox").isEmpty)
    }

    @Test("a file from an unknown sender goes to quarantine/ with its reason")
    func unknownSenderIsQuarantined() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: "Fixtures/x12/envelope-errors/bad-gs-time.edi", as: "ferndale.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.quarantined])
        #expect(gateway.files(in: "quarantine") == ["ferndale.edi", "ferndale.edi.error.json"])
        let report = try ErrorReport.read(from: gateway.workspace.quarantine + "/ferndale.edi.error.json")
        #expect(report.stage == "identify")
        #expect(report.reason.contains("FERNDALEMKT"))
    }

    @Test("a file that is not EDI goes to error/ with a report; nothing is lost")
    func unreadableFileGoesToError() async throws {
        let gateway = try TestGateway()
        try gateway.drop(Data("hello, this is not an order\n".utf8), as: "note.txt")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.failed])
        #expect(gateway.files(in: "error") == ["note.txt", "note.txt.error.json"])
        #expect(try gateway.contents("error/note.txt") == "hello, this is not an order\n")
        let report = try ErrorReport.read(from: gateway.workspace.error + "/note.txt.error.json")
        #expect(report.stage == "read")
        #expect(report.reason.contains("not X12"))
    }

    @Test("an interchange or file received again is recorded as a duplicate and not distributed again")
    func duplicatesAreNotDistributed() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "first.edi")
        try await gateway.runOnce()
        // The same bytes under another name, and the same interchange (sender, receiver, ISA13) with CRLF endings.
        try gateway.drop(fixture: "Fixtures/x12/850/004010-retail-sdq.edi", as: "again.edi")
        let original = try Data(contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"))
        let crlf = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "~\n", with: "~\r\n")
        try gateway.drop(Data(crlf.utf8), as: "resent.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived, .archived])
        #expect(results.map(\.reason) == ["duplicate", "duplicate"])
        #expect(results.allSatisfy { $0.messageIDs.isEmpty })
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        let duplicates = try await gateway.store.duplicates(limit: 10)
        #expect(Set(duplicates.map(\.kind)) == [.content, .interchange])
    }

    @Test("the same interchange twice in one pass (one group commit): one is routed, the other is a duplicate")
    func duplicateInOneBatch() async throws {
        let gateway = try TestGateway()
        let original = try Data(contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"))
        let crlf = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "~\n", with: "~\r\n")
        try gateway.drop(original, as: "a.edi")
        try gateway.drop(Data(crlf.utf8), as: "b.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived, .archived])
        #expect(Set(results.map(\.reason)) == [nil, "duplicate"])
        #expect(gateway.files(in: "error").isEmpty)
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        #expect(try await gateway.store.duplicates(limit: 10).map(\.kind) == [.interchange])
    }

    @Test(
        "interchanges arriving together, in any order, make no gap; a number missing from the store and the batch does")
    func controlNumberGapsOverABatch() async throws {
        let gateway = try TestGateway()
        try gateway.drop(try retailOrder(number: 1), as: "first.edi")
        try await gateway.runOnce()
        // One pass (one group commit): 4 listed before 3, then 2; 5 is never sent, 6 comes with them.
        for (number, name) in [(4, "a.edi"), (3, "b.edi"), (2, "c.edi"), (6, "d.edi")] {
            try gateway.drop(try retailOrder(number: number), as: name)
        }
        let results = try await gateway.runOnce()
        #expect(results.count == 4 && results.allSatisfy { $0.disposition == .archived })
        let gaps = try await gateway.store.controlNumberGaps(limit: 10)
        #expect(gaps.map { [$0.previous, $0.received] } == [[4, 6]])
        #expect(try await gateway.store.lastInboundControlNumber(partner: gaps.first?.partner ?? "") == 6)
        let alerts = try await gateway.store.alerts(openOnly: true, limit: 10).filter { $0.kind == .controlNumberGap }
        #expect(alerts.count == 1)
    }

    @Test("the same JSON order twice in one pass (no interchange key to collide on): sent once, then a duplicate")
    func sameContentInOneBatch() async throws {
        let gateway = try TestGateway()
        try gateway.drop(fixture: Self.erpOrder, as: "a.json", folder: "erp-orders")
        try gateway.drop(fixture: Self.erpOrder, as: "b.json", folder: "erp-orders")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived, .archived])
        #expect(results.map(\.reason).sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "duplicate"])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks").count == 1)
        #expect(try await gateway.store.duplicates(limit: 10).map(\.kind) == [.content])
    }

    @Test("a test interchange (ISA15 T) goes only to partners set up for test")
    func testInterchangeIsNotMixedIntoProduction() async throws {
        let gateway = try TestGateway()
        let original = try String(
            contentsOf: repositoryRoot.appending(path: "Fixtures/x12/850/004010-retail-sdq.edi"), encoding: .utf8)
        let test = original.replacingOccurrences(of: "*000004172*0*P*", with: "*000004172*0*T*")
        #expect(test != original)
        try gateway.drop(Data(test.utf8), as: "test-order.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.archived])
        #expect(results.first?.messageIDs == [])
        #expect(gateway.files(in: "outbox").isEmpty)
        let events = try await gateway.store.trackingEvents(orderNumber: "BO-7734210")
        #expect(events.map(\.kind) == ["notRouted", "notRouted", "received"])
    }

    @Test("seeded control numbers continue, and ISA13 999999999 rolls over to 1")
    func controlNumbersRollOver() async throws {
        let gateway = try TestGateway()
        try await gateway.store.setControlNumbers(
            ControlNumbers(interchange: 999_999_999, group: 41), partner: "tidewater-kitchenworks", at: Date())
        try gateway.drop(fixture: Self.erpOrder, as: "po.json", folder: "erp-orders")
        try await gateway.runOnce()
        let supplier = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(supplier == ["purchaseOrder-BO-7734210-000000001.x12"])
        let text = try gateway.contents("outbox/tidewater-kitchenworks/" + supplier[0])
        #expect(text.contains("GS*PO*PORTER*612093384*"))
        #expect(text.contains("*42*X*004010~"))
        #expect(
            try await gateway.store.controlNumbers(partner: "tidewater-kitchenworks")
                == ControlNumbers(interchange: 1, group: 42))
    }

    @Test("a file whose every set is rejected goes to error/, and the 997 that says so still goes out")
    func rejectedSetsAreAcknowledged() async throws {
        let gateway = try TestGateway()
        let original = try String(
            contentsOf: repositoryRoot.appending(path: "Fixtures/x12/855/004010-accepted.edi"), encoding: .utf8)
        // BAK03, the purchase order number, is mandatory: without it the set is rejected.
        let broken = original.replacingOccurrences(of: "BAK*00*AT*BO-7734210*", with: "BAK*00*AT**")
        #expect(broken != original)
        try gateway.drop(Data(broken.utf8), as: "bad-855.edi")
        let results = try await gateway.runOnce()
        #expect(results.map(\.disposition) == [.failed])
        #expect(gateway.files(in: "error") == ["bad-855.edi", "bad-855.edi.error.json"])
        let outbox = gateway.files(in: "outbox/tidewater-kitchenworks")
        #expect(outbox.count == 1)
        let ack = try gateway.contents("outbox/tidewater-kitchenworks/" + outbox[0])
        #expect(ack.contains("AK5*R*"))
        let report = try ErrorReport.read(from: gateway.workspace.error + "/bad-855.edi.error.json")
        #expect(report.findings.contains { $0.message.contains("BAK03") })
        // The reason itself says what and where, and that the sender was told.
        #expect(
            report.reason.hasPrefix("every transaction set was rejected (1) (the acknowledgment sent back says which)"))
        #expect(report.reason.contains("; the first: bad-855.edi:"))
        #expect(report.reason.contains("BAK03"))
        #expect(report.reason.contains("ST02 "))
    }

    @Test("the corrected file sent again under the ISA13 of a wholly rejected one is processed, not a duplicate")
    func aResendAfterARejectionIsProcessed() async throws {
        let gateway = try TestGateway()
        let original = try String(
            contentsOf: repositoryRoot.appending(path: "Fixtures/x12/855/004010-accepted.edi"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "BAK*00*AT*BO-7734210*", with: "BAK*00*AT**")
        try gateway.drop(Data(broken.utf8), as: "bad-855.edi")
        #expect(try await gateway.runOnce().map(\.disposition) == [.failed])

        try gateway.drop(Data(original.utf8), as: "fixed-855.edi")
        let results = try await gateway.runOnce()

        #expect(results.map(\.disposition) == [.archived])
        #expect(results.first?.reason == nil)  // not "duplicate"
        #expect(try await gateway.store.duplicates(limit: 10).isEmpty)
    }

    /// Error findings of the schema validator over an X12 text.
    static func errors(inX12 text: String) throws -> [String] {
        var validator = X12Validator(reader: X12Reader(source: MemoryByteSource(Array(text.utf8))))
        var errors: [String] = []
        while let event = try validator.next() {
            if case .finding(let finding) = event, finding.severity == .error { errors.append(finding.description) }
        }
        return errors
    }
}
