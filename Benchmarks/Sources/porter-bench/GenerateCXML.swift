import ArgumentParser

/// `porter-bench generate-cxml`: writes a stream of realistic cXML `OrderRequest` documents, one after the other,
/// and a sidecar file with the byte offset of each, for the cXML benchmarks.
///
/// Each document is complete (XML declaration, `DOCTYPE`, `cXML` root) and valid against the cXML 1.2.069 DTD, as
/// an HTTP endpoint receives it; the stream is their concatenation, so it is not itself one XML document. The same
/// seed and size always give the same bytes.
struct GenerateCXML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-cxml",
        abstract: "Write a stream of realistic cXML OrderRequest documents and their offsets.",
        discussion: """
            Documents (each with its XML declaration and DOCTYPE, valid against the cXML 1.2.069 \
            DTD) follow each other in FILE until it reaches --size; the last one is completed. \
            FILE.offsets gets one decimal byte offset per line: where each document starts, then \
            the size of FILE, so document i is the bytes from line i up to line i+1.

            Sizes: 100MB, 1GB and 500KB are powers of 1000; 512MiB is a power of 1024; a bare \
            number is bytes.
            """
    )

    @Option(help: "Target stream size, e.g. 100MB, 5MB.")
    var size: ByteCount

    @Option(
        name: [.short, .customLong("output")],
        help: "The stream to write (replaced if it exists); the offsets go to FILE.offsets.")
    var output: String

    @Option(help: "Seed of the pseudo-random generator; the same seed gives the same file.")
    var seed: UInt64 = 1

    func validate() throws {
        guard self.size.bytes > 0 else { throw ValidationError("--size must be greater than zero.") }
        guard self.output != "-" else { throw ValidationError("--output must be a file (the offsets go beside it).") }
    }

    func run() throws {
        let offsetsPath = self.output + ".offsets"
        let sink: FileDescriptorSink
        let offsetsSink: FileDescriptorSink
        do {
            sink = try FileDescriptorSink(path: self.output)
            offsetsSink = try FileDescriptorSink(path: offsetsPath)
        } catch {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }
        let started = monotonicSeconds()
        let buffer = OutputBuffer(sink: sink)
        let offsets = OutputBuffer(capacity: 64 << 10, sink: offsetsSink)
        var generator = CXMLOrderRequestGenerator(seed: self.seed)
        let emitter = XMLTextEmitter(buffer: buffer)
        while buffer.totalBytes < self.size.bytes {
            offsets.append(number: buffer.totalBytes)
            offsets.append(UInt8(ascii: "\n"))
            generator.writeDocument(to: emitter)
        }
        offsets.append(number: buffer.totalBytes)
        offsets.append(UInt8(ascii: "\n"))
        buffer.flush()
        offsets.flush()
        var closeError: (any Error)?
        do {
            try sink.close()
            try offsetsSink.close()
        } catch {
            closeError = error
        }
        if let error = buffer.error ?? offsets.error ?? closeError {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }
        let seconds = monotonicSeconds() - started
        let statistics = generator.statistics
        print(
            "wrote \(self.output): \(groupingThousands(buffer.totalBytes)) bytes "
                + "(\(formatted(Double(buffer.totalBytes) / 1_048_576, decimals: 1)) MiB), "
                + "\(counted(statistics.documents, "OrderRequest document")), "
                + "\(counted(statistics.lines, "ItemOut")) (seed \(self.seed)), offsets in \(offsetsPath); "
                + "\(formatted(seconds, decimals: 2)) s")
    }
}

/// Indented XML written straight into an ``OutputBuffer``: the generator's own, with no checks beyond escaping.
final class XMLTextEmitter {
    private let buffer: OutputBuffer
    private var depth = 0

    init(buffer: OutputBuffer) { self.buffer = buffer }

    func append(_ text: StaticString) { self.buffer.append(text) }

    /// Starts a start tag: `<name`, attributes may follow.
    func open(_ name: StaticString) {
        for _ in 0..<self.depth { self.buffer.append("  ") }
        self.buffer.append(UInt8(ascii: "<"))
        self.buffer.append(name)
    }

    func attribute(_ name: StaticString, _ value: StaticString) {
        self.attributeStart(name)
        self.buffer.append(value)
        self.buffer.append(UInt8(ascii: "\""))
    }

    func attribute(_ name: StaticString, _ value: [UInt8]) {
        self.attributeStart(name)
        self.escaped(value)
        self.buffer.append(UInt8(ascii: "\""))
    }

    func attribute(_ name: StaticString, number: Int) {
        self.attributeStart(name)
        self.buffer.append(number: number)
        self.buffer.append(UInt8(ascii: "\""))
    }

    private func attributeStart(_ name: StaticString) {
        self.buffer.append(UInt8(ascii: " "))
        self.buffer.append(name)
        self.buffer.append("=\"")
    }

    /// Ends a start tag whose element has children.
    func children() {
        self.buffer.append(">\n")
        self.depth += 1
    }

    /// Ends an empty element: `/>`.
    func empty() { self.buffer.append("/>\n") }

    /// Ends a start tag with text content and the end tag.
    func text(_ value: [UInt8], closing name: StaticString) {
        self.buffer.append(UInt8(ascii: ">"))
        self.escaped(value)
        self.buffer.append("</")
        self.buffer.append(name)
        self.buffer.append(">\n")
    }

    /// An element holding only text.
    func leaf(_ name: StaticString, _ value: [UInt8]) {
        self.open(name)
        self.text(value, closing: name)
    }

    func close(_ name: StaticString) {
        self.depth -= 1
        for _ in 0..<self.depth { self.buffer.append("  ") }
        self.buffer.append("</")
        self.buffer.append(name)
        self.buffer.append(">\n")
    }

    private func escaped(_ value: [UInt8]) {
        var plain = true
        for byte in value where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") {
            plain = false
        }
        if plain {
            self.buffer.append(value)
            return
        }
        for byte in value {
            switch byte {
            case UInt8(ascii: "&"): self.buffer.append("&amp;")
            case UInt8(ascii: "<"): self.buffer.append("&lt;")
            case UInt8(ascii: "\""): self.buffer.append("&quot;")
            default: self.buffer.append(byte)
            }
        }
    }
}

/// Writes cXML `OrderRequest` documents drawn from ``SampleData`` (the same companies, places and items as the X12
/// generator), with network identities, header and line ship-tos, bill-to, contacts, comments, extrinsics,
/// classifications, unit prices and requested delivery dates.
struct CXMLOrderRequestGenerator {
    struct Statistics {
        var documents = 0
        var lines = 0
    }

    private(set) var statistics = Statistics()
    private var random: PseudoRandom
    private let sample: CXMLSample
    /// The first order date; each document is a little later than the one before.
    private let firstDay = CivilDate(year: 2025, month: 1, day: 6).daysSinceEpoch

    init(seed: UInt64) {
        self.random = PseudoRandom(seed: seed)
        let data = SampleData(random: &self.random)
        self.sample = CXMLSample(data, random: &self.random)
    }

    mutating func writeDocument(to out: XMLTextEmitter) {
        let index = self.statistics.documents
        let buyer = self.random.pick(self.sample.buyers)
        let supplier = self.random.pick(self.sample.suppliers)
        let day = self.firstDay + index / 40
        let minute = self.random.int(in: 6 * 60...18 * 60)
        let orderDate = Self.dateTime(day: day, minute: minute, zone: buyer.zone)
        let deliveryDay = day + self.random.int(in: 7...21)
        let kind = self.random.below(100)

        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.069/cXML.dtd\">\n")
        out.open("cXML")
        let payloadID =
            "\(1_736_150_400_000 + index * 2_160_000 + minute).\(4100 + index % 900).\(index + 1)."
            + "\(Self.hex(self.random.next()))@\(buyer.domain)"
        out.attribute("payloadID", Array(payloadID.utf8))
        out.attribute("timestamp", orderDate)
        out.attribute("xml:lang", "en-US")
        out.children()

        Self.writeHeader(out, buyer: buyer, supplier: supplier)

        out.open("Request")
        out.attribute("deploymentMode", "production")
        out.children()
        out.open("OrderRequest")
        out.children()

        // The lines come first in the random sequence, so that the header can carry their total.
        let lineCount = self.random.int(in: 5...40)
        var lines: [Line] = []
        lines.reserveCapacity(lineCount)
        var subtotal = 0
        for _ in 0..<lineCount {
            let line = self.makeLine(buyer: buyer, deliveryDay: deliveryDay)
            subtotal += line.amount
            lines.append(line)
        }
        self.writeOrderRequestHeader(
            out, buyer: buyer, index: index, orderDate: orderDate, deliveryDay: deliveryDay, kind: kind,
            subtotal: subtotal)

        for (offset, line) in lines.enumerated() {
            self.writeLine(out, line, number: offset + 1, buyer: buyer)
        }
        out.close("OrderRequest")
        out.close("Request")
        out.close("cXML")
        self.statistics.documents += 1
        self.statistics.lines += lineCount
    }

    // MARK: Header

    /// `Header`: `From`, `To` and `Sender` credentials.
    private static func writeHeader(
        _ out: XMLTextEmitter, buyer: CXMLSample.Buyer, supplier: CXMLSample.Supplier
    ) {
        out.open("Header")
        out.children()
        out.open("From")
        out.children()
        Self.credential(out, domain: "NetworkID", identity: buyer.networkID)
        if let duns = buyer.duns { Self.credential(out, domain: "DUNS", identity: duns) }
        out.close("From")
        out.open("To")
        out.children()
        Self.credential(out, domain: "NetworkID", identity: supplier.networkID)
        if let duns = supplier.duns { Self.credential(out, domain: "DUNS", identity: duns) }
        out.close("To")
        out.open("Sender")
        out.children()
        out.open("Credential")
        out.attribute("domain", "NetworkID")
        out.children()
        out.leaf("Identity", buyer.networkID)
        out.leaf("SharedSecret", buyer.sharedSecret)
        out.close("Credential")
        out.leaf("UserAgent", buyer.userAgent)
        out.close("Sender")
        out.close("Header")
    }

    /// `OrderRequestHeader` with the total of the lines, freight and tax.
    private mutating func writeOrderRequestHeader(
        _ out: XMLTextEmitter, buyer: CXMLSample.Buyer, index: Int, orderDate: [UInt8], deliveryDay: Int, kind: Int,
        subtotal: Int
    ) {
        let freight = self.random.chance(40) ? self.random.int(in: 1500...45_000) : 0
        let taxRate = buyer.taxRate
        let tax = self.random.chance(55) ? (subtotal * taxRate + 5000) / 10000 : 0
        let total = subtotal + freight + tax

        out.open("OrderRequestHeader")
        out.attribute("orderID", Array("\(buyer.orderPrefix)\(4_500_000_000 + index)".utf8))
        out.attribute("orderDate", orderDate)
        if buyer.industrial && self.random.chance(30) {
            out.attribute("orderType", "release")
            out.attribute("releaseRequired", "yes")
        } else {
            out.attribute("orderType", "regular")
        }
        switch kind {
        case 0..<90:
            out.attribute("type", "new")
            out.attribute("orderVersion", "1")
        case 90..<98:
            out.attribute("type", "update")
            out.attribute("orderVersion", number: self.random.int(in: 2...4))
        default:
            out.attribute("type", "delete")
            out.attribute("orderVersion", number: self.random.int(in: 2...3))
        }
        if self.random.chance(50) {
            out.attribute("requisitionID", Array("PR\(self.random.int(in: 1_000_000...9_999_999))".utf8))
        }
        if buyer.industrial && self.random.chance(40) {
            out.attribute("agreementID", Array("BPA-2025-\(self.random.int(in: 100...999))".utf8))
        }
        out.attribute("requestedDeliveryDate", Self.dateTime(day: deliveryDay, minute: 8 * 60, zone: buyer.zone))
        if self.random.chance(20) { out.attribute("shipComplete", "yes") }
        out.children()

        out.open("Total")
        out.children()
        Self.money(out, total, currency: buyer.currency)
        out.close("Total")

        let shipTo = self.random.pick(buyer.shipTo)
        out.open("ShipTo")
        out.children()
        self.address(out, shipTo, buyer: buyer, deliverTo: true)
        if self.random.chance(50) {
            let carrier = self.random.pick(self.sample.carriers)
            out.open("CarrierIdentifier")
            out.attribute("domain", "SCAC")
            out.text(carrier.scac, closing: "CarrierIdentifier")
            out.open("CarrierIdentifier")
            out.attribute("domain", "companyName")
            out.text(carrier.name, closing: "CarrierIdentifier")
        }
        out.close("ShipTo")
        out.open("BillTo")
        out.children()
        self.address(out, buyer.billTo, buyer: buyer, deliverTo: false)
        out.close("BillTo")

        if freight > 0 {
            out.open("Shipping")
            out.children()
            Self.money(out, freight, currency: buyer.currency)
            out.open("Description")
            out.attribute("xml:lang", "en-US")
            out.text(self.random.pick(self.sample.freightTexts), closing: "Description")
            out.close("Shipping")
        }
        if tax > 0 {
            out.open("Tax")
            out.children()
            Self.money(out, tax, currency: buyer.currency)
            out.open("Description")
            out.attribute("xml:lang", "en-US")
            out.text(Array("Sales tax \(taxRate / 100).\(taxRate % 100 / 10)%".utf8), closing: "Description")
            out.close("Tax")
        }
        if self.random.chance(40) {
            out.open("PaymentTerm")
            out.attribute("payInNumberOfDays", "10")
            out.children()
            out.open("Discount")
            out.children()
            out.open("DiscountPercent")
            out.attribute("percent", "2")
            out.empty()
            out.close("Discount")
            out.close("PaymentTerm")
        }
        if self.random.chance(75) {
            out.open("PaymentTerm")
            out.attribute("payInNumberOfDays", number: self.random.pick([30, 30, 45, 60]))
            out.empty()
        }
        for role in self.random.chance(40) ? ["purchasingAgent", "requester"] : ["purchasingAgent"] {
            let contact = self.random.pick(buyer.contacts)
            out.open("Contact")
            out.attribute("role", Array(role.utf8))
            out.children()
            out.open("Name")
            out.attribute("xml:lang", "en-US")
            out.text(contact.name, closing: "Name")
            out.leaf("Email", contact.email)
            Self.phone(out, contact.areaCode, contact.number, name: nil)
            out.close("Contact")
        }
        if self.random.chance(60) {
            out.open("Comments")
            out.attribute("xml:lang", "en-US")
            if self.random.chance(30) { out.attribute("type", "general") }
            out.text(self.random.pick(self.sample.comments), closing: "Comments")
        }
        if self.random.chance(30) {
            out.open("IdReference")
            out.attribute("identifier", self.random.pick(buyer.departments))
            out.attribute("domain", "department")
            out.empty()
        }
        // One to four extrinsics, each name once.
        let firstExtrinsic = self.random.below(self.sample.headerExtrinsics.count)
        for step in 0..<self.random.int(in: 1...4) {
            let (name, values) =
                self.sample.headerExtrinsics[(firstExtrinsic + step) % self.sample.headerExtrinsics.count]
            out.open("Extrinsic")
            out.attribute("name", name)
            out.text(self.random.pick(values), closing: "Extrinsic")
        }
        out.close("OrderRequestHeader")
    }

    // MARK: Lines

    private struct Line {
        var item: CXMLSample.Item
        var quantity: Int
        /// `quantity × unit price`, in cents.
        var amount: Int
        var deliveryDay: Int?
    }

    private mutating func makeLine(buyer: CXMLSample.Buyer, deliveryDay: Int) -> Line {
        let catalog = buyer.industrial ? self.sample.industrialItems : self.sample.retailItems
        let item = catalog[self.random.below(catalog.count)]
        let quantity =
            buyer.industrial
            ? self.random.pick([1, 2, 5, 10, 10, 20, 25, 50, 100, 250]) : self.random.int(in: 1...40) * 6
        let amount = (quantity * item.unitPrice + 50) / 100
        let day: Int? = self.random.chance(70) ? deliveryDay + self.random.int(in: 0...7) : nil
        return Line(item: item, quantity: quantity, amount: amount, deliveryDay: day)
    }

    private mutating func writeLine(_ out: XMLTextEmitter, _ line: Line, number: Int, buyer: CXMLSample.Buyer) {
        let item = line.item
        out.open("ItemOut")
        out.attribute("quantity", number: line.quantity)
        out.attribute("lineNumber", number: number)
        if let day = line.deliveryDay { out.attribute("requestedDeliveryDate", Self.date(day: day)) }
        out.children()

        out.open("ItemID")
        out.children()
        out.leaf("SupplierPartID", item.supplierPart)
        if self.random.chance(20) { out.leaf("SupplierPartAuxiliaryID", item.auxiliaryID) }
        if self.random.chance(70) { out.leaf("BuyerPartID", item.buyerPart) }
        out.close("ItemID")

        out.open("ItemDetail")
        out.children()
        out.open("UnitPrice")
        out.children()
        out.open("Money")
        out.attribute("currency", buyer.currency)
        out.text(Self.decimal(item.unitPrice, scale: 4, minimumDecimals: 2), closing: "Money")
        out.close("UnitPrice")
        out.open("Description")
        out.attribute("xml:lang", "en-US")
        out.text(item.description, closing: "Description")
        out.leaf("UnitOfMeasure", item.unit)
        out.open("Classification")
        out.attribute("domain", "UNSPSC")
        out.text(item.unspsc, closing: "Classification")
        if !item.manufacturerPart.isEmpty {
            out.leaf("ManufacturerPartID", item.manufacturerPart)
            out.leaf("ManufacturerName", item.manufacturerName)
        }
        if self.random.chance(15) {
            out.open("Extrinsic")
            out.attribute("name", "LineType")
            out.text(
                Array(self.random.pick(["Material", "Material", "Service", "Consignment"]).utf8), closing: "Extrinsic")
        }
        out.close("ItemDetail")

        if self.random.chance(10) {
            out.open("ShipTo")
            out.children()
            self.address(out, self.random.pick(buyer.shipTo), buyer: buyer, deliverTo: true)
            out.close("ShipTo")
        }
        if self.random.chance(30) {
            out.open("Distribution")
            out.children()
            out.open("Accounting")
            out.attribute("name", "DistributionCharge")
            out.children()
            let department = self.random.pick(buyer.departments)
            out.open("Segment")
            out.attribute("type", "CostCenter")
            out.attribute("id", department)
            out.attribute("description", Array("Department ".utf8) + department)
            out.empty()
            out.open("Segment")
            out.attribute("type", "GeneralLedger")
            out.attribute("id", Array(String(self.random.int(in: 600_000...699_999)).utf8))
            out.attribute("description", "Operating supplies")
            out.empty()
            out.close("Accounting")
            out.open("Charge")
            out.children()
            Self.money(out, line.amount, currency: buyer.currency)
            out.close("Charge")
            out.close("Distribution")
        }
        if self.random.chance(15) {
            out.open("Comments")
            out.attribute("xml:lang", "en-US")
            out.text(self.random.pick(self.sample.lineComments), closing: "Comments")
        }
        out.close("ItemOut")
    }

    // MARK: Parts

    private mutating func address(
        _ out: XMLTextEmitter, _ party: CXMLSample.Party, buyer: CXMLSample.Buyer, deliverTo: Bool
    ) {
        out.open("Address")
        out.attribute("isoCountryCode", "US")
        out.attribute("addressID", party.addressID)
        if deliverTo { out.attribute("addressIDDomain", "buyerLocationID") }
        out.children()
        out.open("Name")
        out.attribute("xml:lang", "en-US")
        out.text(party.name, closing: "Name")
        out.open("PostalAddress")
        out.attribute("name", "default")
        out.children()
        if deliverTo {
            out.leaf("DeliverTo", self.random.pick(buyer.contacts).name)
            if self.random.chance(50) { out.leaf("DeliverTo", self.random.pick(self.sample.docks)) }
        }
        out.leaf("Street", party.street)
        out.leaf("City", party.city)
        out.leaf("State", party.state)
        out.leaf("PostalCode", party.postalCode)
        out.open("Country")
        out.attribute("isoCountryCode", "US")
        out.text(Array("United States".utf8), closing: "Country")
        out.close("PostalAddress")
        if self.random.chance(50) {
            out.open("Email")
            out.attribute("name", "routing")
            out.text(party.email, closing: "Email")
        }
        if self.random.chance(60) { Self.phone(out, party.areaCode, party.number, name: "work") }
        out.close("Address")
    }

    private static func credential(_ out: XMLTextEmitter, domain: StaticString, identity: [UInt8]) {
        out.open("Credential")
        out.attribute("domain", domain)
        out.children()
        out.leaf("Identity", identity)
        out.close("Credential")
    }

    private static func phone(_ out: XMLTextEmitter, _ areaCode: [UInt8], _ number: [UInt8], name: StaticString?) {
        out.open("Phone")
        if let name { out.attribute("name", name) }
        out.children()
        out.open("TelephoneNumber")
        out.children()
        out.open("CountryCode")
        out.attribute("isoCountryCode", "US")
        out.text([UInt8(ascii: "1")], closing: "CountryCode")
        out.leaf("AreaOrCityCode", areaCode)
        out.leaf("Number", number)
        out.close("TelephoneNumber")
        out.close("Phone")
    }

    private static func money(_ out: XMLTextEmitter, _ cents: Int, currency: StaticString) {
        out.open("Money")
        out.attribute("currency", currency)
        out.text(self.decimal(cents, scale: 2, minimumDecimals: 2), closing: "Money")
    }

    /// `value / 10^scale` with at least `minimumDecimals` decimals and no trailing zeros beyond them (`12.30`,
    /// `0.4125`).
    static func decimal(_ value: Int, scale: Int, minimumDecimals: Int) -> [UInt8] {
        var unit = 1
        for _ in 0..<scale { unit *= 10 }
        var fraction = Array(String(value % unit).utf8)
        fraction.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - fraction.count), at: 0)
        while fraction.count > minimumDecimals && fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        return Array(String(value / unit).utf8) + [UInt8(ascii: ".")] + fraction
    }

    static func date(day: Int) -> [UInt8] {
        let date = CivilDate(daysSinceEpoch: day)
        return Array("\(date.year)-\(Self.twoDigits(date.month))-\(Self.twoDigits(date.day))".utf8)
    }

    static func dateTime(day: Int, minute: Int, zone: String) -> [UInt8] {
        Self.date(day: day)
            + Array("T\(Self.twoDigits(minute / 60)):\(Self.twoDigits(minute % 60)):00\(zone)".utf8)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// ``SampleData`` as cXML shows it: mixed-case names, network identities, UN/CEFACT units and UNSPSC codes.
/// Built once per file.
struct CXMLSample {
    struct Party {
        var name: [UInt8]
        var addressID: [UInt8]
        var street: [UInt8]
        var city: [UInt8]
        var state: [UInt8]
        var postalCode: [UInt8]
        var email: [UInt8]
        var areaCode: [UInt8]
        var number: [UInt8]
    }

    struct Contact {
        var name: [UInt8]
        var email: [UInt8]
        var areaCode: [UInt8]
        var number: [UInt8]
    }

    final class Buyer {
        let industrial: Bool
        let networkID: [UInt8]
        let duns: [UInt8]?
        let sharedSecret: [UInt8]
        let userAgent: [UInt8]
        let domain: String
        let orderPrefix: String
        let currency: StaticString
        let zone: String
        /// In hundredths of a percent.
        let taxRate: Int
        let billTo: Party
        let shipTo: [Party]
        let contacts: [Contact]
        let departments: [[UInt8]]

        init(
            industrial: Bool, networkID: [UInt8], duns: [UInt8]?, sharedSecret: [UInt8], userAgent: [UInt8],
            domain: String, orderPrefix: String, currency: StaticString, zone: String, taxRate: Int, billTo: Party,
            shipTo: [Party], contacts: [Contact], departments: [[UInt8]]
        ) {
            self.industrial = industrial
            self.networkID = networkID
            self.duns = duns
            self.sharedSecret = sharedSecret
            self.userAgent = userAgent
            self.domain = domain
            self.orderPrefix = orderPrefix
            self.currency = currency
            self.zone = zone
            self.taxRate = taxRate
            self.billTo = billTo
            self.shipTo = shipTo
            self.contacts = contacts
            self.departments = departments
        }
    }

    struct Supplier {
        var networkID: [UInt8]
        var duns: [UInt8]?
    }

    struct Carrier {
        var scac: [UInt8]
        var name: [UInt8]
    }

    final class Item {
        let supplierPart: [UInt8]
        let auxiliaryID: [UInt8]
        let buyerPart: [UInt8]
        let manufacturerPart: [UInt8]
        let manufacturerName: [UInt8]
        let description: [UInt8]
        /// Per unit, in ten-thousandths.
        let unitPrice: Int
        let unit: [UInt8]
        let unspsc: [UInt8]

        init(_ item: SampleData.Item, retail: Bool, random: inout PseudoRandom) {
            self.supplierPart = item.vendorPart
            self.auxiliaryID = Array("\(item.pack)/\(String(decoding: item.unit.code.utf8Bytes, as: UTF8.self))".utf8)
            self.buyerPart = item.buyerPart
            self.manufacturerPart = item.manufacturerPart
            self.manufacturerName =
                item.manufacturerPart.isEmpty ? [] : Array(random.pick(CXMLSample.manufacturers).utf8)
            var description = titleCased(item.description)
            if random.chance(3) { description += Array(" & accessories".utf8) }
            if random.chance(2) { description += Array(" (größe M, café)".utf8) }
            self.description = description
            self.unitPrice = item.unitPrice
            self.unit = Array(CXMLSample.unitCode(item.unit).utf8)
            let codes = retail ? CXMLSample.retailUNSPSC : CXMLSample.industrialUNSPSC
            self.unspsc = Array(random.pick(codes).utf8)
        }
    }

    var buyers: [Buyer]
    var suppliers: [Supplier]
    var carriers: [Carrier]
    var retailItems: [Item]
    var industrialItems: [Item]
    var comments: [[UInt8]]
    var lineComments: [[UInt8]]
    var freightTexts: [[UInt8]]
    var docks: [[UInt8]]
    var headerExtrinsics: [(name: [UInt8], values: [[UInt8]])]

    init(_ data: SampleData, random: inout PseudoRandom) {
        let zones = ["-05:00", "-06:00", "-07:00", "-08:00", "-05:00", "-04:00"]
        let agents = [
            "Ariba Buyer 14s", "Coupa Procurement 38.2", "SAP Ariba Procurement", "Jaggaer One 24.1",
            "Oracle Procurement Cloud 25B",
        ]
        self.buyers = data.buyers.enumerated().map { index, buyer in
            let domain = String(
                decoding: buyer.contacts[0].email.drop { $0 != UInt8(ascii: "@") }.dropFirst(), as: UTF8.self)
            return Buyer(
                industrial: buyer.profile == .industrial,
                networkID: Array("AN0100\(String(random.int(in: 1_000_000...9_999_999)))".utf8),
                duns: random.chance(50) ? Array(String(random.int(in: 100_000_000...999_999_999)).utf8) : nil,
                sharedSecret: Array("s3cr3t-\(String(random.next() >> 40, radix: 36))".utf8),
                userAgent: Array(agents[index % agents.count].utf8),
                domain: domain,
                orderPrefix: String(decoding: buyer.purchaseOrderPrefix, as: UTF8.self),
                currency: buyer.currency,
                zone: zones[index % zones.count],
                taxRate: random.pick([0, 500, 625, 700, 825, 1025]),
                billTo: CXMLSample.party(buyer.billTo, domain: domain, random: &random),
                shipTo: buyer.shipTo.map { CXMLSample.party($0, domain: domain, random: &random) },
                contacts: buyer.contacts.map { contact in
                    Contact(
                        name: titleCased(contact.name), email: contact.email, areaCode: Array(contact.phone.prefix(3)),
                        number: Array(contact.phone.dropFirst(3)))
                },
                departments: buyer.departments.map { Array("D".utf8) + $0 }
            )
        }
        self.suppliers = data.suppliers.map { _ in
            Supplier(
                networkID: Array("AN0200\(String(random.int(in: 1_000_000...9_999_999)))".utf8),
                duns: random.chance(60) ? Array(String(random.int(in: 100_000_000...999_999_999)).utf8) : nil)
        }
        self.carriers = data.carriers.map { carrier in
            Carrier(scac: carrier.scac.utf8Bytes, name: titleCased(carrier.name.utf8Bytes))
        }
        self.retailItems = data.retailCatalog.map { Item($0, retail: true, random: &random) }
        self.industrialItems = data.industrialCatalog.map { Item($0, retail: false, random: &random) }
        self.comments = [
            "Deliver to receiving dock only. Call 30 minutes ahead.",
            "Please reference the PO number on all packing slips & invoices.",
            "Partial shipments accepted; back-order the remainder.",
            "Ship complete. Do not substitute without written approval.",
            "Pallets must not exceed 60\" in height.",
            "Receiving hours Mon–Fri 7:00–15:30.",
            "Lieferung bitte an Rampe 3 – Anlieferung nur werktags.",
            "Include certificates of conformance with the shipment.",
            "Hazmat items must ship with SDS < 3 years old.",
            "Label each carton with PO, line number and quantity.",
        ].map { Array($0.utf8) }
        self.lineComments = [
            "Cut to 100 ft lengths", "Ship in original packaging", "Urgent: line down", "Match previous lot",
            "Requires inspection on receipt", "Deliver to stores, bin A-14",
        ].map { Array($0.utf8) }
        self.freightTexts = ["Freight, motor carrier", "Freight, parcel ground", "Expedited freight", "Fuel surcharge"]
            .map { Array($0.utf8) }
        self.docks = ["Dock 1", "Dock 3", "Receiving door 7", "Building B, door 2", "Mail room"].map { Array($0.utf8) }
        self.headerExtrinsics = [
            ("CostCenter", ["CC-1000", "CC-2040", "CC-3110", "CC-4400", "PLT2-MAINT"]),
            ("CompanyCode", ["1000", "2000", "3100"]),
            ("PurchasingOrganization", ["PO01", "PO02", "NA10"]),
            ("PurchaseGroup", ["001", "014", "120"]),
            ("Requester", ["jsmith", "mgarcia", "pkim", "wlee"]),
            ("AribaNetwork.PaymentTermsExplanation", ["Net 30", "2% 10, net 30", "Net 45"]),
            ("ShipVia", ["Best way", "Prepaid & add", "Collect"]),
        ].map { (Array($0.0.utf8), $0.1.map { Array($0.utf8) }) }
    }

    private static func party(_ party: SampleData.Party, domain: String, random: inout PseudoRandom) -> Party {
        let area = Array(String(random.int(in: 201...989)).utf8)
        return Party(
            name: titleCased(party.name),
            addressID: party.identification,
            street: titleCased(party.street),
            city: titleCased(party.city),
            state: party.state,
            postalCode: party.postalCode,
            email: Array("receiving@\(domain)".utf8),
            areaCode: area,
            number: Array("555\(String(random.int(in: 1000...9999)))".utf8))
    }

    static func unitCode(_ unit: UnitOfMeasure) -> String {
        switch unit {
        case .each: "EA"
        case .case: "CS"
        case .box: "BX"
        case .package: "PK"
        case .foot: "FOT"
        case .inch: "INH"
        case .pound: "LBR"
        case .kilogram: "KGM"
        }
    }

    static let manufacturers = [
        "Parker Hannifin", "3M", "Eaton", "Grainger", "Stanley Black & Decker", "Hubbell", "Würth", "Fastenal",
        "Milwaukee Tool", "Dorman",
    ]
    static let retailUNSPSC = [
        "50202306", "50192100", "53101602", "53102501", "52121601", "53131608", "52141502", "60141000",
        "50161813", "53111601",
    ]
    static let industrialUNSPSC = [
        "31161501", "31161617", "40141607", "39121432", "26121609", "31201503", "27112802", "46181504",
        "31162801", "40171523",
    ]
}

/// Upper-case ASCII words with their letters after the first in lower case: `ACME RETAIL` → `Acme Retail`; words
/// of two letters (states, `DC`) keep their case.
private func titleCased(_ text: [UInt8]) -> [UInt8] {
    var result = text
    var start = 0
    while start < result.count {
        var end = start
        while end < result.count && result[end] != UInt8(ascii: " ") { end += 1 }
        if end - start > 2 {
            for index in (start + 1)..<end where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(result[index]) {
                result[index] += 32
            }
        }
        start = end + 1
    }
    return result
}

extension StaticString {
    fileprivate var utf8Bytes: [UInt8] { self.withUTF8Buffer { Array($0) } }
}
