import Crypto
import Foundation

/// SHA-256 of a file, read in 64 KiB chunks (never the whole file in memory).
enum ContentHash {
    static func of(path: String) throws(PipelineError) -> (hash: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PipelineError(stage: .read, "cannot open \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
                hasher.update(data: chunk)
                size += Int64(chunk.count)
            }
        } catch {
            throw PipelineError(stage: .read, "cannot read \(path): \(error.localizedDescription)")
        }
        let digest = hasher.finalize()
        return (digest.map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined(), size)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}
