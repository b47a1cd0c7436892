/// The dictionary and transaction-set structures of one X12 version, as Porter validates them.
///
/// Porter bundles two schemas, `004010` and `005010`, generated from the domain reference and
/// stored as JSON resources (`Schema/Data/x12-<version>.json`). Every reference in them is
/// resolved when they load: a segment's ``X12SegmentSchema/elements`` hold the element and
/// composite definitions themselves, and every segment named by a structure is defined.
///
/// ```swift
/// if let (schema, exact) = X12Schema.nearest(toGroupVersion: "004010VICS"),
///    let purchaseOrder = schema.transactionSets["850"] {
///     print(schema.version, exact, purchaseOrder.structure.count)
/// }
/// ```
public struct X12Schema: Hashable, Sendable {
    /// The version/release this schema describes: `"004010"` or `"005010"`.
    public var version: String
    /// Simple data elements by reference number (`"353"`).
    public var elements: [String: X12ElementSchema]
    /// Composite data elements by identifier (`"C001"`).
    public var composites: [String: X12CompositeSchema]
    /// Segments by identifier (`"BEG"`): every segment any transaction set of this schema uses.
    public var segments: [String: X12SegmentSchema]
    /// Transaction sets by identifier (`"850"`).
    public var transactionSets: [String: X12TransactionSetSchema]

    /// Creates a schema from already-resolved parts.
    ///
    /// No consistency check is made; use ``init(jsonBytes:)`` to load and check data.
    ///
    /// - Parameters:
    ///   - version: The version/release, e.g. `"004010"`.
    ///   - elements: Simple elements by reference number.
    ///   - composites: Composites by identifier.
    ///   - segments: Segments by identifier.
    ///   - transactionSets: Transaction sets by identifier.
    public init(
        version: String, elements: [String: X12ElementSchema], composites: [String: X12CompositeSchema],
        segments: [String: X12SegmentSchema], transactionSets: [String: X12TransactionSetSchema]
    ) {
        self.version = version
        self.elements = elements
        self.composites = composites
        self.segments = segments
        self.transactionSets = transactionSets
    }

    // MARK: Bundled schemas

    /// The versions whose schemas ship with Porter: `["004010", "005010"]`.
    public static let bundledVersions: [String] = ["004010", "005010"]

    /// The bundled schemas, loaded on first use; Swift runs the initializer of a `static let`
    /// once, thread-safely, so every caller shares the same values.
    private static let bundled: [String: Result<X12Schema, X12SchemaError>] = {
        var schemas: [String: Result<X12Schema, X12SchemaError>] = [:]
        for version in bundledVersions {
            schemas[version] = Result { () throws(X12SchemaError) in try X12Schema.loadBundled(version: version) }
        }
        return schemas
    }()

    /// The bundled schema of a version.
    ///
    /// The first call loads both bundled schemas; later calls return the cached values.
    ///
    /// - Parameter version: `"004010"` or `"005010"` (the six-digit release, no suffix).
    /// - Returns: `nil` for any other version, or if the bundled resource failed to load
    ///   (``loadBundled(version:)`` reports why).
    /// - Complexity: O(1) once loaded.
    public static func library(for version: String) -> X12Schema? {
        try? self.bundled[version]?.get()
    }

    /// Reads and checks a bundled schema afresh, without the cache of ``library(for:)``.
    ///
    /// Meant for tests and diagnostics: it says exactly why a resource does not load.
    ///
    /// - Parameter version: `"004010"` or `"005010"`.
    /// - Returns: The resolved schema.
    /// - Throws: ``X12SchemaError`` with code `resourceMissing` if there is no resource for
    ///   `version`, or the code of the first problem found in the data.
    /// - Complexity: O(*n*) in the size of the resource.
    public static func loadBundled(version: String) throws(X12SchemaError) -> X12Schema {
        let bytes = try X12Schema.resourceBytes(version: version)
        let schema = try X12Schema(jsonBytes: bytes)
        guard schema.version == version else {
            throw X12SchemaError(
                .invalidDefinition, "the resource for \(version) describes version \(schema.version)",
                location: "version")
        }
        return schema
    }

    /// The bundled schema to validate a functional group with, chosen from its GS08 value.
    ///
    /// GS08 starting `004010` selects 004010 and `005010` selects 005010, exactly, whatever
    /// industry suffix follows (`004010VICS`, `005010X231A1`). Other releases get the nearest
    /// bundled one, flagged as inexact: other `004xxx` (004020, 004060…) and all `003xxx` use
    /// 004010; other `005xxx` use 005010. Leading and trailing spaces are ignored.
    ///
    /// - Parameter gs08: The version/release/industry identifier of the group (GS08).
    /// - Returns: The schema and whether it is the group's own release; `nil` when GS08 does
    ///   not start with six digits, names a release outside 003–005, or the schema did not load.
    /// - Complexity: O(*n*) in the length of `gs08`.
    public static func nearest(toGroupVersion gs08: String) -> (schema: X12Schema, exact: Bool)? {
        let release = gs08.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(6)
        guard release.count == 6, release.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let text = String(decoding: release, as: UTF8.self)
        let version: String
        let exact: Bool
        switch text {
        case "004010", "005010":
            version = text
            exact = true
        case _ where text.hasPrefix("004") || text.hasPrefix("003"):
            version = "004010"
            exact = false
        case _ where text.hasPrefix("005"):
            version = "005010"
            exact = false
        default:
            return nil
        }
        guard let schema = self.library(for: version) else { return nil }
        return (schema, exact)
    }
}
