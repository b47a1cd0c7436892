internal import Yams

/// One mapping of `porter.yaml` (the top or a section such as `delivery.retry`), its keys already checked against
/// the closed list the section allows; typed accessors check each value and throw at its line and column.
struct ConfigurationSection {
    let file: String
    /// The dotted path of the section (`delivery.retry`); empty at the top.
    let path: String
    private let values: [String: Node]

    init(_ node: Node, path: String, keys: [String], file: String) throws(GatewayConfigurationError) {
        self.file = file
        self.path = path
        guard case .mapping(let mapping) = node else {
            throw Self.wrongType(node, of: path.isEmpty ? "the file" : "`\(path)`", expected: "a mapping", file: file)
        }
        var values: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            let (line, column) = Self.position(keyNode)
            guard case .scalar(let scalar) = keyNode else {
                throw GatewayConfigurationError(
                    .wrongType, "a key must be text", file: file, line: line, column: column)
            }
            let key = scalar.string
            guard keys.contains(key) else {
                let place = path.isEmpty ? "at the top of the file" : "in `\(path)`"
                throw GatewayConfigurationError(
                    .unknownKey, "unknown key \"\(key)\" \(place)", file: file, line: line, column: column,
                    hint: KeySuggestion.hint(for: key, among: keys))
            }
            guard values[key] == nil else {
                throw GatewayConfigurationError(
                    .invalidValue, "`\(path.isEmpty ? key : "\(path).\(key)")` is given twice", file: file, line: line,
                    column: column)
            }
            values[key] = valueNode
        }
        self.values = values
    }

    /// The sub-section under `key`, checked against `keys`; `nil` when absent.
    func section(_ key: String, keys: [String]) throws(GatewayConfigurationError) -> ConfigurationSection? {
        guard let node = self.values[key] else { return nil }
        return try ConfigurationSection(node, path: self.qualified(key), keys: keys, file: self.file)
    }

    /// A text value (a path, a name); `nil` when absent.
    func text(_ key: String) throws(GatewayConfigurationError) -> String? {
        guard let (node, text) = try self.scalar(key, expected: "text") else { return nil }
        guard !text.isEmpty else { throw self.invalid(node, "`\(self.qualified(key))` cannot be empty") }
        return text
    }

    /// One of `choices`; `nil` when absent.
    func choice(_ key: String, among choices: [String]) throws(GatewayConfigurationError) -> String? {
        guard let (node, text) = try self.scalar(key, expected: "one of " + choices.joined(separator: ", ")) else {
            return nil
        }
        guard choices.contains(text) else {
            throw self.invalid(
                node, "`\(self.qualified(key))` cannot be \"\(text)\"",
                hint: KeySuggestion.hint(for: text, among: choices))
        }
        return text
    }

    /// `true` or `false` (YAML 1.1's `yes`/`no`/`on`/`off` are refused: they surprise people); `nil` when absent.
    func boolean(_ key: String) throws(GatewayConfigurationError) -> Bool? {
        guard let (node, text) = try self.scalar(key, expected: "true or false") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw self.wrongType(node, key: key, expected: "true or false")
        }
    }

    /// A whole number of at least `minimum`; `nil` when absent.
    func integer(_ key: String, atLeast minimum: Int) throws(GatewayConfigurationError) -> Int? {
        guard let (node, text) = try self.scalar(key, expected: "a whole number") else { return nil }
        guard let value = Int(text) else { throw self.wrongType(node, key: key, expected: "a whole number") }
        guard value >= minimum else {
            throw self.invalid(node, "`\(self.qualified(key))` must be at least \(minimum), not \(value)")
        }
        return value
    }

    /// A finite number in `range`; `nil` when absent. `positive` refuses 0 as well.
    func number(
        _ key: String, in range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude, positive: Bool = false
    ) throws(GatewayConfigurationError) -> Double? {
        guard let (node, text) = try self.scalar(key, expected: "a number") else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw self.wrongType(node, key: key, expected: "a number")
        }
        guard range.contains(value), !positive || value > 0 else {
            let bound =
                positive
                ? "greater than 0"
                : range.upperBound == .greatestFiniteMagnitude
                    ? "at least \(Self.format(range.lowerBound))"
                    : "between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))"
            throw self.invalid(node, "`\(self.qualified(key))` must be \(bound), not \(text)")
        }
        return value
    }

    /// Where `key`'s value is written, for errors found after reading (one value checked against another).
    func invalid(_ key: String, _ message: String) -> GatewayConfigurationError {
        guard let node = self.values[key] else {
            return GatewayConfigurationError(.invalidValue, message, file: self.file)
        }
        return self.invalid(node, message)
    }

    private func scalar(_ key: String, expected: String) throws(GatewayConfigurationError) -> (Node, String)? {
        guard let node = self.values[key] else { return nil }
        // A plain `~`, `null` or nothing is YAML's null: a key written without its value.
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            throw self.wrongType(node, key: key, expected: expected)
        }
        return (node, scalar.string)
    }

    private func qualified(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    private func invalid(_ node: Node, _ message: String, hint: String? = nil) -> GatewayConfigurationError {
        let (line, column) = Self.position(node)
        return GatewayConfigurationError(
            .invalidValue, message, file: self.file, line: line, column: column, hint: hint)
    }

    private func wrongType(_ node: Node, key: String, expected: String) -> GatewayConfigurationError {
        Self.wrongType(node, of: "`\(self.qualified(key))`", expected: expected, file: self.file)
    }

    private static func wrongType(_ node: Node, of name: String, expected: String, file: String)
        -> GatewayConfigurationError
    {
        let found: String
        switch node {
        case .scalar(let scalar): found = node.null != nil ? "nothing" : "\"\(scalar.string)\""
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        case .alias: found = "an alias"
        }
        let (line, column) = Self.position(node)
        return GatewayConfigurationError(
            .wrongType, "\(name) must be \(expected), not \(found)", file: file, line: line, column: column)
    }

    static func position(_ node: Node) -> (line: Int, column: Int) {
        guard let mark = node.mark else { return (0, 0) }
        return (mark.line, mark.column)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
