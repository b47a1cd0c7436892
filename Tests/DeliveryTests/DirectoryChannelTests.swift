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

    @Test func aBatchWritesEveryFileOnItsOwnTermsAcrossFolders() async throws {
        try await withTemporaryFolder { folder in
            try Data("not a folder".utf8).write(to: URL(filePath: "\(folder)/blocked"))
            try FileManager.default.createDirectory(atPath: "\(folder)/a/taken.x12", withIntermediateDirectories: true)
            let batch: [(folder: String, delivery: OutboundDelivery)] = [
                ("\(folder)/a", Self.delivery("one", name: "1.x12")),
                ("\(folder)/b/deep", Self.delivery("two", name: "2.x12")),
                ("\(folder)/a", Self.delivery("bad name", name: ".hidden")),
                ("\(folder)/blocked/x", Self.delivery("blocked", name: "3.x12")),
                ("\(folder)/a", Self.delivery("over a folder", name: "taken.x12")),
                ("\(folder)/a", Self.delivery("four", name: "4.x12")),
            ]

            let outcomes = await DirectoryChannel.deliver(batch)

            #expect(outcomes.map(\.kind) == ["delivered", "delivered", "dead", "retry", "retry", "delivered"])
            #expect(outcomes[0] == .delivered(detail: "written to \(folder)/a/1.x12 (3 bytes)"))
            #expect(outcomes[3].text.contains("errno \(ENOTDIR)"))
            #expect(outcomes[4].text.contains("errno \(EISDIR)"))
            // Only final names: the temporary files of the failures are gone.
            #expect(try Self.names(in: "\(folder)/a") == ["1.x12", "4.x12", "taken.x12"])
            #expect(try Self.names(in: "\(folder)/b/deep") == ["2.x12"])
            #expect(try String(contentsOfFile: "\(folder)/a/4.x12", encoding: .utf8) == "four")
            #expect(try String(contentsOfFile: "\(folder)/b/deep/2.x12", encoding: .utf8) == "two")
        }
    }

    /// A batch that spans two file systems, the temporary folder's and tmpfs: each file system is flushed its own
    /// way (tmpfs never by `syncfs`), and every file still arrives whole with no temporary file left.
    @Test func aBatchAcrossTwoFileSystemsArrivesWhole() async throws {
        try await withTemporaryFolder { folder in
            let memory = "/dev/shm/porter-test-\(UInt64.random(in: 0...UInt64.max))"
            defer { try? FileManager.default.removeItem(atPath: memory) }
            var batch: [(folder: String, delivery: OutboundDelivery)] = []
            for number in 1...6 {
                let target = number.isMultiple(of: 2) ? "\(memory)/out" : "\(folder)/out"
                batch.append((target, Self.delivery("file \(number)", name: "\(number).x12")))
            }

            let outcomes = await DirectoryChannel.deliver(batch)

            let (onDisk, inMemory) = (try Self.names(in: "\(folder)/out"), try Self.names(in: "\(memory)/out"))
            #expect(outcomes.map(\.kind) == Array(repeating: "delivered", count: 6))
            #expect(onDisk == ["1.x12", "3.x12", "5.x12"])
            #expect(inMemory == ["2.x12", "4.x12", "6.x12"])
            #expect(try String(contentsOfFile: "\(memory)/out/6.x12", encoding: .utf8) == "file 6")
            #expect(!AtomicFileWriter.syncsWhole(memory))
            #expect(try AtomicFileWriter.syncsWhole(folder) == Self.isLocalDiskFileSystem(folder))
        }
    }

    /// What `stat -f` calls the file system of `path`, checked against the ones flushed whole.
    private static func isLocalDiskFileSystem(_ path: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/stat")
        process.arguments = ["-f", "--format=%T", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let kind = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return ["ext2/ext3", "xfs", "btrfs", "f2fs"].contains(kind)
    }

    @Test func anEmptyBatchDoesNothing() async {
        #expect(await DirectoryChannel.deliver([]).isEmpty)
    }
}
