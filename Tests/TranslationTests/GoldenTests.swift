import Foundation
import Orders
import Testing
import Translation
import X12

@Suite("850 X12 → canonical JSON goldens")
struct GoldenTests {
    @Test(
        "an 850 fixture decodes to exactly its golden JSON",
        arguments: ["004010-retail-sdq", "004010-blanket-release"])
    func golden(name: String) throws {
        let results = try TranslationFixtures.decode(TranslationFixtures.x12.appending(path: "850/\(name).edi"))
        try #require(results.count == 1)
        #expect(results[0].findings.isEmpty, "\(results[0].findings)")
        let order = try #require(results[0].order)
        let json = String(decoding: BusinessDocument.purchaseOrder(order).encodeCanonicalJSON() + [0x0A], as: UTF8.self)
        let golden = try TranslationFixtures.bytes(TranslationFixtures.json.appending(path: "850/\(name).json"))
        #expect(json == String(decoding: golden, as: UTF8.self))
    }
}
