/// A segment identifier such as `BEG`, packed into an integer so that comparing two costs
/// one instruction on the reader's hot path.
public struct X12SegmentID: Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// Up to three ASCII bytes, first byte in the lowest 8 bits; `0` for an invalid id.
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(stringLiteral value: StaticString) {
        precondition(value.utf8CodeUnitCount >= 2 && value.utf8CodeUnitCount <= 3, "segment ids have 2 or 3 characters")
        var packed: UInt32 = 0
        let pointer = value.utf8Start
        for index in 0..<value.utf8CodeUnitCount {
            packed |= UInt32(pointer[index]) << (8 * UInt32(index))
        }
        self.rawValue = packed
    }

    /// Packs an id from text; `nil` when it is not 2–3 letters and digits.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 && bytes.count <= 3, bytes.allSatisfy(X12Delimiters.isAlphanumeric) else { return nil }
        var packed: UInt32 = 0
        for (index, byte) in bytes.enumerated() { packed |= UInt32(byte) << (8 * UInt32(index)) }
        self.rawValue = packed
    }

    public var description: String {
        var bytes: [UInt8] = []
        var value = self.rawValue
        while value != 0 {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static let isa: Self = "ISA"
    public static let iea: Self = "IEA"
    public static let gs: Self = "GS"
    public static let ge: Self = "GE"
    public static let st: Self = "ST"
    public static let se: Self = "SE"
    public static let ta1: Self = "TA1"
    public static let isb: Self = "ISB"
    public static let ise: Self = "ISE"
}
