internal import CLibXML2

/// The version of libxml2 Porter's cXML reader and writer run on (for example `20914` for 2.9.14).
public var libxml2Version: Int {
    guard let text = __xmlParserVersion()?.pointee else { return 0 }
    return Int(String(cString: text)) ?? 0
}

/// Conversions between Swift strings and libxml2's `xmlChar` strings.
enum XMLString {
    /// A Swift string from a libxml2 string, or `nil` for a null pointer.
    static func make(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` string, valid during the call.
    static func with<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }
}
