import Foundation
import Hummingbird
import Translation

/// The listener's answer to one request: an HTTP status and, in the body, a cXML `Response` whose `Status` carries
/// the same code, its reason phrase as `text` and a sentence saying why.
///
/// The `Response`'s `payloadID` is the request's when it could be read (so a sender can match the answer to what it
/// sent), else a new one.
struct ListenerAnswer: Error, Sendable {
    /// The HTTP status, which is also the cXML status code.
    var code: Int
    /// Why, in one sentence. Never holds a secret or document content.
    var message: String
    /// The request's payloadID, when known.
    var payloadID: String?
    /// Whether the connection is closed after the answer (a body too large to read).
    var closesConnection = false
    /// Whether the answer says that only `POST` is allowed (405).
    var allowsOnlyPost = false

    init(_ code: Int, _ message: String, payloadID: String? = nil) {
        self.code = code
        self.message = message
        self.payloadID = payloadID
    }

    /// The standard phrase of ``code``.
    var text: String {
        switch self.code {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        default: "Internal Server Error"
        }
    }

    /// The HTTP response: `text/xml` with the cXML `Response`.
    var response: Response {
        var options = CXMLEncodingOptions()
        options.payloadID = self.payloadID
        let status = CXMLStatus(code: self.code, text: self.text, detail: self.message)
        let bytes: [UInt8]
        if let encoded = try? CXMLResponseEncoder(options: options).encode(status) {
            bytes = encoded.bytes
        } else {
            // The writer cannot fail on these values; should it, the status still goes out in plain text.
            bytes = Array("\(self.code) \(self.text): \(self.message)\n".utf8)
        }
        var fields = HTTPFields()
        fields[.contentType] = "text/xml; charset=UTF-8"
        if self.closesConnection { fields[.connection] = "close" }
        if self.allowsOnlyPost { fields[.allow] = "POST" }
        return Response(
            status: HTTPResponse.Status(code: self.code), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
