import Orders

/// One cXML code list: the cXML values Porter maps to its names, both ways.
///
/// Decoding a cXML value Porter does not map keeps it as sent (``CodedValue/init(rawValue:)``). Encoding a Porter
/// value without a cXML value of its own takes the nearest one from `approximations`, so the document stays valid;
/// the codec then says so (and keeps the exact value in a Porter extrinsic where it can).
struct CXMLCodeList<Value: CodedValue>: Sendable {
    private let byCode: [String: Value]
    private let byValue: [Value: String]
    private let approximations: [Value: String]

    init(_ pairs: [(String, Value)], approximations: [(Value, String)] = []) {
        self.byCode = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        self.byValue = Dictionary(pairs.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first })
        self.approximations = Dictionary(approximations, uniquingKeysWith: { first, _ in first })
    }

    /// The value for a cXML code, and whether Porter maps it.
    func value(_ code: String) -> (value: Value, isMapped: Bool) {
        if let value = self.byCode[code] { return (value, true) }
        return (Value(rawValue: code), false)
    }

    /// The exact cXML code of a value, if it has one.
    func code(_ value: Value) -> String? { self.byValue[value] }

    /// The cXML code of a value: its own, else the nearest (`isExact` false), else `nil`.
    func nearestCode(_ value: Value) -> (code: String, isExact: Bool)? {
        if let code = self.byValue[value] { return (code, true) }
        if let code = self.approximations[value] { return (code, false) }
        return nil
    }
}
