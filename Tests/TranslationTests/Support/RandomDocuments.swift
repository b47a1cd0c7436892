import Orders

/// A deterministic random number generator (SplitMix64): the same seed gives the same documents on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Random canonical documents holding only what X12 can carry: values within their elements' lengths and types,
/// no delimiter characters (`*`, `:`, `^`, `~`, `>`), no leading or trailing spaces.
///
/// Each generator takes the version it will be written in, so 005010-only elements appear only there.
struct RandomDocuments {
    var random: SeededGenerator
    /// Whether the document will be written in 005010 (else 004010).
    let isFiveOrLater: Bool

    init(seed: UInt64, version: String) {
        self.random = SeededGenerator(seed: seed)
        self.isFiveOrLater = version.hasPrefix("005")
    }

    // MARK: Primitives

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self.random) }

    mutating func chance(_ percent: Int) -> Bool { self.int(1...100) <= percent }

    mutating func pick<Value>(_ values: [Value]) -> Value { values[self.int(0...values.count - 1)] }

    mutating func maybe<Value>(_ percent: Int = 50, _ make: (inout Self) -> Value) -> Value? {
        self.chance(percent) ? make(&self) : nil
    }

    mutating func list<Value>(_ count: ClosedRange<Int>, _ make: (inout Self) -> Value) -> [Value] {
        (0..<self.int(count)).map { _ in make(&self) }
    }

    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    /// Text characters that are no delimiter of the writers used in the tests.
    static let textCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -.,/#&'()!?@+=%$")

    mutating func string(_ alphabet: [Character], _ length: ClosedRange<Int>) -> String {
        String((0..<self.int(length)).map { _ in self.pick(alphabet) })
    }

    /// Free text: letters or digits first and last, so no leading or trailing space.
    mutating func text(_ length: ClosedRange<Int>) -> String {
        let count = self.int(length)
        guard count > 1 else { return self.string(Self.alphanumeric, 1...1) }
        return self.string(Self.alphanumeric, 1...1) + self.string(Self.textCharacters, (count - 2)...(count - 2))
            + self.string(Self.alphanumeric, 1...1)
    }

    mutating func digits(_ length: ClosedRange<Int>) -> String { self.string(Array("0123456789"), length) }

    /// A whole number as N0 text: no leading zeros.
    mutating func number(_ range: ClosedRange<Int>) -> String { String(self.int(range)) }

    /// One of `named`, or (one time in `unnamedPercent`) a code Porter does not name.
    mutating func coded<Value: CodedValue>(_ unnamedPercent: Int = 10, _ unnamed: [String] = ["ZZ9"]) -> Value {
        if self.chance(unnamedPercent) { return Value(rawValue: self.pick(unnamed)) }
        return self.pick(Value.namedValues)
    }

    mutating func date() -> CalendarDate {
        CalendarDate(year: self.int(1990...2099), month: self.int(1...12), day: self.int(1...28))!
    }

    /// A time as X12 sends it: `HHMM`, `HHMMSS` or `HHMMSSd`.
    mutating func time() -> TimeOfDay {
        let second = self.maybe { $0.int(0...59) }
        let fraction = second == nil ? nil : self.maybe(30) { $0.digits(1...2) }
        return TimeOfDay(hour: self.int(0...23), minute: self.int(0...59), second: second, fractionDigits: fraction)!
    }

    // MARK: Envelope

    /// An envelope the encoders write and the decoders read back unchanged: identifiers without padding, a
    /// nine-digit ISA13, a GS06 without leading zeros, a GS05 of four or six digits.
    mutating func envelope(version: String) -> Envelope {
        let qualifiers = ["01", "08", "12", "14", "ZZ"]
        let second = self.maybe(30) { $0.int(0...59) }
        return Envelope(
            standard: .x12,
            sender: EnvelopeIdentity(qualifier: self.pick(qualifiers), id: self.string(Self.alphanumeric, 2...15)),
            receiver: EnvelopeIdentity(qualifier: self.pick(qualifiers), id: self.string(Self.alphanumeric, 2...15)),
            applicationSender: self.string(Self.alphanumeric, 2...15),
            applicationReceiver: self.string(Self.alphanumeric, 2...15),
            interchangeControlNumber: Self.padded(self.int(1...999_999_999), 9),
            groupControlNumber: self.number(1...999_999_999),
            transactionControlNumber: Self.padded(self.int(1...9999), self.int(4...9)),
            interchangeVersion: self.isFiveOrLater ? "00501" : "00401", version: version,
            date: DateTime(
                date: self.date(),
                time: TimeOfDay(hour: self.int(0...23), minute: self.int(0...59), second: second)),
            usage: self.pick([.production, .test, .information]), acknowledgmentRequested: self.chance(50))
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: 997 / 999

    /// A functional acknowledgment, written as a 999 when `is999`.
    mutating func functionalAcknowledgment(version: String, is999: Bool) -> FunctionalAcknowledgment {
        var acknowledgment = FunctionalAcknowledgment(
            envelope: self.envelope(version: version),
            functionalIdentifier: self.chance(80)
                ? self.pick(["PO", "PR", "PC", "SH", "IN"]) : self.string(Self.upper, 2...2),
            groupControlNumber: self.digits(1...9),
            groupVersion: self.isFiveOrLater ? self.maybe(70) { $0.pick(["004010", "005010", "004010VICS"]) } : nil,
            status: self.coded(5, ["Z"]))
        acknowledgment.transactionSets = self.list(0...4) { $0.transactionSetAcknowledgment() }
        acknowledgment.includedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.receivedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.acceptedCount = self.maybe(80) { $0.int(0...999_999) }
        acknowledgment.errors = self.list(0...5) { $0.coded(20, ["10", "19", "24"]) }
        if is999 {
            acknowledgment.extensions["ST01"] = "999"
            if self.chance(70) { acknowledgment.extensions["ST03"] = "005010X231" }
            // A CTX after some segment errors and element errors, kept in extensions.
            for (set, transactionSet) in acknowledgment.transactionSets.enumerated() {
                for (error, segmentError) in transactionSet.segmentErrors.enumerated() where self.chance(40) {
                    let path = "AK2[\(set + 1)]/IK3[\(error + 1)]/"
                    self.context(at: path + "CTX[1]", in: &acknowledgment.extensions)
                    if !segmentError.elementErrors.isEmpty, self.chance(50) {
                        self.context(at: path + "IK4[1]/CTX[1]", in: &acknowledgment.extensions)
                    }
                }
            }
        }
        return acknowledgment
    }

    /// A CTX kept whole: its context name and reference (C998), and a segment ID.
    private mutating func context(at address: String, in extensions: inout Extensions) {
        extensions[address] = "segment"
        extensions[address + "01-1"] = self.pick(["SITUATIONAL TRIGGER", "CLM01"])
        extensions[address + "01-2"] = self.text(1...20)
        extensions[address + "02"] = self.pick(["CLM", "NM1", "PO1"])
    }

    mutating func transactionSetAcknowledgment() -> TransactionSetAcknowledgment {
        TransactionSetAcknowledgment(
            identifier: self.pick(["850", "855", "856", "860", "810"]),
            controlNumber: Self.padded(self.int(1...999_999), self.int(4...9)),
            implementationReference: self.isFiveOrLater ? self.maybe(30) { $0.pick(["005010X220A1", "VICS"]) } : nil,
            status: self.coded(5, ["Z"]), errors: self.list(0...5) { $0.coded(20, ["8", "19", "I5"]) },
            segmentErrors: self.list(0...3) { $0.segmentError() })
    }

    mutating func segmentError() -> SegmentError {
        SegmentError(
            segmentID: self.string(Self.upper, 1...1) + self.string(Self.alphanumeric, 1...2),
            position: self.int(1...999_999),
            loopID: self.maybe { $0.string(Self.alphanumeric, 1...($0.isFiveOrLater ? 4 : 6)) },
            code: self.maybe(80) { $0.coded(10, ["I4", "I9"]) }, elementErrors: self.list(0...3) { $0.elementError() })
    }

    mutating func elementError() -> ElementError {
        ElementError(
            position: self.int(1...99), componentPosition: self.maybe(30) { $0.int(1...99) },
            repetitionPosition: self.isFiveOrLater ? self.maybe(20) { $0.int(1...9999) } : nil,
            referenceNumber: self.maybe(80) { $0.number(1...9999) }, code: self.coded(10, ["I6", "I12"]),
            badValue: self.maybe(60) { $0.text(1...99) })
    }
}
