/// A carrier service level.
///
/// X12 element 284 (TD512-TD514) and cXML `ServiceLevel`.
///
/// In JSON a named value is its name (`"nextDayAir"`); any other value is the code as sent.
public struct ServiceLevel: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Next day air (X12 `ND`; cXML `Next Day Air`).
    public static let nextDayAir: Self = "nextDayAir"

    /// Second day air (X12 `SC`).
    public static let secondDayAir: Self = "secondDayAir"

    /// Three day service (X12 `3D`).
    public static let threeDay: Self = "threeDay"

    /// Ground (X12 `CG`; cXML `Ground`).
    public static let ground: Self = "ground"

    /// Standard ground (X12 `SG`).
    public static let standardGround: Self = "standardGround"

    /// Overnight (X12 `ON`).
    public static let overnight: Self = "overnight"

    /// Saturday delivery (X12 `SD`).
    public static let saturday: Self = "saturday"

    /// Standard service (X12 `G2`).
    public static let standard: Self = "standard"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .nextDayAir, .secondDayAir, .threeDay, .ground, .standardGround, .overnight, .saturday, .standard,
    ]
}
