#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an ``X12AcknowledgmentGenerator`` writes and how.
///
/// The defaults answer every functional group with a 997 in the version it was sent in,
/// from the receiver the sender addressed, with the sender's own delimiters, and send a TA1
/// when the sender asked for one (ISA14 = 1) or when the interchange envelope is broken.
///
/// ```swift
/// var options = X12AcknowledgmentOptions(kind: .ia999)
/// options.timeSource = .fixed(.init(date: "20240301", time: "1015"))
/// options.identity = .init(qualifier: "ZZ", id: "GATEWAY", applicationCode: "GATEWAY")
/// ```
public struct X12AcknowledgmentOptions: Sendable {
    /// Which functional acknowledgment answers a functional group.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// 997 Functional Acknowledgment, in the version of the group acknowledged.
        case fa997
        /// 999 Implementation Acknowledgment, always 005010 with ST03 ``implementationReference``.
        case ia999
    }

    /// When an interchange is answered with a TA1.
    public enum InterchangeAcknowledgment: String, Hashable, Sendable, CaseIterable {
        /// When ISA14 is `1`, or when the envelope is broken (an error finding with a TA105 code).
        case whenRequested
        /// For every interchange (except one that holds only TA1 acknowledgments).
        case always
        /// Never.
        case never
    }

    /// Who we are in the acknowledgments, instead of the receiver the sender addressed.
    public struct Identity: Hashable, Sendable {
        /// ISA05 of the acknowledgment.
        public var qualifier: String
        /// ISA06 of the acknowledgment.
        public var id: String
        /// GS02 of the acknowledgment; `nil` keeps the received GS03.
        public var applicationCode: String?

        public init(qualifier: String, id: String, applicationCode: String? = nil) {
            self.qualifier = qualifier
            self.id = id
            self.applicationCode = applicationCode
        }
    }

    /// The version a 997 is written in (a 999 is always 00501 / 005010X231).
    public enum Version: Hashable, Sendable {
        /// ISA12 and GS08 of what is acknowledged (GS08 without an industry or
        /// implementation suffix: a `004010VICS` group is answered in `004010`).
        case received
        /// Always these: ISA12 such as `00401`, GS08 such as `004010`.
        case fixed(interchange: String, group: String)
    }

    /// A moment as X12 writes it.
    public struct Timestamp: Hashable, Sendable {
        /// `CCYYMMDD`, for GS04; ISA09 is its last six digits.
        public var date: String
        /// `HHMM` (or `HHMMSS`), for GS05; ISA10 is its first four digits.
        public var time: String

        public init(date: String, time: String) {
            self.date = date
            self.time = time
        }

        /// The current time in UTC, read from the system clock.
        public static func now() -> Timestamp {
            let parts = utcCalendarTime()
            func digits(_ value: Int32, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return Timestamp(
                date: digits(parts.tm_year + 1900, 4) + digits(parts.tm_mon + 1, 2) + digits(parts.tm_mday, 2),
                time: digits(parts.tm_hour, 2) + digits(parts.tm_min, 2))
        }
    }

    /// Where the date and time of the acknowledgment envelopes come from. Asked once per
    /// interchange written.
    public enum TimeSource: Sendable {
        /// The system clock, in UTC.
        case systemUTC
        /// Always this moment (tests, replays).
        case fixed(Timestamp)
        /// A caller's clock.
        case custom(@Sendable () -> Timestamp)

        /// The moment to write now.
        public func timestamp() -> Timestamp {
            switch self {
            case .systemUTC: Timestamp.now()
            case .fixed(let timestamp): timestamp
            case .custom(let clock): clock()
            }
        }
    }

    /// 997 (default) or 999.
    public var kind: Kind
    /// Write 997/999s at all; `false` writes TA1s only (`porter validate --ack ta1`).
    public var functionalAcknowledgments: Bool = true
    /// When a TA1 is written.
    public var interchangeAcknowledgment: InterchangeAcknowledgment
    /// Our ISA05/ISA06 (and GS02); `nil` answers from the received ISA07/ISA08 and GS03.
    public var identity: Identity?
    /// The version of a 997.
    public var version: Version = .received
    /// ST03 and GS08 of a 999.
    public var implementationReference: String = "005010X231"
    /// The date and time of the envelopes written.
    public var timeSource: TimeSource
    /// Delimiters to write with; `nil` uses each received interchange's own. A missing
    /// component or repetition separator is filled in with one that is free.
    public var delimiters: X12Delimiters?
    /// Bytes after each segment terminator (dropped if they would clash with a delimiter).
    public var lineEnding: X12Writer.LineEnding = .lf
    /// ISA15 of the acknowledgments; `nil` mirrors the received ISA15 (`P` when it is not
    /// usable, and `T` for an `I` that cannot be sent in 00401).
    public var usage: String?
    /// Report warnings that carry an acknowledgment code, as "accepted, errors noted":
    /// AK3/AK4 detail with AK501 `E`, AK901 `E`, TA104 `E`. By default warnings are left out
    /// of acknowledgments altogether; they never reject.
    public var notesWarnings: Bool = false

    public init(
        kind: Kind = .fa997,
        interchangeAcknowledgment: InterchangeAcknowledgment = .whenRequested,
        identity: Identity? = nil,
        timeSource: TimeSource = .systemUTC
    ) {
        self.kind = kind
        self.interchangeAcknowledgment = interchangeAcknowledgment
        self.identity = identity
        self.timeSource = timeSource
    }
}

/// The system clock's current time, broken down in UTC (time(3), gmtime_r(3)).
private func utcCalendarTime() -> tm {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return parts
}
