/// A cXML `Status`: the outcome of a request (in a `Response`) or of a document sent earlier (in a
/// `StatusUpdateRequest`).
///
/// `code` follows HTTP's classes (DOMAIN.md §8.1): 2xx success, 4xx the request is wrong and must not be sent again
/// unchanged, 5xx a temporary failure worth retrying.
public struct CXMLStatus: Hashable, Sendable {
    /// The status code, such as `200` or `401`.
    public var code: Int
    /// The short text that goes with the code (`OK`, `Unauthorized`).
    public var text: String
    /// The element's own text: a free-form explanation, when given.
    public var detail: String?
    /// The `xml:lang` of the text, when given.
    public var language: String?

    /// Creates a status.
    public init(code: Int, text: String, detail: String? = nil, language: String? = nil) {
        self.code = code
        self.text = text
        self.detail = detail
        self.language = language
    }

    /// Whether the code is a success (2xx).
    public var isSuccess: Bool { (200..<300).contains(self.code) }

    /// Whether sending again later may succeed: 500, 550 and 560 (DOMAIN.md §8.1), never a 4xx.
    public var isRetryable: Bool { [500, 550, 560].contains(self.code) }
}
