import Dispatch
import Foundation

/// Delivers by writing each message as a file in a partner's outbox folder.
///
/// The file appears under its final name only whole and flushed to disk: the bytes go to a temporary dot-name in the
/// same folder (ignored by Porter's watchers and, by convention, by the partner's pick-up), are `fsync`ed, renamed to
/// ``OutboundDelivery/fileName`` and the folder is `fsync`ed. A resend of the same message has the same name and
/// replaces the same file, so the partner sees it once by name. The folder and its missing parents are created.
///
/// Outcomes: written is ``DeliveryOutcome/delivered(detail:)``; any I/O error (`ENOSPC`, `EACCES`, a path component
/// that is a file…) is ``DeliveryOutcome/retry(reason:)`` with the system's text and `errno`, the temporary file
/// removed and nothing written under the final name; a file name that is not a plain name (empty, with a `/`,
/// starting with `.`) is ``DeliveryOutcome/dead(reason:)``, since no retry can fix it.
public struct DirectoryChannel: DeliveryChannel {
    /// The outbox folder.
    public var folder: String

    /// Creates a channel writing into `folder` (absolute, or relative to the working directory).
    public init(folder: String) { self.folder = folder }

    /// Removes the temporary files a delivery killed mid-write left in ``folder`` (`.porter-*.tmp`); the message is
    /// still queued and is written again. Call at start-up, when no delivery into the folder is running. Returns how
    /// many were removed.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: self.folder) else { return 0 }
        var removed = 0
        for name in names
        where name.hasPrefix(AtomicFileWriter.temporaryPrefix) && name.hasSuffix(AtomicFileWriter.temporarySuffix) {
            if unlink(self.folder + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }

    public func deliver(_ delivery: OutboundDelivery) async -> DeliveryOutcome {
        await Self.deliver([(self.folder, delivery)])[0]
    }

    /// Delivers several messages into their folders together: every file is written, then each flushed, renamed,
    /// and each folder flushed once (see ``AtomicFileWriter``), so a batch costs about one journal commit on disk
    /// rather than two per file. Each outcome is the one ``deliver(_:)`` would give for that message alone.
    public static func deliver(_ batch: [(folder: String, delivery: OutboundDelivery)]) async -> [DeliveryOutcome] {
        var outcomes: [DeliveryOutcome?] = batch.map {
            Self.problem(withName: $0.delivery.fileName).map(DeliveryOutcome.dead)
        }
        let writable = batch.indices.filter { outcomes[$0] == nil }
        let items = writable.map {
            AtomicFileWriter.Item(
                folder: batch[$0].folder, fileName: batch[$0].delivery.fileName, payload: batch[$0].delivery.payload)
        }
        let written = await BlockingFileIO.run { AtomicFileWriter.write(items) }
        for (index, result) in zip(writable, written) {
            let delivery = batch[index].delivery
            switch result {
            case .success(let path):
                let resend = delivery.isResend ? ", replacing any earlier copy (attempt \(delivery.attempt))" : ""
                outcomes[index] = .delivered(detail: "written to \(path) (\(delivery.payload.count) bytes)\(resend)")
            case .failure(let failure):
                outcomes[index] = .retry(reason: failure.description)
            }
        }
        return outcomes.map { $0! }
    }

    /// Why `name` cannot be a file name in the outbox, or nil when it can.
    static func problem(withName name: String) -> String? {
        if name.isEmpty { return "the message has no file name" }
        if name.contains("/") || name.utf8.contains(0) {
            return "the file name \"\(name)\" is not a plain name (it holds a / or a NUL)"
        }
        if name.hasPrefix(".") {
            return "the file name \"\(name)\" starts with \".\", which Porter's watchers and partners ignore"
        }
        if name.utf8.count > 255 { return "the file name is longer than 255 bytes" }
        return nil
    }
}

/// Runs blocking file-system calls (`fsync` can take long) on Dispatch threads rather than the cooperative pool,
/// which must never block (STYLE.md, "Concurrency").
enum BlockingFileIO {
    private static let queue = DispatchQueue(label: "porter.delivery.file-io", attributes: .concurrent)

    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            self.queue.async { continuation.resume(returning: work()) }
        }
    }
}
