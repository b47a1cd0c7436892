public import Foundation

/// A decimal number exactly as written: a quantity, a price, an amount, a percentage.
///
/// Quantities and money are never floating point. Foundation's `Decimal` holds the value, but it normalizes
/// (`Decimal(string: "0.10")` prints `0.1`), and EDI partners care about the digits they sent: a price of `0.10`
/// must come back as `0.10`. So a `DecimalNumber` keeps its canonical text — an optional minus sign, the integer
/// digits without leading zeros, and the fraction digits as written, trailing zeros included — and hands out
/// ``value`` for arithmetic and comparison.
///
/// Two numbers are equal (`==`) when their text is equal: `0.10` and `0.1` are different documents. Compare
/// ``value`` to compare amounts.
///
/// In JSON a decimal number is a string (`"12.50"`), so no JSON library can turn it into a `Double`.
public struct DecimalNumber: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    /// The canonical text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
    public let text: String

    /// The most significant digits a number may have (what `Decimal` holds exactly).
    public static let maximumSignificantDigits = 38

    /// Parses a decimal number written as `-?[0-9]+(\.[0-9]+)?`.
    ///
    /// Leading zeros of the integer part are dropped (`007` is `7`) and `-0` is `0`; the fraction digits are kept
    /// as written. Exponents, a leading `+`, a bare `.5` or `5.`, spaces and separators are refused.
    ///
    /// - Parameter text: The number as written.
    /// - Returns: `nil` if `text` is not a plain decimal number, or has more than
    ///   ``maximumSignificantDigits`` significant digits or more than 100 fraction digits.
    /// - Complexity: O(*n*) in the length of `text`.
    public init?(_ text: some StringProtocol) {
        // Most numbers arrive already in canonical form: keep the string rather than build it again.
        if let string = text as? String, Self.isCanonical(string) {
            self.text = string
            return
        }
        guard let canonical = Self.canonicalize(text.utf8) else { return nil }
        self.text = canonical
    }

    /// Writes a `Decimal` with the digits it holds (`Decimal` drops trailing fraction zeros).
    ///
    /// - Parameter value: A finite decimal value.
    /// - Precondition: `value` is not NaN.
    public init(_ value: Decimal) {
        precondition(!value.isNaN, "DecimalNumber cannot hold NaN")
        guard let canonical = Self.canonicalize(value.description.utf8) else {
            preconditionFailure("Decimal.description is not a plain decimal number: \(value)")
        }
        self.text = canonical
    }

    /// Writes a `Decimal` with at least `fractionDigits` digits after the point, padding with zeros.
    ///
    /// Digits are never removed: a value with more fraction digits keeps them all.
    public init(_ value: Decimal, minimumFractionDigits fractionDigits: Int) {
        let plain = DecimalNumber(value)
        let present = plain.fractionDigitCount
        guard fractionDigits > present else {
            self = plain
            return
        }
        let padding = String(repeating: "0", count: fractionDigits - present)
        self.text = plain.text + (present == 0 ? "." : "") + padding
    }

    public init(integerLiteral value: Int) {
        self.text = String(value)
    }

    /// A literal in the source, such as `"12.50"`.
    ///
    /// - Precondition: the literal is a valid decimal number (a programmer error otherwise).
    public init(stringLiteral value: String) {
        guard let number = DecimalNumber(value) else { preconditionFailure("not a decimal number: \(value)") }
        self = number
    }

    /// The value, for arithmetic and comparison.
    public var value: Decimal {
        guard let value = Decimal(string: self.text, locale: nil) else {
            preconditionFailure("DecimalNumber holds validated text: \(self.text)")
        }
        return value
    }

    /// The number of digits after the decimal point, as written.
    public var fractionDigitCount: Int {
        guard let point = self.text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        return self.text.utf8.distance(from: point, to: self.text.utf8.endIndex) - 1
    }

    public var description: String { self.text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = DecimalNumber(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a decimal number (-?digits[.digits], as a string): \(text)")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.text)
    }

    /// Whether `text` is already what ``canonicalize(_:)`` would make of it (``isCanonical(utf8:)``).
    private static func isCanonical(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Self.isCanonical(utf8: $0) }
    }

    private static func canonicalize(_ utf8: some Collection<UInt8>) -> String? {
        var bytes = Array(utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes.removeFirst()
        }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let integerPart = bytes[..<(point ?? bytes.endIndex)]
        let fractionPart = point.map { bytes[($0 + 1)...] } ?? []
        guard !integerPart.isEmpty, point == nil || !fractionPart.isEmpty else { return nil }
        guard integerPart.allSatisfy(Self.isDigitByte), fractionPart.allSatisfy(Self.isDigitByte) else { return nil }
        guard fractionPart.count <= 100 else { return nil }
        let integerDigits = integerPart.drop { $0 == UInt8(ascii: "0") }
        let significant =
            integerDigits.isEmpty
            ? fractionPart.drop { $0 == UInt8(ascii: "0") }.count : integerDigits.count + fractionPart.count
        guard significant <= Self.maximumSignificantDigits else { return nil }
        let isZero = integerDigits.isEmpty && fractionPart.allSatisfy { $0 == UInt8(ascii: "0") }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1)
        if negative && !isZero { result.append(UInt8(ascii: "-")) }
        if integerDigits.isEmpty { result.append(UInt8(ascii: "0")) } else { result.append(contentsOf: integerDigits) }
        if point != nil {
            result.append(UInt8(ascii: "."))
            result.append(contentsOf: fractionPart)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension DecimalNumber: CanonicalJSONValue {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.unescapedString(self.text)
    }
}
