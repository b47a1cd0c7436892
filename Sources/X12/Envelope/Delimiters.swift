/// The four X12 delimiters of one interchange.
///
/// A file may hold several interchanges, each with its own delimiters; the reader finds
/// them again at every `ISA`. X12 before 007040 has no escape character, so a delimiter
/// can never appear inside data.
public struct X12Delimiters: Hashable, Sendable, CustomStringConvertible {
    /// Separates the elements of a segment (the byte after `ISA`).
    public var element: UInt8
    /// Separates the components of a composite element (ISA16); `nil` when a sender left it out.
    public var component: UInt8?
    /// Separates repetitions of a repeating element (ISA11, from version 00402 on); `nil` when none.
    public var repetition: UInt8?
    /// Ends a segment: usually one byte, but a multi-byte UTF-8 character is seen in the wild.
    public var segment: [UInt8]

    public init(element: UInt8, component: UInt8?, repetition: UInt8?, segment: [UInt8]) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
    }

    /// `*`, `:`, `^` and `~`: the most common choice for 005010.
    public static let standard = X12Delimiters(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ":"), repetition: UInt8(ascii: "^"),
        segment: [UInt8(ascii: "~")])

    /// Why these delimiters cannot be used together, or `nil` when they can.
    ///
    /// All delimiters must differ, none may be a letter, digit or space inside a
    /// terminator, and the terminator must be 1–4 bytes.
    public var problem: String? {
        if self.segment.isEmpty || self.segment.count > 4 {
            return "the segment terminator must be 1 to 4 bytes"
        }
        var seen: [UInt8] = [self.element]
        for (name, byte) in [("component", self.component), ("repetition", self.repetition)] {
            guard let byte else { continue }
            if seen.contains(byte) {
                return "the \(name) separator \(Self.show(byte)) is already used as another delimiter"
            }
            seen.append(byte)
        }
        if seen.contains(self.segment[0]) {
            return "the segment terminator \(Self.show(self.segment[0])) is already used as a separator"
        }
        for byte in seen + [self.segment[0]] where Self.isAlphanumeric(byte) {
            return "\(Self.show(byte)) is a letter or digit and cannot be a delimiter"
        }
        return nil
    }

    public var description: String {
        let component = self.component.map(Self.show) ?? "none"
        let repetition = self.repetition.map(Self.show) ?? "none"
        let terminator =
            self.segment.count == 1
            ? Self.show(self.segment[0])
            : "\"\(String(decoding: self.segment, as: UTF8.self))\""
        return "element \(Self.show(self.element)), component \(component), repetition \(repetition), "
            + "segment \(terminator)"
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// A readable name for a delimiter byte: `'*'`, `LF`, `0x1C`.
    package static func show(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "LF"
        case 0x0D: return "CR"
        case 0x20: return "space"
        case 0x09: return "TAB"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "0x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
