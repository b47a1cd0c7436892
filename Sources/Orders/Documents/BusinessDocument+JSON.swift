import Foundation

// Reading the JSON form. Writing is `CanonicalJSONWriter`'s job; the `Encodable` conformance below writes the
// same keys and values through any `Encoder` (key order and spacing are then the encoder's).

extension BusinessDocument: Codable {
    private enum HeaderKeys: String, CodingKey {
        case document
        case schemaVersion
    }

    /// Reads a document: its `"document"` kind and `"schemaVersion"`, then the document's own keys.
    ///
    /// - Throws: ``OrdersError`` with code `.unknownDocument` or `.unsupportedSchemaVersion`, or a
    ///   `DecodingError` for a missing or malformed value.
    public init(from decoder: any Decoder) throws {
        let header = try decoder.container(keyedBy: HeaderKeys.self)
        let name = try header.decode(String.self, forKey: .document)
        guard let kind = Kind(rawValue: name) else {
            let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw OrdersError(.unknownDocument, "unknown document \"\(name)\" (known: \(known))", path: "document")
        }
        let version = try header.decode(Int.self, forKey: .schemaVersion)
        guard (1...Self.schemaVersion).contains(version) else {
            throw OrdersError(
                .unsupportedSchemaVersion,
                "schemaVersion \(version) is not supported (this release reads 1 to \(Self.schemaVersion))",
                path: "schemaVersion")
        }
        switch kind {
        case .purchaseOrder: self = .purchaseOrder(try PurchaseOrder(from: decoder))
        case .orderAcknowledgment: self = .orderAcknowledgment(try OrderAcknowledgment(from: decoder))
        case .orderChange: self = .orderChange(try OrderChange(from: decoder))
        case .shipNotice: self = .shipNotice(try ShipNotice(from: decoder))
        case .functionalAcknowledgment: self = .functionalAcknowledgment(try FunctionalAcknowledgment(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .purchaseOrder(let document): try document.encode(to: encoder)
        case .orderAcknowledgment(let document): try document.encode(to: encoder)
        case .orderChange(let document): try document.encode(to: encoder)
        case .shipNotice(let document): try document.encode(to: encoder)
        case .functionalAcknowledgment(let document): try document.encode(to: encoder)
        }
        var header = encoder.container(keyedBy: HeaderKeys.self)
        try header.encode(self.kind.rawValue, forKey: .document)
        try header.encode(Self.schemaVersion, forKey: .schemaVersion)
    }
}

extension BusinessDocument {
    /// Reads one document in Porter's JSON form.
    ///
    /// Any valid JSON spelling of a document is read, canonical or not (keys in any order, whitespace, escapes).
    /// Unknown keys are ignored, so a reader of this release can read documents from a later one that only added
    /// keys.
    ///
    /// - Parameter json: The UTF-8 bytes of one JSON object.
    /// - Throws: ``OrdersError``.
    public static func decode(json: some Collection<UInt8>) throws(OrdersError) -> BusinessDocument {
        try Self.decode(Data(json), line: nil)
    }

    /// Reads every document in `json`: one document, a JSON array of documents, or JSON Lines (one document per
    /// line; blank lines are skipped; documents may also simply follow one another).
    ///
    /// - Parameter json: UTF-8 bytes.
    /// - Returns: The documents in input order.
    /// - Throws: ``OrdersError`` for the first document that cannot be read, with the line it starts on.
    /// - Complexity: O(*n*) in the size of the input.
    public static func decodeAll(json: some Collection<UInt8>) throws(OrdersError) -> [BusinessDocument] {
        let bytes = Array(json)
        let values = try JSONValueSplitter.split(bytes)
        if values.count == 1, bytes[values[0].range.lowerBound] == UInt8(ascii: "[") {
            do {
                return try JSONDecoder().decode([BusinessDocument].self, from: Data(bytes[values[0].range]))
            } catch {
                throw OrdersError(decoding: error, line: values[0].line)
            }
        }
        var documents: [BusinessDocument] = []
        documents.reserveCapacity(values.count)
        for value in values {
            documents.append(try Self.decode(Data(bytes[value.range]), line: values.count > 1 ? value.line : nil))
        }
        return documents
    }

    private static func decode(_ data: Data, line: Int?) throws(OrdersError) -> BusinessDocument {
        do {
            return try JSONDecoder().decode(BusinessDocument.self, from: data)
        } catch {
            throw OrdersError(decoding: error, line: line)
        }
    }
}

extension OrdersError {
    /// Turns whatever `JSONDecoder` threw into an `OrdersError` with a path.
    init(decoding error: any Error, line: Int?) {
        switch error {
        case var error as OrdersError:
            error.line = error.line ?? line
            self = error
        case DecodingError.dataCorrupted(let context):
            // Documents are objects, so a corrupted value at the root is a syntax error.
            let code: Code = context.codingPath.isEmpty ? .invalidJSON : .invalidValue
            self.init(code, context.debugDescription, path: Self.path(context.codingPath), line: line)
        case DecodingError.keyNotFound(let key, let context):
            self.init(
                .invalidValue, "missing \"\(key.stringValue)\"", path: Self.path(context.codingPath), line: line)
        case DecodingError.typeMismatch(let type, let context):
            self.init(
                .invalidValue, "expected \(Self.jsonType(type)): \(context.debugDescription)",
                path: Self.path(context.codingPath), line: line)
        case DecodingError.valueNotFound(let type, let context):
            self.init(
                .invalidValue, "null where \(Self.jsonType(type)) is required", path: Self.path(context.codingPath),
                line: line)
        default:
            self.init(.invalidJSON, String(describing: error), line: line)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "a boolean"
        default: "\(type)"
        }
    }
}
