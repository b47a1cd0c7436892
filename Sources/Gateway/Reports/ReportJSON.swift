import Foundation

/// The JSON form of every report: sorted keys, dates as ISO 8601 UTC strings, no escaped slashes, one line. A key
/// whose value is unknown is left out rather than written as `null`.
public enum ReportJSON {
    /// `value` as one line of JSON.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // The report types hold only strings, numbers, dates and arrays of them: encoding cannot fail.
            preconditionFailure("a report could not be encoded as JSON: \(error)")
        }
    }

    /// Decodes a report written by ``encode(_:)`` (tests, tools reading `--json`).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

/// Any JSON value: how an alert's evidence (stored as a JSON object) is carried inside a report.
public indirect enum ReportJSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ReportJSONValue])
    case object([String: ReportJSONValue])

    /// Parses `text`; text that is not JSON is kept as a string.
    public init(parsing text: String) {
        if let value = try? JSONDecoder().decode(ReportJSONValue.self, from: Data(text.utf8)) {
            self = value
        } else {
            self = .string(text)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ReportJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ReportJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A short text for people: `key=value` pairs of an object sorted by key (nested objects in braces, arrays in
    /// brackets); the value itself otherwise.
    public var summary: String {
        switch self {
        case .object(let members):
            members.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.nestedSummary)" }.joined(separator: " ")
        default: self.nestedSummary
        }
    }

    private var nestedSummary: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        case .array(let values): "[" + values.map(\.nestedSummary).joined(separator: ", ") + "]"
        case .object: "{" + self.summary + "}"
        }
    }
}
