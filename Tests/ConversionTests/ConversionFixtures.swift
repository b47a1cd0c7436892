import Foundation

@testable import Conversion

/// Real fixture files, read in place, and a temporary folder per test.
enum ConversionFixtures {
    static let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appending(path: relative).path }

    /// The mixed documents of the tests, as `(name in the archive or folder, fixture path)`: good X12 and cXML, a
    /// file with a bad set, a wrapped cXML order, two interchanges in one file, duplicate control numbers (within a
    /// file, and the same file twice under two folders), a public sample, and a file that is no document.
    static let members: [(String, String)] = [
        ("good/dropship.edi", path("Fixtures/x12/850/004010-dropship.edi")),
        ("good/order.xml", path("Fixtures/cxml/OrderRequest/new-release.xml")),
        ("bad-850.edi", path("Fixtures/convert/bad-850.edi")),
        ("wrapped/sap-combined.xml", path("Fixtures/cxml/OrderRequest/sap-combined.xml")),
        ("two-interchanges.edi", path("Fixtures/convert/two-interchanges.edi")),
        ("duplicate-isa13.edi", path("Fixtures/x12/envelope-errors/duplicate-isa13.edi")),
        ("a/same.edi", path("Fixtures/convert/two-interchanges.edi")),
        ("b/same.edi", path("Fixtures/convert/two-interchanges.edi")),
        ("public/nx12-850.edi", path("../shared/fixtures/public/x12/nx12__850.edi")),
        ("not-a-document.txt", path("Fixtures/convert/not-a-document.txt")),
    ]

    /// A fresh temporary folder, removed by `body`'s end.
    static func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appending(path: "porter-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder.path)
    }

    /// Writes the members into a `.zip` archive at `path`.
    static func makeArchive(at path: String) throws {
        let writer = try ZipArchiveWriter(path: path)
        for (name, file) in self.members { try writer.add(name: name, file: file) }
        try writer.close()
    }

    /// Copies the members into a folder at `path`.
    static func makeFolder(at path: String) throws {
        for (name, file) in self.members {
            let target = URL(filePath: path).appending(path: name)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: file, toPath: target.path)
        }
    }

    /// The names of the files in `folder`, sorted.
    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }
}
