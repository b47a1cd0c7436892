import Foundation
import Orders
import Testing

/// Documents with every field set: the canonical writer, the `Codable` conformance and the schema agree on every
/// key.
@Suite struct SampleDocumentTests {
    @Test(arguments: BusinessDocument.Kind.allCases)
    func canonicalJSONReadsBackToTheSameDocument(_ kind: BusinessDocument.Kind) throws {
        let document = Samples.document(kind)
        let bytes = document.encodeCanonicalJSON()
        #expect(try BusinessDocument.decode(json: bytes) == document)
        #expect(try BusinessDocument.decode(json: bytes).encodeCanonicalJSON() == bytes)
    }

    @Test(arguments: BusinessDocument.Kind.allCases)
    func encodableWritesWhatTheCanonicalWriterWrites(_ kind: BusinessDocument.Kind) throws {
        let document = Samples.document(kind)
        let canonical = try JSONValue.parse(document.encodeCanonicalJSON())
        let encoded = try JSONValue.parse(try JSONEncoder().encode(document))
        #expect(encoded.normalized == canonical)
    }

    @Test(arguments: BusinessDocument.Kind.allCases)
    func sampleIsCanonicalAndValid(_ kind: BusinessDocument.Kind) throws {
        let document = Samples.document(kind)
        let parsed = try JSONValue.parse(document.encodeCanonicalJSON())
        #expect(CanonicalChecks.problems(in: parsed).isEmpty, "\(CanonicalChecks.problems(in: parsed))")
        let errors = SchemaValidator(schema: try Fixtures.schema()).validate(parsed)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func samplesUseEveryPropertyTheSchemaDeclares() throws {
        let validator = SchemaValidator(schema: try Fixtures.schema())
        for document in Samples.all {
            #expect(validator.validate(try JSONValue.parse(document.encodeCanonicalJSON())).isEmpty)
        }
        for (definition, properties) in validator.declaredProperties {
            let unseen = properties.subtracting(validator.seenProperties[definition] ?? [])
            #expect(unseen.isEmpty, "\(definition): no sample sets \(unseen.sorted())")
        }
    }
}
