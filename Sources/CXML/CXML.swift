internal import CLibXML2

/// The version of libxml2 Porter's cXML reader and writer run on (for example `20914` for 2.9.14).
public var libxml2Version: Int {
    guard let text = __xmlParserVersion()?.pointee else { return 0 }
    return Int(String(cString: text)) ?? 0
}
