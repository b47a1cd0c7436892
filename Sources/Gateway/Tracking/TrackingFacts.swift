import Foundation
import Orders
import Store

/// What one inbound file tells the tracker, gathered by ``FileProcessor`` before its commit and applied inside it
/// by ``OrderTracker``.
struct FileTrackingFacts: Sendable {
    /// A document received from the sender that is not a duplicate (997s, 855s, 856s; orders and changes too).
    struct Received: Sendable {
        var document: BusinessDocument
        /// `ISA13/GS06/ST02` or the payloadID.
        var controlReference: String
        /// Why validation rejected it, if it did (a rejected document is not tracked, only noted).
        var rejection: String?
    }

    /// A document the file sends on to a recipient: one per queued message, in the order the build closure
    /// returns them (after the acknowledgment, if any).
    struct Sent: Sendable {
        var recipient: String
        var document: BusinessDocument
        /// `document`'s canonical JSON, when already made.
        var json: Data?
        var isCopy: Bool
        var format: String
        /// Seconds after delivery the recipient has for a 997/999 (0: none expected).
        var acknowledgmentWithin: TimeInterval
        /// Seconds after delivery the recipient has for an 855 (0: none expected).
        var confirmationWithin: TimeInterval
    }

    /// A document a partner's accuracy rule held back.
    struct Held: Sendable {
        var orderNumber: String?
        var controlReference: String
        var reason: String
    }

    var claim: String
    var fileName: String
    var sender: String?
    var at: Date
    var outcome: InboundOutcome
    var received: [Received] = []
    var sent: [Sent] = []
    var held: [Held] = []
    var duplicates: [DuplicateRecord] = []
    var gaps: [ControlNumberGap] = []
    /// The interchange control numbers (ISA13) the file brought from `sender` (not duplicates): one inside an open
    /// gap narrows or closes it.
    var inboundControlNumbers: [Int] = []
}
