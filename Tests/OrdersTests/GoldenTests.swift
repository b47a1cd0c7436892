import Foundation
import Orders
import Testing

/// The golden documents in `Fixtures/json`: the canonical writer reproduces them byte for byte, they follow the
/// schema, and they keep their keys sorted and their decimals as strings.
@Suite struct GoldenTests {
    @Test func everyDocumentKindHasAGolden() throws {
        let kinds = Set(try Fixtures.goldenNames.map { try Fixtures.document($0).kind })
        #expect(kinds == Set(BusinessDocument.Kind.allCases))
    }

    @Test(arguments: Fixtures.goldenNames)
    func canonicalWriterReproducesTheGolden(_ name: String) throws {
        let golden = try Fixtures.bytes(name)
        let document = try BusinessDocument.decode(json: golden)
        let written = document.encodeCanonicalJSON() + [UInt8(ascii: "\n")]
        #expect(written == golden, "\(name) differs:\n\(String(decoding: written, as: UTF8.self))")
    }

    @Test(arguments: Fixtures.goldenNames)
    func goldenIsValidAgainstTheSchema(_ name: String) throws {
        let validator = SchemaValidator(schema: try Fixtures.schema())
        let errors = validator.validate(try JSONValue.parse(try Fixtures.bytes(name)))
        #expect(errors.isEmpty, "\(name): \(errors)")
    }

    @Test(arguments: Fixtures.goldenNames)
    func goldenIsCanonical(_ name: String) throws {
        let bytes = try Fixtures.bytes(name)
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(bytes.dropLast().allSatisfy { $0 != UInt8(ascii: "\n") }, "one document on one line")
        let problems = CanonicalChecks.problems(in: try JSONValue.parse(bytes))
        #expect(problems.isEmpty, "\(name): \(problems)")
    }

    @Test func writerWritesJSONLines() throws {
        var writer = CanonicalJSONWriter()
        var expected: [UInt8] = []
        for name in Fixtures.goldenNames {
            writer.write(try Fixtures.document(name))
            expected += try Fixtures.bytes(name)
        }
        #expect(writer.bytes == expected)
        let documents = try BusinessDocument.decodeAll(json: writer.bytes)
        #expect(documents == (try Fixtures.goldenNames.map(Fixtures.document)))
        writer.removeAll()
        #expect(writer.bytes.isEmpty)
    }

    @Test func readsAnArrayAndPrettyPrintedJSON() throws {
        let documents = try Fixtures.goldenNames.map(Fixtures.document)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let array = try encoder.encode(documents)
        #expect(try BusinessDocument.decodeAll(json: array) == documents)
        let pretty = try encoder.encode(documents[0])
        #expect(try BusinessDocument.decodeAll(json: pretty) == [documents[0]])
        #expect(try BusinessDocument.decode(json: pretty) == documents[0])
        var concatenated = Data()
        for document in documents { concatenated += try encoder.encode(document) }
        #expect(try BusinessDocument.decodeAll(json: concatenated) == documents)
    }

    @Test func goldensMatchTheX12Fixtures() throws {
        // Spot checks that the hand transcription kept the X12 values.
        let order = try Fixtures.purchaseOrder("850/004010-retail-sdq.json")
        #expect(order.number == "BO-7734210")
        #expect(order.lines.map(\.quantity.text) == ["48", "36", "120"])
        #expect(order.lines[0].destinations.map(\.quantity.text) == ["12", "12", "24"])
        #expect(order.totals == OrderTotals(lineCount: 3, hashTotal: "204"))
        let notice = try Fixtures.shipNotice("856/004010-pick-pack.json")
        #expect(notice.orders[0].packs.compactMap(\.sscc).first == "008451230000104514")
        #expect(notice.orders[0].allItems.map(\.quantity.text) == ["6", "6", "4", "12", "2"])
        #expect(notice.billOfLadingNumber == "KSTL00918273")
    }
}

/// Checks of the canonical form on a parsed document.
enum CanonicalChecks {
    /// Keys that hold integers; every other number would be a decimal written as a JSON number.
    static let integerKeys: Set<String> = [
        "schemaVersion", "lineCount", "discountDays", "netDays", "ladingQuantity", "position", "componentPosition",
        "repetitionPosition", "includedCount", "receivedCount", "acceptedCount",
    ]

    /// Keys out of order, numbers where strings belong, empty arrays and nulls.
    static func problems(in value: JSONValue, path: String = "$") -> [String] {
        var problems: [String] = []
        switch value {
        case .null: problems.append("\(path): null (absent values are left out)")
        case .array(let values):
            if values.isEmpty { problems.append("\(path): empty array (left out in the canonical form)") }
            for (index, element) in values.enumerated() {
                problems += Self.problems(in: element, path: "\(path)[\(index)]")
            }
        case .object(let members):
            for (previous, next) in zip(members, members.dropFirst())
            where !previous.key.utf8.lexicographicallyPrecedes(next.key.utf8) {
                problems.append("\(path): key \"\(next.key)\" after \"\(previous.key)\"")
            }
            for member in members {
                if case .number = member.value, !Self.integerKeys.contains(member.key) {
                    problems.append("\(path).\(member.key): a JSON number")
                }
                if path.hasSuffix(".extensions") { continue }
                problems += Self.problems(in: member.value, path: "\(path).\(member.key)")
            }
        default: break
        }
        return problems
    }
}
