import Foundation
import Orders
import Testing
import Translation
import X12

@Suite("997/999 decoding problems")
struct FunctionalAcknowledgmentFindingTests {
    static func decode(_ body: String, count: Int, identifier: String = "997") throws
        -> X12FunctionalAcknowledgmentDecoding
    {
        let text =
            "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250304*0815*^*00501*000000001*0*T*:~"
            + "GS*FA*SENDER*RECEIVER*20250304*0815*1*X*005010~ST*\(identifier)*0001~" + body
            + "SE*\(count + 2)*0001~GE*1*1~IEA*1*000000001~"
        return try #require(try FunctionalAcknowledgmentCodecTests.decode(Array(text.utf8)).first)
    }

    static func roundTrip(_ acknowledgment: FunctionalAcknowledgment) throws -> FunctionalAcknowledgment? {
        let bytes = try X12FunctionalAcknowledgmentEncoder().encodeInterchange(acknowledgment)
        return try FunctionalAcknowledgmentCodecTests.decode(bytes).first?.acknowledgment
    }

    @Test("no AK1: no acknowledgment and a located error")
    func missingAK1() throws {
        let result = try Self.decode("AK2*850*0001~AK5*A~AK9*A*1*1*1~", count: 3)
        #expect(result.acknowledgment == nil)
        let finding = try #require(result.findings.first { $0.code == .mandatorySegmentMissing })
        #expect(finding.severity == .error)
        #expect(finding.location.transaction == "0001")
        #expect(finding.location.interchange == "000000001")
    }

    @Test("a set without AK5 and a group without AK9: errors at the AK2 and the set")
    func missingVerdicts() throws {
        let result = try Self.decode("AK1*PO*1~AK2*850*0001~", count: 2)
        let acknowledgment = try #require(result.acknowledgment)
        #expect(acknowledgment.status == "")
        #expect(acknowledgment.transactionSets.map(\.status) == [""])
        let missing = result.findings.filter { $0.code == .mandatorySegmentMissing }
        #expect(missing.count == 2)
        #expect(missing.contains { $0.location.segmentID == "AK2" && $0.location.segmentPosition == 3 })
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
    }

    @Test("a missing mandatory element is an error at its position; the value decodes as empty")
    func missingElements() throws {
        let result = try Self.decode("AK1*PO*1~AK2**0001~AK3*PO1~AK4**355~AK5*R~AK9*R*1*1*0~", count: 6)
        let acknowledgment = try #require(result.acknowledgment)
        #expect(acknowledgment.transactionSets[0].identifier == "")
        let error = try #require(acknowledgment.transactionSets[0].segmentErrors.first)
        #expect(error.position == 0)
        #expect(error.elementErrors == [ElementError(position: 0, referenceNumber: "355", code: "")])
        let located = result.findings.filter { $0.code == .mandatoryElementMissing }.map {
            "\($0.location.segmentID ?? "")\($0.location.element ?? 0)"
        }
        #expect(located == ["AK21", "AK32", "AK41", "AK43"])
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
    }

    @Test("an unknown code is kept as sent with a warning; a code of the standard Porter does not name, without")
    func codes() throws {
        let result = try Self.decode("AK1*PO*1~AK2*850*0001~AK5*Q*19~AK9*R*1*1*0*24~", count: 4)
        let acknowledgment = try #require(result.acknowledgment)
        #expect(acknowledgment.transactionSets[0].status == "Q")
        #expect(acknowledgment.transactionSets[0].errors == ["19"])
        #expect(acknowledgment.errors == ["24"])
        #expect(result.findings.count == 1)
        let finding = try #require(result.findings.first)
        #expect(finding.code == .invalidCode)
        #expect(finding.severity == .warning)
        #expect(finding.location.segmentID == "AK5")
        #expect(finding.location.element == 1)
        #expect(finding.location.segmentPosition == 4)
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
    }

    @Test("positions and counts that are not numbers stay in extensions and round-trip")
    func badNumbers() throws {
        let result = try Self.decode(
            "AK1*PO*1~AK2*850*0001~AK3*PO1*abc**8~AK4*x:2*355*7~AK4*3:2:1*355*7~AK5*R*5~AK9*R*1*one*0~", count: 7)
        let acknowledgment = try #require(result.acknowledgment)
        let error = try #require(acknowledgment.transactionSets.first?.segmentErrors.first)
        #expect(error.position == 0)
        #expect(error.elementErrors.map(\.position) == [0, 3])
        #expect(error.elementErrors[1].componentPosition == 2)
        #expect(error.elementErrors[1].repetitionPosition == 1)
        #expect(acknowledgment.receivedCount == nil)
        #expect(
            acknowledgment.extensions.values == [
                "AK2[1]/AK3[1]02": "abc", "AK2[1]/AK3[1]/AK4[1]01-1": "x", "AK2[1]/AK3[1]/AK4[1]01-2": "2",
                "AK9[1]03": "one",
            ])
        #expect(result.findings.filter { $0.code == "invalidNumber" }.count == 3)
        #expect(result.findings.allSatisfy { $0.severity == .warning })
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
    }

    @Test("a 999's implementation codes are kept without warnings; its CTX segments are kept where they were")
    func implementationAcknowledgment() throws {
        let body =
            "AK1*HC*17456*005010X222A1~AK2*837*0001*005010X222A1~IK3*NM1*22*2010*I4~CTX*SITUATIONAL TRIGGER*CLM*8~"
            + "IK4*3*66*I12*XX~CTX*CLM01:123456~IK5*R*I5~AK9*R*1*1*0~"
        let result = try Self.decode(body, count: 8, identifier: "999")
        #expect(result.findings.isEmpty, "\(result.findings)")
        let acknowledgment = try #require(result.acknowledgment)
        let error = try #require(acknowledgment.transactionSets.first?.segmentErrors.first)
        #expect(error.code == "I4")
        #expect(error.elementErrors.map(\.code) == ["I12"])
        #expect(acknowledgment.transactionSets[0].errors == ["I5"])
        #expect(
            acknowledgment.extensions.values == [
                "AK2[1]/IK3[1]/CTX[1]": "segment", "AK2[1]/IK3[1]/CTX[1]01": "SITUATIONAL TRIGGER",
                "AK2[1]/IK3[1]/CTX[1]02": "CLM", "AK2[1]/IK3[1]/CTX[1]03": "8",
                "AK2[1]/IK3[1]/IK4[1]/CTX[1]": "segment", "AK2[1]/IK3[1]/IK4[1]/CTX[1]01-1": "CLM01",
                "AK2[1]/IK3[1]/IK4[1]/CTX[1]01-2": "123456",
            ])
        let written = String(
            decoding: try X12FunctionalAcknowledgmentEncoder().encodeInterchange(acknowledgment), as: UTF8.self)
        #expect(written.contains("ST*999*0001~"))
        #expect(written.contains(body.replacingOccurrences(of: "~", with: "~\n")))
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
        let as997 = String(
            decoding: try X12FunctionalAcknowledgmentEncoder(kind: .fa997).encodeInterchange(acknowledgment),
            as: UTF8.self)
        #expect(!as997.contains("CTX"))
        #expect(as997.contains("AK3*NM1*22*2010*I4~\nAK4*3*66*I12*XX~\nAK5*R*I5~"))
    }

    @Test("segments with no place are kept whole in the loop they were met in and written back there")
    func unexpectedSegments() throws {
        let result = try Self.decode(
            "AK1*PO*1~ZZZ*TOP~AK2*850*0001~AK4*1**1~AK3*PO1*8~AK4*1**1~ZZ2*SET~AK5*R~AK5*A~AK9*R*1*1*0~AK9*A~",
            count: 11)
        let acknowledgment = try #require(result.acknowledgment)
        #expect(
            acknowledgment.extensions.values == [
                "ZZZ[1]": "segment", "ZZZ[1]01": "TOP", "AK2[1]/AK4[1]": "segment", "AK2[1]/AK4[1]01": "1",
                "AK2[1]/AK4[1]03": "1", "AK2[1]/ZZ2[1]": "segment", "AK2[1]/ZZ2[1]01": "SET",
                "AK2[1]/AK5[2]": "segment", "AK2[1]/AK5[2]01": "A", "AK9[2]": "segment", "AK9[2]01": "A",
            ])
        #expect(acknowledgment.transactionSets[0].status == .rejected)
        #expect(acknowledgment.transactionSets[0].segmentErrors.map(\.elementErrors.count) == [1])
        #expect(try Self.roundTrip(acknowledgment) == acknowledgment)
    }
}
