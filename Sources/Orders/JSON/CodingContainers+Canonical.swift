// The canonical JSON form leaves out empty arrays and empty extensions, and a reader treats a missing array as
// empty. These overloads make the synthesized `Codable` conformances of this module follow that rule: the
// compiler prefers them to the generic `encode(_:forKey:)` / `decode(_:forKey:)` because they are more specific.
// They are internal, so they change nothing outside the `Orders` module.

extension KeyedEncodingContainer {
    mutating func encode<Value: Encodable>(_ value: [Value], forKey key: Key) throws {
        guard !value.isEmpty else { return }
        try self.encodeIfPresent(Optional(value), forKey: key)
    }

    mutating func encode(_ value: Extensions, forKey key: Key) throws {
        guard !value.isEmpty else { return }
        try self.encodeIfPresent(Optional(value), forKey: key)
    }
}

extension KeyedDecodingContainer {
    func decode<Value: Decodable>(_ type: [Value].Type, forKey key: Key) throws -> [Value] {
        try self.decodeIfPresent(type, forKey: key) ?? []
    }

    func decode(_ type: Extensions.Type, forKey key: Key) throws -> Extensions {
        try self.decodeIfPresent(type, forKey: key) ?? Extensions()
    }
}
