import Foundation
import Orders
import Testing
import Translation
import X12

/// Segments Porter keeps whole in `extensions` (no typed place) are written back at their standard place, so what
/// comes out validates as the input did.
@Suite("Kept segments in their standard place")
struct KeptSegmentOrderTests {
    /// The retail 850 with a header CTP (between FOB and ITD) and a CTP in the first line (between PO1 and PID):
    /// both kept whole (an 850 has no typed field for prices outside PO1).
    static func orderWithKeptSegments() throws -> [UInt8] {
        var text = String(
            decoding: try TranslationFixtures.bytes(
                TranslationFixtures.x12.appending(path: "850/004010-retail-sdq.edi")), as: UTF8.self)
        text = text.replacingOccurrences(of: "FOB*PP~\n", with: "FOB*PP~\nCTP**CON*21.5~\n")
        text = text.replacingOccurrences(
            of: "PID*F****Enameled cast iron skillet", with: "CTP**RTL*19.99~\nPID*F****Enameled cast iron skillet")
        text = text.replacingOccurrences(of: "SE*35*0001~", with: "SE*37*0001~")
        return Array(text.utf8)
    }

    /// Errors and warnings of a full validation of `bytes`.
    static func problems(_ bytes: [UInt8]) throws -> [X12Finding] {
        var validator = X12Validator(reader: X12Reader(source: MemoryByteSource(bytes)), sourceName: "order")
        var findings: [X12Finding] = []
        while let event = try validator.next() {
            if case .finding(let finding) = event, finding.severity != .info { findings.append(finding) }
        }
        return findings
    }

    @Test func an850WithKeptSegmentsIsWrittenInStandardOrder() throws {
        let input = try Self.orderWithKeptSegments()
        #expect(try Self.problems(input).isEmpty, "the input itself is valid")
        let order = try #require(try TranslationFixtures.decode(input).first?.order)
        #expect(order.extensions["CTP[1]"] == "segment")
        #expect(order.lines[0].extensions["CTP[1]"] == "segment")

        let output = try X12PurchaseOrderEncoder().encodeInterchange(order)
        #expect(try Self.problems(output).isEmpty, "\(String(decoding: output, as: UTF8.self))")
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        let position = { (prefix: String) in lines.firstIndex { $0.hasPrefix(prefix) } ?? -1 }
        #expect(position("FOB*") < position("CTP**CON") && position("CTP**CON") < position("ITD*"))
        #expect(position("PO1*1*") < position("CTP**RTL") && position("CTP**RTL") < position("PID*F****Enameled"))
        #expect(try TranslationFixtures.decode(output).first?.order == order)
    }
}
