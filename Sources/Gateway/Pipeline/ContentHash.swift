import Crypto
import Foundation

/// SHA-256 of a file, read in 64 KiB chunks (never the whole file in memory), or of bytes already read.
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
        return (Self.hex(hasher.finalize()), size)
    }

    /// SHA-256 of bytes in memory.
    static func of(bytes: [UInt8]) -> String { Self.hex(SHA256.hash(data: bytes)) }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}
