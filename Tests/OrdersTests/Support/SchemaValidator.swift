import Foundation

/// A validator for the subset of JSON Schema (draft-07) that Porter's document schema uses: `type`, `required`,
/// `properties`, `additionalProperties`, `enum`, `items`, `$ref` to `#/definitions/...`, `definitions`,
/// `pattern` and `oneOf`. Annotations (`description`, `examples`, `title`, `$schema`, `$id`) are ignored; any
/// other keyword is reported, so the schema cannot silently use something this validator skips.
///
/// It also records which properties of each definition it has seen, so a test can show that sample documents
/// exercise every property the schema declares.
final class SchemaValidator {
    let schema: JSONValue
    private(set) var seenProperties: [String: Set<String>] = [:]
    private var patterns: [String: NSRegularExpression] = [:]

    private static let keywords: Set<String> = [
        "type", "required", "properties", "additionalProperties", "enum", "items", "$ref", "definitions", "pattern",
        "oneOf",
    ]
    private static let annotations: Set<String> = ["description", "examples", "title", "$schema", "$id"]

    init(schema: JSONValue) { self.schema = schema }

    /// Errors for `value` against the root schema, as `path: message` lines; empty when valid.
    func validate(_ value: JSONValue) -> [String] {
        var errors: [String] = []
        self.check(value, self.schema, path: "$", definition: nil, errors: &errors)
        return errors
    }

    /// The object definitions and their declared property names.
    var declaredProperties: [String: Set<String>] {
        guard case .object(let definitions)? = self.schema["definitions"] else { return [:] }
        var result: [String: Set<String>] = [:]
        for definition in definitions {
            if case .object(let properties)? = definition.value["properties"] {
                result[definition.key] = Set(properties.map(\.key))
            }
        }
        return result
    }

    private func check(
        _ value: JSONValue, _ schema: JSONValue, path: String, definition: String?, errors: inout [String]
    ) {
        guard case .object(let members) = schema else {
            errors.append("\(path): schema is not an object")
            return
        }
        for member in members where !Self.keywords.contains(member.key) && !Self.annotations.contains(member.key) {
            errors.append("\(path): unsupported schema keyword \(member.key)")
        }
        if let reference = schema["$ref"]?.stringValue {
            let prefix = "#/definitions/"
            guard reference.hasPrefix(prefix),
                let target = self.schema["definitions"]?[String(reference.dropFirst(prefix.count))]
            else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            self.check(
                value, target, path: path, definition: String(reference.dropFirst(prefix.count)), errors: &errors)
            return
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            var matches = 0
            var closest: [String]?
            for alternative in alternatives {
                var alternativeErrors: [String] = []
                let saved = self.seenProperties
                self.check(value, alternative, path: path, definition: definition, errors: &alternativeErrors)
                if alternativeErrors.isEmpty {
                    matches += 1
                } else {
                    self.seenProperties = saved
                    if alternativeErrors.count < closest?.count ?? .max { closest = alternativeErrors }
                }
            }
            if matches == 0 {
                // The errors of the alternative that came closest are the useful ones.
                errors += closest ?? ["\(path): no oneOf alternative"]
            } else if matches > 1 {
                errors.append("\(path): matches \(matches) of the oneOf alternatives")
            }
        }
        if let type = schema["type"] {
            let types: [String]
            switch type {
            case .string(let name): types = [name]
            case .array(let names): types = names.compactMap(\.stringValue)
            default: types = []
            }
            guard types.contains(where: { Self.hasType(value, $0) }) else {
                errors.append("\(path): expected \(types.joined(separator: " or ")), found \(value)")
                return
            }
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            errors.append("\(path): \(value) is not one of \(allowed)")
        }
        if let pattern = schema["pattern"]?.stringValue, case .string(let text) = value {
            if !self.matches(text, pattern) { errors.append("\(path): \"\(text)\" does not match \(pattern)") }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                self.check(element, items, path: "\(path)[\(index)]", definition: nil, errors: &errors)
            }
        }
        if case .object(let valueMembers) = value {
            let properties: [JSONValue.Member]
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [] }
            if case .array(let required)? = schema["required"] {
                for key in required.compactMap(\.stringValue) where value[key] == nil {
                    errors.append("\(path): missing required \"\(key)\"")
                }
            }
            for member in valueMembers {
                if let propertySchema = properties.first(where: { $0.key == member.key })?.value {
                    if let definition { self.seenProperties[definition, default: []].insert(member.key) }
                    self.check(
                        member.value, propertySchema, path: "\(path).\(member.key)", definition: nil, errors: &errors)
                } else {
                    switch schema["additionalProperties"] {
                    case .bool(false)?: errors.append("\(path): unexpected property \"\(member.key)\"")
                    case .object?:
                        self.check(
                            member.value, schema["additionalProperties"] ?? .null, path: "\(path).\(member.key)",
                            definition: nil, errors: &errors)
                    default: break
                    }
                }
            }
        }
    }

    private static func hasType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            return true
        case ("integer", .number(let text)): return !text.contains(".") && !text.lowercased().contains("e")
        default: return false
        }
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        let expression: NSRegularExpression
        if let cached = self.patterns[pattern] {
            expression = cached
        } else {
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { return false }
            self.patterns[pattern] = compiled
            expression = compiled
        }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }
}
