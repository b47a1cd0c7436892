public import Orders

/// Units of measure in cXML: UN/CEFACT Recommendation 20 (and 21) codes, mapped to and from Porter's
/// ``UnitOfMeasure`` names, and through them to and from X12 element 355 codes (DOMAIN.md §10).
///
/// cXML requires Rec 20 codes. Rec 20 has deleted its packaging codes (`BX`, `CS`, `CT`…) in favour of the
/// Rec 21 codes with an `X` prefix (`XBX`, `XCS`, `XCT`…), but Ariba and most buyers still send the old ones, so
/// both are read and the encoder writes the ``Style`` the partner expects (``Style/ariba`` by default). Codes that
/// look alike mean different things in X12 and Rec 20 (X12 `CA` is a case, Rec 20 `CA` a can; X12 `PL` a pallet,
/// Rec 20 `PL` a pail), which is why no code is ever passed through unmapped: an unknown code is a finding.
public enum CXMLUnitsOfMeasure {
    /// Which of the two Rec 20 code sets the encoder writes.
    public enum Style: String, Hashable, Sendable, CaseIterable {
        /// The codes of Ariba's reference lookup (DOMAIN.md §10, "Ariba cXML code"): `EA`, `CS`, `BX`, `OZ`….
        case ariba
        /// Current Rec 20 codes, with Rec 21 `X` codes for packaging: `EA`, `XCS`, `XBX`, `ONZ`….
        case current
    }

    /// Every unit Porter maps: its name, the Ariba code and the current Rec 20/21 code (the same where nothing
    /// was deleted). Transcribed from DOMAIN.md §10; `PC` → `H87` (piece) is Porter's choice.
    public static let table: [(unit: UnitOfMeasure, ariba: String, current: String)] = [
        (.each, "EA", "EA"), (.unit, "C62", "C62"), (.piece, "H87", "H87"), (.`case`, "CS", "XCS"),
        (.cassette, "D66", "D66"), (.box, "BX", "XBX"), (.package, "PK", "XPK"), (.carton, "CT", "XCT"),
        (.dozen, "DZN", "DZN"), (.halfDozen, "HD", "HD"), (.gross, "GRO", "GRO"), (.pair, "PR", "PR"),
        (.set, "SET", "SET"), (.kit, "KT", "KT"), (.lot, "LO", "LO"), (.assortment, "AS", "AS"),
        (.bag, "BG", "XBG"), (.bottle, "BO", "XBO"), (.can, "CA", "XCA"), (.drum, "DR", "XDR"),
        (.roll, "RO", "XRO"), (.sheet, "ST", "XST"), (.bundle, "BE", "XBE"), (.pallet, "D97", "XPX"),
        (.pail, "PL", "XPL"), (.tank, "TK", "TK"), (.ream, "RM", "RM"), (.pound, "LBR", "LBR"),
        (.ounce, "OZ", "ONZ"), (.kilogram, "KGM", "KGM"), (.gram, "GRM", "GRM"), (.netTon, "STN", "STN"),
        (.metricTon, "E5", "LTN"), (.foot, "FOT", "FOT"), (.inch, "INH", "INH"), (.yard, "YRD", "YRD"),
        (.meter, "MTR", "MTR"), (.centimeter, "CMT", "CMT"), (.millimeter, "MMT", "MMT"),
        (.linearFoot, "LF", "LF"), (.squareFoot, "FTK", "FTK"), (.squareYard, "YDK", "YDK"),
        (.cubicFoot, "FTQ", "FTQ"), (.cubicYard, "YDQ", "YDQ"), (.gallon, "GLL", "GLL"), (.quart, "QT", "QTL"),
        (.pint, "PT", "PTL"), (.liter, "LTR", "LTR"), (.milliliter, "MLT", "MLT"), (.hour, "HUR", "HUR"),
        (.day, "DAY", "DAY"), (.month, "MON", "MON"), (.year, "ANN", "ANN"), (.thousand, "MIL", "MIL"),
        (.mutuallyDefined, "ZZ", "ZZ"),
    ]

    private static let byCode: [String: UnitOfMeasure] = {
        var result: [String: UnitOfMeasure] = [:]
        for row in Self.table {
            result[row.ariba] = result[row.ariba] ?? row.unit
            result[row.current] = result[row.current] ?? row.unit
        }
        return result
    }()

    private static let byUnit: [UnitOfMeasure: (ariba: String, current: String)] = Dictionary(
        Self.table.map { ($0.unit, ($0.ariba, $0.current)) }, uniquingKeysWith: { first, _ in first })

    /// The unit a cXML code names, from either code set; `nil` for a code Porter does not map.
    public static func unit(forCode code: String) -> UnitOfMeasure? { Self.byCode[code] }

    /// The cXML code for a unit in `style`; `nil` for a unit Porter does not name (a code kept as sent).
    public static func code(for unit: UnitOfMeasure, style: Style = .ariba) -> String? {
        guard let codes = Self.byUnit[unit] else { return nil }
        return style == .ariba ? codes.ariba : codes.current
    }

    /// The UN/CEFACT code for an X12 element 355 code (`CA` → `CS`, `PL` → `D97`), through Porter's names.
    public static func cefactCode(forX12Code code: String, style: Style = .ariba) -> String? {
        let (unit, isNamed) = X12Codes.unitOfMeasure.value(code)
        return isNamed ? self.code(for: unit, style: style) : nil
    }

    /// The X12 element 355 code for a UN/CEFACT code (`CS` → `CA`, `XCS` → `CA`, `CA` → `CN`).
    public static func x12Code(forCEFACTCode code: String) -> String? {
        guard let unit = self.unit(forCode: code) else { return nil }
        return X12Codes.unitOfMeasure.code(unit)
    }
}
