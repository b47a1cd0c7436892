import Orders

/// A field of a purchase order that rules, constants and defaults can name: `currency`,
/// `references.internalVendorNumber`, `lines.items.upc`...
///
/// The names are those of the canonical JSON, with the qualifier, role, kind or date kind after a dot. A name
/// Porter does not know is an error in `porter mappings check` (with the closest known name as a hint).
public struct DocumentField: Hashable, Sendable, CustomStringConvertible {
    enum Path: Hashable, Sendable {
        case number
        case releaseNumber
        case blanketOrderNumber
        case contractNumber
        case currency
        case reference(ReferenceQualifier)
        case party(PartyRole)
        case date(DateKind)
        case lineUnitPrice
        case lineDescription
        case lineItem(ItemIdentifierKind)
    }

    let path: Path

    /// The field's name as written.
    public var description: String {
        switch self.path {
        case .number: "number"
        case .releaseNumber: "releaseNumber"
        case .blanketOrderNumber: "blanketOrderNumber"
        case .contractNumber: "contractNumber"
        case .currency: "currency"
        case .reference(let qualifier): "references.\(qualifier.rawValue)"
        case .party(let role): "parties.\(role.rawValue)"
        case .date(let kind): "dates.\(kind.rawValue)"
        case .lineUnitPrice: "lines.unitPrice"
        case .lineDescription: "lines.descriptions"
        case .lineItem(let kind): "lines.items.\(kind.rawValue)"
        }
    }

    /// Every name Porter knows, for hints.
    public static var allNames: [String] {
        [
            "number", "releaseNumber", "blanketOrderNumber", "contractNumber", "currency", "lines.unitPrice",
            "lines.descriptions",
        ]
            + ReferenceQualifier.namedValues.map { "references.\($0.rawValue)" }
            + PartyRole.namedValues.map { "parties.\($0.rawValue)" }
            + DateKind.namedValues.map { "dates.\($0.rawValue)" }
            + ItemIdentifierKind.namedValues.map { "lines.items.\($0.rawValue)" }
    }

    /// The field `name` names, or `nil` when Porter knows no such field.
    public init?(name: String) {
        switch name {
        case "number": self.path = .number
        case "releaseNumber": self.path = .releaseNumber
        case "blanketOrderNumber": self.path = .blanketOrderNumber
        case "contractNumber": self.path = .contractNumber
        case "currency": self.path = .currency
        case "lines.unitPrice": self.path = .lineUnitPrice
        case "lines.descriptions": self.path = .lineDescription
        default:
            func named<Value: CodedValue>(_ prefix: String, _: Value.Type) -> Value? {
                guard name.hasPrefix(prefix) else { return nil }
                let value = Value(rawValue: String(name.dropFirst(prefix.count)))
                return value.isNamed ? value : nil
            }
            if let qualifier = named("references.", ReferenceQualifier.self) {
                self.path = .reference(qualifier)
            } else if let role = named("parties.", PartyRole.self) {
                self.path = .party(role)
            } else if let kind = named("dates.", DateKind.self) {
                self.path = .date(kind)
            } else if let kind = named("lines.items.", ItemIdentifierKind.self) {
                self.path = .lineItem(kind)
            } else {
                return nil
            }
        }
    }

    /// Whether a constant can be set on this field (a header text field or a reference).
    public var isSettable: Bool {
        switch self.path {
        case .contractNumber, .currency, .reference: true
        default: false
        }
    }

    /// Where `order` lacks the field: an empty list when it is present (on every line, for line fields).
    func missing(in order: PurchaseOrder) -> [(path: String, lineNumber: String?)] {
        func header(_ present: Bool, _ path: String) -> [(path: String, lineNumber: String?)] {
            present ? [] : [(path, nil)]
        }
        func lines(_ present: (PurchaseOrderLine) -> Bool, _ suffix: String) -> [(path: String, lineNumber: String?)] {
            order.lines.enumerated().compactMap { index, line in
                present(line) ? nil : ("lines[\(index)].\(suffix)", line.lineNumber)
            }
        }
        switch self.path {
        case .number: return header(!order.number.isEmpty, "number")
        case .releaseNumber: return header(order.releaseNumber != nil, "releaseNumber")
        case .blanketOrderNumber: return header(order.blanketOrderNumber != nil, "blanketOrderNumber")
        case .contractNumber: return header(order.contractNumber != nil, "contractNumber")
        case .currency: return header(order.currency != nil, "currency")
        case .reference(let qualifier):
            return header(order.references.value(qualifier) != nil, "references.\(qualifier.rawValue)")
        case .party(let role): return header(order.parties.contains { $0.role == role }, "parties.\(role.rawValue)")
        case .date(let kind): return header(order.dates.contains { $0.kind == kind }, "dates.\(kind.rawValue)")
        case .lineUnitPrice: return lines({ $0.unitPrice != nil }, "unitPrice")
        case .lineDescription: return lines({ !$0.descriptions.isEmpty }, "descriptions")
        case .lineItem(let kind): return lines({ $0.items.contains { $0.kind == kind } }, "items.\(kind.rawValue)")
        }
    }

    /// Sets the field to `value` (for a constant); fields that are not settable are left alone.
    func set(_ value: String, in order: inout PurchaseOrder) {
        switch self.path {
        case .contractNumber: order.contractNumber = value
        case .currency: order.currency = CurrencyCode(rawValue: value)
        case .reference(let qualifier):
            order.references.removeAll { $0.qualifier == qualifier }
            order.references.append(Reference(qualifier, value))
        default: break
        }
    }
}
