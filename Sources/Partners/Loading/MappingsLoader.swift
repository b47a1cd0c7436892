import Foundation
import Orders

/// Loads a `Mappings/` folder: every partner profile with its code lists and CSV files, and `routes.yaml`.
///
/// Loading never stops at the first problem: each is a ``MappingsFinding`` with `file:line:column` and a hint, and
/// everything that could be read is in the ``MappingsCatalog``. Only a folder that cannot be listed throws.
///
/// ```swift
/// let catalog = try MappingsLoader(directory: "Mappings").load()
/// for finding in catalog.findings { print(finding) }
/// ```
public struct MappingsLoader: Sendable {
    /// The folder, as findings name it (`Mappings`).
    public var directory: String

    public init(directory: String) {
        var directory = directory
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        self.directory = directory
    }

    /// The folders of a mappings folder that hold no partner.
    static let reservedFolders: Set<String> = ["schema", "tests"]

    /// Loads every file.
    ///
    /// - Throws: ``PartnersError`` `missingDirectory` when the folder does not exist or cannot be listed.
    /// - Complexity: O(*n*) in the size of the files.
    public func load() throws(PartnersError) -> MappingsCatalog {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.directory, isDirectory: &isFolder), isFolder.boolValue,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: self.directory)
        else {
            throw PartnersError(.missingDirectory, "\(self.directory) is not a folder that can be read")
        }
        var catalog = MappingsCatalog(directory: self.directory)
        var claims = IdentityClaims()
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = self.display(entry)
            var isEntryFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isEntryFolder)
            if !isEntryFolder.boolValue {
                if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml"), entry != "routes.yaml" {
                    catalog.files.append(path)
                    catalog.findings.append(Self.unknownFile(path))
                }
                continue
            }
            if Self.reservedFolders.contains(entry) { continue }
            self.loadPartner(entry, into: &catalog, claims: &claims)
        }
        let routesPath = self.display("routes.yaml")
        if FileManager.default.fileExists(atPath: routesPath) {
            catalog.files.append(routesPath)
            catalog.routing = self.loadRoutes(routesPath, profiles: catalog.profiles, findings: &catalog.findings)
        }
        catalog.findings += claims.duplicates()
        catalog.findings.sort { $0.location < $1.location }
        return catalog
    }

    /// `directory/relative`.
    func display(_ relative: String) -> String { self.directory == "." ? relative : "\(self.directory)/\(relative)" }

    static func unknownFile(_ path: String) -> MappingsFinding {
        MappingsFinding(
            .unknownKey, "a YAML file that is no kind Porter reads", at: MappingsLocation(file: path),
            hint: "expected <partner>/partner.yaml, <partner>/codes/NAME.yaml or routes.yaml")
    }

    private func loadPartner(_ folder: String, into catalog: inout MappingsCatalog, claims: inout IdentityClaims) {
        let folderPath = self.display(folder)
        // Every YAML file in the partner folder must be of a known kind.
        let files = FileManager.default.enumerator(atPath: folderPath)?.compactMap { $0 as? String }.sorted() ?? []
        for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            guard !file.hasPrefix("tests/") else { continue }
            if MappingsFileKind.kind(ofRelativePath: "\(folder)/\(file)") == nil {
                catalog.files.append("\(folderPath)/\(file)")
                catalog.findings.append(Self.unknownFile("\(folderPath)/\(file)"))
            }
        }
        let profilePath = "\(folderPath)/partner.yaml"
        guard let text = Self.text(profilePath) else {
            catalog.findings.append(
                MappingsFinding(
                    .missingFile, "the folder \(folderPath) has no partner.yaml",
                    at: MappingsLocation(file: folderPath),
                    hint: "each folder of \(self.directory) is a partner with a partner.yaml (or schema/)"))
            return
        }
        catalog.files.append(profilePath)
        var reader = SchemaReader(file: profilePath)
        let value = reader.read(text, as: MappingsSchemas.partnerProfile)
        catalog.findings += reader.findings
        guard let value else { return }
        var builder = ProfileBuilder(folder: folder, folderPath: folderPath, value: value)
        let profile = builder.build(codeListFiles: &catalog.files)
        catalog.findings += builder.findings
        claims.add(profile, value: value)
        catalog.profiles[profile.id] = profile
        // Code list files that no profile uses are probably a mistake.
        for file in files where file.hasPrefix("codes/") && file.hasSuffix(".yaml") {
            if !value.strings("codeLists").contains(file) {
                catalog.findings.append(
                    MappingsFinding(
                        .missingFile, "\(folderPath)/\(file) is not listed in codeLists, so it is never used",
                        at: MappingsLocation(file: "\(folderPath)/\(file)"),
                        hint: "add it to codeLists in partner.yaml",
                        severity: .warning))
            }
        }
    }

    static func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func loadRoutes(
        _ path: String, profiles: [String: PartnerProfile], findings: inout [MappingsFinding]
    ) -> RoutingTable? {
        guard let text = Self.text(path) else { return nil }
        var reader = SchemaReader(file: path)
        let value = reader.read(text, as: MappingsSchemas.routes)
        findings += reader.findings
        guard let value else { return nil }
        Self.checkVersion(value, findings: &findings)
        var table = RoutingTable()
        let known = profiles.keys.sorted()
        for route in value["routes"]?.items ?? [] {
            guard let document = route.string("document").flatMap(BusinessDocument.Kind.init(rawValue:)),
                let to = route.string("to")
            else { continue }
            let recipient: RoutingTable.Route.Recipient
            if to == "namedSupplier" {
                recipient = .namedSupplier
            } else {
                recipient = .partner(to)
                if profiles[to] == nil {
                    findings.append(
                        MappingsFinding(
                            .unknownPartner, "route to \"\(to)\": no partner has that id",
                            at: route["to"]?.location ?? route.location,
                            hint: DidYouMean.hint(for: to, in: known + ["namedSupplier"])))
                }
            }
            table.routes.append(
                RoutingTable.Route(
                    document: document, recipient: recipient, isCopy: route["copy"]?.bool ?? false,
                    location: route.location))
        }
        if let split = value["split"],
            let method = split.string("by").flatMap(RoutingTable.Split.Method.init(rawValue:)),
            let numbering = split.string("numbering")
        {
            var rest = numbering
            for placeholder in RoutingTable.Split.placeholders {
                rest = rest.replacingOccurrences(of: placeholder, with: "")
            }
            if rest.contains("{") || rest.contains("}") {
                findings.append(
                    MappingsFinding(
                        .invalidValue, "numbering \"\(numbering)\" has a placeholder Porter does not know",
                        at: split["numbering"]?.location ?? split.location,
                        hint: "placeholders: " + RoutingTable.Split.placeholders.joined(separator: ", ")))
            } else if !numbering.contains("{sequence}") && !numbering.contains("{partner}") {
                findings.append(
                    MappingsFinding(
                        .invalidValue, "numbering \"\(numbering)\" gives every split order the same number",
                        at: split["numbering"]?.location ?? split.location, hint: "use {sequence} or {partner}"))
            }
            if method == .itemCrossReference,
                !profiles.values.contains(where: { $0.itemCrossReference != nil })
            {
                findings.append(
                    MappingsFinding(
                        .missingKey, "split by itemCrossReference, but no partner has an item cross-reference",
                        at: split["by"]?.location ?? split.location,
                        hint: "give suppliers an itemCrossReference, or split by lineSupplier"))
            }
            table.split = RoutingTable.Split(method: method, numbering: numbering, location: split.location)
        }
        return table
    }

    static func checkVersion(_ value: YAMLValue, findings: inout [MappingsFinding]) {
        if let version = value["version"], version.int != 1 {
            findings.append(
                MappingsFinding(
                    .invalidValue, "format version \(version.text ?? "") is not one this Porter reads",
                    at: version.location, hint: "this release reads version 1"))
        }
    }
}

/// The identities partners claim, to find two partners claiming one.
struct IdentityClaims {
    private var claims: [(identity: String, partner: String, location: MappingsLocation)] = []

    mutating func add(_ profile: PartnerProfile, value: YAMLValue) {
        let identity = value["identity"]
        if let x12 = profile.identity.x12 {
            self.claims.append(
                ("X12 \(x12.qualifier):\(x12.id)", profile.id, identity?["x12"]?.location ?? profile.location))
        }
        if let cxml = profile.identity.cxml {
            self.claims.append(
                ("cXML \(cxml.domain):\(cxml.identity)", profile.id, identity?["cxml"]?.location ?? profile.location))
        }
        for item in identity?["partyIds"]?.items ?? [] {
            if let text = item.text { self.claims.append(("party id \(text)", profile.id, item.location)) }
        }
    }

    func duplicates() -> [MappingsFinding] {
        var first: [String: (partner: String, location: MappingsLocation)] = [:]
        var findings: [MappingsFinding] = []
        for claim in self.claims {
            if let earlier = first[claim.identity], earlier.partner != claim.partner {
                findings.append(
                    MappingsFinding(
                        .duplicateIdentity, "\(claim.identity) is also the identity of partner \(earlier.partner)",
                        at: claim.location, hint: "first claimed at \(earlier.location); an identity names one partner")
                )
            } else if first[claim.identity] == nil {
                first[claim.identity] = (claim.partner, claim.location)
            }
        }
        return findings
    }
}
