public import Orders

/// Applies a partner's profile to documents: pure functions over the canonical model.
///
/// Outbound (to the partner): defaults and overrides, the item cross-reference, then the accuracy rules (checked
/// on Porter's names), then the code lists and the partner's envelope identity. Inbound (from the partner): the code
/// lists, then the item cross-reference. The standard X12 and cXML mappings stay in the codecs; this only says how
/// a partner differs.
///
/// ```swift
/// let mapped = PartnerMapping(profile: tidewater).outbound(.purchaseOrder(order))
/// if mapped.isHeld { ... }  // a rule failed: hold the order with mapped.findings
/// ```
public struct PartnerMapping: Sendable {
    public var profile: PartnerProfile

    public init(profile: PartnerProfile) { self.profile = profile }

    /// The document as the partner should receive it, with the rules it fails.
    public func outbound(_ document: BusinessDocument) -> MappedDocument {
        var document = document
        let settings = self.profile.documents[document.kind]?.outbound
        var findings: [AccuracyFinding] = []
        if case .purchaseOrder(var order) = document {
            self.applyDefaults(to: &order)
            if let crossReference = self.profile.itemCrossReference {
                for index in order.lines.indices {
                    order.lines[index].items = crossReference.completing(order.lines[index].items)
                }
            }
            findings = AccuracyCheck(profile: self.profile).check(order)
            self.applyItemOverrides(to: &order)
            document = .purchaseOrder(order)
        }
        document = self.applyCodeLists(to: document, inbound: false, format: settings?.format ?? .x12)
        if let settings { self.applyEnvelope(to: &document.envelope, settings: settings) }
        return MappedDocument(document: document, findings: findings)
    }

    /// The document in Porter's terms, from what the partner sent.
    public func inbound(_ document: BusinessDocument) -> BusinessDocument {
        let format = self.profile.documents[document.kind]?.inbound?.format ?? .x12
        var document = self.applyCodeLists(to: document, inbound: true, format: format)
        if let crossReference = self.profile.itemCrossReference {
            switch document {
            case .purchaseOrder(var order):
                for index in order.lines.indices {
                    order.lines[index].items = crossReference.completing(order.lines[index].items)
                }
                document = .purchaseOrder(order)
            case .orderAcknowledgment(var acknowledgment):
                for index in acknowledgment.lines.indices {
                    acknowledgment.lines[index].items = crossReference.completing(acknowledgment.lines[index].items)
                }
                document = .orderAcknowledgment(acknowledgment)
            default: break
            }
        }
        return document
    }

    private func applyDefaults(to order: inout PurchaseOrder) {
        let defaults = self.profile.defaults
        for reference in defaults.references where order.references.value(reference.qualifier) == nil {
            order.references.append(reference)
        }
        order.references.removeAll { defaults.omitReferences.contains($0.qualifier) }
        for constant in defaults.constants { constant.field.set(constant.value, in: &order) }
    }

    private func applyItemOverrides(to order: inout PurchaseOrder) {
        let defaults = self.profile.defaults
        for index in order.lines.indices {
            order.lines[index].items.removeAll { defaults.omitItemIdentifiers.contains($0.kind) }
            if let kind = defaults.vendorPartAs {
                for item in order.lines[index].items.indices where order.lines[index].items[item].kind == .vendorPart {
                    order.lines[index].items[item].kind = kind
                }
            }
        }
    }

    /// Sets the receiver (outbound, the partner is the receiver), its application code, version and usage.
    private func applyEnvelope(to envelope: inout Envelope, settings: ExchangeSettings) {
        switch settings.format {
        case .x12:
            if let x12 = self.profile.identity.x12 {
                envelope.receiver = EnvelopeIdentity(qualifier: x12.qualifier, id: x12.id)
                envelope.applicationReceiver = x12.applicationCode ?? x12.id
            }
            if let version = settings.x12Version { envelope.version = version }
        case .cxml:
            if let cxml = self.profile.identity.cxml {
                envelope.receiver = EnvelopeIdentity(qualifier: cxml.domain, id: cxml.identity)
            }
        case .json: break
        }
        envelope.usage = settings.isTest ? .test : .production
    }

    /// Every code list of the profile, one way.
    func applyCodeLists(to document: BusinessDocument, inbound: Bool, format: ExchangeSettings.Format)
        -> BusinessDocument
    {
        var document = document
        for list in self.profile.codeLists {
            let table = inbound ? list.inbound : list.outbound
            guard !table.isEmpty else { continue }
            let map = { (code: String) -> String? in table[code] }
            let unit = { (unit: UnitOfMeasure) -> UnitOfMeasure in
                let key = inbound ? CodeList.wireCode(unit, format: format) : unit.rawValue
                return map(key).map { UnitOfMeasure(rawValue: $0) } ?? unit
            }
            func coded<Value: CodedValue>(_ value: Value) -> Value {
                map(value.rawValue).map { Value(rawValue: $0) } ?? value
            }
            switch (list.kind, document) {
            case (.units, .purchaseOrder(var order)):
                for index in order.lines.indices {
                    order.lines[index].unit = unit(order.lines[index].unit)
                    for d in order.lines[index].destinations.indices {
                        order.lines[index].destinations[d].unit = unit(order.lines[index].destinations[d].unit)
                    }
                    for s in order.lines[index].schedules.indices {
                        order.lines[index].schedules[s].unit = unit(order.lines[index].schedules[s].unit)
                    }
                }
                document = .purchaseOrder(order)
            case (.units, .orderChange(var change)):
                for index in change.lines.indices {
                    if let current = change.lines[index].unit { change.lines[index].unit = unit(current) }
                }
                document = .orderChange(change)
            case (.units, .orderAcknowledgment(var acknowledgment)):
                for index in acknowledgment.lines.indices {
                    if let current = acknowledgment.lines[index].unit {
                        acknowledgment.lines[index].unit = unit(current)
                    }
                    for status in acknowledgment.lines[index].statuses.indices {
                        acknowledgment.lines[index].statuses[status].unit =
                            acknowledgment.lines[index].statuses[status].unit.map(unit)
                    }
                }
                document = .orderAcknowledgment(acknowledgment)
            case (.itemQualifiers, .purchaseOrder(var order)):
                for index in order.lines.indices {
                    for item in order.lines[index].items.indices {
                        order.lines[index].items[item].kind = coded(order.lines[index].items[item].kind)
                    }
                }
                document = .purchaseOrder(order)
            case (.referenceQualifiers, .purchaseOrder(var order)):
                for index in order.references.indices {
                    order.references[index].qualifier = coded(order.references[index].qualifier)
                }
                document = .purchaseOrder(order)
            case (.shipMethods, .purchaseOrder(var order)):
                for index in order.carriers.indices {
                    order.carriers[index].transportMethod = order.carriers[index].transportMethod.map(coded)
                }
                document = .purchaseOrder(order)
            default: break
            }
        }
        return document
    }
}
