/// The X12 releases the generator writes, with the envelope values that differ between them.
enum X12Version: String, CaseIterable, Sendable {
    case v004010 = "004010"
    case v005010 = "005010"

    /// `ISA11`: the standards identifier `U` in 00401, the repetition separator from 00402 on.
    var isa11: UInt8 {
        switch self {
        case .v004010: UInt8(ascii: "U")
        case .v005010: SegmentWriter.repetitionSeparator
        }
    }

    /// `ISA12`, the interchange control version.
    var isa12: StaticString {
        switch self {
        case .v004010: "00401"
        case .v005010: "00501"
        }
    }

    /// `GS08`, the version/release/industry identifier.
    var gs08: StaticString {
        switch self {
        case .v004010: "004010"
        case .v005010: "005010"
        }
    }

    /// 005010 replaced the 850's free-text `MSG` segment by `MTX`.
    var usesMTX: Bool { self == .v005010 }
}
