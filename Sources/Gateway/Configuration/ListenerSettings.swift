/// The inbound cXML listener: where `porter run` accepts documents by HTTP POST, and how big they may be.
///
/// Absent from the configuration (the default), `porter run` opens no port; `listener:` in `porter.yaml` or
/// `porter run --listen HOST:PORT` turns it on.
public struct ListenerSettings: Hashable, Sendable {
    /// The address to bind: a host name or IP address. Default `127.0.0.1` (this machine only).
    public var host: String
    /// The TCP port; 0 lets the system pick a free one. Default 8080.
    public var port: Int
    /// The largest request body accepted, in bytes; a bigger one is answered 413. Default 16 MiB.
    public var maxBodyBytes: Int

    /// The default ``maxBodyBytes``: 16 MiB.
    public static let defaultMaxBodyBytes = 16 << 20

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = ListenerSettings.defaultMaxBodyBytes)
    {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
    }

    /// Reads `HOST:PORT` (`127.0.0.1:8080`, `[::1]:8080`, `localhost:0`); `nil` when it is not one.
    public static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = Substring(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        let portText = text[text.index(after: colon)...]
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), !portText.isEmpty,
            portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65_535).contains(port)
        else { return nil }
        return (String(host), port)
    }

    /// `HOST:PORT`, as ``parseAddress(_:)`` reads it.
    public var address: String { self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)" }
}
