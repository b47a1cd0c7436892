/// A unit of measure or basis for measurement.
///
/// Named units cover the common X12 element 355 codes; the crosswalk to UN/CEFACT Recommendation 20 (cXML) belongs
/// to the codecs, which must never pass a code through unmapped (X12 `CA` is a case, Rec 20 `CA` a can). A unit
/// Porter does not name keeps the code as sent.
///
/// In JSON a named value is its name (`"each"`); any other value is the code as sent.
public struct UnitOfMeasure: CodedValue {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Each (X12 `EA`; cXML `EA`).
    public static let each: Self = "each"

    /// Case (X12 `CA`; cXML `CS`).
    public static let `case`: Self = "case"

    /// Cassette (X12 `CS`; cXML `D66`).
    public static let cassette: Self = "cassette"

    /// Box (X12 `BX`; cXML `BX`).
    public static let box: Self = "box"

    /// Package (X12 `PK`; cXML `PK`).
    public static let package: Self = "package"

    /// Carton (X12 `CT`; cXML `CT`).
    public static let carton: Self = "carton"

    /// Dozen (X12 `DZ`; cXML `DZN`).
    public static let dozen: Self = "dozen"

    /// Half dozen (X12 `HD`; cXML `HD`).
    public static let halfDozen: Self = "halfDozen"

    /// Gross (144) (X12 `GS`; cXML `GRO`).
    public static let gross: Self = "gross"

    /// Piece (X12 `PC`; cXML `H87`).
    public static let piece: Self = "piece"

    /// Pair (X12 `PR`; cXML `PR`).
    public static let pair: Self = "pair"

    /// Set (X12 `ST`; cXML `SET`).
    public static let set: Self = "set"

    /// Kit (X12 `KT`; cXML `KT`).
    public static let kit: Self = "kit"

    /// Lot (X12 `LO`; cXML `LO`).
    public static let lot: Self = "lot"

    /// Assortment (X12 `AS`; cXML `AS`).
    public static let assortment: Self = "assortment"

    /// Unit (X12 `UN`; cXML `C62`).
    public static let unit: Self = "unit"

    /// Pallet or unit load (X12 `PL`; cXML `D97`).
    public static let pallet: Self = "pallet"

    /// Pail (X12 `PA`; cXML `PL`).
    public static let pail: Self = "pail"

    /// Bag (X12 `BG`; cXML `BG`).
    public static let bag: Self = "bag"

    /// Bottle (X12 `BO`; cXML `BO`).
    public static let bottle: Self = "bottle"

    /// Can (X12 `CN`; cXML `CA`).
    public static let can: Self = "can"

    /// Drum (X12 `DR`; cXML `DR`).
    public static let drum: Self = "drum"

    /// Roll (X12 `RL`; cXML `RO`).
    public static let roll: Self = "roll"

    /// Ream (X12 `RM`; cXML `RM`).
    public static let ream: Self = "ream"

    /// Sheet (X12 `SH`; cXML `ST`).
    public static let sheet: Self = "sheet"

    /// Bundle (X12 `BD`; cXML `BE`).
    public static let bundle: Self = "bundle"

    /// Tank (X12 `TK`; cXML `TK`).
    public static let tank: Self = "tank"

    /// Pound (X12 `LB`; cXML `LBR`).
    public static let pound: Self = "pound"

    /// Ounce (avoirdupois) (X12 `OZ`; cXML `ONZ`).
    public static let ounce: Self = "ounce"

    /// Kilogram (X12 `KG`; cXML `KGM`).
    public static let kilogram: Self = "kilogram"

    /// Gram (X12 `GR`; cXML `GRM`).
    public static let gram: Self = "gram"

    /// Net ton (2,000 lb) (X12 `TN`; cXML `STN`).
    public static let netTon: Self = "netTon"

    /// Metric long ton (X12 `MT`; cXML `E5`).
    public static let metricTon: Self = "metricTon"

    /// Foot (X12 `FT`; cXML `FOT`).
    public static let foot: Self = "foot"

    /// Inch (X12 `IN`; cXML `INH`).
    public static let inch: Self = "inch"

    /// Yard (X12 `YD`; cXML `YRD`).
    public static let yard: Self = "yard"

    /// Meter (X12 `MR`; cXML `MTR`).
    public static let meter: Self = "meter"

    /// Centimeter (X12 `CM`; cXML `CMT`).
    public static let centimeter: Self = "centimeter"

    /// Millimeter (X12 `MM`; cXML `MMT`).
    public static let millimeter: Self = "millimeter"

    /// Linear foot (X12 `LF`; cXML `LF`).
    public static let linearFoot: Self = "linearFoot"

    /// Square foot (X12 `SF`; cXML `FTK`).
    public static let squareFoot: Self = "squareFoot"

    /// Square yard (X12 `SY`; cXML `YDK`).
    public static let squareYard: Self = "squareYard"

    /// Cubic foot (X12 `CF`; cXML `FTQ`).
    public static let cubicFoot: Self = "cubicFoot"

    /// Cubic yard (X12 `CY`; cXML `YDQ`).
    public static let cubicYard: Self = "cubicYard"

    /// Gallon (US) (X12 `GA`; cXML `GLL`).
    public static let gallon: Self = "gallon"

    /// Quart (X12 `QT`; cXML `QTL`).
    public static let quart: Self = "quart"

    /// Pint (X12 `PT`; cXML `PTL`).
    public static let pint: Self = "pint"

    /// Liter (X12 `LT`; cXML `LTR`).
    public static let liter: Self = "liter"

    /// Milliliter (X12 `ML`; cXML `MLT`).
    public static let milliliter: Self = "milliliter"

    /// Hour (X12 `HR`; cXML `HUR`).
    public static let hour: Self = "hour"

    /// Day (X12 `DA`; cXML `DAY`).
    public static let day: Self = "day"

    /// Month (X12 `MO`; cXML `MON`).
    public static let month: Self = "month"

    /// Year (X12 `YR`; cXML `ANN`).
    public static let year: Self = "year"

    /// Thousand (X12 `TH`; cXML `MIL`).
    public static let thousand: Self = "thousand"

    /// Mutually defined (X12 `ZZ`; cXML `ZZ`).
    public static let mutuallyDefined: Self = "mutuallyDefined"

    /// The values Porter names, in the order the JSON Schema lists them.
    public static let namedValues: [Self] = [
        .each, .`case`, .cassette, .box, .package, .carton, .dozen, .halfDozen, .gross, .piece, .pair, .set, .kit, .lot,
        .assortment, .unit, .pallet, .pail, .bag, .bottle, .can, .drum, .roll, .ream, .sheet, .bundle, .tank, .pound,
        .ounce, .kilogram, .gram, .netTon, .metricTon, .foot, .inch, .yard, .meter, .centimeter, .millimeter,
        .linearFoot, .squareFoot, .squareYard, .cubicFoot, .cubicYard, .gallon, .quart, .pint, .liter, .milliliter,
        .hour, .day, .month, .year, .thousand, .mutuallyDefined,
    ]
}
