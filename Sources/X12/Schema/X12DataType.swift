/// The data type of a simple data element (DOMAIN §7).
///
/// Binary (`B`) is not listed: the transaction sets Porter validates do not use it.
public enum X12DataType: Hashable, Sendable, CustomStringConvertible {
    /// `ID`: a code from a code list, compared exactly.
    case identifier
    /// `AN`: a string that must hold at least one non-space character.
    case string
    /// `R`: a decimal number with an optional explicit point and sign.
    case decimal
    /// `DT`: a date, `CCYYMMDD` in transaction sets.
    case date
    /// `TM`: a time, `HHMM` up to `HHMMSSDD`.
    case time
    /// `N0`…`N9`: digits with an implied decimal point `impliedDecimals` places from the right.
    case numeric(impliedDecimals: Int)

    /// Parses a type code as X12 dictionaries print it.
    ///
    /// `N` alone is read as `N0`.
    ///
    /// - Parameter code: `ID`, `AN`, `R`, `DT`, `TM`, `N` or `N0`…`N9`.
    /// - Returns: `nil` for any other text.
    /// - Complexity: O(1).
    public init?(code: some StringProtocol) {
        switch code {
        case "ID": self = .identifier
        case "AN": self = .string
        case "R": self = .decimal
        case "DT": self = .date
        case "TM": self = .time
        case "N": self = .numeric(impliedDecimals: 0)
        default:
            let bytes = Array(code.utf8)
            guard bytes.count == 2, bytes[0] == UInt8(ascii: "N"),
                bytes[1] >= UInt8(ascii: "0"), bytes[1] <= UInt8(ascii: "9")
            else { return nil }
            self = .numeric(impliedDecimals: Int(bytes[1] - UInt8(ascii: "0")))
        }
    }

    /// The type code: `ID`, `AN`, `R`, `DT`, `TM` or `N0`…`N9`.
    public var code: String {
        switch self {
        case .identifier: "ID"
        case .string: "AN"
        case .decimal: "R"
        case .date: "DT"
        case .time: "TM"
        case .numeric(let impliedDecimals): "N\(impliedDecimals)"
        }
    }

    public var description: String { self.code }
}
