import Foundation

/// A file claimed from the inbox: renamed into `work/` as `<claim>~<flattened name>`, so that no other worker takes
/// it and a restart finds it again.
public struct ClaimedFile: Hashable, Sendable {
    /// The claim's unique id: UTC time to the millisecond and 32 random bits (`20250131T120502123Z-9f3a01c2`), so
    /// claims sort by time.
    public var claim: String
    /// The absolute path in `work/`.
    public var workPath: String
    /// The name it had relative to `inbox/` (`acme/po1.edi`).
    public var originalName: String
    /// The first folder under `inbox/` it came from, if any.
    public var partnerFolder: String?

    public init(claim: String, workPath: String, originalName: String, partnerFolder: String?) {
        self.claim = claim
        self.workPath = workPath
        self.originalName = originalName
        self.partnerFolder = partnerFolder
    }

    /// The last component of ``originalName``.
    public var name: String { self.originalName.split(separator: "/").last.map(String.init) ?? self.originalName }
}

extension ClaimedFile {
    /// The name in `work/`: the claim, `~`, then the original name with `%` as `%25` and `/` as `%2F`.
    static func workName(claim: String, originalName: String) -> String {
        let flattened = originalName.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(
            of: "/", with: "%2F")
        return claim + "~" + flattened
    }

    /// Reads a name made by ``workName(claim:originalName:)`` back; `nil` for any other name.
    static func parse(workName: String, in folder: String) -> ClaimedFile? {
        guard let separator = workName.firstIndex(of: "~") else { return nil }
        let claim = String(workName[..<separator])
        guard ClaimID.isValid(claim) else { return nil }
        let original = String(workName[workName.index(after: separator)...])
            .replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%25", with: "%")
        guard !original.isEmpty else { return nil }
        let components = original.split(separator: "/")
        return ClaimedFile(
            claim: claim, workPath: folder + "/" + workName, originalName: original,
            partnerFolder: components.count > 1 ? String(components[0]) : nil)
    }
}
