import Foundation
import Testing

@testable import Partners

/// The published JSON Schemas are exactly what the loader's schema description writes, so they cannot drift.
@Suite struct SchemaTests {
    @Test(arguments: MappingsFileKind.allCases)
    func publishedSchemaMatchesTheLoader(_ kind: MappingsFileKind) throws {
        let url = MappingsFolder.packageRoot.appending(path: "Mappings/schema/\(kind.schemaFileName)")
        let published = try String(contentsOf: url, encoding: .utf8)
        #expect(published == MappingsSchemaWriter.jsonSchema(for: kind), "regenerate \(kind.schemaFileName)")
    }

    /// Every object's `properties` in the published file are the keys the loader accepts, at every depth.
    @Test(arguments: MappingsFileKind.allCases)
    func schemaPropertiesAreTheAcceptedKeys(_ kind: MappingsFileKind) throws {
        let url = MappingsFolder.packageRoot.appending(path: "Mappings/schema/\(kind.schemaFileName)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        func compare(_ schema: [String: Any], _ object: SchemaObject, _ path: String) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            #expect(Set(properties.keys) == Set(object.names), "\(path)")
            #expect(schema["additionalProperties"] as? Bool == false, "\(path) is closed")
            for property in object.properties {
                guard let child = properties[property.name] as? [String: Any] else { continue }
                switch property.shape {
                case .object(let nested): compare(child, nested, "\(path).\(property.name)")
                case .list(.object(let nested)):
                    compare(child["items"] as? [String: Any] ?? [:], nested, "\(path).\(property.name)[]")
                default: break
                }
            }
        }
        compare(json, kind.shape, kind.rawValue)
    }

    @Test func didYouMeanFindsCloseKeys() {
        #expect(DidYouMean.suggestion(for: "documnets", in: ["documents", "defaults"]) == "documents")
        #expect(DidYouMean.suggestion(for: "zzz", in: ["documents", "defaults"]) == nil)
        #expect(DidYouMean.distance(Array("kitten"), Array("sitting")) == 3)
    }
}
