/// Segment identifiers packed as ``X12SegmentID`` packs them (first byte in the lowest 8 bits), so that the decoders
/// dispatch on an integer rather than compare strings. `X12SegmentCodeTests` checks each against `X12SegmentID`.
enum X12SegmentCode {
    static let po1: UInt32 = 0x314F50  // PO1
    static let ctt: UInt32 = 0x545443  // CTT
    static let pid: UInt32 = 0x444950  // PID
    static let po4: UInt32 = 0x344F50  // PO4
    static let sdq: UInt32 = 0x514453  // SDQ
    static let sch: UInt32 = 0x484353  // SCH
    static let sac: UInt32 = 0x434153  // SAC
    static let ref: UInt32 = 0x464552  // REF
    static let dtm: UInt32 = 0x4D5444  // DTM
    static let n9: UInt32 = 0x00394E  // N9
    static let n1: UInt32 = 0x00314E  // N1
    static let n2: UInt32 = 0x00324E  // N2
    static let n3: UInt32 = 0x00334E  // N3
    static let n4: UInt32 = 0x00344E  // N4
    static let beg: UInt32 = 0x474542  // BEG
    static let cur: UInt32 = 0x525543  // CUR
    static let per: UInt32 = 0x524550  // PER
    static let fob: UInt32 = 0x424F46  // FOB
    static let itd: UInt32 = 0x445449  // ITD
    static let csh: UInt32 = 0x485343  // CSH
    static let td5: UInt32 = 0x354454  // TD5
    static let msg: UInt32 = 0x47534D  // MSG
    static let mtx: UInt32 = 0x58544D  // MTX
    static let amt: UInt32 = 0x544D41  // AMT
    static let st: UInt32 = 0x005453  // ST
    static let se: UInt32 = 0x004553  // SE

    /// Packs `id` like ``X12SegmentID/init(_:)``, without allocating; `0` when it is not 2–3 letters and digits.
    static func pack(_ id: String) -> UInt32 {
        var packed: UInt32 = 0
        var count = 0
        for byte in id.utf8 {
            guard count < 3, Self.isAlphanumeric(byte) else { return 0 }
            packed |= UInt32(byte) << (8 * UInt32(count))
            count += 1
        }
        return count >= 2 ? packed : 0
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Packs each of `ids`.
    static func set(_ ids: [String]) -> Set<UInt32> { Set(ids.map(Self.pack)) }
}
