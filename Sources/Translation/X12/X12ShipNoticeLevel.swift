import Orders
import X12

/// One HL level of an 856 being decoded: what it becomes in the model, where it hangs, and what it has read so far.
///
/// The payloads themselves (orders, packs, items) live in ``X12ShipNoticeAssembler``'s arrays, so they are changed
/// in place; a level holds their index.
struct X12ShipNoticeLevel {
    /// What a level becomes.
    enum Kind {
        /// The shipment: the header and the HL `S` level (always level 0).
        case shipment
        /// An order, by its index in the assembler's orders.
        case order(Int)
        /// A tare, pack or subpack, by its index in the assembler's packs.
        case pack(Int)
        /// An item, by its index in the assembler's items.
        case item(Int)
        /// A level the model has no place for, kept whole in the extensions of level `owner` at `address`
        /// (`HL[2]`, `HL[2]/HL[1]`).
        case kept(owner: Int, address: String)
    }

    let kind: Kind
    /// The level it hangs under, if any.
    let parent: Int?
    /// Levels above it (0 for the shipment and the levels kept at the top).
    let depth: Int
    /// The HL segment that opened it, for locating findings.
    var opening: X12LocatedSegment?
    /// The placed levels directly under it, in document order.
    var children: [Int] = []
    /// What its segments left, by address relative to the level (the shipment's also holds the header's and the
    /// summary's).
    var extensions = Extensions()
    /// The occurrences of its segments so far, for addresses.
    var counts = X12OccurrenceCounts()
    /// The levels kept whole directly under it so far (the `n` of `HL[n]`).
    var keptChildren = 0
    /// For a kept level, its segments so far (the `n` of `HL[2]/LIN[n]`: their order within the level).
    var keptSegments = 0
    /// The party whose N1 loop is open, by its index in the level's parties.
    var openParty: Int?
    /// Whether its primary segment came: PRF for an order, SN1 for an item.
    var sawPrimarySegment = false

    init(kind: Kind, parent: Int?, depth: Int, opening: X12LocatedSegment?) {
        self.kind = kind
        self.parent = parent
        self.depth = depth
        self.opening = opening
    }

    /// Whether the model has a place for the level.
    var isPlaced: Bool {
        if case .kept = self.kind { return false }
        return true
    }
}
