import Delivery
@preconcurrency import Glibc

/// Claim ids: `YYYYMMDDTHHMMSSmmmZ-xxxxxxxx`, the UTC time to the millisecond and 32 random bits in hex.
enum ClaimID {
    static func make() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let random = String(UInt32(truncatingIfNeeded: NameEntropy.next()), radix: 16)
        return digits(fields.tm_year + 1900, 4) + digits(fields.tm_mon + 1, 2) + digits(fields.tm_mday, 2) + "T"
            + digits(fields.tm_hour, 2) + digits(fields.tm_min, 2) + digits(fields.tm_sec, 2)
            + digits(Int32(now.tv_nsec / 1_000_000), 3) + "Z-" + String(repeating: "0", count: 8 - random.count)
            + random
    }

    /// Whether `text` has the shape of a claim id.
    static func isValid(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        guard characters.count == 28, characters[8] == UInt8(ascii: "T"), characters[18] == UInt8(ascii: "Z"),
            characters[19] == UInt8(ascii: "-")
        else { return false }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let isHex = { (c: UInt8) in isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) }
        return characters[0..<8].allSatisfy(isDigit) && characters[9..<18].allSatisfy(isDigit)
            && characters[20...].allSatisfy(isHex)
    }
}
