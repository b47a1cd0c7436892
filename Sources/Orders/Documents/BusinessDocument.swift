/// Any of the five business documents Porter translates, routes and tracks.
///
/// Translation produces and consumes these; the gateway stores and routes them. Each case carries its document,
/// whose ``envelope`` says how it travelled.
///
/// The JSON form (see ``encodeCanonicalJSON()``, ``decode(json:)`` and the JSON Schema in
/// `Sources/Orders/Schema/porter-document.schema.json`) is a public interface: ERPs read and write it.
public enum BusinessDocument: Hashable, Sendable {
    case purchaseOrder(PurchaseOrder)
    case orderAcknowledgment(OrderAcknowledgment)
    case orderChange(OrderChange)
    case shipNotice(ShipNotice)
    case functionalAcknowledgment(FunctionalAcknowledgment)

    /// The kinds of documents, named as in the JSON `"document"` key.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case purchaseOrder
        case orderAcknowledgment
        case orderChange
        case shipNotice
        case functionalAcknowledgment
    }

    /// The version of the JSON form this release writes, and the newest it reads.
    ///
    /// It changes only when a change could break a reader: a renamed or retyped key. New optional keys and newly
    /// named code values do not change it.
    public static let schemaVersion = 1

    /// The kind of the document.
    public var kind: Kind {
        switch self {
        case .purchaseOrder: .purchaseOrder
        case .orderAcknowledgment: .orderAcknowledgment
        case .orderChange: .orderChange
        case .shipNotice: .shipNotice
        case .functionalAcknowledgment: .functionalAcknowledgment
        }
    }

    /// The document's envelope.
    public var envelope: Envelope {
        get {
            switch self {
            case .purchaseOrder(let document): document.envelope
            case .orderAcknowledgment(let document): document.envelope
            case .orderChange(let document): document.envelope
            case .shipNotice(let document): document.envelope
            case .functionalAcknowledgment(let document): document.envelope
            }
        }
        set {
            switch self {
            case .purchaseOrder(var document):
                document.envelope = newValue
                self = .purchaseOrder(document)
            case .orderAcknowledgment(var document):
                document.envelope = newValue
                self = .orderAcknowledgment(document)
            case .orderChange(var document):
                document.envelope = newValue
                self = .orderChange(document)
            case .shipNotice(var document):
                document.envelope = newValue
                self = .shipNotice(document)
            case .functionalAcknowledgment(var document):
                document.envelope = newValue
                self = .functionalAcknowledgment(document)
            }
        }
    }

    /// The document in canonical JSON: sorted keys, no insignificant whitespace, no final line feed.
    ///
    /// The same document always gives the same bytes. To write many documents as JSON Lines, use one
    /// ``CanonicalJSONWriter`` instead.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    public func encodeCanonicalJSON() -> [UInt8] {
        var writer = CanonicalJSONWriter(reservingCapacity: self.canonicalJSONCapacity)
        self.write(to: &writer)
        return writer.bytes
    }

    /// Room for the usual document's canonical JSON, to reserve in a new writer: a purchase order's JSON is ~550
    /// bytes a line, and growing from 4,096 bytes by doubling copied the bytes about twice a document (~1.5
    /// instructions per byte of X12).
    package var canonicalJSONCapacity: Int {
        if case .purchaseOrder(let order) = self { return 4096 + 640 * order.lines.count }
        return 4096
    }
}

extension BusinessDocument: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        switch self {
        case .purchaseOrder(let document): document.write(to: &writer)
        case .orderAcknowledgment(let document): document.write(to: &writer)
        case .orderChange(let document): document.write(to: &writer)
        case .shipNotice(let document): document.write(to: &writer)
        case .functionalAcknowledgment(let document): document.write(to: &writer)
        }
    }
}
