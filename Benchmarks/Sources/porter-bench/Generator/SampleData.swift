/// The trading partners, carriers and item catalogs the generated documents draw on.
///
/// Built once from the seeded generator, so a seed always gives the same companies, places and
/// items, and an item keeps its UPC, part numbers and description across documents.
struct SampleData {
    enum Profile {
        /// Stores and distribution centres: UPCs, each/case units, store-level SDQ splits.
        case retail
        /// Plants and MRO buyers: vendor and buyer part numbers, boxes, feet, pounds, contracts.
        case industrial
    }

    /// A party with the identity and address of an `N1`/`N3`/`N4` loop.
    struct Party {
        var name: [UInt8]
        var identificationQualifier: StaticString
        var identification: [UInt8]
        var street: [UInt8]
        var city: [UInt8]
        var state: [UInt8]
        var postalCode: [UInt8]
    }

    struct Contact {
        var name: [UInt8]
        var phone: [UInt8]
        var email: [UInt8]
    }

    /// A sender or receiver's interchange and group identities.
    struct Identity {
        var qualifier: StaticString
        /// `ISA06`/`ISA08`: space-padded to 15 bytes.
        var interchangeID: [UInt8]
        /// `GS02`/`GS03`.
        var applicationID: [UInt8]

        init(qualifier: StaticString, id: String) {
            precondition(id.utf8.count <= 15)
            self.qualifier = qualifier
            self.applicationID = Array(id.utf8)
            self.interchangeID = self.applicationID + Array(repeating: UInt8(ascii: " "), count: 15 - id.utf8.count)
        }
    }

    struct Buyer {
        var identity: Identity
        var profile: Profile
        var purchaseOrderPrefix: [UInt8]
        var currency: StaticString
        var billTo: Party
        var shipTo: [Party]
        /// Store numbers for `SDQ` splits (retail).
        var stores: [[UInt8]]
        var contacts: [Contact]
        var departments: [[UInt8]]
    }

    struct Supplier {
        var identity: Identity
        var shipFrom: Party
        /// The buyer's number for this supplier (`REF*IA`).
        var vendorNumber: [UInt8]
        /// GS1 company prefix (7 digits) for SSCCs and bills of lading.
        var companyPrefix: Int
        var shipmentPrefix: [UInt8]
    }

    struct Carrier {
        var scac: StaticString
        var name: StaticString
        /// `TD504`: M motor, U parcel, A air.
        var method: StaticString

        var isMotorFreight: Bool {
            self.method.withUTF8Buffer { $0.count == 1 && $0[0] == UInt8(ascii: "M") }
        }
    }

    /// A catalog item. A class, so that taking one from the catalog is one retain rather than
    /// one per byte array (the generator does that tens of millions of times per gigabyte).
    final class Item {
        let upc: [UInt8]
        let vendorPart: [UInt8]
        let buyerPart: [UInt8]
        /// Empty when the item has no separate manufacturer part number.
        let manufacturerPart: [UInt8]
        let description: [UInt8]
        /// Price per `unit`, in ten-thousandths.
        let unitPrice: Int
        /// `PO103`.
        let unit: UnitOfMeasure
        /// Inner units per outer pack (`PO401`).
        let pack: Int
        /// `PO402`/`PO403`, size of one inner unit in tenths; `size == 0` means none.
        let size: Int
        let sizeUnit: UnitOfMeasure
        /// Gross weight of one pack, tenths of a pound.
        let packWeight: Int
        let packaging: StaticString

        init(
            upc: [UInt8], vendorPart: [UInt8], buyerPart: [UInt8], manufacturerPart: [UInt8], description: [UInt8],
            unitPrice: Int, unit: UnitOfMeasure, pack: Int, size: Int, sizeUnit: UnitOfMeasure, packWeight: Int,
            packaging: StaticString
        ) {
            self.upc = upc
            self.vendorPart = vendorPart
            self.buyerPart = buyerPart
            self.manufacturerPart = manufacturerPart
            self.description = description
            self.unitPrice = unitPrice
            self.unit = unit
            self.pack = pack
            self.size = size
            self.sizeUnit = sizeUnit
            self.packWeight = packWeight
            self.packaging = packaging
        }
    }

    var buyers: [Buyer]
    var suppliers: [Supplier]
    var carriers: [Carrier]
    var retailCatalog: [Item]
    var industrialCatalog: [Item]

    init(random: inout PseudoRandom) {
        self.carriers = [
            Carrier(scac: "UPSN", name: "UPS GROUND", method: "U"),
            Carrier(scac: "FDEG", name: "FEDEX GROUND", method: "U"),
            Carrier(scac: "ODFL", name: "OLD DOMINION FREIGHT LINE", method: "M"),
            Carrier(scac: "SAIA", name: "SAIA MOTOR FREIGHT", method: "M"),
            Carrier(scac: "XPOL", name: "XPO LOGISTICS", method: "M"),
            Carrier(scac: "ABFS", name: "ABF FREIGHT", method: "M"),
            Carrier(scac: "FXFE", name: "FEDEX FREIGHT", method: "M"),
            Carrier(scac: "SCNN", name: "SCHNEIDER NATIONAL", method: "M"),
            Carrier(scac: "JBHT", name: "JB HUNT TRANSPORT", method: "M"),
            Carrier(scac: "FDXE", name: "FEDEX EXPRESS", method: "A"),
        ]

        let buyerSpecs: [(StaticString, String, String, Profile, String, StaticString, String)] = [
            ("ZZ", "ACMERETAIL", "ACME RETAIL STORES", .retail, "45", "USD", "acme-retail.example"),
            ("08", "6125550100", "NORTHWIND MARKETS", .retail, "NW", "USD", "northwind.example"),
            ("01", "078912345", "BLUEMART INC", .retail, "", "CAD", "bluemart.example"),
            ("01", "123456789", "GLOBEX MANUFACTURING", .industrial, "GX", "USD", "globex.example"),
            ("ZZ", "INITECHIND", "INITECH INDUSTRIAL SUPPLY", .industrial, "PO", "USD", "initech.example"),
            ("ZZ", "STARKFAB", "STARK FABRICATION LLC", .industrial, "SF", "USD", "starkfab.example"),
        ]
        self.buyers = buyerSpecs.map { spec in
            let (qualifier, id, name, profile, prefix, currency, domain) = spec
            let retail = profile == .retail
            let shipToCount = retail ? random.int(in: 6...20) : random.int(in: 2...6)
            let shipTo = (0..<shipToCount).map { index -> Party in
                let label = retail ? "\(name) DC \(index + 1)" : "\(name) PLANT \(index + 1)"
                return Self.makeParty(
                    name: label,
                    qualifier: retail ? "UL" : "92",
                    identification: retail ? Self.gtinLike(digits: 13, random: &random) : String(100 + index * 10),
                    random: &random
                )
            }
            let contacts = (0..<random.int(in: 3...8)).map { _ in
                let first = random.pick(Vocabulary.firstNames)
                let last = random.pick(Vocabulary.lastNames)
                let city = random.pick(Vocabulary.cities)
                return Contact(
                    name: Array("\(first) \(last)".utf8),
                    phone: Array("\(city.areaCode)555\(String(random.int(in: 100...9999)).leftPadded(4))".utf8),
                    email: Array("\(first.lowercased()).\(last.lowercased())@\(domain)".utf8)
                )
            }
            return Buyer(
                identity: Identity(qualifier: qualifier, id: id),
                profile: profile,
                purchaseOrderPrefix: Array(prefix.utf8),
                currency: currency,
                billTo: Self.makeParty(
                    name: "\(name) ACCOUNTS PAYABLE", qualifier: "92", identification: "AP01", random: &random),
                shipTo: shipTo,
                stores: (0..<random.int(in: 40...200)).map { _ in
                    Array(String(random.int(in: 1...9999)).leftPadded(4).utf8)
                },
                contacts: contacts,
                departments: (0..<random.int(in: 5...15)).map { _ in
                    Array(String(random.int(in: 1...999)).leftPadded(3).utf8)
                }
            )
        }

        let supplierSpecs: [(StaticString, String, String, String)] = [
            ("ZZ", "WIDGETWORKS", "WIDGETWORKS LLC", "WW"),
            ("01", "804567123", "SUMMIT CONSUMER GOODS", "SCG"),
            ("ZZ", "PACFAST", "PACIFIC FASTENER CO", "PF"),
            ("ZZ", "LAKESHOREAPP", "LAKESHORE APPAREL", "LSA"),
            ("14", "0456789120001", "TRI-STATE INDUSTRIAL", "TSI"),
        ]
        self.suppliers = supplierSpecs.map { spec in
            let (qualifier, id, name, prefix) = spec
            return Supplier(
                identity: Identity(qualifier: qualifier, id: id),
                shipFrom: Self.makeParty(
                    name: "\(name) WAREHOUSE", qualifier: "92", identification: "SF\(random.int(in: 10...99))",
                    random: &random),
                vendorNumber: Array(String(random.int(in: 100_000...999_999)).utf8),
                companyPrefix: random.int(in: 300_000...999_999) * 10 + random.int(in: 0...9),
                shipmentPrefix: Array(prefix.utf8)
            )
        }

        self.retailCatalog = (0..<4000).map { _ in Self.makeRetailItem(random: &random) }
        self.industrialCatalog = (0..<4000).map { _ in Self.makeIndustrialItem(random: &random) }
    }

    private static func makeParty(
        name: String, qualifier: StaticString, identification: String, random: inout PseudoRandom
    ) -> Party {
        let city = random.pick(Vocabulary.cities)
        let street =
            "\(random.int(in: 100...9999)) \(random.pick(Vocabulary.streetNames)) \(random.pick(Vocabulary.streetSuffixes))"
        return Party(
            name: Array(name.utf8),
            identificationQualifier: qualifier,
            identification: Array(identification.utf8),
            street: Array(street.utf8),
            city: Array(city.city.utf8),
            state: Array(city.state.utf8),
            postalCode: Array("\(city.zip)\(String(random.int(in: 1...99)).leftPadded(2))".utf8)
        )
    }

    private static func makeRetailItem(random: inout PseudoRandom) -> Item {
        let product = random.pick(Vocabulary.retailProducts)
        let description =
            "\(random.pick(Vocabulary.retailAdjectives)) \(product.noun) \(random.pick(Vocabulary.colors)) \(random.pick(product.sizes))"
        let eachPrice = max(99, product.basePrice * random.int(in: 60...160) / 100) / 10 * 10 + 9  // ends in 9 cents
        let pack = random.pick([6, 6, 12, 12, 12, 24, 36, 48])
        let byCase = random.chance(30)
        return Item(
            upc: Array(gtinLike(digits: 12, random: &random).utf8),
            vendorPart: Array("\(randomLetters(2, random: &random))-\(random.int(in: 10_000...99_999))".utf8),
            buyerPart: Array(String(random.int(in: 1_000_000...99_999_999)).utf8),
            manufacturerPart: [],
            description: Array(description.utf8),
            unitPrice: (byCase ? eachPrice * pack : eachPrice) * 100,
            unit: byCase ? .case : .each,
            pack: pack,
            size: 10,
            sizeUnit: .each,
            packWeight: pack * random.int(in: 2...30),
            packaging: random.pick(["CTN25", "CTN25", "CTN25", "BOX25", "PLT94"])
        )
    }

    private static func makeIndustrialItem(random: inout PseudoRandom) -> Item {
        let product = random.pick(Vocabulary.industrialProducts)
        let spec = random.pick(product.specs)
        let finish = random.pick(product.finishes)
        let code = randomLetters(3, random: &random)
        return Item(
            upc: Array(gtinLike(digits: 12, random: &random).utf8),
            vendorPart: Array("\(code)-\(random.int(in: 1000...999_999))".utf8),
            buyerPart: Array("\(random.int(in: 100...999))-\(String(random.int(in: 1...99_999)).leftPadded(5))".utf8),
            manufacturerPart: random.chance(40)
                ? Array("\(randomLetters(2, random: &random))\(random.int(in: 10_000...9_999_999))".utf8) : [],
            description: Array("\(product.noun) \(spec) \(finish)".utf8),
            unitPrice: max(25, product.basePrice * random.int(in: 70...140) / 100),
            unit: product.unit,
            pack: product.pack,
            size: 0,
            sizeUnit: .each,
            packWeight: random.int(in: 1...800),
            packaging: random.pick(["CTN25", "BOX25", "BAG07", "PLT94", "CRT58"])
        )
    }

    /// A GS1 identifier (UPC-A with 12 digits, GLN with 13) with a valid check digit.
    private static func gtinLike(digits: Int, random: inout PseudoRandom) -> String {
        var body = [Int]()
        body.append(digits == 12 ? random.pick([0, 0, 0, 6, 7, 8]) : random.int(in: 0...9))
        for _ in 1..<(digits - 1) { body.append(random.int(in: 0...9)) }
        let check = gs1CheckDigit(body)
        return (body + [check]).map(String.init).joined()
    }

    private static func randomLetters(_ count: Int, random: inout PseudoRandom) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(random.below(26)))) })
    }
}

/// The GS1 mod-10 check digit of `digits` (most significant first, check digit excluded):
/// weights 3, 1, 3, … from the right.
func gs1CheckDigit(_ digits: [Int]) -> Int {
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
        sum += digit * (offset % 2 == 0 ? 3 : 1)
    }
    return (10 - sum % 10) % 10
}

extension String {
    /// Left-pads with zeros to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}
