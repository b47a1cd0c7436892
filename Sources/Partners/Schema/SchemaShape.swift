/// The shape a value in a `Mappings/` YAML file must have: the closed schema the loader checks and the JSON Schema
/// files in `Mappings/schema/` are generated from.
///
/// One description serves both, so the published schemas cannot drift from what the loader accepts.
indirect enum SchemaShape: Sendable {
    /// Any scalar, read as text; `allowed` lists the only values accepted, `pattern` is a regular expression the
    /// text must match (both also go into the JSON Schema).
    case text(allowed: [String]? = nil, pattern: String? = nil)
    /// A whole number, at least `minimum`.
    case integer(minimum: Int? = nil)
    /// A decimal number, at least 0.
    case number
    /// `true` or `false`.
    case boolean
    /// A list of values of one shape.
    case list(SchemaShape)
    /// A mapping with a fixed set of keys: any other key is an error.
    case object(SchemaObject)

    /// The name of the shape in messages ("a list", "a mapping"...).
    var noun: String {
        switch self {
        case .text: "a text value"
        case .integer: "a whole number"
        case .number: "a number"
        case .boolean: "true or false"
        case .list: "a list"
        case .object: "a mapping of keys"
        }
    }
}

/// A mapping with a closed set of keys.
struct SchemaObject: Sendable {
    /// One key: its name, its shape and what it means (the JSON Schema's `description`).
    struct Property: Sendable {
        var name: String
        var shape: SchemaShape
        var required: Bool
        var summary: String
    }

    var summary: String
    var properties: [Property]

    init(_ summary: String, _ properties: [Property]) {
        self.summary = summary
        self.properties = properties
    }

    var names: [String] { self.properties.map(\.name) }
    func property(_ name: String) -> Property? { self.properties.first { $0.name == name } }
}

/// A required key.
func required(_ name: String, _ shape: SchemaShape, _ summary: String) -> SchemaObject.Property {
    SchemaObject.Property(name: name, shape: shape, required: true, summary: summary)
}

/// An optional key.
func optional(_ name: String, _ shape: SchemaShape, _ summary: String) -> SchemaObject.Property {
    SchemaObject.Property(name: name, shape: shape, required: false, summary: summary)
}
