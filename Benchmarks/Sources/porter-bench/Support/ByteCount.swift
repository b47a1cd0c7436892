/// A size in bytes, written on the command line as `100MB`, `1.5GB`, `512MiB` or `4096`.
///
/// `KB`, `MB`, `GB` and `TB` (or `K`, `M`, `G`, `T`) are powers of 1000; `KiB`, `MiB`, `GiB` and
/// `TiB` are powers of 1024. Letters are case-insensitive and a bare number is bytes.
struct ByteCount: Hashable, Sendable {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    /// Parses a size such as `100MB`; returns `nil` for anything else.
    init?(parsing text: String) {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        let split = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? trimmed.endIndex
        guard split != trimmed.startIndex,
            let number = Double(trimmed[..<split]), number.isFinite, number >= 0
        else { return nil }
        let multiplier: Double
        switch trimmed[split...].uppercased() {
        case "", "B": multiplier = 1
        case "K", "KB": multiplier = 1e3
        case "M", "MB": multiplier = 1e6
        case "G", "GB": multiplier = 1e9
        case "T", "TB": multiplier = 1e12
        case "KI", "KIB": multiplier = 1024
        case "MI", "MIB": multiplier = 1_048_576
        case "GI", "GIB": multiplier = 1_073_741_824
        case "TI", "TIB": multiplier = 1_099_511_627_776
        default: return nil
        }
        let bytes = (number * multiplier).rounded()
        guard bytes < 9e18 else { return nil }
        self.bytes = Int(bytes)
    }
}
