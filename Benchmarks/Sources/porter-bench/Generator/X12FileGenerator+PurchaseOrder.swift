extension X12FileGenerator {
    /// Writes the body of one 850 (everything between ST and SE).
    ///
    /// Header: BEG, CUR, REF, PER, FOB, ITD, DTM, TD5, sometimes an N9 note (MSG in 004010, MTX
    /// in 005010), N1 loops with N3/N4. Detail: 5 to 40 PO1 loops, each with PID and PO4; for
    /// retail buyers sometimes an SDQ store split whose quantities add up to PO102, for industrial
    /// buyers sometimes a line DTM. Summary: CTT with the PO1 count and the sum of PO102 (hash
    /// total), and for industrial buyers often AMT*TT.
    mutating func writePurchaseOrder(
        buyer: SampleData.Buyer, supplier: SampleData.Supplier, date: CivilDate, to writer: SegmentWriter
    ) {
        let retail = buyer.profile == .retail
        let orderDate = date.adding(days: -self.random.int(in: 0...3))
        let deliveryDate = orderDate.adding(days: self.random.int(in: 7...45))

        // BEG: purpose, type, PO number, release, date, contract.
        let typeRoll = self.random.below(100)
        let orderType: StaticString
        var hasRelease = false
        var hasContract = false
        if retail {
            switch typeRoll {
            case 0..<60: orderType = "SA"
            case 60..<75: orderType = "RL"; hasRelease = true
            case 75..<90: orderType = "NE"
            default: orderType = "DS"
            }
        } else {
            switch typeRoll {
            case 0..<50: orderType = "SA"
            case 50..<70: orderType = "KN"
            case 70..<80: orderType = "BK"; hasContract = true
            default: orderType = "RL"; hasRelease = true; hasContract = true
            }
        }
        let poNumber = self.takeDocumentNumber()
        writer.begin("BEG")
        writer.add(self.random.chance(97) ? "00" : "05")
        writer.add(orderType)
        writer.add(buyer.purchaseOrderPrefix)
        writer.append(poNumber)
        if hasRelease {
            writer.add(self.random.int(in: 1...120))
        } else {
            writer.skip()
        }
        writer.add(date: orderDate)
        if hasContract {
            writer.add("C")
            writer.append(self.random.int(in: 10_000...99_999))
        }
        writer.end()

        if self.random.chance(90) {
            writer.begin("CUR")
            writer.add("BY")
            writer.add(buyer.currency)
            writer.end()
        }

        // REF: retail department and vendor number; industrial contract and requisition.
        if retail {
            writer.begin("REF")
            writer.add("DP")
            writer.add(self.random.pick(buyer.departments))
            writer.end()
            writer.begin("REF")
            writer.add("IA")
            writer.add(supplier.vendorNumber)
            writer.end()
            if self.random.chance(30) {
                writer.begin("REF")
                writer.add("MR")
                writer.add(self.random.int(in: 1...99), width: 4)
                writer.end()
            }
        } else {
            writer.begin("REF")
            writer.add("RQ")
            writer.add("RQ")
            writer.append(self.random.int(in: 1...999_999), width: 6)
            writer.end()
            if hasContract || self.random.chance(30) {
                writer.begin("REF")
                writer.add("CT")
                writer.add("MSA-")
                writer.append(self.random.int(in: 2019...2024))
                writer.append("-")
                writer.append(self.random.int(in: 1...999), width: 3)
                writer.end()
            }
        }

        let contact = self.random.pick(buyer.contacts)
        writer.begin("PER")
        writer.add(retail || self.random.chance(50) ? "BD" : "OC")
        writer.add(contact.name)
        writer.add("TE")
        writer.add(contact.phone)
        writer.add("EM")
        writer.add(contact.email)
        writer.end()

        if self.random.chance(70) {
            writer.begin("FOB")
            writer.add(self.random.chance(70) ? "PP" : "CC")
            writer.end()
        }

        // ITD: 2% 10 net 30, 1% 15 net 45 (basic, 01), or net 30 / net 60 (no discount, 05);
        // terms basis 3 = invoice date.
        let (discountPercent, discountDays, netDays) = self.random.pick(paymentTerms)
        writer.begin("ITD")
        writer.add(discountPercent > 0 ? "01" : "05")
        writer.add("3")
        if discountPercent > 0 {
            writer.add(discountPercent)
            writer.skip()
            writer.add(discountDays)
            writer.skip()
        } else {
            writer.skip(4)
        }
        writer.add(netDays)
        writer.end()

        writer.begin("DTM")
        writer.add("002")
        writer.add(date: deliveryDate)
        writer.end()
        if self.random.chance(retail ? 60 : 50) {
            writer.begin("DTM")
            writer.add("010")
            writer.add(date: deliveryDate.adding(days: -self.random.int(in: 2...6)))
            writer.end()
        }
        if retail && self.random.chance(40) {
            writer.begin("DTM")
            writer.add("001")
            writer.add(date: deliveryDate.adding(days: self.random.int(in: 7...21)))
            writer.end()
        }

        let carrier = self.random.pick(self.data.carriers)
        writer.begin("TD5")
        writer.add(retail ? "B" : "O")
        writer.add("2")
        writer.add(carrier.scac)
        writer.add(carrier.method)
        writer.add(carrier.name)
        writer.end()

        if self.random.chance(15) {
            writer.begin("N9")
            writer.add("L1")
            writer.add("SPECIAL INSTRUCTIONS")
            writer.end()
            let note = self.random.pick(noteBytes)
            if self.version.usesMTX {
                writer.begin("MTX")
                writer.skip()
                writer.add(note)
            } else {
                writer.begin("MSG")
                writer.add(note)
            }
            writer.end()
        }

        self.writeParty("BT", buyer.billTo, to: writer)
        self.writeParty("ST", self.random.pick(buyer.shipTo), to: writer)
        if !retail && self.random.chance(50) {
            var vendor = supplier.shipFrom
            vendor.identification = supplier.vendorNumber
            self.writeParty("VN", vendor, to: writer)
        }

        // PO1 loops.
        let lineCount = self.random.int(in: 5...40)
        let catalog = retail ? self.data.retailCatalog : self.data.industrialCatalog
        var quantityTotal = 0
        var amountTotal = 0  // ten-thousandths
        for line in 1...lineCount {
            let item = catalog[self.random.below(catalog.count)]
            let splitToStores = retail && self.random.chance(25)
            var storeQuantities: [(store: Int, quantity: Int)] = []
            var quantity: Int
            if splitToStores {
                let storeCount = self.random.int(in: 2...10)
                let firstStore = self.random.below(buyer.stores.count)
                quantity = 0
                for offset in 0..<storeCount {
                    let storeQuantity =
                        item.unit == .case
                        ? self.random.int(in: 1...6) : item.pack * self.random.int(in: 1...4)
                    storeQuantities.append(((firstStore + offset) % buyer.stores.count, storeQuantity))
                    quantity += storeQuantity
                }
            } else if retail {
                quantity = item.unit == .case ? self.random.int(in: 1...60) : item.pack * self.random.int(in: 1...40)
            } else {
                switch item.unit {
                case .foot: quantity = self.random.int(in: 1...20) * 50
                case .pound, .kilogram: quantity = self.random.int(in: 10...800)
                case .each: quantity = self.random.int(in: 1...200)
                default: quantity = self.random.int(in: 1...25)
                }
            }
            quantityTotal += quantity
            amountTotal += quantity * item.unitPrice

            writer.begin("PO1")
            writer.add(line)
            writer.add(quantity)
            writer.add(item.unit.code)
            writer.add(decimal: item.unitPrice, scale: 4)
            if retail {
                if item.unit == .each { writer.add("PE") } else { writer.skip() }
                writer.add("UP")
                writer.add(item.upc)
                writer.add("VN")
                writer.add(item.vendorPart)
                writer.add("IN")
                writer.add(item.buyerPart)
            } else {
                writer.add(hasContract ? "CT" : "PE")
                writer.add("VP")
                writer.add(item.vendorPart)
                writer.add("BP")
                writer.add(item.buyerPart)
                if !item.manufacturerPart.isEmpty {
                    writer.add("MG")
                    writer.add(item.manufacturerPart)
                }
            }
            writer.end()

            writer.begin("PID")
            writer.add("F")
            writer.skip(3)
            writer.add(item.description)
            writer.end()

            writer.begin("PO4")
            writer.add(item.pack)
            if item.size > 0 {
                writer.add(decimal: item.size, scale: 1)
                writer.add(item.sizeUnit.code)
            } else {
                writer.skip(2)
            }
            writer.add(item.packaging)
            writer.add("G")
            writer.add(decimal: item.packWeight, scale: 1)
            writer.add("LB")
            writer.end()

            if splitToStores {
                writer.begin("SDQ")
                writer.add(item.unit.code)
                writer.add("92")
                for entry in storeQuantities {
                    writer.add(buyer.stores[entry.store])
                    writer.add(entry.quantity)
                }
                writer.end()
            }

            if !retail && self.random.chance(10) {
                writer.begin("DTM")
                writer.add("002")
                writer.add(date: deliveryDate.adding(days: self.random.int(in: 0...14)))
                writer.end()
            }
        }

        writer.begin("CTT")
        writer.add(lineCount)
        writer.add(quantityTotal)
        writer.end()

        if !retail && self.random.chance(50) {
            writer.begin("AMT")
            writer.add("TT")
            writer.add(decimal: (amountTotal + 50) / 100, scale: 2)
            writer.end()
        }
    }
}

/// Discount percent, discount days and net days; a zero percent means net terms only.
private let paymentTerms: [(Int, Int, Int)] = [(2, 10, 30), (1, 15, 45), (0, 0, 30), (0, 0, 60)]

private let noteBytes: [[UInt8]] = Vocabulary.notes.map { Array($0.utf8) }
