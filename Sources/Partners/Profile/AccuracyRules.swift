public import Foundation
public import Orders

/// Checks an order must pass before it goes to the partner; a failing rule holds it with an ``AccuracyFinding``.
public struct AccuracyRules: Hashable, Sendable {
    /// Fields every order must have.
    public var requiredFields: [DocumentField]
    /// The only units allowed on lines; empty allows any.
    public var allowedUnits: [UnitOfMeasure]
    /// How far (in percent) a line's price may be from the partner's price list.
    public var priceTolerancePercent: Decimal?
    /// A typical line quantity, and how many times it a line may be.
    public var typicalQuantity: Decimal?
    public var maximumTimesTypical: Decimal?
    /// A line quantity above this is held.
    public var hardCap: Decimal?
    /// Whether a release may not exceed its blanket order's remaining quantity.
    public var blanketReleases: Bool
    /// Where each rule is written in the profile, by rule, for the findings.
    public var locations: [AccuracyFinding.Rule: MappingsLocation]

    public init(
        requiredFields: [DocumentField] = [], allowedUnits: [UnitOfMeasure] = [], priceTolerancePercent: Decimal? = nil,
        typicalQuantity: Decimal? = nil, maximumTimesTypical: Decimal? = nil, hardCap: Decimal? = nil,
        blanketReleases: Bool = false, locations: [AccuracyFinding.Rule: MappingsLocation] = [:]
    ) {
        self.requiredFields = requiredFields
        self.allowedUnits = allowedUnits
        self.priceTolerancePercent = priceTolerancePercent
        self.typicalQuantity = typicalQuantity
        self.maximumTimesTypical = maximumTimesTypical
        self.hardCap = hardCap
        self.blanketReleases = blanketReleases
        self.locations = locations
    }
}
