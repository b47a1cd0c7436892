/// A problem found in X12 data, delivered as a value: reading goes on after it.
///
/// Every finding says how bad it is, which acknowledgment code reports it to the sender,
/// exactly where it is, the offending value, and a sentence a person understands.
public struct X12Finding: Hashable, Sendable, CustomStringConvertible {
    /// How bad a finding is.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        /// The data breaks the standard in a way that makes it (partly) unusable.
        case error
        /// The data breaks the standard, but Porter could read it unambiguously.
        case warning
        /// Worth knowing; nothing is wrong.
        case info

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .info: 0
            }
        }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    /// The offending value as read (secrets masked), when there is one.
    public var value: String?
    public var location: X12Location
    /// The acknowledgment code that reports this finding to the sender, when one applies.
    public var acknowledgment: X12AcknowledgmentCode?

    public init(
        _ severity: Severity,
        _ code: Code,
        _ message: String,
        value: String? = nil,
        location: X12Location,
        acknowledgment: X12AcknowledgmentCode? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.value = value
        self.location = location
        self.acknowledgment = acknowledgment
    }

    /// `file:line: severity: message [code]`, the form printed by the CLI.
    public var description: String {
        var text = ""
        if let file = self.location.file { text += "\(file):" }
        text += "\(self.location.line): \(self.severity.rawValue): \(self.message)"
        let context = self.location.contextDescription
        if !context.isEmpty { text += " (\(context))" }
        text += " [\(self.code)]"
        return text
    }
}

extension X12Finding {
    /// What kind of problem a finding is. Extensible: new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable,
        ExpressibleByStringLiteral
    {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public init(from decoder: any Decoder) throws {
            self.rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(self.rawValue)
        }
        public var description: String { self.rawValue }

        // Input as a whole
        public static let notX12: Self = "notX12"
        public static let leadingGarbage: Self = "leadingGarbage"
        public static let unexpectedEndOfInput: Self = "unexpectedEndOfInput"
        public static let missingFinalTerminator: Self = "missingFinalTerminator"
        public static let byteOrderMark: Self = "byteOrderMark"
        // The ISA header and delimiters
        public static let invalidInterchangeHeader: Self = "invalidInterchangeHeader"
        public static let invalidDelimiters: Self = "invalidDelimiters"
        public static let isaLength: Self = "isaLength"
        public static let isaNonASCIIPadding: Self = "isaNonASCIIPadding"
        public static let legacyRepetitionSeparator: Self = "legacyRepetitionSeparator"
        public static let unsupportedInterchangeVersion: Self = "unsupportedInterchangeVersion"
        public static let missingComponentSeparator: Self = "missingComponentSeparator"
        public static let invalidEnvelopeValue: Self = "invalidEnvelopeValue"
        // Envelope counts and control numbers
        public static let interchangeControlNumberMismatch: Self = "interchangeControlNumberMismatch"
        public static let controlNumberFormat: Self = "controlNumberFormat"
        public static let groupCountMismatch: Self = "groupCountMismatch"
        public static let groupControlNumberMismatch: Self = "groupControlNumberMismatch"
        public static let transactionCountMismatch: Self = "transactionCountMismatch"
        public static let transactionControlNumberMismatch: Self = "transactionControlNumberMismatch"
        public static let segmentCountMismatch: Self = "segmentCountMismatch"
        public static let duplicateInterchangeControlNumber: Self = "duplicateInterchangeControlNumber"
        public static let duplicateGroupControlNumber: Self = "duplicateGroupControlNumber"
        public static let duplicateTransactionControlNumber: Self = "duplicateTransactionControlNumber"
        public static let functionalIdentifierMismatch: Self = "functionalIdentifierMismatch"
        public static let versionMismatch: Self = "versionMismatch"
        public static let invalidDate: Self = "invalidDate"
        public static let invalidTime: Self = "invalidTime"
        // Envelope structure
        public static let missingInterchangeTrailer: Self = "missingInterchangeTrailer"
        public static let missingGroupTrailer: Self = "missingGroupTrailer"
        public static let missingTransactionTrailer: Self = "missingTransactionTrailer"
        public static let unexpectedSegment: Self = "unexpectedSegment"
        // Segment syntax
        public static let invalidSegmentID: Self = "invalidSegmentID"
        public static let segmentTooLong: Self = "segmentTooLong"
        public static let tooManyElements: Self = "tooManyElements"
        public static let emptySegment: Self = "emptySegment"
        // Schema validation: structure (AK3/IK3)
        public static let schemaNotApplied: Self = "schemaNotApplied"
        public static let mandatorySegmentMissing: Self = "mandatorySegmentMissing"
        public static let segmentExceedsMaximumUse: Self = "segmentExceedsMaximumUse"
        public static let loopExceedsMaximumRepeat: Self = "loopExceedsMaximumRepeat"
        public static let segmentOutOfOrder: Self = "segmentOutOfOrder"
        public static let segmentNotInTransactionSet: Self = "segmentNotInTransactionSet"
        public static let unexpectedSegmentHere: Self = "unexpectedSegmentHere"
        // Schema validation: elements (AK4/IK4)
        public static let mandatoryElementMissing: Self = "mandatoryElementMissing"
        public static let conditionalElementMissing: Self = "conditionalElementMissing"
        public static let tooManyDataElements: Self = "tooManyDataElements"
        public static let tooManyComponents: Self = "tooManyComponents"
        public static let tooManyRepetitions: Self = "tooManyRepetitions"
        public static let elementTooShort: Self = "elementTooShort"
        public static let elementTooLong: Self = "elementTooLong"
        public static let invalidCharacter: Self = "invalidCharacter"
        public static let invalidCode: Self = "invalidCode"
        public static let invalidElementDate: Self = "invalidElementDate"
        public static let invalidElementTime: Self = "invalidElementTime"
        public static let exclusionViolated: Self = "exclusionViolated"
        // 856 hierarchy
        public static let hierarchyDuplicateID: Self = "hierarchyDuplicateID"
        public static let hierarchyParentMissing: Self = "hierarchyParentMissing"
        public static let hierarchyLevelOrder: Self = "hierarchyLevelOrder"
    }
}

/// The acknowledgment element and code that reports a finding to the sender.
public enum X12AcknowledgmentCode: Hashable, Sendable {
    /// TA105, Interchange Note Code (interchange envelope errors).
    case ta105(String)
    /// AK905 / 999 AK905, Functional Group Syntax Error Code.
    case ak905(String)
    /// AK502 / IK502, Transaction Set Syntax Error Code.
    case ak502(String)
    /// AK304 / IK304, Segment Syntax Error Code.
    case ak304(String)
    /// AK403 / IK403, Data Element Syntax Error Code.
    case ak403(String)

    /// `"TA105"`, `"AK905"`...
    public var element: String {
        switch self {
        case .ta105: "TA105"
        case .ak905: "AK905"
        case .ak502: "AK502"
        case .ak304: "AK304"
        case .ak403: "AK403"
        }
    }

    /// The code value, such as `"001"` or `"5"`.
    public var value: String {
        switch self {
        case .ta105(let code), .ak905(let code), .ak502(let code), .ak304(let code),
            .ak403(let code):
            code
        }
    }
}

/// Where a finding is: the file, the byte and line, the envelope it is in, and the
/// segment, element and component positions.
public struct X12Location: Hashable, Sendable {
    /// The input's name as the caller gave it (a path, or `-` for standard input).
    public var file: String?
    /// Byte offset from the start of the input (after transcoding, if any).
    public var byteOffset: Int
    /// 1-based line number (lines are counted on LF).
    public var line: Int
    /// ISA13 of the enclosing interchange.
    public var interchange: String?
    /// GS06 of the enclosing functional group.
    public var group: String?
    /// ST02 of the enclosing transaction set.
    public var transaction: String?
    /// Position of the segment in its transaction set, ST = 1.
    public var segmentPosition: Int?
    /// The segment's identifier, such as `"BEG"`.
    public var segmentID: String?
    /// 1-based element position (`BEG03` is 3).
    public var element: Int?
    /// 1-based component position inside a composite.
    public var component: Int?
    /// 1-based repetition inside a repeating element.
    public var repetition: Int?
    /// Loop path such as `PO1[3]/PID[1]` (filled by schema validation).
    public var loop: String?
    /// The X12 data element reference number of `element` (`324` for BEG03), for AK402/IK402.
    public var elementReference: String?
    /// The identifier of the innermost loop the segment is in (`PO1`), for AK303/IK303.
    public var loopIdentifier: String?

    public init(
        file: String? = nil,
        byteOffset: Int,
        line: Int,
        interchange: String? = nil,
        group: String? = nil,
        transaction: String? = nil,
        segmentPosition: Int? = nil,
        segmentID: String? = nil,
        element: Int? = nil,
        component: Int? = nil,
        repetition: Int? = nil,
        loop: String? = nil,
        elementReference: String? = nil,
        loopIdentifier: String? = nil
    ) {
        self.file = file
        self.byteOffset = byteOffset
        self.line = line
        self.interchange = interchange
        self.group = group
        self.transaction = transaction
        self.segmentPosition = segmentPosition
        self.segmentID = segmentID
        self.element = element
        self.component = component
        self.repetition = repetition
        self.loop = loop
        self.elementReference = elementReference
        self.loopIdentifier = loopIdentifier
    }

    /// `ISA13 000000457, GS06 12, ST02 0001, segment 4 BEG03` — the envelope and position.
    public var contextDescription: String {
        var parts: [String] = []
        if let interchange { parts.append("ISA13 \(interchange)") }
        if let group { parts.append("GS06 \(group)") }
        if let transaction { parts.append("ST02 \(transaction)") }
        var segment = ""
        if let segmentPosition { segment += "segment \(segmentPosition)" }
        if let segmentID {
            if !segment.isEmpty { segment += " " }
            segment += segmentID
            if let element {
                segment += element < 10 ? "0\(element)" : "\(element)"
                if let component { segment += "-\(component)" }
            }
        }
        if !segment.isEmpty { parts.append(segment) }
        if let loop { parts.append("loop \(loop)") }
        parts.append("byte \(self.byteOffset)")
        return parts.joined(separator: ", ")
    }
}
