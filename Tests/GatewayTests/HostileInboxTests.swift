import Foundation
import Gateway
import Glibc
import Store
import Testing

/// What a hostile or careless sender can leave in the inbox besides files: links, pipes and names that cannot be
/// carried safely. Each is set aside in `error/` with a report, never followed or read, while real files beside them
/// go through.
@Suite("Gateway hostile inbox entries")
struct HostileInboxTests {
    @Test(
        "a symlink to a file outside, a FIFO and a name with a control character go to error/; an order beside them is processed"
    )
    func hostileEntriesAreSetAside() async throws {
        let gateway = try TestGateway()
        let inbox = gateway.workspace.inbox
        let outside = gateway.root.appending(path: "outside/secret.edi").path
        let secret = try retailOrder(number: 40_001)
        try FileManager.default.createDirectory(
            atPath: gateway.root.appending(path: "outside").path, withIntermediateDirectories: true)
        try secret.write(to: URL(filePath: outside))
        #expect(symlink(outside, inbox + "/link.edi") == 0)
        try FileManager.default.createDirectory(atPath: inbox + "/erp-orders", withIntermediateDirectories: true)
        #expect(mkfifo(inbox + "/erp-orders/pipe.edi", 0o644) == 0)
        let bell = "bell\u{07}.edi"
        try retailOrder(number: 40_002).write(to: URL(filePath: inbox + "/" + bell))
        let order = try retailOrder(number: 40_003)
        try gateway.drop(order, as: "po.edi")

        let results = try await gateway.runOnce()
        #expect(results.map(\.originalName) == ["po.edi"])
        #expect(results.map(\.disposition) == [.archived])
        #expect(gateway.files(in: "outbox/tidewater-kitchenworks") == ["purchaseOrder-BO-40003-000000001.x12"])
        #expect(try await gateway.store.messageCounts() == [.delivered: 2])

        // Nothing is left in the inbox; each refused entry is in error/ as what it was, with its report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox).sorted() == ["erp-orders"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox + "/erp-orders").isEmpty)
        let error = gateway.workspace.error
        #expect(Self.kind(error + "/link.edi") == S_IFLNK)
        #expect(Self.kind(error + "/pipe.edi") == S_IFIFO)
        #expect(Self.kind(error + "/" + bell) == S_IFREG)
        let reports = [
            ("link.edi", "symbolic link"), ("pipe.edi", "FIFO"), (bell, "control characters"),
        ]
        for (name, words) in reports {
            let report = try ErrorReport.read(from: error + "/" + name + FileMover.reportSuffix)
            #expect(report.stage == "claim")
            #expect(report.reason.contains(words), "\(name): \(report.reason)")
        }
        #expect(try ErrorReport.read(from: error + "/pipe.edi" + FileMover.reportSuffix).partnerFolder == "erp-orders")

        // The link's target outside the workspace is untouched, and the link still points at it.
        #expect(try Data(contentsOf: URL(filePath: outside)) == secret)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: error + "/link.edi") == outside)
        #expect(gateway.files(in: "archive").count == 1)
        #expect(gateway.files(in: "work").isEmpty)
    }

    /// The file type bits of `path`, not following a link (`S_IFLNK`, `S_IFIFO`, `S_IFREG`…); 0 when absent.
    static func kind(_ path: String) -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return status.st_mode & S_IFMT
    }
}
