public import Foundation

/// One attempt to deliver one queued message through a ``DeliveryChannel``.
///
/// The queue worker builds one per attempt: the same message keeps its ``messageID``, ``fileName`` and ``payload``
/// from one attempt to the next, and ``attempt`` counts up, so a channel can tell a resend from a first try.
public struct OutboundDelivery: Sendable {
    /// The queued message's identifier, for logs (never a metric dimension).
    public var messageID: Int64
    /// The name the message has in an outbox folder: a plain file name, no `/`, not starting with `.`.
    public var fileName: String
    /// The bytes to deliver, exactly as encoded.
    public var payload: Data
    /// The payload's format: `"x12"`, `"cxml"` or `"json"`.
    public var format: String
    /// Which attempt this is: 1 for the first, more than 1 for a resend of a message an earlier attempt may have
    /// delivered already.
    public var attempt: Int

    /// Creates a delivery attempt.
    public init(messageID: Int64, fileName: String, payload: Data, format: String, attempt: Int) {
        self.messageID = messageID
        self.fileName = fileName
        self.payload = payload
        self.format = format
        self.attempt = attempt
    }

    /// Whether this attempt is a resend (``attempt`` above 1).
    public var isResend: Bool { self.attempt > 1 }
}
