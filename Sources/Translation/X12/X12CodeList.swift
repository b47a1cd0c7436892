import Orders

/// One X12 code list: the codes Porter names, both ways.
///
/// Decoding a code Porter does not name keeps it as sent (``CodedValue/init(rawValue:)``); encoding a value Porter
/// does not name writes its raw value, so an unknown code travels through unchanged.
struct X12CodeList<Value: CodedValue>: Sendable {
    private let byCode: [String: Value]
    private let byValue: [Value: String]

    init(_ pairs: [(String, Value)]) {
        self.byCode = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        self.byValue = Dictionary(pairs.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value for an X12 code, and whether Porter names it.
    func value(_ code: String) -> (value: Value, isNamed: Bool) {
        if let value = self.byCode[code] { return (value, true) }
        return (Value(rawValue: code), false)
    }

    /// The X12 code for a value.
    func code(_ value: Value) -> String { self.byValue[value] ?? value.rawValue }
}
