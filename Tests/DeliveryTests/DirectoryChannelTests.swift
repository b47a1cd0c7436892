import Foundation
import Testing

@testable import Delivery

@Suite("Directory channel")
struct DirectoryChannelTests {
    private static func delivery(_ text: String, name: String = "PO-1.x12", attempt: Int = 1) -> OutboundDelivery {
        OutboundDelivery(messageID: 1, fileName: name, payload: Data(text.utf8), format: "x12", attempt: attempt)
    }

    private static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func theFileAppearsWithTheExactBytesAndNoTemporaryFile() async throws {
        try await withTemporaryFolder { folder in
            let payload = Data([0x49, 0x53, 0x41, 0x2A, 0x00, 0xFF, 0x0A, 0x7E])
            let delivery = OutboundDelivery(
                messageID: 1, fileName: "PO-1.x12", payload: payload, format: "x12", attempt: 1)
            let outcome = await DirectoryChannel(folder: folder).deliver(delivery)
            #expect(outcome == .delivered(detail: "written to \(folder)/PO-1.x12 (8 bytes)"))
            let written = try Data(contentsOf: URL(filePath: "\(folder)/PO-1.x12"))
            #expect(written == payload)
            let names = try Self.names(in: folder)
            #expect(names == ["PO-1.x12"])
        }
    }

    @Test func aResendReplacesTheSameFile() async throws {
        try await withTemporaryFolder { folder in
            let channel = DirectoryChannel(folder: folder)
            #expect(await channel.deliver(Self.delivery("first version, longer")).kind == "delivered")
            let outcome = await channel.deliver(Self.delivery("second", attempt: 2))
            #expect(outcome.kind == "delivered")
            #expect(outcome.text.contains("attempt 2"))
            let written = try String(contentsOfFile: "\(folder)/PO-1.x12", encoding: .utf8)
            #expect(written == "second")
            let names = try Self.names(in: folder)
            #expect(names == ["PO-1.x12"])
        }
    }

    @Test func theFolderAndItsParentsAreCreated() async throws {
        try await withTemporaryFolder { folder in
            let outbox = "\(folder)/outbox/ACME/"
            let outcome = await DirectoryChannel(folder: outbox).deliver(Self.delivery("ISA"))
            #expect(outcome.kind == "delivered")
            let written = try String(contentsOfFile: "\(outbox)PO-1.x12", encoding: .utf8)
            #expect(written == "ISA")
        }
    }

    @Test func aPathComponentThatIsAFileIsRetriedAndWritesNothing() async throws {
        try await withTemporaryFolder { folder in
            try Data("not a folder".utf8).write(to: URL(filePath: "\(folder)/outbox"))
            let outcome = await DirectoryChannel(folder: "\(folder)/outbox/ACME").deliver(Self.delivery("ISA"))
            #expect(outcome.kind == "retry")
            #expect(outcome.text.contains("Not a directory (errno \(ENOTDIR))"))
            let names = try Self.names(in: folder)
            #expect(names == ["outbox"])
            let blocker = try String(contentsOfFile: "\(folder)/outbox", encoding: .utf8)
            #expect(blocker == "not a folder")
        }
    }

    @Test func aFailedRenameRemovesTheTemporaryFileAndLeavesTheFinalNameAlone() async throws {
        try await withTemporaryFolder { folder in
            // A folder under the final name: rename(2) of a file over it fails (EISDIR), even for root.
            try FileManager.default.createDirectory(atPath: "\(folder)/PO-1.x12", withIntermediateDirectories: false)
            let outcome = await DirectoryChannel(folder: folder).deliver(Self.delivery("ISA"))
            #expect(outcome.kind == "retry")
            #expect(outcome.text.contains("cannot rename"))
            #expect(outcome.text.contains("errno \(EISDIR)"))
            let names = try Self.names(in: folder)
            #expect(names == ["PO-1.x12"])
            let inside = try Self.names(in: "\(folder)/PO-1.x12")
            #expect(inside.isEmpty)
        }
    }

    @Test(arguments: ["", "a/b.x12", ".hidden.x12", "..", String(repeating: "n", count: 256)])
    func aNameThatIsNotAPlainFileNameIsDead(name: String) async throws {
        try await withTemporaryFolder { folder in
            let outcome = await DirectoryChannel(folder: "\(folder)/out").deliver(Self.delivery("ISA", name: name))
            #expect(outcome.kind == "dead")
            let names = try Self.names(in: folder)
            #expect(names.isEmpty)
        }
    }
}
