import Foundation
import Testing

/// `porter translate --partner NAME`: the profile in `Mappings/` applied on the way out (and in), with its accuracy
/// rules holding what fails them.
@Suite struct TranslatePartnerTests {
    static let folder = "Mappings/tidewater-kitchenworks/tests"

    /// The X12 from ST to SE (the envelope's date and control numbers come from the document).
    static func body(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !["ISA", "GS*", "GE*", "IEA"].contains(where: $0.hasPrefix) }
    }

    @Test func theProfileShapesWhatGoesOut() throws {
        let result = try PorterProcess.run([
            "translate", "\(Self.folder)/order-adds-vendor-number.json", "--to", "x12", "--partner",
            "tidewater-kitchenworks",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let expected = String(
            decoding: try TranslateCommandTests.fixture("\(Self.folder)/order-adds-vendor-number.expected.edi"),
            as: UTF8.self)
        #expect(Self.body(result.standardOutput) == Self.body(expected))
        #expect(result.standardOutput.contains("REF*IA*TKW-40022"))

        let plain = try PorterProcess.run([
            "translate", "\(Self.folder)/order-adds-vendor-number.json", "--to", "x12",
        ])
        #expect(!plain.standardOutput.contains("REF*IA*TKW-40022"), "without --partner nothing is added")
    }

    @Test func aRuleHoldsTheDocumentWithItsReason() throws {
        let result = try PorterProcess.run([
            "translate", "\(Self.folder)/order-held-no-department.json", "--to", "x12", "--partner",
            "tidewater-kitchenworks",
        ])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("references.department is required"))
        #expect(result.standardError.contains("Mappings/tidewater-kitchenworks/partner.yaml:45:3"))
        #expect(result.standardError.contains("not written"))
    }

    @Test func anUnknownPartnerCannotRun() throws {
        let result = try PorterProcess.run([
            "translate", TranslateCommandTests.retail, "--to", "x12", "--partner", "nobody",
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no partner nobody"))
        #expect(result.standardError.contains("tidewater-kitchenworks"))
    }
}
