import Foundation

/// Files that never overwrite: written under a temporary name, then linked to their final name, with an ordinal
/// before the extension (`name-2.json`) when the name is taken.
package enum UniqueFile {
    /// `name`, or `name` with `ordinal` before its extension when `ordinal` is above 1.
    package static func name(_ name: String, ordinal: Int) -> String {
        guard ordinal > 1 else { return name }
        let stem = (name as NSString).deletingPathExtension
        let pathExtension = (name as NSString).pathExtension
        return "\(stem)-\(ordinal)" + (pathExtension.isEmpty ? "" : ".\(pathExtension)")
    }

    /// A temporary path in `folder` for a file that will be named `name`: hidden, and unique.
    package static func temporaryPath(in folder: String, for name: String) -> String {
        URL(filePath: folder.isEmpty ? "." : folder).appending(path: ".\(name).\(UUID().uuidString).tmp").path
    }

    /// Writes `bytes` to a temporary file in `folder`, then links it as `name` (or `name-2`, ...).
    ///
    /// The file is not synced to disk: a batch of documents is made durable by the file system's own writeback
    /// (one `fsync` per document cost more than the conversion itself).
    ///
    /// - Returns: The name it got.
    /// - Throws: ``ConversionError`` (`.io`) naming the path that could not be written.
    @discardableResult
    package static func publish(_ bytes: [UInt8], in folder: String, name: String) throws(ConversionError) -> String {
        let file = try PendingFile(finalPath: URL(filePath: folder.isEmpty ? "." : folder).appending(path: name).path)
        try file.append(bytes)
        return URL(filePath: try file.publish(unique: true, durable: false)).lastPathComponent
    }

    /// Links the file at `temporary` into `folder` as `name` (or `name-2`, ...); the temporary name stays.
    ///
    /// - Returns: The name it got.
    package static func link(_ temporary: String, in folder: String, name: String) throws(ConversionError) -> String {
        let folderURL = URL(filePath: folder.isEmpty ? "." : folder)
        var ordinal = 1
        while true {
            let candidateName = self.name(name, ordinal: ordinal)
            let candidate = folderURL.appending(path: candidateName).path
            if Foundation.link(temporary, candidate) == 0 { return candidateName }
            let code = errno
            guard code == EEXIST else { throw ConversionError(.io, path: candidate, String(cString: strerror(code))) }
            ordinal += 1
        }
    }
}

/// A file written piece by piece under a temporary name beside its final path, then linked into place.
///
/// Released without ``publish(unique:)`` (a failed run), the temporary file is removed: nothing half-written is left.
package final class PendingFile {
    private let finalPath: String
    /// Where the bytes are until ``publish(unique:)``.
    package let temporaryPath: String
    private var descriptor: Int32

    package init(finalPath: String) throws(ConversionError) {
        let url = URL(filePath: finalPath)
        self.finalPath = finalPath
        self.temporaryPath = UniqueFile.temporaryPath(
            in: url.deletingLastPathComponent().path, for: url.lastPathComponent)
        self.descriptor = open(self.temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if self.descriptor < 0 {
            throw ConversionError(.io, path: self.temporaryPath, String(cString: strerror(errno)))
        }
    }

    package func append(_ bytes: [UInt8]) throws(ConversionError) {
        // `withUnsafeBytes` is `rethrows`: the typed error rides out in a `Result`.
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ConversionError) in try self.append(buffer) }
        }
        try result.get()
    }

    /// Appends bytes that are not in an array (a ``CanonicalJSONWriter``'s buffer), valid during the call.
    package func append(_ bytes: UnsafeRawBufferPointer) throws(ConversionError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(self.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ConversionError(.io, path: self.temporaryPath, String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    package func append(_ text: String) throws(ConversionError) { try self.append(Array(text.utf8)) }

    /// Makes the file durable (unless `durable` is `false`) and gives it its final name. With `unique`, a taken
    /// name gets an ordinal (`errors-2.json`); otherwise a taken name fails.
    ///
    /// - Returns: The path it got.
    @discardableResult
    package func publish(unique: Bool = false, durable: Bool = true) throws(ConversionError) -> String {
        if (durable && fsync(self.descriptor) != 0) || close(self.descriptor) != 0 {
            self.descriptor = -1
            throw ConversionError(.io, path: self.temporaryPath, String(cString: strerror(errno)))
        }
        self.descriptor = -1
        let url = URL(filePath: self.finalPath)
        if unique {
            let folder = url.deletingLastPathComponent().path
            let name = try UniqueFile.link(self.temporaryPath, in: folder, name: url.lastPathComponent)
            return url.deletingLastPathComponent().appending(path: name).path
        }
        if link(self.temporaryPath, self.finalPath) != 0 {
            let code = errno
            if code == EEXIST {
                throw ConversionError(
                    .outputExists, path: self.finalPath, "already exists; Porter never overwrites a file")
            }
            throw ConversionError(.io, path: self.finalPath, String(cString: strerror(code)))
        }
        return self.finalPath
    }

    deinit {
        if self.descriptor >= 0 { close(self.descriptor) }
        unlink(self.temporaryPath)
    }
}
