/// A value read from a `Mappings/` YAML file and checked against its schema, with where each part was written.
struct YAMLValue: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case list([YAMLValue])
        /// Keys in the order written, each with where the key itself is.
        case object([(key: String, keyLocation: MappingsLocation, value: YAMLValue)])
    }

    var content: Content
    var location: MappingsLocation

    /// The scalar's text, or `nil`.
    var text: String? {
        if case .scalar(let text) = self.content { return text }
        return nil
    }

    /// The list's items, or an empty list.
    var items: [YAMLValue] {
        if case .list(let items) = self.content { return items }
        return []
    }

    /// The value of `key` in a mapping.
    subscript(key: String) -> YAMLValue? {
        guard case .object(let pairs) = self.content else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Where `key` is written in a mapping (or the mapping itself when it has no such key).
    func location(ofKey key: String) -> MappingsLocation {
        guard case .object(let pairs) = self.content else { return self.location }
        return pairs.first { $0.key == key }?.keyLocation ?? self.location
    }

    var bool: Bool? { self.text.map { $0 == "true" } }
    var int: Int? { self.text.flatMap { Int($0) } }

    func string(_ key: String) -> String? { self[key]?.text }
    func strings(_ key: String) -> [String] { self[key]?.items.compactMap(\.text) ?? [] }
}
