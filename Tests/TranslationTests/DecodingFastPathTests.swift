import Orders
import Testing
import X12

@testable import Translation

/// The decoders' byte-level shortcuts (packed segment ids, numbers read from the reader's bytes) give what the
/// general path gives.
@Suite("Decoding shortcuts")
struct DecodingFastPathTests {
    private func order(_ po1: [String], component: String = ">") throws -> PurchaseOrder {
        let text =
            [
                "ISA*00*          *00*          *ZZ*BUYER          *ZZ*SELLER         *250301*1200*U*00401*000000001*0*P*\(component)",
                "GS*PO*BUYER*SELLER*20250301*1200*1*X*004010", "ST*850*0001", "BEG*00*SA*PO-1**20250301",
            ] + po1 + ["CTT*\(po1.count)", "SE*\(po1.count + 4)*0001", "GE*1*1", "IEA*1*000000001"]
        let results = try TranslationFixtures.decode(Array((text.joined(separator: "~") + "~").utf8))
        return try #require(results.first?.order)
    }

    @Test("packed segment codes are X12SegmentID's packing")
    func codes() {
        let pairs: [(UInt32, X12SegmentID)] = [
            (X12SegmentCode.po1, "PO1"), (X12SegmentCode.ctt, "CTT"), (X12SegmentCode.pid, "PID"),
            (X12SegmentCode.po4, "PO4"), (X12SegmentCode.sdq, "SDQ"), (X12SegmentCode.sch, "SCH"),
            (X12SegmentCode.sac, "SAC"), (X12SegmentCode.ref, "REF"), (X12SegmentCode.dtm, "DTM"),
            (X12SegmentCode.n9, "N9"), (X12SegmentCode.n1, "N1"), (X12SegmentCode.n2, "N2"), (X12SegmentCode.n3, "N3"),
            (X12SegmentCode.n4, "N4"), (X12SegmentCode.beg, "BEG"), (X12SegmentCode.cur, "CUR"),
            (X12SegmentCode.per, "PER"), (X12SegmentCode.fob, "FOB"), (X12SegmentCode.itd, "ITD"),
            (X12SegmentCode.csh, "CSH"), (X12SegmentCode.td5, "TD5"), (X12SegmentCode.msg, "MSG"),
            (X12SegmentCode.mtx, "MTX"), (X12SegmentCode.amt, "AMT"), (X12SegmentCode.st, "ST"),
            (X12SegmentCode.se, "SE"),
        ]
        for (code, id) in pairs {
            #expect(code == id.rawValue, "\(id)")
            #expect(X12SegmentCode.pack(id.description) == code)
        }
        #expect(X12SegmentCode.pack("P") == 0)
        #expect(X12SegmentCode.pack("PO12") == 0)
        #expect(X12SegmentCode.pack("P-1") == 0)
    }

    @Test("numbers not in canonical form are read the general way")
    func numbers() throws {
        let order = try self.order([
            "PO1*1*12*EA*8.09", "PO1*2*007*EA*0.50", "PO1*3*-0*EA*1.", "PO1*4*+2*EA*.5", "PO1*5*-.25*EA*-3.10",
        ])
        #expect(order.lines.map(\.quantity.text) == ["12", "7", "0", "2", "-0.25"])
        #expect(order.lines.map(\.unitPrice?.text) == ["8.09", "0.50", "1", "0.5", "-3.10"])
    }

    @Test("orders after a large one keep no room for its lines (a caller may hold all of a file's orders)")
    func roomReservedFromALargeOrderIsNotKept() throws {
        func set(_ number: Int, lines: Int) -> [String] {
            ["ST*850*\(number)", "BEG*00*SA*PO-\(number)**20250301"]
                + (1...lines).map { "PO1*\($0)*1*EA*2.50**VP*P-\($0)" } + ["CTT*\(lines)", "SE*\(lines + 4)*\(number)"]
        }
        let sets = set(1, lines: 2_000) + (2...21).flatMap { set($0, lines: $0 % 3 + 1) } + set(22, lines: 30)
        let text =
            [
                "ISA*00*          *00*          *ZZ*BUYER          *ZZ*SELLER         *250301*1200*U*00401*000000001*0*P*>",
                "GS*PO*BUYER*SELLER*20250301*1200*1*X*004010",
            ] + sets + ["GE*22*1", "IEA*1*000000001"]
        var reader = X12DocumentReader(source: MemoryByteSource(Array((text.joined(separator: "~") + "~").utf8)))
        var orders: [PurchaseOrder] = []
        while let event = try reader.next() {
            if case .document(let decoded) = event, case .purchaseOrder(let order)? = decoded.document {
                orders.append(order)
            }
        }
        #expect(orders.map(\.lines.count) == [2_000] + (2...21).map { $0 % 3 + 1 } + [30])
        for order in orders.dropFirst() {
            #expect(order.lines.capacity <= 2 * order.lines.count + 16, "\(order.number): \(order.lines.capacity)")
        }
    }

    @Test("a number that holds the component separator is a composite, not a number")
    func componentSeparator() throws {
        let order = try self.order(["PO1*1*12.5*EA*8.09"], component: ".")
        #expect(order.lines.first?.quantity.text == "0")
        #expect(order.lines.first?.unitPrice == nil)
    }

    @Test("PO1, PID, PO4 and SDQ that the one-pass path cannot take keep what they hold")
    func linesLeftToTheGeneralPath() throws {
        let order = try self.order([
            "PO1*1*10*EA*2.5*PE*VN*A1*UP*012345678905", "PID*F****RED WIDGET, LARGE SIZE****EN",
            "PO4*12*1*EA*CTN25*G*5.5*LB", "SDQ*EA*92*0001*4*0002*6",
            "PO1*2*10*EA*2.5**VN*A1*UP", "PID*X****BLUE", "PO4*12*1*EA***05.50", "SDQ*EA*92*0001*4*0002",
            "PO1*3*10*ZZZ*2.5**VN*A1*ZZ*B2", "PID*F****GREEN*2", "PO4*1" + String(repeating: "*", count: 14) + "X",
            "PO1*4*10*EA*2.5*PE*VN>1*A1", "PID*F****PLAIN",
        ])
        try #require(order.lines.count == 4)
        let first = order.lines[0]
        #expect(first.items == [ItemIdentifier(.vendorItem, "A1"), ItemIdentifier(.upc, "012345678905")])
        #expect(first.descriptions == [ItemDescription("RED WIDGET, LARGE SIZE", language: "EN")])
        #expect(first.pack?.weight?.text == "5.5" && first.pack?.packagingCode == "CTN25")
        #expect(first.destinations.map(\.location.value) == ["0001", "0002"])
        #expect(first.extensions.isEmpty && first.priceBasis != nil)
        // A qualifier without its value, PID01 other than F, a number not in canonical form.
        let second = order.lines[1]
        #expect(second.items == [ItemIdentifier(.vendorItem, "A1")])
        #expect(second.descriptions.map(\.text) == ["BLUE"])
        #expect(second.pack?.weight?.text == "5.50")
        #expect(second.destinations.map(\.location.value) == ["0001"])
        #expect(second.extensions.values.values.contains("UP") && second.extensions.values.values.contains("X"))
        #expect(second.extensions.values.values.contains("0002"))
        // A unit and a qualifier Porter does not name (kept as sent), PID02, PO415.
        let third = order.lines[2]
        #expect(third.unit.rawValue == "ZZZ" && third.items.map(\.value) == ["A1", "B2"])
        #expect(third.extensions.values.values.contains("2") && third.extensions.values.values.contains("X"))
        // A composite element: left to extensions, not read as text.
        let fourth = order.lines[3]
        #expect(fourth.items.isEmpty && fourth.descriptions.map(\.text) == ["PLAIN"])
        #expect(fourth.extensions.values.values.contains { $0.contains("VN") })
    }

    @Test("header segments the one-pass path takes give the typed fields and nothing else")
    func headerTakenInOnePass() throws {
        let order = try self.order([
            "CUR*BY*USD", "REF*DP*415*DEPT", "PER*BD*THOMAS*TE*4075551157*EM*t@example.com", "ITD*05*3*****60",
            "DTM*002*20240204", "TD5*B*2*UPSN*U*UPS GROUND", "FOB*PP*OR*DOCK*01*FOB", "N1*ST*DC 12*UL*4286806309325",
            "N2*RECEIVING", "N3*4125 PARK DR*SUITE 2", "N4*CHICAGO*IL*60689*US", "REF*IA*77", "PER*RE*JANE",
            "PO1*1*10*EA*2.5",
        ])
        #expect(order.currency?.rawValue == "USD")
        #expect(order.references == [Reference(.department, "415", description: "DEPT")])
        #expect(order.contacts.first?.communications.map(\.value) == ["4075551157", "t@example.com"])
        #expect(order.paymentTerms.first?.netDays == 60 && order.paymentTerms.first?.basisDate != nil)
        #expect(order.dates.first?.date == CalendarDate(year: 2024, month: 2, day: 4))
        #expect(order.carriers.first?.carrier?.value == "UPSN" && order.carriers.first?.carrierName == "UPS GROUND")
        #expect(order.fob?.incoterms == "FOB" && order.fob?.locationDescription == "DOCK")
        let party = try #require(order.parties.first)
        #expect(party.identifiers.map(\.value) == ["4286806309325"] && party.additionalNames == ["RECEIVING"])
        #expect(party.address?.lines == ["4125 PARK DR", "SUITE 2"] && party.address?.postalCode == "60689")
        #expect(party.references.map(\.value) == ["77"] && party.contacts.map(\.name) == ["JANE"])
        #expect(order.extensions.isEmpty)
    }

    @Test("header segments the one-pass path cannot take keep what they hold")
    func headerLeftToTheGeneralPath() throws {
        let td5 = ["TD5", "B", "2", "UPSN", "U", "UPS GROUND", "", "", "", "", "", "", "", "ZZ"]
        let order = try self.order([
            "CUR*SE*EUR", "REF*ZZZ*1", "ITD*05*3*2*****500", "DTM*002*20240204*1230", "DTM*002*20241341",
            td5.joined(separator: "*"), "FOB*PP*OR*DOCK*02*CIF", "N1*BT*AP*92", "N4*CHICAGO*IL", "N4*OTHER*XX",
            "PO1*1*10*EA*2.5",
        ])
        let kept = Set(order.extensions.values.values)
        // CUR01 other than BY, a date that is no day, TD513 after an empty TD512, FOB04 other than 01, N103 without
        // N104, a second N4 in a loop.
        for value in ["SE", "20241341", "ZZ", "02", "CIF", "92", "OTHER"] { #expect(kept.contains(value), "\(value)") }
        #expect(order.currency?.rawValue == "EUR")
        #expect(order.references.map(\.qualifier.rawValue) == ["ZZZ"])
        #expect(order.paymentTerms.first?.discountAmount?.text == "5.00")
        #expect(order.dates.count == 1 && order.dates.first?.time?.hour == 12)
        #expect(order.carriers.first?.carrierName == "UPS GROUND" && order.carriers.first?.serviceLevels == [])
        #expect(order.fob?.incoterms == nil && order.fob?.locationQualifier == "OR")
        #expect(order.parties.first?.identifiers == [] && order.parties.first?.address?.city == "CHICAGO")
    }

    @Test("a copy of a document decoder decodes what was added before the copy, not after (its state is boxed)")
    func decoderCopies() throws {
        let text = [
            "ISA*00*          *00*          *ZZ*BUYER          *ZZ*SELLER         *250301*1200*U*00401*000000001*0*P*>",
            "GS*PO*BUYER*SELLER*20250301*1200*1*X*004010", "ST*850*0001", "BEG*00*SA*PO-1**20250301",
            "PO1*1*10*EA*2.5", "PO1*2*4*EA*1", "CTT*2", "SE*6*0001", "GE*1*1", "IEA*1*000000001",
        ]
        var reader = X12Reader(source: MemoryByteSource(Array((text.joined(separator: "~") + "~").utf8)))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var decoder: X12DocumentDecoder?
        var copies: [X12DocumentDecoder] = []
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                decoder = X12DocumentDecoder(interchange: interchange!, group: group!, transaction: header)
            case .segment(let segment):
                decoder?.add(segment)
                if let decoder { copies.append(decoder) }
            default: break
            }
        }
        func lines(_ decoder: X12DocumentDecoder?) -> Int? {
            guard case .purchaseOrder(let order)? = decoder?.decode().document else { return nil }
            return order.lines.count
        }
        // Copies after ST, BEG, the first PO1, the second PO1, then the segments that follow.
        let counts = copies.map(lines)
        #expect(Array(counts.prefix(4)) == [nil, 0, 1, 2] && counts.dropFirst(4).allSatisfy { $0 == 2 })
        #expect(lines(decoder) == 2 && lines(decoder) == 2)
    }

    @Test("a canonical number from bytes is the parsed number")
    func canonicalBytes() {
        for text in ["0", "12", "-3.10", "0.001", "100"] {
            let number = Array(text.utf8).withUnsafeBufferPointer { DecimalNumber(canonicalUTF8: $0) }
            #expect(number == DecimalNumber(text))
        }
        for text in ["007", "-0", "1.", ".5", "+2", "1e3", "", "1.2.3", "-0.0"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { DecimalNumber(canonicalUTF8: $0) } == nil, "\(text)")
        }
    }
}
