import Foundation
import Orders
import Testing

/// The JSON Schema file and the test validator: the validator finds what it must, and the schema's lists of
/// named code values match the code.
@Suite struct SchemaTests {
    static func golden(_ edit: (inout [JSONValue.Member]) -> Void) throws -> JSONValue {
        guard case .object(var members) = try JSONValue.parse(try Fixtures.bytes("850/004010-retail-sdq.json")) else {
            throw Fixtures.FixtureError("850/004010-retail-sdq.json")
        }
        edit(&members)
        return .object(members)
    }

    static func errors(_ value: JSONValue) throws -> [String] {
        SchemaValidator(schema: try Fixtures.schema()).validate(value)
    }

    @Test func validatorRejectsAMissingRequiredKey() throws {
        let errors = try Self.errors(try Self.golden { $0.removeAll { $0.key == "number" } })
        #expect(errors.contains { $0.contains("missing required \"number\"") })
    }

    @Test func validatorRejectsAnUnknownKey() throws {
        let errors = try Self.errors(try Self.golden { $0.append(.init(key: "numbr", value: .string("X"))) })
        #expect(errors.contains { $0.contains("unexpected property \"numbr\"") })
    }

    @Test func validatorRejectsADecimalWrittenAsANumber() throws {
        let errors = try Self.errors(
            try Self.golden { members in
                members = members.map { member in
                    guard member.key == "totals" else { return member }
                    return .init(key: "totals", value: .object([.init(key: "hashTotal", value: .number("204"))]))
                }
            })
        #expect(errors.contains { $0.contains("hashTotal: expected string") })
    }

    @Test(arguments: ["1e3", "+1", ".5", "5.", "1,5", "007", ""])
    func validatorRejectsABadDecimalString(_ text: String) throws {
        let errors = try Self.errors(
            try Self.golden { members in
                members = members.map { member in
                    guard member.key == "totals" else { return member }
                    return .init(key: "totals", value: .object([.init(key: "hashTotal", value: .string(text))]))
                }
            })
        #expect(errors.contains { $0.contains("does not match") })
    }

    @Test func validatorRejectsAWrongDocumentKind() throws {
        let errors = try Self.errors(
            try Self.golden { members in
                members = members.map { $0.key == "document" ? .init(key: "document", value: .string("invoice")) : $0 }
            })
        #expect(errors.contains { $0.contains("document: \"invoice\" is not one of") })
    }

    @Test func validatorRejectsABadDateAndTime() throws {
        let errors = try Self.errors(
            try Self.golden { members in
                members = members.map { member in
                    guard member.key == "orderDate" else { return member }
                    return .init(
                        key: "orderDate",
                        value: .object([
                            .init(key: "date", value: .string("2025-13-04")),
                            .init(key: "time", value: .string("0815")),
                        ]))
                }
            })
        #expect(errors.count == 2)
    }

    /// The named values of each code list, as the code has them.
    static let codeLists: [(String, [String])] = [
        ("AcknowledgmentCode", AcknowledgmentCode.namedValues.map(\.rawValue)),
        ("AcknowledgmentType", AcknowledgmentType.namedValues.map(\.rawValue)),
        ("AllowanceChargeIndicator", AllowanceChargeIndicator.namedValues.map(\.rawValue)),
        ("ChangeKind", ChangeKind.namedValues.map(\.rawValue)),
        ("CommunicationKind", CommunicationKind.namedValues.map(\.rawValue)),
        ("ContactFunction", ContactFunction.namedValues.map(\.rawValue)),
        ("DateKind", DateKind.namedValues.map(\.rawValue)),
        ("ElementErrorCode", ElementErrorCode.namedValues.map(\.rawValue)),
        ("EnvelopeStandard", EnvelopeStandard.namedValues.map(\.rawValue)),
        ("GroupErrorCode", GroupErrorCode.namedValues.map(\.rawValue)),
        ("ItemIdentifierKind", ItemIdentifierKind.namedValues.map(\.rawValue)),
        ("ItemStatusCode", ItemStatusCode.namedValues.map(\.rawValue)),
        ("MarksQualifier", MarksQualifier.namedValues.map(\.rawValue)),
        ("NoteKind", NoteKind.namedValues.map(\.rawValue)),
        ("OrderType", OrderType.namedValues.map(\.rawValue)),
        ("PackLevel", PackLevel.namedValues.map(\.rawValue)),
        ("PartyIdentifierQualifier", PartyIdentifierQualifier.namedValues.map(\.rawValue)),
        ("PartyRole", PartyRole.namedValues.map(\.rawValue)),
        ("PaymentTermsType", PaymentTermsType.namedValues.map(\.rawValue)),
        ("PriceBasis", PriceBasis.namedValues.map(\.rawValue)),
        ("Purpose", Purpose.namedValues.map(\.rawValue)),
        ("ReferenceQualifier", ReferenceQualifier.namedValues.map(\.rawValue)),
        ("SegmentErrorCode", SegmentErrorCode.namedValues.map(\.rawValue)),
        ("ServiceLevel", ServiceLevel.namedValues.map(\.rawValue)),
        ("ShipmentPaymentMethod", ShipmentPaymentMethod.namedValues.map(\.rawValue)),
        ("TermsBasisDate", TermsBasisDate.namedValues.map(\.rawValue)),
        ("TransactionSetErrorCode", TransactionSetErrorCode.namedValues.map(\.rawValue)),
        ("TransportMethod", TransportMethod.namedValues.map(\.rawValue)),
        ("UnitOfMeasure", UnitOfMeasure.namedValues.map(\.rawValue)),
        ("Usage", Usage.namedValues.map(\.rawValue)),
        ("WeightQualifier", WeightQualifier.namedValues.map(\.rawValue)),
    ]

    @Test func schemaListsTheNamedValuesOfEveryCodeList() throws {
        let schema = try Fixtures.schema()
        for (name, values) in Self.codeLists {
            guard case .array(let examples)? = schema["definitions"]?[name]?["examples"] else {
                Issue.record("\(name) has no examples in the schema")
                continue
            }
            #expect(examples.compactMap(\.stringValue) == values, "\(name)")
        }
    }

    @Test func namedValuesAreUniqueLowerCamelCaseWords() {
        for (name, values) in Self.codeLists {
            #expect(Set(values).count == values.count, "\(name) repeats a value")
            for value in values {
                let utf8 = Array(value.utf8)
                let isName =
                    utf8.first.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } == true
                    && utf8.allSatisfy {
                        ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                            || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                            || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    }
                #expect(isName, "\(name).\(value) is not a lower camel case name")
            }
        }
    }
}
