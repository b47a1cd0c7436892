import Foundation
internal import Yams

/// Reads YAML text into a ``YAMLValue``, checking it against a closed schema as it goes.
///
/// Every problem becomes a ``MappingsFinding`` at the line and column libyaml gives the node (`Node.mark`): unknown
/// keys (with the closest known key as a hint), values of the wrong type, missing required keys, values outside the
/// allowed ones. A part that does not fit is left out of the value and reading goes on, so one run reports every
/// problem.
struct SchemaReader {
    let file: String
    private(set) var findings: [MappingsFinding] = []

    init(file: String) { self.file = file }

    /// Parses `text` and checks it against `shape`; `nil` when the text is not YAML or is not a mapping at the top.
    mutating func read(_ text: String, as shape: SchemaObject) -> YAMLValue? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            self.findings.append(self.syntaxFinding(error))
            return nil
        } catch {
            self.findings.append(
                MappingsFinding(.unreadableFile, "not YAML: \(error)", at: MappingsLocation(file: self.file)))
            return nil
        }
        guard let node else {
            self.findings.append(
                MappingsFinding(
                    .wrongType, "the file is empty", at: MappingsLocation(file: self.file, line: 1, column: 1)))
            return nil
        }
        return self.check(node, as: .object(shape), path: "")
    }

    private func location(_ node: Node) -> MappingsLocation {
        guard let mark = node.mark else { return MappingsLocation(file: self.file) }
        return MappingsLocation(file: self.file, line: mark.line, column: mark.column)
    }

    private func syntaxFinding(_ error: YamlError) -> MappingsFinding {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return MappingsFinding(
                .unreadableFile, "not valid YAML: \(problem)",
                at: MappingsLocation(file: self.file, line: mark.line, column: mark.column))
        default:
            return MappingsFinding(.unreadableFile, "not valid YAML: \(error)", at: MappingsLocation(file: self.file))
        }
    }

    private mutating func wrongType(_ node: Node, _ shape: SchemaShape, _ path: String) -> YAMLValue? {
        let found: String
        switch node {
        case .scalar(let scalar): found = "\"\(scalar.string)\""
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        default: found = "an alias"
        }
        self.findings.append(
            MappingsFinding(
                .wrongType, "\(Self.name(path)) must be \(shape.noun), not \(found)", at: self.location(node)))
        return nil
    }

    private static func name(_ path: String) -> String { path.isEmpty ? "the file" : "`\(path)`" }

    private mutating func check(_ node: Node, as shape: SchemaShape, path: String) -> YAMLValue? {
        let location = self.location(node)
        switch (shape, node) {
        case (.text(let allowed, let pattern), .scalar(let scalar)):
            let text = scalar.string
            if let allowed, !allowed.contains(text) {
                self.findings.append(
                    MappingsFinding(
                        .invalidValue, "\(Self.name(path)) cannot be \"\(text)\"", at: location,
                        hint: DidYouMean.hint(for: text, in: allowed)))
                return nil
            }
            if let pattern, text.range(of: pattern, options: .regularExpression) == nil {
                self.findings.append(
                    MappingsFinding(
                        .invalidValue, "\(Self.name(path)) \"\(text)\" does not match \(pattern)", at: location))
                return nil
            }
            return YAMLValue(content: .scalar(text), location: location)
        case (.integer(let minimum), .scalar(let scalar)):
            guard let value = Int(scalar.string) else { return self.wrongType(node, shape, path) }
            if let minimum, value < minimum {
                self.findings.append(
                    MappingsFinding(.invalidValue, "\(Self.name(path)) must be at least \(minimum)", at: location))
                return nil
            }
            return YAMLValue(content: .scalar(scalar.string), location: location)
        case (.number, .scalar(let scalar)):
            guard let value = Double(scalar.string), value >= 0, scalar.string.allSatisfy({ $0.isNumber || $0 == "." })
            else { return self.wrongType(node, shape, path) }
            _ = value
            return YAMLValue(content: .scalar(scalar.string), location: location)
        case (.boolean, .scalar(let scalar)):
            guard scalar.string == "true" || scalar.string == "false" else { return self.wrongType(node, shape, path) }
            return YAMLValue(content: .scalar(scalar.string), location: location)
        case (.list(let item), .sequence(let sequence)):
            var items: [YAMLValue] = []
            for (index, element) in sequence.enumerated() {
                if let value = self.check(element, as: item, path: "\(path)[\(index)]") { items.append(value) }
            }
            return YAMLValue(content: .list(items), location: location)
        case (.object(let object), .mapping(let mapping)):
            var pairs: [(key: String, keyLocation: MappingsLocation, value: YAMLValue)] = []
            for (keyNode, valueNode) in mapping {
                let keyLocation = self.location(keyNode)
                guard case .scalar(let keyScalar) = keyNode else {
                    self.findings.append(MappingsFinding(.wrongType, "a key must be text", at: keyLocation))
                    continue
                }
                let key = keyScalar.string
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                guard let property = object.property(key) else {
                    let where_ = path.isEmpty ? "at the top of the file" : "in `\(path)`"
                    self.findings.append(
                        MappingsFinding(
                            .unknownKey, "unknown key \"\(key)\" \(where_)", at: keyLocation,
                            hint: DidYouMean.hint(for: key, in: object.names)))
                    continue
                }
                if pairs.contains(where: { $0.key == key }) {
                    self.findings.append(
                        MappingsFinding(.invalidValue, "`\(childPath)` is given twice", at: keyLocation))
                    continue
                }
                if let value = self.check(valueNode, as: property.shape, path: childPath) {
                    pairs.append((key, keyLocation, value))
                }
            }
            for property in object.properties
            where property.required && !pairs.contains(where: { $0.key == property.name }) {
                // A key that was present but had a bad value was reported already.
                if mapping.contains(where: { $0.key.string == property.name }) { continue }
                self.findings.append(
                    MappingsFinding(
                        .missingKey, "\(Self.name(path)) needs `\(property.name)`", at: location,
                        hint: property.summary))
            }
            return YAMLValue(content: .object(pairs), location: location)
        default:
            return self.wrongType(node, shape, path)
        }
    }
}
