import Foundation
import Orders
import Store
import Translation

/// Keeps every order leg's state, timeline, versions, reconciliation and alerts up to date, inside the store
/// transaction of what caused the change: an inbound file's commit, a delivery outcome, the deadline sweep.
///
/// Correlation: an 855 or 856 by its sender and order number (cXML: the OrderReference's orderID); a 997/999 by
/// its sender and the group control number it answers (AK102), against the GS06 the gateway sent the order in.
struct OrderTracker: Sendable {
    /// Why a leg is looked at: its key in alerts is `NUMBER@PARTNER`.
    static func legKey(_ number: String, _ partner: String) -> String { "\(number)@\(partner)" }

    // MARK: Inbound files

    /// Applies what a file brought: the legs it creates or changes by sending documents on, the answers it
    /// received, and the exceptions it met.
    func apply(_ facts: FileTrackingFacts, drafts: [OutboundDraft], session: any TrackingSession) throws(StoreError) {
        let sentDrafts = drafts.filter { $0.documentKind != "acknowledgment" }
        for (index, sent) in facts.sent.enumerated() where !sent.isCopy {
            let draft = index < sentDrafts.count ? sentDrafts[index] : nil
            try self.sent(sent, draft: draft, facts: facts, session: session)
        }
        for received in facts.received {
            try self.received(received, facts: facts, session: session)
        }
        try self.exceptions(facts, session: session)
    }

    private func sent(
        _ sent: FileTrackingFacts.Sent, draft: OutboundDraft?, facts: FileTrackingFacts, session: any TrackingSession
    ) throws(StoreError) {
        let at = facts.at
        switch sent.document {
        case .purchaseOrder(let order):
            let json = sent.json ?? Data(BusinessDocument.purchaseOrder(order).encodeCanonicalJSON())
            if var leg = try session.order(order.number, partner: sent.recipient) {
                // The same number again: a replacement, or a cancellation.
                leg.version += 1
                let kind = order.purpose == .cancellation ? "cancellation" : "replace"
                leg.document = json
                leg.updatedAt = at
                leg.groupControlNumber = draft?.groupControlNumber ?? leg.groupControlNumber
                leg.controlReference = draft?.controlReference ?? leg.controlReference
                if order.purpose == .cancellation {
                    try self.cancel(&leg, at: at, because: "cancelled by the buyer", session: session)
                } else {
                    leg.status = .changed
                    // Read from the new version when needed (``OrderReconciliation/init(of:)``).
                    leg.reconciliation = Data()
                }
                try session.addVersion(
                    OrderVersion(
                        orderNumber: order.number, partner: sent.recipient, version: leg.version, kind: kind, at: at,
                        document: json, order: json))
                try session.save(leg)
                try session.record(
                    TrackingEvent(
                        orderNumber: order.number, partner: sent.recipient,
                        kind: order.purpose == .cancellation ? "cancelled" : "replaced", at: at,
                        detail: "version \(leg.version) sent as \(sent.format)\(Self.reference(draft))"))
                return
            }
            try session.closeAlerts(
                kind: .accuracyHold, key: Self.holdKey(order.number, sender: facts.sender), at: at,
                because: "order \(order.number) sent to \(sent.recipient)\(Self.reference(draft))")
            let isBlanket = [OrderType.blanket, .blanketAgreement, .blanketEstimated].contains(order.orderType)
            var leg = TrackedOrder(
                orderNumber: order.number, partner: sent.recipient, buyer: facts.sender, status: .distributed,
                isBlanket: isBlanket, distributedAt: at, acknowledgmentAllowance: sent.acknowledgmentWithin,
                confirmationAllowance: sent.confirmationWithin, groupControlNumber: draft?.groupControlNumber,
                controlReference: draft?.controlReference, document: json)
            if order.purpose == .cancellation { leg.status = .cancelled }
            try session.save(leg)
            try session.addVersion(
                OrderVersion(
                    orderNumber: order.number, partner: sent.recipient, version: 1, kind: "original", at: at,
                    document: json, order: json))
            try session.record(
                TrackingEvent(
                    orderNumber: order.number, partner: sent.recipient,
                    kind: order.purpose == .cancellation ? "cancelled" : "distributed", at: at,
                    detail: "purchase order to \(sent.recipient) as \(sent.format)\(Self.reference(draft))"))
            if let blanket = order.blanketOrderNumber, order.orderType == .release {
                try self.release(order, against: blanket, partner: sent.recipient, at: at, session: session)
            }
        case .orderChange(let change):
            guard var leg = try session.order(change.orderNumber, partner: sent.recipient) else {
                try session.record(
                    TrackingEvent(
                        orderNumber: change.orderNumber, partner: sent.recipient, kind: "changed", at: at,
                        detail: "change sent to \(sent.recipient), but no order \(change.orderNumber) was sent to it"))
                return
            }
            let document = sent.json ?? Data(BusinessDocument.orderChange(change).encodeCanonicalJSON())
            let order = (try? Self.order(of: leg)).map { change.applied(to: $0) }
            leg.version += 1
            leg.updatedAt = at
            leg.groupControlNumber = draft?.groupControlNumber ?? leg.groupControlNumber
            leg.controlReference = draft?.controlReference ?? leg.controlReference
            if let order {
                leg.document = Data(BusinessDocument.purchaseOrder(order).encodeCanonicalJSON())
                var reconciliation = OrderReconciliation(order: order)
                reconciliation.shipNotices = OrderReconciliation(of: leg)?.shipNotices
                leg.reconciliation = Self.encode(reconciliation)
            }
            let cancelling = change.purpose == .cancellation
            if cancelling {
                try self.cancel(&leg, at: at, because: "cancelled by an order change", session: session)
            } else if leg.status != .cancelled && leg.status != .closed {
                leg.status = .changed
            }
            try session.addVersion(
                OrderVersion(
                    orderNumber: change.orderNumber, partner: sent.recipient, version: leg.version,
                    kind: cancelling ? "cancellation" : "change", at: at, document: document, order: leg.document))
            try session.save(leg)
            try session.record(
                TrackingEvent(
                    orderNumber: change.orderNumber, partner: sent.recipient,
                    kind: cancelling ? "cancelled" : "changed",
                    at: at,
                    detail:
                        "version \(leg.version): \(change.changeSequence.map { "change \($0) " } ?? "")sent as \(sent.format)\(Self.reference(draft))"
                ))
        default:
            break
        }
    }

    /// A cancelled leg awaits nothing more: deadlines cleared, overdue alerts closed.
    private func cancel(_ leg: inout TrackedOrder, at: Date, because reason: String, session: any TrackingSession)
        throws(StoreError)
    {
        leg.status = .cancelled
        leg.acknowledgmentDue = nil
        leg.confirmationDue = nil
        let key = Self.legKey(leg.orderNumber, leg.partner)
        try session.closeAlerts(kind: .confirmationOverdue, key: key, at: at, because: reason)
    }

    /// A release against a blanket order: the blanket's lines count what was released.
    private func release(
        _ order: PurchaseOrder, against blanketNumber: String, partner: String, at: Date, session: any TrackingSession
    ) throws(StoreError) {
        guard var blanket = try session.order(blanketNumber, partner: partner),
            var reconciliation = OrderReconciliation(of: blanket)
        else { return }
        var released: [String] = []
        for line in order.lines {
            guard let index = reconciliation.index(matching: line.lineNumber, items: line.items, preferItems: true)
            else { continue }
            let total = (reconciliation.lines[index].released?.value ?? 0) + line.quantity.value
            reconciliation.lines[index].released = DecimalNumber(total)
            released.append("line \(reconciliation.lines[index].lineNumber): \(line.quantity)")
        }
        blanket.reconciliation = Self.encode(reconciliation)
        blanket.updatedAt = at
        try session.save(blanket)
        try session.record(
            TrackingEvent(
                orderNumber: blanketNumber, partner: partner, kind: "released", at: at,
                detail: "release \(order.number)\(order.releaseNumber.map { " (\($0))" } ?? ""): "
                    + (released.isEmpty ? "no line matched" : released.joined(separator: ", "))))
    }

    // MARK: Answers

    private func received(
        _ received: FileTrackingFacts.Received, facts: FileTrackingFacts, session: any TrackingSession
    ) throws(StoreError) {
        guard let sender = facts.sender else { return }
        if let rejection = received.rejection {
            if let number = received.document.orderNumber {
                try session.record(
                    TrackingEvent(
                        orderNumber: number, partner: sender, kind: "received.rejected", at: facts.at,
                        detail: "\(received.document.kind.rawValue) \(received.controlReference) rejected: \(rejection)"
                    ))
            }
            return
        }
        switch received.document {
        case .functionalAcknowledgment(let acknowledgment):
            try self.functionalAcknowledgment(
                acknowledgment, from: sender, reference: received.controlReference, at: facts.at, session: session)
        case .orderAcknowledgment(let acknowledgment):
            try self.confirmation(
                acknowledgment, from: sender, reference: received.controlReference, at: facts.at, session: session)
        case .shipNotice(let notice):
            try self.shipment(
                notice, from: sender, reference: received.controlReference, at: facts.at, session: session)
        case .purchaseOrder(let order):
            try session.record(
                TrackingEvent(
                    orderNumber: order.number, partner: sender, kind: "received", at: facts.at,
                    detail: "purchase order \(received.controlReference) from \(sender)"))
        case .orderChange(let change):
            try session.record(
                TrackingEvent(
                    orderNumber: change.orderNumber, partner: sender, kind: "received", at: facts.at,
                    detail: "order change \(received.controlReference) from \(sender)"))
        }
    }

    private func functionalAcknowledgment(
        _ acknowledgment: FunctionalAcknowledgment, from sender: String, reference: String, at: Date,
        session: any TrackingSession
    ) throws(StoreError) {
        let legs = try session.orders(partner: sender, groupControlNumber: acknowledgment.groupControlNumber)
        let name = acknowledgment.transactionSet ?? "997"
        for var leg in legs {
            let key = Self.legKey(leg.orderNumber, leg.partner)
            // A set-level answer when the group holds several sets; the group's otherwise.
            let status =
                acknowledgment.transactionSets.count == 1
                ? acknowledgment.transactionSets[0].status
                : acknowledgment.status
            let rejected = ![AcknowledgmentCode.accepted, .acceptedWithErrors, .partiallyAccepted].contains(status)
            if leg.acknowledgedAt == nil {
                leg.acknowledgedAt = at
                leg.acknowledgedOnTime =
                    leg.deliveredAt.map { at <= $0.addingTimeInterval(leg.acknowledgmentAllowance) }
                    ?? true
            }
            leg.acknowledgmentDue = nil
            leg.updatedAt = at
            try session.closeAlerts(
                kind: .acknowledgmentOverdue, key: key, at: at, because: "\(name) received (\(reference))")
            if rejected {
                if leg.status != .cancelled { leg.status = .acknowledgmentRejected }
                let errors =
                    acknowledgment.errors.map(\.rawValue)
                    + acknowledgment.transactionSets.flatMap {
                        $0.errors.map(\.rawValue)
                    }
                try session.raise(
                    AlertDraft(
                        kind: .acknowledgmentRejected, key: key, partner: leg.partner, orderNumber: leg.orderNumber,
                        message:
                            "\(leg.partner) rejected order \(leg.orderNumber) in its \(name) (group \(acknowledgment.groupControlNumber): \(status.rawValue))",
                        evidence: Self.evidence([
                            "acknowledgment": reference, "group": acknowledgment.groupControlNumber,
                            "status": status.rawValue, "errors": errors.joined(separator: ","),
                        ])),
                    at: at)
            } else {
                try session.closeAlerts(
                    kind: .acknowledgmentRejected, key: key, at: at,
                    because: "a later \(name) accepted the order (\(reference))")
                if [.distributed, .delivered, .acknowledgmentRejected].contains(leg.status) {
                    leg.status = .acknowledged
                }
            }
            try session.save(leg)
            try session.record(
                TrackingEvent(
                    orderNumber: leg.orderNumber, partner: leg.partner,
                    kind: rejected ? "acknowledgmentRejected" : "acknowledged", at: at,
                    detail: "\(name) \(status.rawValue) for group \(acknowledgment.groupControlNumber) (\(reference))"))
        }
    }

    private func confirmation(
        _ acknowledgment: OrderAcknowledgment, from sender: String, reference: String, at: Date,
        session: any TrackingSession
    ) throws(StoreError) {
        guard var leg = try session.order(acknowledgment.orderNumber, partner: sender),
            let order = try? Self.order(of: leg)
        else {
            try self.unknownOrder(
                "855", acknowledgment.orderNumber, from: sender, reference: reference, at: at, session)
            return
        }
        let key = Self.legKey(leg.orderNumber, leg.partner)
        var reconciliation = OrderReconciliation(of: leg) ?? OrderReconciliation(order: order)
        reconciliation.confirm(acknowledgment)
        let confirmationDiscrepancies = acknowledgment.discrepancies(against: order)
        let shipmentDiscrepancies = reconciliation.shipNotices.map { order.shipmentDiscrepancies($0) } ?? []
        reconciliation.discrepancies = confirmationDiscrepancies + shipmentDiscrepancies
        leg.reconciliation = Self.encode(reconciliation)
        leg.discrepancyCount = reconciliation.discrepancies.count
        leg.confirmedAt = at
        leg.confirmationDue = nil
        leg.updatedAt = at
        try session.closeAlerts(kind: .confirmationOverdue, key: key, at: at, because: "855 received (\(reference))")

        let type = acknowledgment.acknowledgmentType
        let wholeRejection = type.rawValue.hasPrefix("rejected")
        let rejectedLines = reconciliation.lines.filter { $0.status.map(Self.isRejection) ?? false }
        let status: OrderStatus =
            wholeRejection
            ? .rejected
            : (confirmationDiscrepancies.isEmpty && rejectedLines.isEmpty
                && ![.acceptedWithChanges, .acceptedWithExceptions, .backordered, .onHold].contains(type)
                ? .confirmed : .confirmedWithChanges)
        if ![.cancelled, .closed, .shipped, .partiallyShipped].contains(leg.status) { leg.status = status }
        if wholeRejection || !rejectedLines.isEmpty {
            let what =
                wholeRejection
                ? "the whole order" : "line(s) " + rejectedLines.map(\.lineNumber).joined(separator: ", ")
            try session.raise(
                AlertDraft(
                    kind: .confirmationRejected, key: key, partner: leg.partner, orderNumber: leg.orderNumber,
                    message:
                        "\(leg.partner) rejected \(what) of order \(leg.orderNumber) in its 855 (\(type.rawValue))",
                    evidence: Self.evidence([
                        "acknowledgment": reference, "type": type.rawValue,
                        "rejectedLines": rejectedLines.map(\.lineNumber).joined(separator: ","),
                    ])),
                at: at)
        }
        if !wholeRejection && rejectedLines.isEmpty {
            try session.closeAlerts(
                kind: .confirmationRejected, key: key, at: at, because: "a later 855 rejects nothing (\(reference))")
        }
        // A new 855 replaces the last one: its discrepancies (if any) are raised afresh.
        try session.closeAlerts(
            kind: .discrepancy, key: key + "#confirmation", at: at,
            because: confirmationDiscrepancies.isEmpty
                ? "a later 855 confirms the order as sent (\(reference))" : "superseded by a later 855 (\(reference))")
        try self.discrepancyAlert(
            confirmationDiscrepancies, leg: leg, suffix: "confirmation", document: "855", reference: reference, at: at,
            session: session)
        try session.save(leg)
        try session.record(
            TrackingEvent(
                orderNumber: leg.orderNumber, partner: leg.partner, kind: status.rawValue, at: at,
                detail:
                    "855 \(type.rawValue) (\(reference))\(confirmationDiscrepancies.isEmpty ? "" : ": " + Self.summary(confirmationDiscrepancies))"
            ))
    }

    private func shipment(
        _ notice: ShipNotice, from sender: String, reference: String, at: Date, session: any TrackingSession
    ) throws(StoreError) {
        for number in Set(notice.orders.map(\.orderNumber)).sorted() {
            guard var leg = try session.order(number, partner: sender), let order = try? Self.order(of: leg) else {
                try self.unknownOrder("856", number, from: sender, reference: reference, at: at, session)
                continue
            }
            var reconciliation = OrderReconciliation(of: leg) ?? OrderReconciliation(order: order)
            var notices = reconciliation.shipNotices ?? []
            notices.append(notice)
            reconciliation.shipNotices = notices
            let shipmentDiscrepancies = order.shipmentDiscrepancies(notices)
            reconciliation.ship(shipmentDiscrepancies)
            let confirmationDiscrepancies = reconciliation.acknowledgment.map { $0.discrepancies(against: order) } ?? []
            reconciliation.discrepancies = confirmationDiscrepancies + shipmentDiscrepancies
            leg.reconciliation = Self.encode(reconciliation)
            leg.discrepancyCount = reconciliation.discrepancies.count
            leg.shippedAt = leg.shippedAt ?? at
            leg.updatedAt = at
            let incomplete = shipmentDiscrepancies.contains { [.shortShipment, .missingLine].contains($0.kind) }
            if ![.cancelled, .closed].contains(leg.status) { leg.status = incomplete ? .partiallyShipped : .shipped }
            // Confirmed and shipped exactly as ordered: nothing more is expected of the supplier.
            let closes = leg.status == .shipped && leg.confirmedAt != nil && shipmentDiscrepancies.isEmpty
            let key = Self.legKey(leg.orderNumber, leg.partner) + "#shipment"
            if shipmentDiscrepancies.isEmpty {
                try session.closeAlerts(
                    kind: .discrepancy, key: key, at: at, because: "shipped in full (\(reference))")
            } else {
                // A later notice changes the picture: the alert is raised again with the totals so far.
                try session.closeAlerts(
                    kind: .discrepancy, key: key, at: at, because: "superseded by a later ship notice (\(reference))")
            }
            try self.discrepancyAlert(
                shipmentDiscrepancies, leg: leg, suffix: "shipment", document: "856", reference: reference, at: at,
                session: session)
            try session.record(
                TrackingEvent(
                    orderNumber: leg.orderNumber, partner: leg.partner, kind: leg.status.rawValue, at: at,
                    detail:
                        "856 \(notice.shipmentID) (\(reference))\(shipmentDiscrepancies.isEmpty ? "" : ": " + Self.summary(shipmentDiscrepancies))"
                ))
            if closes {
                leg.status = .closed
                leg.acknowledgmentDue = nil
                leg.confirmationDue = nil
                try session.record(
                    TrackingEvent(
                        orderNumber: leg.orderNumber, partner: leg.partner, kind: "closed", at: at,
                        detail: "confirmed and shipped in full: nothing more expected"))
            }
            try session.save(leg)
        }
    }

    private func discrepancyAlert(
        _ discrepancies: [Discrepancy], leg: TrackedOrder, suffix: String, document: String, reference: String,
        at: Date, session: any TrackingSession
    ) throws(StoreError) {
        guard !discrepancies.isEmpty else { return }
        let evidence = (try? JSONEncoder.sorted.encode(discrepancies)).flatMap { String(data: $0, encoding: .utf8) }
        try session.raise(
            AlertDraft(
                kind: .discrepancy, key: Self.legKey(leg.orderNumber, leg.partner) + "#" + suffix, partner: leg.partner,
                orderNumber: leg.orderNumber,
                message: "\(document) from \(leg.partner) for order \(leg.orderNumber): \(Self.summary(discrepancies))",
                evidence: "{\"document\":\(Self.quoted(reference)),\"discrepancies\":\(evidence ?? "[]")}"),
            at: at)
    }

    private func unknownOrder(
        _ document: String, _ number: String, from sender: String, reference: String, at: Date,
        _ session: any TrackingSession
    ) throws(StoreError) {
        try session.record(
            TrackingEvent(
                orderNumber: number, partner: sender, kind: "received.unknownOrder", at: at,
                detail: "\(document) \(reference) from \(sender) for an order Porter did not send it"))
        try session.raise(
            AlertDraft(
                kind: .discrepancy, key: Self.legKey(number, sender) + "#unknown", partner: sender, orderNumber: number,
                message: "\(document) from \(sender) names order \(number), which Porter did not send to \(sender)",
                evidence: Self.evidence(["document": reference, "kind": "unknownOrder"])),
            at: at)
    }

    // MARK: Control-number gaps

    /// Raises the alert for the interchanges missing between `previous` and `received` (both received).
    private static func raiseGap(
        _ partner: String, after previous: Int, before received: Int, _ facts: FileTrackingFacts,
        session: any TrackingSession
    ) throws(StoreError) {
        let missing = received - previous - 1
        guard missing > 0 else { return }
        let numbers = missing == 1 ? "\(previous + 1)" : "\(previous + 1)–\(received - 1)"
        try session.raise(
            AlertDraft(
                kind: .controlNumberGap, key: Self.gapKey(partner, previous, received), partner: partner,
                orderNumber: nil,
                message:
                    "\(partner): \(missing) interchange(s) missing (ISA13 \(numbers)) between \(previous) and \(received)",
                evidence: Self.evidence([
                    "file": facts.fileName, "claim": facts.claim, "previous": String(previous),
                    "received": String(received),
                ])),
            at: facts.at)
    }

    /// A late interchange inside an open gap: the gap's alert is closed, and what is still missing on either side of
    /// it is raised again as narrower gaps (closed in turn when their interchanges come).
    private func fillGaps(of partner: String, with facts: FileTrackingFacts, session: any TrackingSession)
        throws(StoreError)
    {
        // The partner's open gaps, read once; a number that splits one replaces it by what is left on either side.
        var open = try session.openAlerts(kind: .controlNumberGap, partner: partner)
            .compactMap { Self.gapBounds($0.key, partner: partner) }
        for number in facts.inboundControlNumbers.sorted() {
            guard let index = open.firstIndex(where: { $0.previous < number && number < $0.received }) else { continue }
            let (previous, received) = open.remove(at: index)
            try session.closeAlerts(
                kind: .controlNumberGap, key: Self.gapKey(partner, previous, received), at: facts.at,
                because: "interchange \(number) arrived in \(facts.fileName)")
            for (low, high) in [(previous, number), (number, received)] where high - low > 1 {
                try Self.raiseGap(partner, after: low, before: high, facts, session: session)
                open.append((low, high))
            }
        }
    }

    /// The key of a gap alert: `PARTNER:PREVIOUS-RECEIVED`.
    private static func gapKey(_ partner: String, _ previous: Int, _ received: Int) -> String {
        "\(partner):\(previous)-\(received)"
    }

    /// The two control numbers of a gap alert's key (`PARTNER:PREVIOUS-RECEIVED`).
    private static func gapBounds(_ key: String, partner: String) -> (previous: Int, received: Int)? {
        guard key.hasPrefix(partner + ":") else { return nil }
        let bounds = key.dropFirst(partner.count + 1).split(separator: "-")
        guard bounds.count == 2, let previous = Int(bounds[0]), let received = Int(bounds[1]) else { return nil }
        return (previous, received)
    }

    // MARK: File exceptions

    private func exceptions(_ facts: FileTrackingFacts, session: any TrackingSession) throws(StoreError) {
        let at = facts.at
        for duplicate in facts.duplicates {
            try session.raise(
                AlertDraft(
                    kind: .duplicate, key: "\(duplicate.kind.rawValue):\(duplicate.key)#\(facts.claim)",
                    partner: duplicate.partner, orderNumber: nil,
                    message:
                        "\(facts.fileName) repeats \(Self.describe(duplicate.kind)) \(duplicate.key) already received; not distributed again",
                    evidence: Self.evidence([
                        "file": facts.fileName, "claim": facts.claim, "kind": duplicate.kind.rawValue,
                        "key": duplicate.key,
                    ])),
                at: at)
        }
        if let sender = facts.sender, !facts.inboundControlNumbers.isEmpty {
            try self.fillGaps(of: sender, with: facts, session: session)
        }
        for gap in facts.gaps {
            try Self.raiseGap(gap.partner, after: gap.previous, before: gap.received, facts, session: session)
        }
        for held in facts.held {
            try session.raise(
                AlertDraft(
                    kind: .accuracyHold,
                    key: Self.holdKey(
                        held.orderNumber ?? "\(facts.claim)/\(held.controlReference)", sender: facts.sender),
                    partner: facts.sender,
                    orderNumber: held.orderNumber,
                    message:
                        "\(held.orderNumber.map { "order \($0)" } ?? held.controlReference) from \(facts.fileName) held: \(held.reason)",
                    evidence: Self.evidence([
                        "file": facts.fileName, "claim": facts.claim, "document": held.controlReference,
                        "reason": held.reason,
                    ])),
                at: at)
            if let number = held.orderNumber {
                try session.record(
                    TrackingEvent(orderNumber: number, partner: facts.sender, kind: "held", at: at, detail: held.reason)
                )
            }
        }
        switch facts.outcome {
        case .quarantined(let reason):
            try session.raise(
                AlertDraft(
                    kind: .quarantined, key: facts.fileName, partner: facts.sender, orderNumber: nil,
                    message: "\(facts.fileName) quarantined: \(reason)",
                    evidence: Self.evidence(["file": facts.fileName, "claim": facts.claim, "reason": reason])),
                at: at)
        case .failed(let reason):
            try session.raise(
                AlertDraft(
                    kind: .failedFile, key: facts.fileName, partner: facts.sender, orderNumber: nil,
                    message: "\(facts.fileName) failed and was moved to error/: \(reason)",
                    evidence: Self.evidence(["file": facts.fileName, "claim": facts.claim, "reason": reason])),
                at: at)
        case .processed:
            // The file fixed and sent again (or released from quarantine with `porter reprocess`) under its name.
            for kind in [Alert.Kind.failedFile, .quarantined] {
                try session.closeAlerts(
                    kind: kind, key: facts.fileName, at: at, because: "\(facts.fileName) processed (\(facts.claim))")
            }
        case .duplicate:
            break
        }
    }

    // MARK: Delivery outcomes

    /// A message was delivered: its leg's deadlines start.
    func delivered(_ message: OutboundMessage, at: Date, session: any TrackingSession) throws(StoreError) {
        // A dead-letter alert is raised when an attempt leaves the message dead, so only a message delivered on a
        // later attempt (attempts are never reset, not even by `porter retry`) can have one to close.
        if message.attempts > 1 {
            try session.closeAlerts(
                kind: .deadLetter, key: "message:\(message.id)", at: at, because: "delivered on a later attempt")
        }
        let draft = message.draft
        guard let number = draft.orderNumber else { return }
        guard !draft.isCopy, ["purchaseOrder", "orderChange"].contains(draft.documentKind),
            var leg = try session.orderTracking(number, partner: draft.partner)
        else {
            if draft.documentKind != "acknowledgment" {
                try session.record(
                    TrackingEvent(
                        orderNumber: number, partner: draft.partner, kind: "delivered", at: at,
                        detail: "\(draft.isCopy ? "copy " : "")\(draft.fileName) to \(draft.partner)"))
            }
            return
        }
        if leg.deliveredAt == nil || draft.documentKind == "orderChange" { leg.deliveredAt = at }
        if leg.acknowledgedAt == nil, leg.acknowledgmentAllowance > 0 {
            leg.acknowledgmentDue = at.addingTimeInterval(leg.acknowledgmentAllowance)
        }
        if leg.confirmedAt == nil, leg.confirmationAllowance > 0, leg.status != .cancelled {
            leg.confirmationDue = at.addingTimeInterval(leg.confirmationAllowance)
        }
        if leg.status == .distributed { leg.status = .delivered }
        leg.updatedAt = at
        // Only times and the status change: the leg was read, and is saved, without the order's JSON.
        try session.saveTracking(leg)
        try session.record(
            TrackingEvent(
                orderNumber: number, partner: draft.partner, kind: "delivered", at: at,
                detail: "\(draft.fileName) (message \(message.id), attempt \(message.attempts))"))
    }

    /// A message went to the dead-letter state.
    func dead(_ message: OutboundMessage, at: Date, session: any TrackingSession) throws(StoreError) {
        guard message.state == .dead else { return }
        let draft = message.draft
        try session.raise(
            AlertDraft(
                kind: .deadLetter, key: "message:\(message.id)", partner: draft.partner, orderNumber: draft.orderNumber,
                message:
                    "message \(message.id) (\(draft.fileName)) to \(draft.partner) could not be delivered after \(message.attempts) attempt(s): \(message.lastError ?? "no reason recorded")",
                evidence: Self.evidence([
                    "message": String(message.id), "file": draft.fileName, "partner": draft.partner,
                    "attempts": String(message.attempts), "lastError": message.lastError ?? "",
                ])),
            at: at)
        if let number = draft.orderNumber {
            try session.record(
                TrackingEvent(
                    orderNumber: number, partner: draft.partner, kind: "deadLetter", at: at,
                    detail: "message \(message.id): \(message.lastError ?? "")"))
        }
    }

    // MARK: Deadlines

    /// Raises the overdue alerts of every leg whose deadline is at or before `now`; returns how many were raised.
    func sweepDeadlines(now: Date, session: any TrackingSession) throws(StoreError) -> Int {
        var raised = 0
        while true {
            let due = try session.orders(dueBy: now, limit: 200)
            for var leg in due {
                if let deadline = leg.acknowledgmentDue, deadline <= now {
                    leg.acknowledgmentDue = nil
                    leg.acknowledgedOnTime = false
                    raised += 1
                    try self.overdue(
                        .acknowledgmentOverdue, document: "997/999", leg: leg, deadline: deadline,
                        allowance: leg.acknowledgmentAllowance, now: now,
                        evidence: [
                            "group": leg.groupControlNumber ?? "", "controlReference": leg.controlReference ?? "",
                        ],
                        session: session)
                }
                if let deadline = leg.confirmationDue, deadline <= now {
                    leg.confirmationDue = nil
                    raised += 1
                    try self.overdue(
                        .confirmationOverdue, document: "855", leg: leg, deadline: deadline,
                        allowance: leg.confirmationAllowance, now: now, evidence: [:], session: session)
                }
                try session.save(leg)
            }
            if due.count < 200 { return raised }
        }
    }

    /// Raises an overdue alert for `leg` and records it on the timeline.
    private func overdue(
        _ kind: Alert.Kind, document: String, leg: TrackedOrder, deadline: Date, allowance: TimeInterval, now: Date,
        evidence: [String: String], session: any TrackingSession
    ) throws(StoreError) {
        var fields = evidence
        fields["deliveredAt"] = leg.deliveredAt.map { $0.formatted(.iso8601) } ?? ""
        fields["dueAt"] = deadline.formatted(.iso8601)
        try session.raise(
            AlertDraft(
                kind: kind, key: Self.legKey(leg.orderNumber, leg.partner), partner: leg.partner,
                orderNumber: leg.orderNumber,
                message:
                    "no \(document) from \(leg.partner) for order \(leg.orderNumber) within \(Self.hours(allowance)) of its delivery",
                evidence: Self.evidence(fields)),
            at: now)
        try session.record(
            TrackingEvent(
                orderNumber: leg.orderNumber, partner: leg.partner, kind: kind.rawValue, at: now,
                detail: "\(document) due \(deadline.formatted(.iso8601))"))
    }

    // MARK: Helpers

    static func order(of leg: TrackedOrder) throws -> PurchaseOrder {
        guard case .purchaseOrder(let order) = try BusinessDocument.decode(json: leg.document) else {
            throw StoreError.invalid("order \(leg.orderNumber)@\(leg.partner) holds no purchase order")
        }
        return order
    }

    static func encode(_ reconciliation: OrderReconciliation) -> Data {
        (try? JSONEncoder.sorted.encode(reconciliation)) ?? Data()
    }

    /// An accuracy hold is about an order from a sender: the order sent later closes it.
    static func holdKey(_ order: String, sender: String?) -> String { "\(order)@\(sender ?? "-")" }

    static func isRejection(_ status: String) -> Bool { status.hasPrefix("rejected") || status == "deleted" }

    private static func reference(_ draft: OutboundDraft?) -> String {
        guard let draft else { return "" }
        return draft.groupControlNumber.map { " (ISA \(draft.controlReference), GS \($0))" }
            ?? " (\(draft.controlReference))"
    }

    private static func describe(_ kind: DuplicateRecord.Kind) -> String {
        switch kind {
        case .content: "the content of a file"
        case .interchange: "interchange"
        case .payloadID: "payloadID"
        }
    }

    static func summary(_ discrepancies: [Discrepancy]) -> String {
        discrepancies.prefix(5).map { item in
            let line = item.lineNumber.map { "line \($0) " } ?? ""
            let values = [("ordered", item.ordered), ("confirmed", item.confirmed), ("shipped", item.shipped)]
                .compactMap { name, value in value.map { "\(name) \(Self.text($0))" } }.joined(separator: ", ")
            return "\(line)\(item.kind.rawValue)\(values.isEmpty ? "" : " (\(values))")"
        }.joined(separator: "; ") + (discrepancies.count > 5 ? "; and \(discrepancies.count - 5) more" : "")
    }

    private static func text(_ value: Discrepancy.Value) -> String {
        switch value {
        case .quantity(let quantity, let unit): "\(quantity)\(unit.map { " \($0.rawValue)" } ?? "")"
        case .price(let price): "\(price)"
        case .date(let date): "\(date.date)"
        }
    }

    private static func hours(_ seconds: TimeInterval) -> String {
        seconds.truncatingRemainder(dividingBy: 3600) == 0 ? "\(Int(seconds / 3600)) h" : "\(Int(seconds / 60)) min"
    }

    static func evidence(_ fields: [String: String]) -> String {
        let data = (try? JSONEncoder.sorted.encode(fields)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}

extension JSONEncoder {
    /// Sorted keys, for stable stored JSON.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
