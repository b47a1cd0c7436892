import Foundation
import ZIPFoundation

/// One input to convert: a file, or one member of a `.zip` archive.
struct ConversionUnit: Sendable {
    enum Location: Sendable {
        case file(path: String)
        case zipMember(archive: String, entry: ZipEntry)
    }

    /// Where the bytes are.
    var location: Location
    /// The name in messages and `errors.json`: the path, or `archive.zip:member/path`.
    var displayName: String
    /// The member's or file's name without folder and extension: the start of each output name.
    var stem: String
    /// The (uncompressed) size in bytes, for progress.
    var size: Int64
}

/// A ZIPFoundation entry, carried from the thread that listed the archive to the worker that extracts it.
///
/// `Entry` is an immutable value of plain structs (offsets, sizes, names) that ZIPFoundation has not marked
/// `Sendable`; nothing in it refers to the `Archive` that read it, so any `Archive` on the same file extracts it.
struct ZipEntry: @unchecked Sendable {
    var entry: Entry
}

/// Lists what the inputs hold, in a fixed order: the inputs as given; a folder's files sorted by path, recursively;
/// a `.zip` archive's file members in archive order. Hidden names (starting with `.`) and `__MACOSX/` are left out.
enum ConversionInputs {
    /// Archive endings no listed library reads: refused with a message saying to extract them first.
    static let refusedEndings = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"]

    static func list(_ inputs: [String]) throws(ConversionError) -> [ConversionUnit] {
        var units: [ConversionUnit] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ConversionError(.unreadableInput, path: input, "no such file or folder")
            }
            if isDirectory.boolValue {
                for file in try Self.files(in: input) { try Self.add(file, to: &units) }
            } else {
                try Self.add(input, to: &units)
            }
        }
        return units
    }

    private static func add(_ path: String, to units: inout [ConversionUnit]) throws(ConversionError) {
        let lowered = path.lowercased()
        if let ending = Self.refusedEndings.first(where: { lowered.hasSuffix($0) }) {
            throw ConversionError(
                .unsupportedArchive, path: path,
                "\(ending) archives are not read (no library Porter uses reads tar); extract it first, e.g. "
                    + "`tar -xf \(path) -C DIR`, and convert DIR")
        }
        if lowered.hasSuffix(".zip") {
            units += try Self.members(of: path)
            return
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        units.append(
            ConversionUnit(
                location: .file(path: path), displayName: path, stem: DocumentNaming.sourceName(path), size: size))
    }

    /// Every regular file below `folder`, sorted by path, hidden names left out.
    private static func files(in folder: String) throws(ConversionError) -> [String] {
        let root = URL(filePath: folder, directoryHint: .isDirectory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw ConversionError(.unreadableInput, path: folder, "cannot list the folder") }
        var files: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath) { relative.removeFirst(rootPath.count) }
            while relative.hasPrefix("/") { relative.removeFirst() }
            files.append(prefix + relative)
        }
        return files.sorted()
    }

    /// The file members of a `.zip` archive, in archive order.
    private static func members(of path: String) throws(ConversionError) -> [ConversionUnit] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(filePath: path), accessMode: .read)
        } catch {
            throw ConversionError(.unreadableInput, path: path, "not a readable .zip archive (\(error))")
        }
        var units: [ConversionUnit] = []
        for entry in archive where entry.type == .file {
            let member = entry.path
            let name = member.split(separator: "/").last.map(String.init) ?? member
            if name.hasPrefix(".") || member.hasPrefix("__MACOSX/") { continue }
            units.append(
                ConversionUnit(
                    location: .zipMember(archive: path, entry: ZipEntry(entry: entry)),
                    displayName: "\(path):\(member)", stem: DocumentNaming.sourceName(member),
                    size: Int64(clamping: entry.uncompressedSize)))
        }
        return units
    }
}
