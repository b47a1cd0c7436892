import Foundation

/// `porter mappings check`: loads a `Mappings/` folder, checks every file, and runs every partner's golden tests.
///
/// ```swift
/// let report = try MappingsCheck(directory: "Mappings").run()
/// print(report.summary)
/// ```
public struct MappingsCheck: Sendable {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// Writes each golden test's actual output as its expected file (creating `NAME.expected.<ext>` when there is
    /// none), for a reviewer to check and commit. Returns the files written.
    public static func record(_ report: MappingsCheckReport) throws(PartnersError) -> [String] {
        var written: [String] = []
        for golden in report.goldens where golden.problem == nil || golden.expected == nil {
            guard let actual = golden.actual, let ext = golden.actualExtension,
                golden.expected == nil || !golden.diff.isEmpty
            else { continue }
            let folder = (golden.input as NSString).deletingLastPathComponent
            let path = golden.expected ?? "\(folder)/\(golden.name).expected.\(ext)"
            guard FileManager.default.createFile(atPath: path, contents: Data(actual.utf8)) else {
                throw PartnersError(.io, "cannot write \(path)")
            }
            written.append(path)
        }
        return written
    }

    /// Loads and checks everything.
    ///
    /// - Throws: ``PartnersError`` when the folder cannot be read at all.
    public func run() throws(PartnersError) -> MappingsCheckReport {
        let loader = MappingsLoader(directory: self.directory)
        let catalog = try loader.load()
        var goldens: [GoldenTestResult] = []
        for profile in catalog.profiles.values.sorted(by: { $0.id < $1.id }) {
            let folder = loader.display("\(profile.id)/tests")
            goldens += GoldenTestRunner(mapping: PartnerMapping(profile: profile), folder: folder).run()
        }
        return MappingsCheckReport(catalog: catalog, goldens: goldens)
    }
}
