import Foundation
import Orders
import Testing
import Translation
import X12

/// 856 decoding problems: located findings, never a trap, and what could be read still round-trips.
@Suite("856 decoding problems")
struct ShipNoticeFindingTests {
    static let pickPack = ShipNoticeCodecTests.folder.appending(path: "004010-pick-pack.edi")

    /// The segments of the pick-and-pack set from BSN to CTT, without their terminators.
    static func pickPackBody() throws -> [String] {
        let text = String(decoding: try TranslationFixtures.bytes(Self.pickPack), as: UTF8.self)
        let segments = text.split(separator: "\n").map { String($0.dropLast()) }
        let start = try #require(segments.firstIndex { $0.hasPrefix("BSN*") })
        let end = try #require(segments.firstIndex { $0.hasPrefix("SE*") })
        return Array(segments[start..<end])
    }

    static func decode(_ segments: [String]) throws -> X12ShipNoticeDecoding {
        try ShipNoticeCodecTests.decodeBody(segments.map { $0 + "~" }.joined())
    }

    /// Whatever was read comes back the same from X12.
    static func expectRoundTrip(_ result: X12ShipNoticeDecoding, _ label: String) throws {
        guard let notice = result.shipNotice else { return }
        try ShipNoticeCodecTests.expectRoundTrip(notice, version: "004010", label)
    }

    @Test("no BSN: no notice and a located error")
    func missingBSN() throws {
        let result = try Self.decode(["HL*1**S*0", "TD1*CTN25*1"])
        #expect(result.shipNotice == nil)
        let finding = try #require(result.findings.first { $0.code == .mandatorySegmentMissing })
        #expect(finding.severity == .error)
        #expect(finding.location.transaction == "0001")
        #expect(finding.location.interchange == "000000001")
        #expect(finding.location.group == "1")
    }

    @Test("a BSN without its shipment identifier or date: no notice, errors at the elements")
    func incompleteBSN() throws {
        let noIdentifier = try Self.decode(["BSN*00**20250304*0815", "HL*1**S*0"])
        #expect(noIdentifier.shipNotice == nil)
        let identifier = try #require(noIdentifier.findings.first { $0.code == .mandatoryElementMissing })
        #expect(identifier.location.segmentID == "BSN")
        #expect(identifier.location.element == 2)
        #expect(identifier.location.segmentPosition == 2)

        let badDate = try Self.decode(["BSN*00*SN-1*250304*0815", "HL*1**S*0"])
        #expect(badDate.shipNotice == nil)
        let date = try #require(badDate.findings.first { $0.code == .invalidElementDate })
        #expect(date.location.element == 3)
        #expect(date.value == "250304")
    }

    @Test("HL02 naming no earlier level: a located error, and the level kept whole at the top")
    func unknownParent() throws {
        let result = try Self.decode([
            "BSN*00*SN-1*20250304*0815*0001", "HL*1**S*1", "HL*2*1*O*1", "PRF*PO-1", "HL*3*9*P*1",
            "MAN*GM*00008451230000104514", "HL*4*3*I*0", "LIN*1*VP*A-1", "SN1*1*2*EA",
        ])
        let notice = try #require(result.shipNotice)
        let missing = try #require(result.findings.first { $0.code == .hierarchyParentMissing })
        #expect(missing.severity == .error)
        #expect(missing.location.segmentID == "HL")
        #expect(missing.location.segmentPosition == 6)
        #expect(missing.location.element == 2)
        #expect(missing.value == "9")
        #expect(notice.orders.map(\.orderNumber) == ["PO-1"])
        #expect(notice.orders[0].packs.isEmpty)
        #expect(notice.extensions["HL[1]"] == "segment")
        #expect(notice.extensions["HL[1]02"] == "")
        #expect(notice.extensions["HL[1]03"] == "P")
        #expect(notice.extensions["HL[1]/MAN[1]02"] == "00008451230000104514")
        #expect(notice.extensions["HL[1]/HL[1]03"] == "I")
        #expect(notice.extensions["HL[1]/HL[1]/SN1[2]02"] == "2")
        // Written back at the top, without a parent, with its item under it.
        let written = String(decoding: try X12ShipNoticeEncoder().encodeInterchange(notice), as: UTF8.self)
        #expect(written.contains("HL*3**P*1~\nMAN*GM*00008451230000104514~\nHL*4*3*I*0~\nLIN*1*VP*A-1~\nSN1*1*2*EA~"))
        try Self.expectRoundTrip(result, "unknown parent")
    }

    @Test("a repeated HL01 and a missing one are located errors")
    func levelNumbers() throws {
        let result = try Self.decode([
            "BSN*00*SN-1*20250304*0815", "HL*1**S*1", "HL*2*1*O*1", "PRF*PO-1", "HL*2*1*O*0", "PRF*PO-2",
            "HL**2*I*0", "SN1**1*EA",
        ])
        let duplicate = try #require(result.findings.first { $0.code == .hierarchyDuplicateID })
        #expect(duplicate.location.segmentPosition == 6)
        #expect(duplicate.location.element == 1)
        let missing = try #require(result.findings.first { $0.code == .mandatoryElementMissing })
        #expect(missing.location.segmentPosition == 8)
        // The later level 2 is the one HL02 `2` names.
        #expect(result.shipNotice?.orders.map { $0.items.count } == [0, 1])
        try Self.expectRoundTrip(result, "level numbers")
    }

    @Test("values that are not numbers or dates are kept where they were, with warnings")
    func badValues() throws {
        let result = try Self.decode([
            "BSN*00*SN-1*20250304*08X5", "HL*1**S*1", "TD1*CTN25*many", "DTM*011*2025XX01", "HL*2*1*O*1",
            "PRF*PO-1***2025-03-04", "HL*3*2*I*0", "SN1*1*abc*EA", "PO4*x*1*EA",
        ])
        let notice = try #require(result.shipNotice)
        #expect(notice.noticeDate.time == nil)
        #expect(notice.extensions["BSN[1]04"] == "08X5")
        #expect(notice.lading.first?.ladingQuantity == nil)
        #expect(notice.extensions["TD1[1]02"] == "many")
        #expect(notice.dates.isEmpty)
        #expect(notice.extensions["DTM[1]"] == "segment")
        let order = try #require(notice.orders.first)
        #expect(order.orderDate == nil)
        #expect(order.extensions["PRF[1]04"] == "2025-03-04")
        let item = try #require(order.items.first)
        #expect(item.quantity == 0)
        #expect(item.extensions["SN1[1]02"] == "abc")
        #expect(item.pack?.size == 1)
        #expect(item.extensions["PO4[1]01"] == "x")
        let codes = result.findings.map { "\($0.location.segmentID ?? "")\($0.location.element ?? 0) \($0.code)" }
        #expect(
            codes == [
                "BSN4 invalidElementTime", "TD12 invalidNumber", "DTM2 invalidElementDate", "PRF4 invalidElementDate",
                "SN12 invalidNumber", "PO41 invalidNumber",
            ])
        try Self.expectRoundTrip(result, "bad values")
    }

    @Test("an item level without SN1 ships nothing, with a warning, and gets no SN1 when written")
    func itemWithoutSN1() throws {
        let result = try Self.decode([
            "BSN*00*SN-1*20250304*0815", "HL*1**S*1", "HL*2*1*O*1", "PRF*PO-1", "HL*3*2*I*0", "LIN*1*VP*A-1",
        ])
        let item = try #require(result.shipNotice?.orders.first?.items.first)
        #expect(item.quantity == 0)
        #expect(item.unit.rawValue.isEmpty)
        let warning = try #require(result.findings.first { $0.code == .mandatorySegmentMissing })
        #expect(warning.severity == .warning)
        #expect(warning.location.segmentPosition == 6)
        let notice = try #require(result.shipNotice)
        let written = String(decoding: try X12ShipNoticeEncoder().encodeInterchange(notice), as: UTF8.self)
        #expect(!written.contains("SN1"))
        try Self.expectRoundTrip(result, "no SN1")
    }

    @Test("levels nested deeper than the decoder follows are kept at the top, and still round-trip")
    func deepNesting() throws {
        var body = ["BSN*00*SN-1*20250304*0815", "HL*1**S*1", "HL*2*1*O*1", "PRF*PO-1"]
        for level in 3...60 { body += ["HL*\(level)*\(level - 1)*P*1", "MAN*CA*\(level)"] }
        body += ["HL*61*60*I*0", "SN1*1*1*EA"]
        let result = try Self.decode(body)
        #expect(result.shipNotice?.orders.count == 1)
        let kept = result.findings.filter { $0.code == .hierarchyLevelOrder }
        #expect(kept.map(\.location.segmentPosition) == [68])
        try Self.expectRoundTrip(result, "deep nesting")
    }

    @Test("the pick-and-pack set without any one of its segments decodes without trapping and round-trips")
    func eachSegmentMissing() throws {
        let body = try Self.pickPackBody()
        for index in body.indices {
            var segments = body
            segments.remove(at: index)
            let result = try Self.decode(segments)
            #expect(result.shipNotice != nil || !result.findings.isEmpty, "without \(body[index])")
            try Self.expectRoundTrip(result, "without \(body[index])")
        }
    }

    @Test("the pick-and-pack set in a shuffled order decodes without trapping and round-trips", arguments: 1...30)
    func shuffled(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var segments = try Self.pickPackBody()
        segments.shuffle(using: &generator)
        let result = try Self.decode(segments)
        #expect(result.findings.allSatisfy { $0.location.transaction == "0001" })
        try Self.expectRoundTrip(result, "seed \(seed): \(segments.joined(separator: "~"))")
    }
}

extension ShipNoticeFindingTests {
    /// Segments that, dropped into a fixture, make it wrong in the ways partners do.
    static let strays = [
        "HL*9*1*P*1", "HL*77*2*I*0", "HL*3*3*O", "HL**1*S", "HL*4*3*F", "N1*ST*X", "N3*A*B", "REF*BM*1", "LIN",
        "SN1**0", "SN1**1>2*EA", "PRF", "PO4*1", "MAN*GM", "TD3", "CTT*1", "FOB", "DTM*011", "PID*S**A>B", "ZZZ*1",
        "BSN*00*X*20250101*0101", "LIN*1*PL*4", "N2*A",
    ]

    @Test("fixtures with segments dropped, repeated, moved, changed or added decode without trapping and round-trip")
    func mutations() throws {
        var bodies: [[String]] = []
        for name in ShipNoticeCodecTests.fixtureNames {
            let text = String(
                decoding: try TranslationFixtures.bytes(ShipNoticeCodecTests.folder.appending(path: name)),
                as: UTF8.self)
            bodies.append(
                text.split(separator: "\n").map { String($0.dropLast()) }.filter {
                    !$0.hasPrefix("ISA*") && !$0.hasPrefix("GS*") && !$0.hasPrefix("ST*") && !$0.hasPrefix("SE*")
                        && !$0.hasPrefix("GE*") && !$0.hasPrefix("IEA*")
                })
        }
        var random = SeededGenerator(seed: 856)
        for _ in 0..<300 {
            var body = bodies[Int.random(in: 0..<bodies.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<body.count, using: &random)
                switch Int.random(in: 0...4, using: &random) {
                case 0: body.remove(at: index)
                case 1: body.insert(body[index], at: Int.random(in: 0...body.count, using: &random))
                case 2: body.insert(Self.strays[Int.random(in: 0..<Self.strays.count, using: &random)], at: index)
                case 3: body.swapAt(index, Int.random(in: 0..<body.count, using: &random))
                default:
                    var elements = body[index].split(separator: "*", omittingEmptySubsequences: false).map(String.init)
                    if elements.count > 1 {
                        elements[Int.random(in: 1..<elements.count, using: &random)] =
                            ["", "X", "99", "1"][
                                Int.random(in: 0...3, using: &random)]
                    }
                    body[index] = elements.joined(separator: "*")
                }
                if body.isEmpty { body = ["BSN*00*A*20250101*0101"] }
            }
            let result = try Self.decode(body)
            #expect(result.findings.allSatisfy { $0.location.transaction == "0001" })
            try Self.expectRoundTrip(result, body.joined(separator: "~\n"))
        }
    }
}
