import Foundation

extension X12Schema {
    /// Decodes a schema from Porter's JSON schema format and resolves every reference.
    ///
    /// The format has `version`, `elements` (by reference number: `name`, `type`, `min`, `max`,
    /// optional `codes` and `closed`), `composites` (by id: `name`, `components`, optional
    /// `syntax`), `segments` (by id: `name`, `elements` as `{"element"|"composite", "usage",
    /// "repeat"?}`, optional `syntax` and `"detail": "assumed"`) and `transactionSets` (by id:
    /// `name`, `functionalGroup`, `structure` of `{"segment", "usage", "max"}` and `{"loop",
    /// "usage", "repeat", "hierarchical"?, "body"}` entries). Every check that can fail is made
    /// here, so code that uses a loaded schema never meets a dangling reference.
    ///
    /// - Parameter jsonBytes: The UTF-8 JSON text.
    /// - Throws: ``X12SchemaError`` with code `malformedData` if the text is not JSON of that
    ///   shape, `unresolvedReference` if a segment, element or composite is used but not
    ///   defined, `invalidDefinition` for an inconsistent definition.
    /// - Complexity: O(*n*) in the size of the data.
    public init(jsonBytes: [UInt8]) throws(X12SchemaError) {
        let raw: RawSchema
        do {
            raw = try JSONDecoder().decode(RawSchema.self, from: Data(jsonBytes))
        } catch {
            throw X12SchemaError(.malformedData, "the schema is not valid schema JSON: \(error)")
        }
        self = try SchemaResolver(raw).resolve()
    }

    /// The bytes of a bundled resource.
    static func resourceBytes(version: String) throws(X12SchemaError) -> [UInt8] {
        let name = "x12-\(version)"
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "json")
                ?? Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Data")
        else {
            throw X12SchemaError(.resourceMissing, "no bundled schema \(name).json in \(Bundle.module.bundlePath)")
        }
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw X12SchemaError(.resourceMissing, "cannot read \(url.path): \(error)")
        }
    }
}

// MARK: - The JSON shape

private struct RawSchema: Decodable {
    var version: String
    var elements: [String: RawElement]
    var composites: [String: RawComposite]?
    var segments: [String: RawSegment]
    var transactionSets: [String: RawTransactionSet]
}

private struct RawElement: Decodable {
    var name: String
    var type: String
    var min: Int
    var max: Int
    var codes: [String]?
    var closed: Bool?
}

private struct RawComposite: Decodable {
    var name: String
    var components: [RawElementReference]
    var syntax: [String]?
}

private struct RawElementReference: Decodable {
    var element: String?
    var composite: String?
    var usage: String
    var `repeat`: Int?
}

private struct RawSegment: Decodable {
    var name: String
    var elements: [RawElementReference]
    var syntax: [String]?
    var detail: String?
}

private struct RawTransactionSet: Decodable {
    var name: String
    var functionalGroup: String
    var structure: [RawEntry]
}

private enum RawEntry: Decodable {
    case segment(id: String, usage: String, maximum: Int)
    case loop(id: String, usage: String, repeat: Int, hierarchical: Bool, body: [RawEntry])

    private enum Keys: String, CodingKey {
        case segment, loop, usage, max, `repeat`, hierarchical, body
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let usage = try container.decode(String.self, forKey: .usage)
        if let id = try container.decodeIfPresent(String.self, forKey: .segment) {
            self = .segment(id: id, usage: usage, maximum: try container.decode(Int.self, forKey: .max))
        } else {
            self = .loop(
                id: try container.decode(String.self, forKey: .loop), usage: usage,
                repeat: try container.decode(Int.self, forKey: .repeat),
                hierarchical: try container.decodeIfPresent(Bool.self, forKey: .hierarchical) ?? false,
                body: try container.decode([RawEntry].self, forKey: .body))
        }
    }
}

// MARK: - Resolution

/// Turns the decoded JSON into resolved model values, checking everything on the way.
private struct SchemaResolver {
    let raw: RawSchema

    init(_ raw: RawSchema) { self.raw = raw }

    func resolve() throws(X12SchemaError) -> X12Schema {
        var elements: [String: X12ElementSchema] = [:]
        for (id, element) in self.raw.elements {
            elements[id] = try self.element(id, element)
        }
        var composites: [String: X12CompositeSchema] = [:]
        for (id, composite) in self.raw.composites ?? [:] {
            composites[id] = try self.composite(id, composite, elements: elements)
        }
        var segments: [String: X12SegmentSchema] = [:]
        for (id, segment) in self.raw.segments {
            segments[id] = try self.segment(id, segment, elements: elements, composites: composites)
        }
        var sets: [String: X12TransactionSetSchema] = [:]
        for (id, set) in self.raw.transactionSets {
            let location = "transactionSets.\(id)"
            guard !set.structure.isEmpty else {
                throw X12SchemaError(.invalidDefinition, "transaction set \(id) has no structure", location: location)
            }
            sets[id] = X12TransactionSetSchema(
                id: id, name: set.name, functionalGroup: set.functionalGroup,
                structure: try self.entries(set.structure, segments: segments, location: location + ".structure"))
        }
        return X12Schema(
            version: self.raw.version, elements: elements, composites: composites, segments: segments,
            transactionSets: sets)
    }

    private func element(_ id: String, _ raw: RawElement) throws(X12SchemaError) -> X12ElementSchema {
        let location = "elements.\(id)"
        guard let type = X12DataType(code: raw.type) else {
            throw X12SchemaError(.invalidDefinition, "element \(id) has unknown type '\(raw.type)'", location: location)
        }
        guard raw.min >= 1, raw.min <= raw.max else {
            throw X12SchemaError(
                .invalidDefinition, "element \(id) has lengths \(raw.min)/\(raw.max)", location: location)
        }
        if let codes = raw.codes {
            guard type == .identifier else {
                throw X12SchemaError(
                    .invalidDefinition, "element \(id) has codes but is not an ID element", location: location)
            }
            if let code = codes.first(where: { !(raw.min...raw.max).contains($0.count) }) {
                throw X12SchemaError(
                    .invalidDefinition,
                    "code '\(code)' of element \(id) does not fit its lengths \(raw.min)/\(raw.max)",
                    location: location)
            }
        } else if raw.closed == true {
            throw X12SchemaError(.invalidDefinition, "element \(id) is closed but has no codes", location: location)
        }
        return X12ElementSchema(
            id: id, name: raw.name, type: type, minimumLength: raw.min, maximumLength: raw.max,
            codes: raw.codes.map(Set.init), codesClosed: raw.closed ?? false)
    }

    private func composite(
        _ id: String, _ raw: RawComposite, elements: [String: X12ElementSchema]
    ) throws(X12SchemaError) -> X12CompositeSchema {
        var components: [X12ComponentReference] = []
        for (index, component) in raw.components.enumerated() {
            let location = "composites.\(id).components[\(index)]"
            guard let elementID = component.element, component.composite == nil else {
                throw X12SchemaError(
                    .invalidDefinition, "a component of \(id) must name one simple element", location: location)
            }
            guard let element = elements[elementID] else {
                throw X12SchemaError(
                    .unresolvedReference, "composite \(id) uses undefined element \(elementID)", location: location)
            }
            components.append(
                X12ComponentReference(
                    position: index + 1, usage: try self.usage(component.usage, location: location), element: element))
        }
        guard !components.isEmpty else {
            throw X12SchemaError(.invalidDefinition, "composite \(id) has no components", location: "composites.\(id)")
        }
        return X12CompositeSchema(
            id: id, name: raw.name, components: components,
            syntaxNotes: try self.syntaxNotes(raw.syntax, count: components.count, location: "composites.\(id).syntax"))
    }

    private func segment(
        _ id: String, _ raw: RawSegment, elements: [String: X12ElementSchema],
        composites: [String: X12CompositeSchema]
    ) throws(X12SchemaError) -> X12SegmentSchema {
        guard X12SegmentID(id) != nil else {
            throw X12SchemaError(.invalidDefinition, "'\(id)' is not a segment id", location: "segments.\(id)")
        }
        var references: [X12ElementReference] = []
        for (index, reference) in raw.elements.enumerated() {
            let location = "segments.\(id).elements[\(index)]"
            let kind: X12ElementReference.Kind
            switch (reference.element, reference.composite) {
            case (let elementID?, nil):
                guard let element = elements[elementID] else {
                    throw X12SchemaError(
                        .unresolvedReference, "segment \(id) uses undefined element \(elementID)", location: location)
                }
                kind = .simple(element)
            case (nil, let compositeID?):
                guard let composite = composites[compositeID] else {
                    throw X12SchemaError(
                        .unresolvedReference, "segment \(id) uses undefined composite \(compositeID)",
                        location: location)
                }
                kind = .composite(composite)
            default:
                throw X12SchemaError(
                    .invalidDefinition, "an element of \(id) must name one element or one composite",
                    location: location)
            }
            let repeatCount = reference.repeat ?? 1
            guard repeatCount >= 1 else {
                throw X12SchemaError(.invalidDefinition, "repeat must be at least 1", location: location)
            }
            references.append(
                X12ElementReference(
                    position: index + 1, usage: try self.usage(reference.usage, location: location), kind: kind,
                    maximumRepeat: repeatCount))
        }
        guard !references.isEmpty else {
            throw X12SchemaError(.invalidDefinition, "segment \(id) has no elements", location: "segments.\(id)")
        }
        switch raw.detail {
        case nil, "assumed": break
        case let other?:
            throw X12SchemaError(
                .invalidDefinition, "unknown detail marker '\(other)'", location: "segments.\(id).detail")
        }
        return X12SegmentSchema(
            id: id, name: raw.name, elements: references,
            syntaxNotes: try self.syntaxNotes(raw.syntax, count: references.count, location: "segments.\(id).syntax"),
            detailAssumed: raw.detail == "assumed")
    }

    private func entries(
        _ raw: [RawEntry], segments: [String: X12SegmentSchema], location: String
    ) throws(X12SchemaError) -> [X12StructureEntry] {
        var entries: [X12StructureEntry] = []
        for (index, entry) in raw.enumerated() {
            let here = "\(location)[\(index)]"
            switch entry {
            case .segment(let id, let usage, let maximum):
                entries.append(
                    .segment(try self.segmentReference(id, usage, maximum, segments: segments, location: here)))
            case .loop(let id, let usage, let repeatCount, let hierarchical, let body):
                guard case .segment(let triggerID, let triggerUsage, let triggerMaximum)? = body.first else {
                    throw X12SchemaError(
                        .invalidDefinition, "loop \(id) must begin with its trigger segment", location: here)
                }
                guard repeatCount >= 1 else {
                    throw X12SchemaError(.invalidDefinition, "loop \(id) repeats \(repeatCount) times", location: here)
                }
                let trigger = try self.segmentReference(
                    triggerID, triggerUsage, triggerMaximum, segments: segments, location: here + ".body[0]")
                entries.append(
                    .loop(
                        X12LoopSchema(
                            id: id, usage: try self.structureUsage(usage, location: here), maximumRepeat: repeatCount,
                            hierarchical: hierarchical, trigger: trigger,
                            following: try self.entries(
                                Array(body.dropFirst()), segments: segments, location: here + ".body"))))
            }
        }
        return entries
    }

    private func segmentReference(
        _ id: String, _ usage: String, _ maximum: Int, segments: [String: X12SegmentSchema], location: String
    ) throws(X12SchemaError) -> X12SegmentReference {
        guard segments[id] != nil else {
            throw X12SchemaError(.unresolvedReference, "segment \(id) is used but not defined", location: location)
        }
        guard maximum >= 1 else {
            throw X12SchemaError(.invalidDefinition, "segment \(id) has maximum use \(maximum)", location: location)
        }
        return X12SegmentReference(
            id: id, usage: try self.structureUsage(usage, location: location), maximumUse: maximum)
    }

    private func usage(_ code: String, location: String) throws(X12SchemaError) -> X12Usage {
        guard let usage = X12Usage(code: code) else {
            throw X12SchemaError(.invalidDefinition, "unknown usage '\(code)'", location: location)
        }
        return usage
    }

    /// Segments and loops are mandatory or optional; X12 tables have no conditional ones.
    private func structureUsage(_ code: String, location: String) throws(X12SchemaError) -> X12Usage {
        let usage = try self.usage(code, location: location)
        guard usage != .conditional else {
            throw X12SchemaError(.invalidDefinition, "a segment or loop cannot be conditional", location: location)
        }
        return usage
    }

    private func syntaxNotes(_ texts: [String]?, count: Int, location: String) throws(X12SchemaError) -> [X12SyntaxNote]
    {
        var notes: [X12SyntaxNote] = []
        for text in texts ?? [] {
            guard let note = X12SyntaxNote(text) else {
                throw X12SchemaError(.invalidDefinition, "'\(text)' is not a syntax note", location: location)
            }
            guard note.positions.allSatisfy({ $0 <= count }) else {
                throw X12SchemaError(
                    .invalidDefinition, "syntax note \(text) names a position past the last of \(count)",
                    location: location)
            }
            notes.append(note)
        }
        return notes
    }
}
