/// The kinds of YAML file under `Mappings/`, each with its own closed schema.
///
/// - `<partner>/partner.yaml`: a partner profile.
/// - `<partner>/codes/*.yaml`: a code list.
/// - `routes.yaml` (at the top): who receives each document, and how an order is split by supplier.
public enum MappingsFileKind: String, Hashable, Sendable, CaseIterable {
    case partnerProfile = "partner-profile"
    case codeList = "code-list"
    case routes

    /// The JSON Schema file name, in `Mappings/schema/`.
    public var schemaFileName: String { "\(self.rawValue).schema.json" }

    /// The kind of the file at `relativePath` (relative to the mappings folder), or `nil` for a YAML file that is
    /// none of them.
    public static func kind(ofRelativePath relativePath: String) -> Self? {
        let parts = relativePath.split(separator: "/").map(String.init)
        if parts == ["routes.yaml"] { return .routes }
        if parts.count == 2, parts[1] == "partner.yaml" { return .partnerProfile }
        if parts.count == 3, parts[1] == "codes", parts[2].hasSuffix(".yaml") { return .codeList }
        return nil
    }

    var shape: SchemaObject {
        switch self {
        case .partnerProfile: MappingsSchemas.partnerProfile
        case .codeList: MappingsSchemas.codeList
        case .routes: MappingsSchemas.routes
        }
    }
}
