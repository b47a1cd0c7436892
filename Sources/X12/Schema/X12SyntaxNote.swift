/// A syntax note of a segment or composite, such as `P0405` or `L010203`.
///
/// X12 writes a relational condition as a letter followed by two-digit element positions
/// (DOMAIN §7). The first position matters for ``Kind-swift.enum/conditional`` and
/// ``Kind-swift.enum/listConditional``; for the other kinds the order carries no meaning but
/// is kept as written.
public struct X12SyntaxNote: Hashable, Sendable, CustomStringConvertible {
    /// The relation a syntax note states between its elements.
    public enum Kind: Hashable, Sendable {
        /// `P`: if any of the elements is present, all must be.
        case paired
        /// `R`: at least one of the elements is required.
        case required
        /// `E`: no more than one of the elements may be present.
        case exclusion
        /// `C`: if the first element is present, all the others are required.
        case conditional
        /// `L`: if the first element is present, at least one of the others is required.
        case listConditional

        /// The letter X12 uses for this kind.
        public var letter: Character {
            switch self {
            case .paired: "P"
            case .required: "R"
            case .exclusion: "E"
            case .conditional: "C"
            case .listConditional: "L"
            }
        }
    }

    /// What the note requires.
    public var kind: Kind
    /// The 1-based element (or component) positions the note names, in the written order.
    public var positions: [Int]

    /// Creates a note from its parts.
    ///
    /// - Parameters:
    ///   - kind: The relation.
    ///   - positions: 1-based positions, each from 1 to 99, at least two of them.
    /// - Returns: `nil` if fewer than two positions are given or one is outside 1...99.
    /// - Complexity: O(*n*) in the number of positions.
    public init?(kind: Kind, positions: [Int]) {
        guard positions.count >= 2, positions.allSatisfy({ (1...99).contains($0) }) else { return nil }
        self.kind = kind
        self.positions = positions
    }

    /// Parses a note as X12 prints it: `P0405`, `R020305`, `L010203`…
    ///
    /// - Parameter text: A kind letter (`P`, `R`, `E`, `C` or `L`) followed by at least two
    ///   two-digit positions.
    /// - Returns: `nil` if `text` is not in that form or a position is `00`.
    /// - Complexity: O(*n*) in the length of `text`.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        guard let letter = bytes.popFirst() else { return nil }
        let kind: Kind
        switch letter {
        case UInt8(ascii: "P"): kind = .paired
        case UInt8(ascii: "R"): kind = .required
        case UInt8(ascii: "E"): kind = .exclusion
        case UInt8(ascii: "C"): kind = .conditional
        case UInt8(ascii: "L"): kind = .listConditional
        default: return nil
        }
        guard bytes.count % 2 == 0,
            bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        var positions: [Int] = []
        while let tens = bytes.popFirst(), let units = bytes.popFirst() {
            positions.append(Int(tens - UInt8(ascii: "0")) * 10 + Int(units - UInt8(ascii: "0")))
        }
        self.init(kind: kind, positions: positions)
    }

    /// The note as X12 prints it, e.g. `P0405`.
    public var description: String {
        var text = String(self.kind.letter)
        for position in self.positions {
            if position < 10 { text += "0" }
            text += String(position)
        }
        return text
    }
}
