import Foundation
import Orders
import Partners
import X12

/// The documents of the demo's day: our ERP's orders (the bundled `Mappings/` golden inputs, renumbered), the
/// suppliers' 997/999s (answered by Porter's own acknowledgment generator, from the supplier's identity, to the
/// orders the gateway actually delivered) and the supplier documents bundled in `Demo/`.
struct DemoDocuments {
    /// The demo's copy of the mappings.
    let mappings: URL

    /// The purchase order of a partner's golden test input (`<partner>/tests/<name>.json`).
    func goldenOrder(_ partner: String, _ test: String) throws -> PurchaseOrder {
        let url = self.mappings.appending(path: "\(partner)/tests/\(test).json")
        guard case .purchaseOrder(let order)? = try BusinessDocument.decodeAll(json: try Data(contentsOf: url)).first
        else { throw DemoError("\(url.path) holds no purchase order") }
        return order
    }

    /// Tidewater's retail order (three lines of cookware), numbered.
    func tidewaterOrder(_ number: String, control: Int) throws -> PurchaseOrder {
        Self.numbered(try self.goldenOrder("tidewater-kitchenworks", "order-adds-vendor-number"), number, control)
    }

    /// Ironbridge's industrial order (screws, threaded rod, a tap and die set), numbered.
    func ironbridgeOrder(_ number: String, control: Int) throws -> PurchaseOrder {
        Self.numbered(try self.goldenOrder("ironbridge-fastener", "order-own-units-and-parts"), number, control)
    }

    /// One order with Tidewater's cookware and a box of Ironbridge's screws: the router splits it in two.
    func splitOrder(_ number: String, control: Int) throws -> PurchaseOrder {
        var order = try self.tidewaterOrder(number, control: control)
        var screws = try self.ironbridgeOrder(number, control: control).lines[0]
        screws.lineNumber = String(order.lines.count + 1)
        order.lines.append(screws)
        order.totals = nil
        return order
    }

    /// Copperleaf's order: office supplies, a test order naming Copperleaf (party id CLO-7781) as the vendor, as
    /// its profile receives test orders only.
    func copperleafOrder(_ number: String, control: Int) throws -> PurchaseOrder {
        var order = Self.numbered(try self.goldenOrder("copperleaf-office", "order-to-cxml"), number, control)
        order.envelope.usage = .test
        for index in order.parties.indices where order.parties[index].role == .vendor {
            for identifier in order.parties[index].identifiers.indices {
                order.parties[index].identifiers[identifier].value = "CLO-7781"
            }
        }
        let supplies = [
            ("CLO-PPR-A4-5", "Copy paper A4 80 gsm, carton of 5 reams"),
            ("CLO-PEN-BL-12", "Gel pens blue, box of 12"),
            ("CLO-LMP-220", "LED desk lamp, matte black"),
        ]
        for index in order.lines.indices {
            let (part, text) = supplies[index % supplies.count]
            order.lines[index].items = [
                ItemIdentifier(.buyerItem, "77001\(index + 1)"), ItemIdentifier(.vendorPart, part),
            ]
            order.lines[index].descriptions = [ItemDescription(text)]
        }
        return order
    }

    /// `order` as our ERP cancels it.
    static func cancellation(of order: PurchaseOrder, control: Int) -> PurchaseOrder {
        var cancelled = Self.numbered(order, order.number, control)
        cancelled.purpose = .cancellation
        return cancelled
    }

    /// Porter JSON for the ERP's inbox.
    static func json(_ order: PurchaseOrder) -> Data {
        Data(BusinessDocument.purchaseOrder(order).encodeCanonicalJSON())
    }

    /// A bundled supplier document (`Demo/<name>`).
    static func bundled(_ name: String) throws -> Data {
        try Data(contentsOf: BundledSamples.demoDocuments.appending(path: name))
    }

    /// The 997 (or 999) `partner` sends back for an X12 file the gateway delivered to it, written by Porter's
    /// acknowledgment generator from the supplier's side: its ISA/GS identity, the received interchange's
    /// delimiters, AK1/AK2 naming the GS06 and ST02 the gateway used.
    static func acknowledgment(
        of path: String, from partner: PartnerProfile, kind: X12AcknowledgmentOptions.Kind, interchange: Int,
        at date: Date
    ) throws -> Data {
        guard let identity = partner.identity.x12 else { throw DemoError("\(partner.id) has no X12 identity") }
        var options = X12AcknowledgmentOptions(
            kind: kind, interchangeAcknowledgment: .never,
            identity: X12AcknowledgmentOptions.Identity(
                qualifier: identity.qualifier, id: identity.id, applicationCode: identity.applicationCode),
            timeSource: .fixed(Self.x12Timestamp(date)))
        options.version = .received
        let sink = MemoryByteSink()
        var generator = X12AcknowledgmentGenerator(
            sink: sink,
            controlNumbers: SequentialControlNumbers(interchange: UInt64(interchange), group: UInt64(interchange)),
            options: options)
        var validator = X12Validator(reader: X12Reader(source: try FileByteSource(path: path)), sourceName: path)
        while let event = try validator.next() { try generator.consume(event) }
        try generator.finish()
        return Data(sink.bytes)
    }

    /// CCYYMMDD and HHMM in UTC.
    static func x12Timestamp(_ date: Date) -> X12AcknowledgmentOptions.Timestamp {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        func digits(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return X12AcknowledgmentOptions.Timestamp(
            date: digits(parts.year, 4) + digits(parts.month, 2) + digits(parts.day, 2),
            time: digits(parts.hour, 2) + digits(parts.minute, 2))
    }

    /// `order` with a new number and its own envelope control numbers.
    private static func numbered(_ order: PurchaseOrder, _ number: String, _ control: Int) -> PurchaseOrder {
        var order = order
        order.number = number
        let text = String(control)
        order.envelope.interchangeControlNumber = String(repeating: "0", count: max(0, 9 - text.count)) + text
        order.envelope.groupControlNumber = text
        return order
    }
}
