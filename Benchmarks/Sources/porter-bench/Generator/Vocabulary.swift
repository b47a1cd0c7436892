/// Word lists the sample data is drawn from. Everything here is plain upper-case ASCII (plus
/// `-`, `/`, `.`, `,` and digits), so no value can contain a delimiter (`*`, `>`, `~`, `^`).
enum Vocabulary {
    static let firstNames = [
        "JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA", "DAVID", "ELIZABETH",
        "WILLIAM", "BARBARA", "RICHARD", "SUSAN", "JOSEPH", "JESSICA", "THOMAS", "SARAH", "CARLOS", "KAREN",
        "DANIEL", "LISA", "MATTHEW", "NANCY", "ANTHONY", "BETTY", "MARK", "SANDRA", "PRIYA", "WEI",
    ]

    static let lastNames = [
        "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ",
        "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN",
        "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "NGUYEN", "PATEL", "KIM",
    ]

    /// City, state, ZIP prefix (three digits) and telephone area code.
    static let cities: [(city: String, state: String, zip: Int, areaCode: Int)] = [
        ("ATLANTA", "GA", 303, 404), ("BALTIMORE", "MD", 212, 410), ("BOISE", "ID", 837, 208),
        ("CHARLOTTE", "NC", 282, 704), ("CHICAGO", "IL", 606, 312), ("CINCINNATI", "OH", 452, 513),
        ("COLUMBUS", "OH", 432, 614), ("DALLAS", "TX", 752, 214), ("DENVER", "CO", 802, 303),
        ("DES MOINES", "IA", 503, 515), ("DETROIT", "MI", 482, 313), ("EL PASO", "TX", 799, 915),
        ("FONTANA", "CA", 923, 909), ("FORT WORTH", "TX", 761, 817), ("GRAND RAPIDS", "MI", 495, 616),
        ("HOUSTON", "TX", 770, 713), ("INDIANAPOLIS", "IN", 462, 317), ("JACKSONVILLE", "FL", 322, 904),
        ("KANSAS CITY", "MO", 641, 816), ("LAS VEGAS", "NV", 891, 702), ("LOUISVILLE", "KY", 402, 502),
        ("MEMPHIS", "TN", 381, 901), ("MILWAUKEE", "WI", 532, 414), ("MINNEAPOLIS", "MN", 554, 612),
        ("NASHVILLE", "TN", 372, 615), ("OKLAHOMA CITY", "OK", 731, 405), ("OMAHA", "NE", 681, 402),
        ("ORLANDO", "FL", 328, 407), ("PHOENIX", "AZ", 850, 602), ("PITTSBURGH", "PA", 152, 412),
        ("PORTLAND", "OR", 972, 503), ("RENO", "NV", 895, 775), ("RICHMOND", "VA", 232, 804),
        ("SACRAMENTO", "CA", 958, 916), ("SALT LAKE CITY", "UT", 841, 801), ("SAN ANTONIO", "TX", 782, 210),
        ("SAVANNAH", "GA", 314, 912), ("SPOKANE", "WA", 992, 509), ("TACOMA", "WA", 984, 253),
        ("TOLEDO", "OH", 436, 419),
    ]

    static let streetNames = [
        "MAIN", "COMMERCE", "INDUSTRIAL", "LOGISTICS", "DISTRIBUTION", "OAK", "MAPLE", "CEDAR", "PARK", "LAKE",
        "HIGHLAND", "RIVER", "AIRPORT", "RAILROAD", "ENTERPRISE", "TECHNOLOGY", "WAREHOUSE", "CENTRAL", "UNION",
        "LIBERTY", "FREEDOM", "PIONEER", "GATEWAY", "CROSSROADS", "HARBOR",
    ]

    static let streetSuffixes = ["ST", "AVE", "BLVD", "DR", "PKWY", "RD", "WAY", "CT", "LN", "HWY"]

    static let retailAdjectives = [
        "CLASSIC", "PREMIUM", "ESSENTIAL", "DELUXE", "EVERYDAY", "ULTRA SOFT", "LIGHTWEIGHT", "ORGANIC",
        "RECYCLED", "KIDS", "WOMENS", "MENS", "HERITAGE", "PERFORMANCE", "COZY",
    ]

    /// A retail product line, the sizes it comes in, and its list price per each in cents.
    static let retailProducts: [(noun: String, sizes: [String], basePrice: Int)] = [
        ("CREW TEE", ["XS", "S", "M", "L", "XL", "XXL"], 799),
        ("PULLOVER HOODIE", ["S", "M", "L", "XL", "XXL"], 2499),
        ("JOGGER PANT", ["S", "M", "L", "XL"], 1999),
        ("ATHLETIC SOCKS 6PK", ["S/M", "L/XL"], 899),
        ("BATH TOWEL", ["27X52 IN", "30X56 IN"], 699),
        ("BED SHEET SET", ["TWIN", "FULL", "QUEEN", "KING"], 2999),
        ("THROW PILLOW", ["18X18 IN", "20X20 IN"], 1299),
        ("COFFEE MUG", ["12 OZ", "16 OZ"], 499),
        ("INSULATED WATER BOTTLE", ["20 OZ", "32 OZ", "40 OZ"], 1599),
        ("NONSTICK FRY PAN", ["8 IN", "10 IN", "12 IN"], 1899),
        ("LED DESK LAMP", ["ONE SIZE"], 2299),
        ("STORAGE BIN WITH LID", ["12 QT", "32 QT", "66 QT"], 899),
        ("SCENTED CANDLE", ["8 OZ", "14 OZ"], 1099),
        ("YOGA MAT", ["4MM", "6MM"], 1899),
        ("LAPTOP BACKPACK", ["15 IN", "17 IN"], 3499),
        ("BLUETOOTH SPEAKER", ["MINI", "STANDARD"], 2999),
        ("PHOTO FRAME", ["4X6 IN", "5X7 IN", "8X10 IN"], 599),
        ("SPIRAL NOTEBOOK 3PK", ["COLLEGE RULED", "WIDE RULED"], 399),
        ("GARDEN HOSE", ["25 FT", "50 FT", "100 FT"], 2499),
        ("DOG CHEW TOY", ["SMALL", "MEDIUM", "LARGE"], 699),
    ]

    static let colors = [
        "BLACK", "WHITE", "NAVY", "RED", "HEATHER GRAY", "OLIVE", "BLUSH", "TEAL", "CHARCOAL", "IVORY",
        "SAGE", "MUSTARD", "COBALT", "BURGUNDY", "SAND",
    ]

    /// An industrial product line: its specifications and finishes, unit of ordering, units per
    /// pack, and list price per unit in ten-thousandths of a dollar (`18_500` is $1.85).
    struct IndustrialProduct: Sendable {
        var noun: String
        var specs: [String]
        var finishes: [String]
        var unit: UnitOfMeasure
        var pack: Int
        var basePrice: Int
    }

    static let industrialProducts: [IndustrialProduct] = [
        IndustrialProduct(
            noun: "HEX CAP SCREW",
            specs: ["M6X20", "M8X40", "M10X50", "1/4-20 X 1", "3/8-16 X 2", "1/2-13 X 3"],
            finishes: ["ZINC PLATED", "GRADE 8", "STAINLESS 304", "BLACK OXIDE"],
            unit: .box, pack: 100, basePrice: 18_500
        ),
        IndustrialProduct(
            noun: "FLAT WASHER",
            specs: ["M6", "M8", "1/4", "3/8", "1/2"],
            finishes: ["ZINC PLATED", "STAINLESS 316"],
            unit: .box, pack: 100, basePrice: 4_500
        ),
        IndustrialProduct(
            noun: "NYLON INSERT LOCK NUT",
            specs: ["M6", "M8", "1/4-20", "3/8-16"],
            finishes: ["ZINC PLATED", "STAINLESS 304"],
            unit: .box, pack: 100, basePrice: 9_200
        ),
        IndustrialProduct(
            noun: "BALL BEARING",
            specs: ["6204-2RS", "6205-ZZ", "6301-2RS", "608-2RS"],
            finishes: ["CHROME STEEL"],
            unit: .each, pack: 1, basePrice: 64_900
        ),
        IndustrialProduct(
            noun: "V-BELT",
            specs: ["A42", "B55", "4L360", "5L480"],
            finishes: ["RUBBER"],
            unit: .each, pack: 1, basePrice: 127_500
        ),
        IndustrialProduct(
            noun: "HYDRAULIC HOSE ASSY",
            specs: ["1/4 IN X 36 IN", "3/8 IN X 48 IN", "1/2 IN X 72 IN"],
            finishes: ["2-WIRE"],
            unit: .each, pack: 1, basePrice: 382_000
        ),
        IndustrialProduct(
            noun: "BALL VALVE",
            specs: ["1/2 IN NPT", "3/4 IN NPT", "1 IN NPT", "2 IN NPT"],
            finishes: ["BRASS", "STAINLESS 316"],
            unit: .each, pack: 1, basePrice: 214_000
        ),
        IndustrialProduct(
            noun: "PIPE NIPPLE",
            specs: ["1/2 X 3 IN", "3/4 X 4 IN", "1 X 6 IN"],
            finishes: ["BLACK STEEL", "GALVANIZED"],
            unit: .each, pack: 1, basePrice: 23_125
        ),
        IndustrialProduct(
            noun: "NITRILE GLOVES",
            specs: ["SIZE M", "SIZE L", "SIZE XL"],
            finishes: ["4 MIL", "6 MIL"],
            unit: .box, pack: 100, basePrice: 119_900
        ),
        IndustrialProduct(
            noun: "CUT-OFF WHEEL",
            specs: ["4-1/2 X .045", "7 X 1/16", "14 X 1/8"],
            finishes: ["TYPE 1"],
            unit: .package, pack: 25, basePrice: 487_500
        ),
        IndustrialProduct(
            noun: "THHN WIRE",
            specs: ["12 AWG", "14 AWG", "10 AWG"],
            finishes: ["BLACK", "RED", "GREEN"],
            unit: .foot, pack: 1, basePrice: 1_875
        ),
        IndustrialProduct(
            noun: "CABLE TIE",
            specs: ["8 IN 50 LB", "11 IN 50 LB", "14 IN 120 LB"],
            finishes: ["NATURAL", "UV BLACK"],
            unit: .package, pack: 100, basePrice: 62_500
        ),
        IndustrialProduct(
            noun: "INDUCTIVE PROX SENSOR",
            specs: ["M12 PNP NO", "M18 NPN NC", "M30 PNP NO"],
            finishes: ["NICKEL BRASS"],
            unit: .each, pack: 1, basePrice: 845_000
        ),
        IndustrialProduct(
            noun: "IEC CONTACTOR",
            specs: ["3P 25A 24VDC", "3P 40A 120VAC", "3P 65A 240VAC"],
            finishes: ["DIN MOUNT"],
            unit: .each, pack: 1, basePrice: 1_420_000
        ),
        IndustrialProduct(
            noun: "HSS JOBBER DRILL",
            specs: ["1/8 IN", "1/4 IN", "3/8 IN", "1/2 IN"],
            finishes: ["BLACK OXIDE", "TIN COATED"],
            unit: .each, pack: 1, basePrice: 39_800
        ),
        IndustrialProduct(
            noun: "O-RING",
            specs: ["-010", "-114", "-214", "-332"],
            finishes: ["NITRILE 70A", "VITON 75A"],
            unit: .package, pack: 50, basePrice: 94_000
        ),
        IndustrialProduct(
            noun: "STEEL FLAT BAR",
            specs: ["1/4 X 2 IN", "3/8 X 3 IN"],
            finishes: ["A36 HOT ROLLED"],
            unit: .pound, pack: 1, basePrice: 11_500
        ),
        IndustrialProduct(
            noun: "HYDRAULIC OIL",
            specs: ["ISO 46", "ISO 68"],
            finishes: ["5 GAL PAIL"],
            unit: .each, pack: 1, basePrice: 960_000
        ),
    ]

    static let notes = [
        "DELIVER TO DOCK 4 BEFORE NOON", "CALL 24 HOURS BEFORE DELIVERY", "NO PARTIAL SHIPMENTS",
        "PALLETS MUST NOT EXCEED 60 IN HEIGHT", "INCLUDE PACKING LIST WITH EACH PALLET",
        "REFERENCE PO NUMBER ON ALL CARTONS", "APPOINTMENT REQUIRED FOR LTL DELIVERIES",
        "CERTIFICATE OF CONFORMANCE REQUIRED", "SHIP VIA ROUTING GUIDE ONLY", "HEAT TREATED PALLETS ONLY",
    ]
}
