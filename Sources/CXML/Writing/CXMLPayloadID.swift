#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import Foundation
import Synchronization

/// Makes the globally unique `payloadID` every cXML document carries.
///
/// The form is the conventional `<time>.<process>.<random>@<host>`: milliseconds since 1970,
/// the process id, a per-process counter and 32 random bits in hexadecimal, then the host
/// name or a domain the caller gives, as in `1795360500123.4242.1f.9c3e02ab@gateway.example.com`.
public enum CXMLPayloadID {
    private static let counter = Atomic(0)

    /// Makes a new payload ID.
    ///
    /// - Parameters:
    ///   - domain: What follows `@`; by default the host name (`gethostname(2)`), or
    ///     `localhost` when it has none.
    ///   - date: The time it is made at; now by default.
    /// - Returns: A payload ID unique to this process and, with overwhelming likelihood,
    ///   across processes and hosts.
    public static func generate(domain: String? = nil, date: Date = Date()) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let sequence = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
        let random = UInt32.random(in: .min ... .max)
        let host = domain ?? Self.hostName()
        return "\(milliseconds).\(getpid()).\(String(sequence, radix: 16)).\(String(random, radix: 16))@\(host)"
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
