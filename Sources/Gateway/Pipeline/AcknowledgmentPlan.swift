import Foundation
import Partners
import Store
import X12
import Orders

/// The 997/999 and TA1 Porter owes the sender of an X12 file, written inside the store transaction so its control
/// numbers are allocated with the enqueue.
struct AcknowledgmentPlan: Sendable {
    var partner: PartnerProfile
    var settings: ExchangeSettings
    var target: DeliveryTarget
    var identity: GatewayIdentity
    var path: String
    var name: String

    /// Validates the file again (streaming) and writes what the generator answers; `nil` when there is nothing to
    /// acknowledge (the file held only acknowledgments).
    func encode(allocator: ControlNumberAllocator, isTest: Bool) throws -> OutboundDraft? {
        var options = X12AcknowledgmentOptions(
            kind: self.settings.acknowledgment == "999" ? .ia999 : .fa997,
            interchangeAcknowledgment: self.settings.wantsTA1 ? .always : .whenRequested,
            identity: X12AcknowledgmentOptions.Identity(
                qualifier: self.identity.x12Qualifier, id: self.identity.x12ID,
                applicationCode: self.identity.applicationCode))
        options.functionalAcknowledgments = self.settings.acknowledgment != nil
        options.delimiters = self.settings.delimiters
        options.lineEnding = self.settings.lineEnding
        let sink = MemoryByteSink()
        let numbers = AllocatedControlNumbers(allocator: allocator, partner: self.partner.id)
        var generator = X12AcknowledgmentGenerator(sink: sink, controlNumbers: numbers, options: options)
        var validator = X12Validator(
            reader: X12Reader(
                source: try X12Input.open(path: self.path),
                configuration: X12Reader.Configuration(sourceName: self.name)),
            sourceName: self.name)
        while let event = try validator.next() { try generator.consume(event) }
        try generator.finish()
        guard !sink.bytes.isEmpty, let used = generator.controlNumbers as? AllocatedControlNumbers,
            let first = used.firstInterchange
        else { return nil }
        let reference = String(first).leftPadded(to: 9)
        let kind = generator.functionalAcknowledgmentCount > 0 ? (self.settings.acknowledgment ?? "997") : "TA1"
        return OutboundDraft(
            partner: self.partner.id, documentKind: "acknowledgment", format: "x12", target: self.target,
            fileName: "\(kind)-\(reference).x12", payload: Data(sink.bytes), controlReference: reference,
            orderNumber: nil, isTest: isTest, isCopy: false)
    }

    /// Where a partner's acknowledgments go: its functional-acknowledgment channel, else the outbox of any outbound
    /// exchange, else `outbox/<partner>`.
    static func target(for partner: PartnerProfile) -> DeliveryTarget {
        if case .outbox(let folder)? = partner.documents[.functionalAcknowledgment]?.outbound?.channel {
            return .directory(folder)
        }
        for kind in partner.documents.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            if case .outbox(let folder)? = partner.documents[kind]?.outbound?.channel { return .directory(folder) }
        }
        return .directory("outbox/\(partner.id)")
    }
}

/// X12 control numbers drawn from the store's allocator (ISA13 and GS06 per partner; ST02 restarts per group).
struct AllocatedControlNumbers: X12ControlNumberSource {
    let allocator: ControlNumberAllocator
    let partner: String
    var nextTransaction: UInt64 = 1
    var firstInterchange: Int?

    mutating func nextInterchangeControlNumber() throws -> UInt64 {
        let number = try self.allocator.next(.interchange, partner: self.partner)
        if self.firstInterchange == nil { self.firstInterchange = number }
        return UInt64(number)
    }

    mutating func nextGroupControlNumber() throws -> UInt64 {
        UInt64(try self.allocator.next(.group, partner: self.partner))
    }

    mutating func nextTransactionControlNumber() -> UInt64 {
        defer { self.nextTransaction += 1 }
        return self.nextTransaction
    }

    mutating func groupDidStart() { self.nextTransaction = 1 }
}
