/// A difference between an order and what the seller acknowledged or shipped.
///
/// Reconciliation lists discrepancies as values (``OrderAcknowledgment/discrepancies(against:)``,
/// ``ShipNotice/discrepancies(against:)``); the gateway turns them into alerts. Each names the line and holds
/// the values on both sides: the ordered value and the confirmed or shipped one.
public struct Discrepancy: Hashable, Sendable, Codable {
    /// What differs.
    public struct Kind: CodedValue {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        /// The confirmed quantity differs from the ordered quantity (rejections count as zero).
        public static let quantity: Self = "quantity"
        /// The confirmed unit price differs from the ordered one.
        public static let price: Self = "price"
        /// A confirmed or shipped date is later than the order allows.
        public static let date: Self = "date"
        /// The unit differs from the ordered one, so quantities could not be compared (no conversion is
        /// guessed).
        public static let unit: Self = "unit"
        /// A line or item the order does not have.
        public static let unknownItem: Self = "unknownItem"
        /// More was shipped than ordered.
        public static let overShipment: Self = "overShipment"
        /// Less was shipped than ordered.
        public static let shortShipment: Self = "shortShipment"
        /// An order line the acknowledgment or ship notice does not mention.
        public static let missingLine: Self = "missingLine"

        public static let namedValues: [Self] = [
            .quantity, .price, .date, .unit, .unknownItem, .overShipment, .shortShipment, .missingLine,
        ]
    }

    /// A compared value: a quantity with its unit, a price or a date.
    public enum Value: Hashable, Sendable, Codable {
        case quantity(DecimalNumber, unit: UnitOfMeasure?)
        case price(DecimalNumber)
        case date(QualifiedDate)

        private enum CodingKeys: String, CodingKey {
            case quantity
            case unit
            case price
            case date
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let quantity = try container.decodeIfPresent(DecimalNumber.self, forKey: .quantity) {
                self = .quantity(quantity, unit: try container.decodeIfPresent(UnitOfMeasure.self, forKey: .unit))
            } else if let price = try container.decodeIfPresent(DecimalNumber.self, forKey: .price) {
                self = .price(price)
            } else {
                self = .date(try container.decode(QualifiedDate.self, forKey: .date))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .quantity(let quantity, let unit):
                try container.encode(quantity, forKey: .quantity)
                try container.encodeIfPresent(unit, forKey: .unit)
            case .price(let price): try container.encode(price, forKey: .price)
            case .date(let date): try container.encode(date, forKey: .date)
            }
        }
    }

    /// What differs.
    public var kind: Kind
    /// The order line concerned, when there is one.
    public var lineNumber: String?
    /// The identifiers of the item concerned, as the acknowledgment or ship notice gives them.
    public var items: [ItemIdentifier]
    /// The value in the order.
    public var ordered: Value?
    /// The value in the acknowledgment.
    public var confirmed: Value?
    /// The value in the ship notice (or notices, summed).
    public var shipped: Value?

    public init(
        kind: Kind, lineNumber: String?, items: [ItemIdentifier] = [], ordered: Value? = nil,
        confirmed: Value? = nil, shipped: Value? = nil
    ) {
        self.kind = kind
        self.lineNumber = lineNumber
        self.items = items
        self.ordered = ordered
        self.confirmed = confirmed
        self.shipped = shipped
    }
}
