/// The X12 units of measure (element 355) the sample items use.
enum UnitOfMeasure: Hashable, Sendable {
    case each, `case`, box, package, foot, inch, pound, kilogram

    /// The X12 code. Note that `CA` is case; `CS` would be cassette.
    var code: StaticString {
        switch self {
        case .each: "EA"
        case .case: "CA"
        case .box: "BX"
        case .package: "PK"
        case .foot: "FT"
        case .inch: "IN"
        case .pound: "LB"
        case .kilogram: "KG"
        }
    }
}
