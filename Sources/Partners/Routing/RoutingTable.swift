public import Orders
import Foundation

/// Who receives each document, and how an order whose lines belong to several suppliers is split
/// (`Mappings/routes.yaml`).
public struct RoutingTable: Hashable, Sendable {
    /// One recipient of a document type.
    public struct Route: Hashable, Sendable {
        /// Who receives it.
        public enum Recipient: Hashable, Sendable {
            /// The supplier the order names (by party id or envelope receiver).
            case namedSupplier
            /// A partner, by id.
            case partner(String)
        }

        public var document: BusinessDocument.Kind
        public var recipient: Recipient
        /// An internal copy of the document as it is.
        public var isCopy: Bool
        public var location: MappingsLocation

        public init(
            document: BusinessDocument.Kind, recipient: Recipient, isCopy: Bool = false, location: MappingsLocation
        ) {
            self.document = document
            self.recipient = recipient
            self.isCopy = isCopy
            self.location = location
        }
    }

    /// How an order is split by supplier.
    public struct Split: Hashable, Sendable {
        /// How a line's supplier is found.
        public enum Method: String, Hashable, Sendable {
            /// The `supplier` column of the partners' item cross-references.
            case itemCrossReference
            /// A line party with role `vendor`, `seller` or `supplier`, by one of a partner's `partyIds`.
            case lineSupplier
        }

        public var method: Method
        /// The numbering rule: `{number}`, `{sequence}`, `{partner}` are replaced.
        public var numbering: String
        public var location: MappingsLocation

        public init(method: Method, numbering: String, location: MappingsLocation) {
            self.method = method
            self.numbering = numbering
            self.location = location
        }

        /// The placeholders a numbering rule may use.
        public static let placeholders = ["{number}", "{sequence}", "{partner}"]

        /// The number of the `sequence`-th (from 1) order split from `number`, for `partner`.
        public func number(original number: String, sequence: Int, partner: String) -> String {
            self.numbering.replacingOccurrences(of: "{number}", with: number)
                .replacingOccurrences(of: "{sequence}", with: String(sequence))
                .replacingOccurrences(of: "{partner}", with: partner)
        }
    }

    public var routes: [Route]
    public var split: Split?

    public init(routes: [Route] = [], split: Split? = nil) {
        self.routes = routes
        self.split = split
    }
}
