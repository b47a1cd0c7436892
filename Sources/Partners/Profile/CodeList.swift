import Orders
internal import Translation

/// A partner's codes for one code list (units, item qualifiers, reference qualifiers, ship methods), mapped to
/// Porter's names in both directions.
///
/// Outbound, a value whose name is `ours` is sent as the partner's `theirs` code (kept in the document as a code
/// Porter does not name, which the encoders write as it is). Inbound, a value that arrived as `theirs` becomes
/// `ours`. A list that maps two codes to one in a direction loses the difference: it must say `deliberate: true`.
public struct CodeList: Hashable, Sendable {
    /// Which values of a document the list applies to.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Line units, destination and schedule units.
        case units
        /// Item identifier kinds (BP, VP, VN, UP...).
        case itemQualifiers
        /// Reference qualifiers (header and line).
        case referenceQualifiers
        /// Carrier transport methods.
        case shipMethods
    }

    /// Which way a pair is used.
    public enum Direction: String, Hashable, Sendable {
        case both
        case inbound
        case outbound
    }

    /// One pair of codes.
    public struct Pair: Hashable, Sendable {
        public var ours: String
        public var theirs: String
        public var direction: Direction
        /// Where the pair is written.
        public var location: MappingsLocation

        public init(ours: String, theirs: String, direction: Direction = .both, location: MappingsLocation) {
            self.ours = ours
            self.theirs = theirs
            self.direction = direction
            self.location = location
        }
    }

    public var kind: Kind
    public var deliberate: Bool
    public var pairs: [Pair]
    /// The code list file.
    public var location: MappingsLocation

    public init(kind: Kind, deliberate: Bool = false, pairs: [Pair], location: MappingsLocation) {
        self.kind = kind
        self.deliberate = deliberate
        self.pairs = pairs
        self.location = location
    }

    /// Our names and their codes, outbound (ours to theirs) in the order written; the first pair wins.
    var outbound: [String: String] {
        var map: [String: String] = [:]
        for pair in self.pairs where pair.direction != .inbound && map[pair.ours] == nil {
            map[pair.ours] = pair.theirs
        }
        return map
    }

    /// Their codes and our names, inbound (theirs to ours); the first pair wins.
    var inbound: [String: String] {
        var map: [String: String] = [:]
        for pair in self.pairs where pair.direction != .outbound && map[pair.theirs] == nil {
            map[pair.theirs] = pair.ours
        }
        return map
    }

    /// Problems with the list itself: one code mapped to two (always an error), two codes mapped to one (an
    /// error unless the list is deliberate), and names Porter does not know on our side.
    func problems() -> [MappingsFinding] {
        var findings: [MappingsFinding] = []
        for (direction, from, to) in [
            (Direction.outbound, \Pair.ours, \Pair.theirs), (.inbound, \Pair.theirs, \Pair.ours),
        ] {
            let used = self.pairs.filter { $0.direction == .both || $0.direction == direction }
            var seenFrom: [String: Pair] = [:]
            var seenTo: [String: Pair] = [:]
            for pair in used {
                if let earlier = seenFrom[pair[keyPath: from]], earlier[keyPath: to] != pair[keyPath: to] {
                    findings.append(
                        MappingsFinding(
                            .ambiguousCodeList,
                            "\(direction.rawValue), \"\(pair[keyPath: from])\" maps to both \"\(earlier[keyPath: to])\" and \"\(pair[keyPath: to])\"",
                            at: pair.location,
                            hint:
                                "give one of the pairs `direction: \(direction == .outbound ? "inbound" : "outbound")`")
                    )
                }
                if let earlier = seenTo[pair[keyPath: to]], earlier[keyPath: from] != pair[keyPath: from],
                    !self.deliberate
                {
                    findings.append(
                        MappingsFinding(
                            .lossyCodeList,
                            "\(direction.rawValue), \"\(earlier[keyPath: from])\" and \"\(pair[keyPath: from])\" both become \"\(pair[keyPath: to])\": the difference is lost",
                            at: pair.location,
                            hint:
                                "declare the list `deliberate: true` if this is intended, or give one pair a direction")
                    )
                }
                seenFrom[pair[keyPath: from]] = seenFrom[pair[keyPath: from]] ?? pair
                seenTo[pair[keyPath: to]] = seenTo[pair[keyPath: to]] ?? pair
            }
        }
        let known: [String]
        switch self.kind {
        case .units: known = UnitOfMeasure.namedValues.map(\.rawValue)
        case .itemQualifiers: known = ItemIdentifierKind.namedValues.map(\.rawValue)
        case .referenceQualifiers: known = ReferenceQualifier.namedValues.map(\.rawValue)
        case .shipMethods: known = TransportMethod.namedValues.map(\.rawValue)
        }
        for pair in self.pairs where !known.contains(pair.ours) {
            findings.append(
                MappingsFinding(
                    .invalidValue, "\"\(pair.ours)\" is not a name Porter gives a \(self.kind.rawValue) value",
                    at: pair.location, hint: DidYouMean.hint(for: pair.ours, in: known)))
        }
        return findings
    }

    /// The code a value had on the wire, as far as Porter can tell: units named by Porter get their X12 or cXML
    /// code back; any value Porter does not name is the code as sent.
    static func wireCode(_ unit: UnitOfMeasure, format: ExchangeSettings.Format) -> String {
        guard unit.isNamed, let cxml = CXMLUnitsOfMeasure.code(for: unit) else { return unit.rawValue }
        switch format {
        case .x12: return CXMLUnitsOfMeasure.x12Code(forCEFACTCode: cxml) ?? unit.rawValue
        case .cxml: return cxml
        case .json: return unit.rawValue
        }
    }
}
