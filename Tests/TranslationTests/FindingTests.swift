import Foundation
import Orders
import Testing
import Translation
import X12

@Suite("850 decoding problems")
struct FindingTests {
    static let head =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250304*0815*U*00401*000000001*0*T*>~"
        + "GS*PO*SENDER*RECEIVER*20250304*0815*1*X*004010~ST*850*0001~"
    static let tail = "GE*1*1~IEA*1*000000001~"

    static func decode(_ body: String, count: Int) throws -> X12PurchaseOrderDecoding {
        let text = head + body + "SE*\(count + 2)*0001~" + tail
        return try #require(try TranslationFixtures.decode(Array(text.utf8)).first)
    }

    @Test("no BEG: no order and a located error")
    func missingBEG() throws {
        let result = try Self.decode("PO1*1*2*EA~", count: 1)
        #expect(result.order == nil)
        let finding = try #require(result.findings.first { $0.code == .mandatorySegmentMissing })
        #expect(finding.severity == .error)
        #expect(finding.location.transaction == "0001")
        #expect(finding.location.interchange == "000000001")
    }

    @Test("an unknown code is kept as sent, with a warning at its element")
    func unknownCode() throws {
        let result = try Self.decode("BEG*00*SA*PO-1**20250304~PO1*1*2*XQ*1.5~", count: 2)
        let order = try #require(result.order)
        #expect(order.lines[0].unit == "XQ")
        #expect(order.envelope.usage == .test)
        let finding = try #require(result.findings.first { $0.code == .invalidCode })
        #expect(finding.severity == .warning)
        #expect(finding.location.segmentID == "PO1")
        #expect(finding.location.element == 3)
        #expect(finding.location.segmentPosition == 3)
        let again = try TranslationFixtures.decode(try X12PurchaseOrderEncoder().encodeInterchange(order))
        #expect(again.first?.order == order)
    }

    @Test("values that are not numbers or dates stay in extensions and round-trip")
    func badValues() throws {
        let result = try Self.decode(
            "BEG*00*SA*PO-1**20250304~DTM*002*2025XX01~PO1*1*2*EA*abc*PE~ZZZ*1*2>3~CTT*1~", count: 5)
        let order = try #require(result.order)
        #expect(order.dates.isEmpty)
        #expect(order.extensions["DTM[1]02"] == "2025XX01")
        #expect(order.lines[0].unitPrice == nil)
        #expect(order.lines[0].extensions["PO1[1]04"] == "abc")
        #expect(order.lines[0].extensions["ZZZ[1]02-2"] == "3")
        #expect(result.findings.contains { $0.code == .invalidElementDate && $0.location.element == 2 })
        #expect(result.findings.contains { $0.code == "invalidNumber" && $0.location.segmentID == "PO1" })
        let again = try TranslationFixtures.decode(try X12PurchaseOrderEncoder().encodeInterchange(order))
        #expect(again.first?.order == order)
    }

    @Test("a communication pair without its number stays where it was sent")
    func brokenPair() throws {
        let result = try Self.decode("BEG*00*SA*PO-1**20250304~PER*BD*Ann*EM**TE*5550100~", count: 2)
        let order = try #require(result.order)
        #expect(order.contacts.first?.communications == [Communication(.phone, "5550100")])
        #expect(order.extensions["PER[1]03"] == "EM")
        let written = String(decoding: try X12PurchaseOrderEncoder().encodeInterchange(order), as: UTF8.self)
        #expect(written.contains("PER*BD*Ann*EM**TE*5550100~"))
        #expect(try TranslationFixtures.decode(Array(written.utf8)).first?.order == order)
    }
}
