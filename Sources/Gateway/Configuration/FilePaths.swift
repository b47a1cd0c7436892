import Foundation

/// Turning the paths people write into absolute ones.
enum FilePaths {
    /// The process's current directory.
    static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }

    /// `path` made absolute: `~` and `~/…` against `$HOME`, a relative path against `base`; `.` and `..` resolved
    /// textually (symbolic links are left alone).
    static func absolute(_ path: String, relativeTo base: String) -> String {
        var written = path
        if written == "~" || written.hasPrefix("~/") {
            written = FileManager.default.homeDirectoryForCurrentUser.path + written.dropFirst()
        }
        let url =
            written.hasPrefix("/")
            ? URL(fileURLWithPath: written)
            : URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent(written)
        let standardized = url.standardizedFileURL.path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// The folder holding `file` (absolute).
    static func folder(of file: String) -> String {
        URL(fileURLWithPath: self.absolute(file, relativeTo: self.currentDirectory())).deletingLastPathComponent().path
    }
}
