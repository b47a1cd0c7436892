import Foundation
import Orders
import Testing
import Translation
import X12

/// The public 850s in `../shared/fixtures/public/x12`, read in place.
@Suite("public 850s")
struct PublicFixtureTests {
    /// Each file's orders: number and line count, in order.
    static let expected: [String: [(number: String, lines: Int)]] = [
        "indc__x12.850.edi": [("1000012", 1)],
        "indc__x12.850.issue135.edi": [("740150", 9), ("740151", 11)],
        "indc__x12.850a.edi": [("4600000406", 3)],
        "nx12__850.edi": [("08292233294", 6)],
        "nx12__850_2.edi": [("08292233294", 6)],
        "nx12__850_3.edi": [("----------", 1)],
        "nx12__850_fat.edi": [("08292233294", 6), ("08292233294", 6)],
        "oboe__5-850.x12": [("2308", 1)],
        "olme__850.Composite.SLN.OK.edi": [("08292233294", 2)],
        "olme__850.OK.edi": [("08292233294", 6)],
        "olme__850.SyntaxNotes.ERR.edi": [("08292233294", 6)],
        "sped__004010X357_SC850_basic-po.edi": [("508517", 1)],
        "sped__004010X357_SC850_taxexempt-po.edi": [("XX-1234", 1)],
        "sped__004010_PO850_pass_1.edi": [("PO12345", 1)],
    ]

    /// 850s that cannot be read as orders: no BEG, or a BEG05 that is not a CCYYMMDD date.
    static let unreadableNames = [
        "indc__x12.Issue101.edi", "sped__003010_PO850_fail_1.edi", "sped__003050_PO850_fail_1.edi",
        "stae__invoice810_po850_dual.edi",
    ]

    @Test(
        "a public 850 decodes with its order numbers and line counts and round-trips",
        arguments: expected.keys.sorted())
    func readable(name: String) throws {
        let url = TranslationFixtures.publicX12.appending(path: name)
        let orders = try RoundTripTests.roundTrip(url)
        let expected = Self.expected[name, default: []]
        #expect(orders.map(\.number) == expected.map(\.number))
        #expect(orders.map(\.lines.count) == expected.map(\.lines))
    }

    @Test(
        "an unreadable public 850 gives located findings, not an order", arguments: unreadableNames)
    func unreadable(name: String) throws {
        let results = try TranslationFixtures.decode(TranslationFixtures.publicX12.appending(path: name))
        let failed = results.filter { $0.order == nil }
        #expect(!failed.isEmpty)
        for result in failed {
            let errors = result.findings.filter { $0.severity == .error || $0.code == .invalidElementDate }
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0.location.transaction != nil })
        }
    }

    @Test("every 850 in the public folder is listed above")
    func everyFileListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TranslationFixtures.publicX12.path)
        var with850: [String] = []
        for file in files.sorted() {
            let results = (try? TranslationFixtures.decode(TranslationFixtures.publicX12.appending(path: file))) ?? []
            if !results.isEmpty { with850.append(file) }
        }
        #expect(with850 == (Self.expected.keys + Self.unreadableNames).sorted())
    }
}
