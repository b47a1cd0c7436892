extension X12FileGenerator {
    /// Writes the body of one 856 (everything between ST and SE), in the pick-and-pack structure
    /// `0001` (shipment, order, pack, item).
    ///
    /// BSN and DTM; `HL S` with TD1, TD5, sometimes TD3, REF*BM (and often REF*CN) and N1 loops
    /// for ship-from and ship-to; `HL O` with PRF (and REF); then 1 to 10 `HL P` cartons, each
    /// with MAN*GM and an 18-digit SSCC, each holding 1 to 4 `HL I` items with LIN, SN1 and PID.
    /// HL01 counts from 1 and HL02 names the parent. CTT carries the HL count and the sum of SN102.
    mutating func writeShipNotice(
        buyer: SampleData.Buyer, supplier: SampleData.Supplier, date: CivilDate, time: Int,
        to writer: SegmentWriter
    ) {
        let retail = buyer.profile == .retail
        let shipmentNumber = self.takeDocumentNumber()
        let orderNumber = self.takeDocumentNumber()
        let orderDate = date.adding(days: -self.random.int(in: 3...30))
        let packCount = self.random.int(in: 1...10)
        let shipTime = max(0, time - self.random.int(in: 0...90))

        writer.begin("BSN")
        writer.add(self.random.chance(97) ? "00" : "05")
        writer.add(supplier.shipmentPrefix)
        writer.append(shipmentNumber)
        writer.add(date: date)
        writer.add(time: time)
        writer.add("0001")
        writer.end()

        writer.begin("DTM")
        writer.add("011")
        writer.add(date: date)
        writer.add(time: shipTime)
        writer.end()
        if self.random.chance(70) {
            writer.begin("DTM")
            writer.add("017")
            writer.add(date: date.adding(days: self.random.int(in: 1...7)))
            writer.end()
        }

        // HL S: shipment.
        writer.begin("HL")
        writer.add(1)
        writer.skip()
        writer.add("S")
        writer.add("1")
        writer.end()

        writer.begin("TD1")
        writer.add(self.random.chance(80) ? "CTN25" : "PLT94")
        writer.add(packCount)
        writer.skip(3)
        writer.add("G")
        writer.add(decimal: packCount * self.random.int(in: 20...600), scale: 1)
        writer.add("LB")
        writer.end()

        let carrier = self.random.pick(self.data.carriers)
        writer.begin("TD5")
        writer.add("B")
        writer.add("2")
        writer.add(carrier.scac)
        writer.add(carrier.method)
        writer.add(carrier.name)
        writer.end()

        let motor = carrier.isMotorFreight
        if motor && self.random.chance(50) {
            writer.begin("TD3")
            writer.add("TL")
            writer.skip()
            writer.add(self.random.int(in: 100_000...9_999_999))
            writer.end()
        }

        // VICS bill of lading: company prefix, 9-digit serial, check digit (17 digits).
        writer.begin("REF")
        writer.add("BM")
        self.addGS1Number(
            supplier.companyPrefix * 1_000_000_000 + shipmentNumber % 1_000_000_000, digits: 16, to: writer)
        writer.end()
        if motor && self.random.chance(70) {
            writer.begin("REF")
            writer.add("CN")
            writer.add(self.random.int(in: 1_000_000...999_999_999), width: 10)
            writer.end()
        }

        self.writeParty("SF", supplier.shipFrom, to: writer)
        self.writeParty("ST", self.random.pick(buyer.shipTo), to: writer)

        // HL O: order.
        writer.begin("HL")
        writer.add(2)
        writer.add(1)
        writer.add("O")
        writer.add("1")
        writer.end()

        writer.begin("PRF")
        writer.add(buyer.purchaseOrderPrefix)
        writer.append(orderNumber)
        writer.skip(2)
        writer.add(date: orderDate)
        writer.end()
        writer.begin("REF")
        if retail {
            writer.add("DP")
            writer.add(self.random.pick(buyer.departments))
        } else {
            writer.add("IA")
            writer.add(supplier.vendorNumber)
        }
        writer.end()

        // HL P cartons, each with HL I items.
        let catalog = retail ? self.data.retailCatalog : self.data.industrialCatalog
        var nextID = 3
        var unitsShipped = 0
        var lineNumber = 0
        for _ in 0..<packCount {
            let packID = nextID
            nextID += 1
            writer.begin("HL")
            writer.add(packID)
            writer.add(2)
            writer.add("P")
            writer.add("1")
            writer.end()

            writer.begin("MAN")
            writer.add("GM")
            // SSCC-18: extension digit, company prefix (7), serial reference (9), check digit.
            let serial = self.nextSerialNumber
            self.nextSerialNumber = serial % 999_999_999 + 1
            let extensionDigit = self.random.below(10)
            self.addGS1Number(
                (extensionDigit * 10_000_000 + supplier.companyPrefix) * 1_000_000_000 + serial, digits: 17, to: writer)
            writer.end()

            for _ in 0..<self.random.int(in: 1...4) {
                let item = catalog[self.random.below(catalog.count)]
                lineNumber += 1
                writer.begin("HL")
                writer.add(nextID)
                writer.add(packID)
                writer.add("I")
                writer.add("0")
                writer.end()
                nextID += 1

                let quantity: Int
                writer.begin("LIN")
                if retail {
                    quantity = item.unit == .case ? self.random.int(in: 1...4) : item.pack * self.random.int(in: 1...2)
                    writer.skip()
                    writer.add("UP")
                    writer.add(item.upc)
                    writer.add("VN")
                    writer.add(item.vendorPart)
                } else {
                    quantity = item.unit == .foot ? self.random.int(in: 1...10) * 50 : self.random.int(in: 1...50)
                    writer.add(lineNumber)
                    writer.add("VP")
                    writer.add(item.vendorPart)
                    writer.add("BP")
                    writer.add(item.buyerPart)
                }
                writer.end()
                unitsShipped += quantity

                writer.begin("SN1")
                if retail { writer.skip() } else { writer.add(lineNumber) }
                writer.add(quantity)
                writer.add(item.unit.code)
                writer.end()

                writer.begin("PID")
                writer.add("F")
                writer.skip(3)
                writer.add(item.description)
                writer.end()
            }
        }

        writer.begin("CTT")
        writer.add(nextID - 1)
        writer.add(unitsShipped)
        writer.end()
    }

    /// Writes `body`, zero-padded to `digits` digits, then its GS1 mod-10 check digit, as one
    /// element.
    private func addGS1Number(_ body: Int, digits: Int, to writer: SegmentWriter) {
        var sum = 0
        var rest = body
        var weight = 3
        for _ in 0..<digits {
            sum += rest % 10 * weight
            rest /= 10
            weight = 4 - weight
        }
        writer.add(body, width: digits)
        writer.append((10 - sum % 10) % 10)
    }
}
