#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one line to standard error (diagnostics never go to standard output).
func printToStandardError(_ message: String) {
    var line = message
    line.append("\n")
    line.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

/// `1234567` → `"1,234,567"`.
func groupingThousands(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}

/// `counted(1, "group")` → `"1 group"`, `counted(1200, "group")` → `"1,200 groups"`.
func counted(_ value: Int, _ noun: String) -> String {
    "\(groupingThousands(value)) \(noun)\(value == 1 ? "" : "s")"
}

/// Fixed-point text for a non-negative number, e.g. `formatted(3.14159, decimals: 2)` → `"3.14"`.
func formatted(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (max(value, 0) * scale).rounded()
    guard scaled < 9e18 else { return String(value) }
    let units = Int(scaled)
    let factor = Int(scale)
    var text = String(units / factor)
    if decimals > 0 {
        let fraction = String(units % factor)
        text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = self.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
