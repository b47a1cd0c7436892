public import Orders

/// A cXML `Response`: the answer on the same connection to a request (DOMAIN.md §8.1).
///
/// Not a purchase-order document: it tells whether the request it answers was taken. Whatever the response carries
/// besides its `Status` (a `PunchOutSetupResponse`…) is named in ``responseElement`` and kept in ``extensions``.
public struct CXMLResponse: Hashable, Sendable {
    /// The response's `payloadID`.
    public var payloadID: String?
    /// Its `timestamp`, as sent.
    public var timestamp: DateTime?
    /// The cXML version: the `DOCTYPE`'s, else `cXML@version`.
    public var version: String?
    /// The outcome.
    public var status: CXMLStatus
    /// The name of the element after `Status`, when there is one (`PunchOutSetupResponse`).
    public var responseElement: String?
    /// What Porter did not map, under cXML paths (see the cXML codecs' address format).
    public var extensions: Extensions

    /// Creates a response.
    public init(
        payloadID: String? = nil, timestamp: DateTime? = nil, version: String? = nil, status: CXMLStatus,
        responseElement: String? = nil, extensions: Extensions = Extensions()
    ) {
        self.payloadID = payloadID
        self.timestamp = timestamp
        self.version = version
        self.status = status
        self.responseElement = responseElement
        self.extensions = extensions
    }
}
