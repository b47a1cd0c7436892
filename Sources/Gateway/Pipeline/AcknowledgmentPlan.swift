import Foundation
import Partners
import Store
import X12
import Orders

/// The 997/999 and TA1 Porter owes the sender of an X12 file: written while the file is planned, numbered inside the
/// store transaction so its control numbers are allocated with the enqueue.
struct AcknowledgmentPlan: Sendable {
    var partner: PartnerProfile
    var settings: ExchangeSettings
    var target: DeliveryTarget
    var identity: GatewayIdentity
    var path: String
    var name: String

    /// Validates the file again (streaming) and writes what the generator answers, with placeholder control numbers;
    /// `nil` when there is nothing to acknowledge (the file held only acknowledgments). Done while the file is planned:
    /// the store transaction only fills in the numbers (``Prepared/draft(allocator:)``).
    func prepare(isTest: Bool) throws -> Prepared? {
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
        var generator = X12AcknowledgmentGenerator(
            sink: sink, controlNumbers: SequentialControlNumbers(), options: options)
        var validator = X12Validator(
            reader: X12Reader(
                source: try X12Input.open(path: self.path),
                configuration: X12Reader.Configuration(sourceName: self.name)),
            sourceName: self.name)
        while let event = try validator.next() { try generator.consume(event) }
        try generator.finish()
        guard !sink.bytes.isEmpty else { return nil }
        return Prepared(
            partner: self.partner.id, target: self.target,
            kind: generator.functionalAcknowledgmentCount > 0 ? (self.settings.acknowledgment ?? "997") : "TA1",
            template: try X12ControlNumberTemplate(sink.bytes), isTest: isTest)
    }

    /// An acknowledgment written but for its control numbers.
    struct Prepared: Sendable {
        var partner: String
        var target: DeliveryTarget
        /// 997, 999 or TA1: the start of the file name.
        var kind: String
        var template: X12ControlNumberTemplate
        var isTest: Bool

        /// The message, numbered from the partner's counters.
        func draft(allocator: ControlNumberAllocator) throws(StoreError) -> OutboundDraft {
            let filled = try self.template.filled(from: allocator, partner: self.partner)
            let reference = filled.reference
            return OutboundDraft(
                partner: self.partner, documentKind: "acknowledgment", format: "x12", target: self.target,
                fileName: "\(self.kind)-\(reference).x12", payload: filled.bytes, controlReference: reference,
                orderNumber: nil, isTest: self.isTest, isCopy: false)
        }
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
