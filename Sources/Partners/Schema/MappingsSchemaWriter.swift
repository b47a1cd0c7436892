/// Writes the JSON Schema (draft 2020-12) of each kind of `Mappings/` file, from the same description the loader
/// checks files against.
///
/// `Mappings/schema/*.schema.json` are this output; editors with a YAML language server use them through the
/// `# yaml-language-server: $schema=...` line at the top of each example file.
public enum MappingsSchemaWriter {
    /// The JSON Schema of `kind`, as stable, indented JSON text ending in a line feed.
    public static func jsonSchema(for kind: MappingsFileKind) -> String {
        let title: String
        switch kind {
        case .partnerProfile: title = "Porter partner profile (Mappings/<partner>/partner.yaml)"
        case .codeList: title = "Porter code list (Mappings/<partner>/codes/*.yaml)"
        case .routes: title = "Porter routes (Mappings/routes.yaml)"
        }
        let header: [(String, Tree)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://porter.example/schema/\(kind.schemaFileName)")),
            ("title", .string(title)),
        ]
        return Tree.object(header + Self.objectMembers(kind.shape)).text(indent: "") + "\n"
    }

    /// A JSON value to print.
    private indirect enum Tree {
        case string(String)
        case literal(String)
        case array([Tree])
        case object([(String, Tree)])

        func text(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case .string(let value): return quote(value)
            case .literal(let value): return value
            case .array(let items):
                if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                    return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
                }
                return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
            case .object(let members):
                if members.isEmpty { return "{}" }
                return "{\n"
                    + members.map { inner + quote($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                    + "\n\(indent)}"
            }
        }
    }

    private static func objectMembers(_ object: SchemaObject) -> [(String, Tree)] {
        var members: [(String, Tree)] = [("description", .string(object.summary)), ("type", .string("object"))]
        members.append(
            (
                "properties",
                .object(
                    object.properties.map { property in
                        (
                            property.name,
                            .object([("description", .string(property.summary))] + Self.shapeMembers(property.shape))
                        )
                    })
            ))
        let required = object.properties.filter(\.required).map { Tree.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", .literal("false")))
        return members
    }

    private static func shapeMembers(_ shape: SchemaShape) -> [(String, Tree)] {
        switch shape {
        case .text(let allowed, let pattern):
            // Any scalar is read as text; a constrained value must be a string to match.
            if allowed == nil, pattern == nil {
                return [("type", .array([.string("string"), .string("number"), .string("boolean")]))]
            }
            var members: [(String, Tree)] = [("type", .array([.string("string"), .string("number")]))]
            if let allowed { members.append(("enum", .array(allowed.map { .string($0) }))) }
            if let pattern { members.append(("pattern", .string(pattern))) }
            return members
        case .integer(let minimum):
            return [("type", .string("integer"))] + (minimum.map { [("minimum", .literal(String($0)))] } ?? [])
        case .number: return [("type", .string("number")), ("minimum", .literal("0"))]
        case .boolean: return [("type", .string("boolean"))]
        case .list(let item): return [("type", .string("array")), ("items", .object(Self.shapeMembers(item)))]
        case .object(let object): return Self.objectMembers(object)
        }
    }
}

/// A JSON string literal.
func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case let scalar where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
