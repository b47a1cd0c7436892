import Foundation

/// A mappings folder written into a temporary folder for one test, removed afterwards.
struct MappingsFolder {
    let root: URL

    static let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The example `Mappings/` folder of the repository.
    static var examples: String { packageRoot.appending(path: "Mappings").path }

    /// Writes `files` (relative path to contents) into a new folder and runs `body` with it.
    static func with(_ files: [String: String], _ body: (MappingsFolder) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "porter-mappings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = MappingsFolder(root: root)
        for (path, text) in files { try folder.write(path, text) }
        try body(folder)
    }

    func write(_ path: String, _ text: String) throws {
        let url = self.root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var path: String { self.root.path }

    /// A minimal valid profile for partner `id`.
    static func profile(_ id: String, x12: String = "ZZ:\(UUID().uuidString.prefix(8))", extra: String = "") -> String {
        let parts = x12.split(separator: ":")
        return """
            version: 1
            partner: \(id)
            name: \(id) Inc
            role: weBuyFromThem
            identity:
              x12: { qualifier: "\(parts[0])", id: "\(parts[1])" }
            \(extra)
            """
    }
}
