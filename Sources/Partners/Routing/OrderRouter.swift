public import Orders

/// Decides who receives a document and splits an order whose lines belong to several suppliers.
///
/// Pure: it reads the catalog's profiles and routes and returns deliveries; nothing is sent.
public struct OrderRouter: Sendable {
    /// One document for one partner.
    public struct Delivery: Hashable, Sendable {
        public var partner: String
        public var document: BusinessDocument
        /// An internal copy (the document as routed, before any split).
        public var isCopy: Bool

        public init(partner: String, document: BusinessDocument, isCopy: Bool) {
            self.partner = partner
            self.document = document
            self.isCopy = isCopy
        }
    }

    /// What routing found: the deliveries, and lines or documents no partner could be found for.
    public struct Outcome: Hashable, Sendable {
        public var deliveries: [Delivery]
        /// Problems: "no supplier for line 3", "the order names no supplier with a profile".
        public var problems: [String]
    }

    public var catalog: MappingsCatalog

    public init(catalog: MappingsCatalog) { self.catalog = catalog }

    /// The supplier the order names: a vendor/seller/supplier party whose identifier is a partner's party id, or
    /// the envelope receiver.
    public func namedSupplier(of order: PurchaseOrder) -> PartnerProfile? {
        self.namedSupplier(parties: order.parties, receiver: order.envelope.receiver.id)
    }

    /// The supplier named by `parties` (vendor, seller or supplier with a partner's party id), else by `receiver`.
    func namedSupplier(parties: [Party], receiver: String) -> PartnerProfile? {
        for party in parties where Self.supplierRoles.contains(party.role) {
            for identifier in party.identifiers {
                if let profile = self.catalog.partner(identifiedBy: identifier.value) { return profile }
            }
        }
        return self.catalog.partner(identifiedBy: receiver)
    }

    static let supplierRoles: [PartyRole] = [.vendor, .seller, .supplier]

    /// The partner a line belongs to under `method`, if any.
    public func supplier(of line: PurchaseOrderLine, by method: RoutingTable.Split.Method) -> PartnerProfile? {
        switch method {
        case .lineSupplier:
            for party in line.parties where Self.supplierRoles.contains(party.role) {
                for identifier in party.identifiers {
                    if let profile = self.catalog.partner(identifiedBy: identifier.value) { return profile }
                }
            }
            return nil
        case .itemCrossReference:
            for profile in self.catalog.profiles.values.sorted(by: { $0.id < $1.id }) {
                guard let entry = profile.itemCrossReference?.entry(for: line.items) else { continue }
                return entry.supplier.flatMap { self.catalog.profiles[$0] } ?? profile
            }
            return nil
        }
    }

    /// Splits `order` into one order per supplier, in the order each supplier's first line appears, numbered by
    /// `split`'s rule. An order whose lines all belong to one supplier is returned whole, with its number.
    public func split(
        _ order: PurchaseOrder, by split: RoutingTable.Split
    ) -> (orders: [(partner: String, order: PurchaseOrder)], unassigned: [String]) {
        var groups: [(partner: String, lines: [PurchaseOrderLine])] = []
        var unassigned: [String] = []
        for (index, line) in order.lines.enumerated() {
            guard let supplier = self.supplier(of: line, by: split.method) else {
                unassigned.append(line.lineNumber ?? String(index + 1))
                continue
            }
            if let group = groups.firstIndex(where: { $0.partner == supplier.id }) {
                groups[group].lines.append(line)
            } else {
                groups.append((supplier.id, [line]))
            }
        }
        if groups.count == 1, unassigned.isEmpty { return ([(groups[0].partner, order)], []) }
        let orders = groups.enumerated().map { sequence, group in
            var part = order
            part.number = split.number(original: order.number, sequence: sequence + 1, partner: group.partner)
            part.lines = group.lines
            part.totals = nil
            if !part.references.contains(where: { $0.qualifier == .purchaseOrder }) {
                part.references.append(Reference(.purchaseOrder, order.number, description: "split from"))
            }
            return (group.partner, part)
        }
        return (orders, unassigned)
    }

    /// Everyone who receives `document`, per the routes: the named supplier (after the split, when there is one),
    /// then the copies.
    ///
    /// - Parameter orderRecipients: For a change: the partners the order it changes was sent to (the gateway's
    ///   tracking knows them); a change that names no supplier goes to them.
    public func route(_ document: BusinessDocument, orderRecipients: [String] = []) -> Outcome {
        var outcome = Outcome(deliveries: [], problems: [])
        let routes = self.catalog.routing?.routes.filter { $0.document == document.kind } ?? []
        for route in routes {
            switch route.recipient {
            case .partner(let id):
                guard self.catalog.profiles[id] != nil else {
                    outcome.problems.append("route to unknown partner \(id)")
                    continue
                }
                outcome.deliveries.append(Delivery(partner: id, document: document, isCopy: route.isCopy))
            case .namedSupplier:
                if case .orderChange(let change) = document {
                    // A change names its supplier like an order; when it does not, it goes to whoever received the
                    // order.
                    if let supplier = self.namedSupplier(parties: change.parties, receiver: change.envelope.receiver.id)
                    {
                        outcome.deliveries.append(Delivery(partner: supplier.id, document: document, isCopy: false))
                    } else if !orderRecipients.isEmpty {
                        outcome.deliveries += orderRecipients.map {
                            Delivery(partner: $0, document: document, isCopy: false)
                        }
                    } else {
                        outcome.problems.append(
                            "the change to order \(change.orderNumber) names no supplier that has a profile, and no "
                                + "supplier is known to have received the order")
                    }
                    continue
                }
                guard case .purchaseOrder(let order) = document else { continue }
                if let split = self.catalog.routing?.split {
                    let result = self.split(order, by: split)
                    for part in result.orders {
                        outcome.deliveries.append(
                            Delivery(partner: part.partner, document: .purchaseOrder(part.order), isCopy: false))
                    }
                    // No line with a known supplier: the order goes whole to the supplier it names.
                    if !result.orders.isEmpty {
                        for line in result.unassigned { outcome.problems.append("no supplier for line \(line)") }
                        continue
                    }
                }
                if let supplier = self.namedSupplier(of: order) {
                    outcome.deliveries.append(Delivery(partner: supplier.id, document: document, isCopy: false))
                } else {
                    outcome.problems.append("order \(order.number) names no supplier that has a profile")
                }
            }
        }
        return outcome
    }
}
