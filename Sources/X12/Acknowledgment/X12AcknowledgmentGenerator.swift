/// Writes 997 or 999 functional acknowledgments, and TA1 interchange acknowledgments, for
/// what an ``X12Reader`` (or a schema validator that emits the same events) reads.
///
/// Feed it every event in order with ``consume(_:)``, then call ``finish()``. It streams:
/// the acknowledgment of a functional group opens when the group starts (`AK1`), each set
/// is answered as it goes (`AK2` at its `ST`, `AK3`/`AK4` as its findings arrive, `AK5` at
/// its end) and `AK9` closes it at the group's end, so memory holds one segment's findings,
/// never a group's worth of sets.
///
/// What it writes for one received interchange:
/// - one interchange of acknowledgments (sender and receiver swapped) holding, for every
///   received functional group except `FA` groups, a `GS*FA` group with one 997/999 that has
///   one `AK2`…`AK5` loop per received set;
/// - then, when ``X12AcknowledgmentOptions/interchangeAcknowledgment`` asks for it, a TA1
///   in an interchange of its own (ISA, TA1, IEA with IEA01 `0`). It comes last because
///   `IEA` problems are known only at the end.
///
/// Findings are routed by their ``X12AcknowledgmentCode``: `.ta105` to the TA1, `.ak905` to
/// `AK9`, `.ak502` to `AK5`, `.ak304` to `AK3` and `.ak403` to `AK4` (each segment or element
/// error also adds `AK502` code `5`). Only errors reject; warnings are left out unless
/// ``X12AcknowledgmentOptions/notesWarnings`` reports them as "accepted, errors noted".
/// Acknowledgments are never acknowledged: no 997/999 for a `GS*FA` group, no TA1 for an
/// interchange that holds only TA1s. ISA02 and ISA04 are never copied.
///
/// ```swift
/// let sink = MemoryByteSink()
/// var generator = X12AcknowledgmentGenerator(sink: sink, controlNumbers: SequentialControlNumbers())
/// var reader = X12Reader(source: try FileByteSource(path: "orders.edi"))
/// while let event = try reader.next() { try generator.consume(event) }
/// try generator.finish()
/// ```
///
/// Deliberately not `Sendable` (one task owns it), and `~Copyable` because it owns the
/// ``X12Writer`` of the interchange being written.
public struct X12AcknowledgmentGenerator: ~Copyable {
    public let options: X12AcknowledgmentOptions
    /// Every writer writes here, so a value-type sink sees one continuous output.
    private let output: SharedSink
    /// The writer of the acknowledgment interchange being written, if one is open.
    private var writer: X12Writer?
    /// The control numbers while no writer holds them.
    private var idleControlNumbers: any X12ControlNumberSource
    /// Removes delimiters from values copied into the open writer's output.
    private var scrubber = Scrubber(delimiters: [])
    private var timestamp = X12AcknowledgmentOptions.Timestamp(date: "", time: "")

    private var interchange: InterchangeState?
    private var group: GroupState?
    private var set: SetState?
    /// TA105 findings about an `ISA` that arrive before its `interchangeStart` event.
    private var preamble: [EnvelopeNote] = []

    /// 997/999 transaction sets written so far.
    public private(set) var functionalAcknowledgmentCount = 0
    /// TA1 segments written so far.
    public private(set) var interchangeAcknowledgmentCount = 0

    /// Creates a generator that writes to `sink`.
    ///
    /// - Parameters:
    ///   - sink: Where the acknowledgments go.
    ///   - controlNumbers: Where ISA13, GS06 and ST02 of the acknowledgments come from.
    ///   - options: What to write; see ``X12AcknowledgmentOptions``.
    public init(
        sink: any ByteSink, controlNumbers: any X12ControlNumberSource,
        options: X12AcknowledgmentOptions = X12AcknowledgmentOptions()
    ) {
        self.output = SharedSink(sink)
        self.idleControlNumbers = controlNumbers
        self.options = options
    }

    /// The control-number source, as advanced by what was written (persist it).
    public var controlNumbers: any X12ControlNumberSource {
        switch self.writer {
        case .some(let writer): writer.controlNumbers
        case .none: self.idleControlNumbers
        }
    }

    /// The sink given at creation, as written to.
    public var sink: any ByteSink { self.output.sink }

    // MARK: Events

    /// Takes the next reader (or validator) event.
    ///
    /// - Throws: ``X12Error`` when writing fails (the sink, the control-number source, or a
    ///   time source that returns a date or time X12 cannot carry).
    /// - Complexity: O(1) per event, plus the segments it writes.
    public mutating func consume(_ event: X12Reader.Event) throws(X12Error) {
        switch event {
        case .interchangeStart(let header):
            try self.beginInterchange(header)
        case .groupStart(let header):
            if self.options.functionalAcknowledgments { try self.beginGroup(header) }
        case .transactionStart(let header):
            if self.options.functionalAcknowledgments { try self.beginSet(header) }
        case .segment(let segment):
            if self.options.functionalAcknowledgments { self.note(segment) }
        case .transactionEnd:
            if self.options.functionalAcknowledgments { try self.endSet() }
        case .groupEnd:
            if self.options.functionalAcknowledgments { try self.endGroup() }
        case .interchangeEnd(_, let groupCount):
            try self.endInterchange(groupCount: groupCount)
        case .finding(let finding):
            try self.record(finding)
        }
    }

    /// Closes whatever is still open (as if its trailers had come) and flushes.
    ///
    /// A reader always ends what it starts, so after a reader's last event this only flushes.
    public mutating func finish() throws(X12Error) {
        if let interchange = self.interchange {
            try self.endInterchange(groupCount: interchange.groupCount)
        } else {
            try self.endSet()
            try self.endGroup()
        }
        try self.closeWriter()
        self.preamble.removeAll()
    }

    // MARK: Interchange

    private mutating func beginInterchange(_ header: X12InterchangeHeader) throws(X12Error) {
        if let open = self.interchange { try self.endInterchange(groupCount: open.groupCount) }
        var state = InterchangeState(header: header)
        for note in self.preamble where note.interchange == header.controlNumber {
            state.note(note.code, isError: note.isError)
        }
        self.preamble.removeAll()
        self.interchange = state
    }

    private mutating func endInterchange(groupCount: Int) throws(X12Error) {
        try self.endSet()
        try self.endGroup()
        guard let state = self.interchange else { return }
        self.interchange = nil
        try self.closeWriter()

        let answer: Bool
        switch self.options.interchangeAcknowledgment {
        case .never: answer = false
        case .always: answer = true
        case .whenRequested:
            answer =
                state.header.acknowledgmentRequested || state.errorCode != nil
                || (self.options.notesWarnings && state.warningCode != nil)
        }
        // An interchange of TA1s is itself an acknowledgment.
        guard answer, !(groupCount == 0 && state.acknowledgmentSegments > 0) else { return }

        let code: String
        let note: String
        if let error = state.errorCode {
            (code, note) = ("R", error)
        } else if self.options.notesWarnings, let warning = state.warningCode {
            (code, note) = ("E", warning)
        } else {
            (code, note) = ("A", "000")
        }
        try self.openWriter(for: state.header, groupVersion: nil)
        let header = state.header
        try self.emit(
            "TA1",
            [
                self.scrubber.clean(header.controlNumber), self.scrubber.clean(header.date),
                self.scrubber.clean(header.time), code, note,
            ])
        self.interchangeAcknowledgmentCount += 1
        try self.closeWriter()
    }

    // MARK: Group

    private mutating func beginGroup(_ header: X12GroupHeader) throws(X12Error) {
        try self.endSet()
        try self.endGroup()
        guard var interchange = self.interchange else {
            self.group = GroupState(header: header, answered: false, shape5010: false)
            return
        }
        interchange.groupCount += 1
        self.interchange = interchange
        let functionalIdentifier = header.functionalIdentifier.uppercased()
        guard functionalIdentifier != "FA" else {
            self.group = GroupState(header: header, answered: false, shape5010: false)
            return
        }
        // A group whose GS01 or GS06 cannot be written back in AK101/AK102 cannot be
        // answered with a valid 997: the interchange is then in error (TA105 024).
        guard Self.isCode(header.functionalIdentifier, lengths: 2...2),
            Self.isDigits(header.controlNumber, lengths: 1...9)
        else {
            self.group = GroupState(header: header, answered: false, shape5010: false)
            self.interchange?.note("024", isError: true)
            return
        }
        if self.writer == nil { try self.openWriter(for: interchange.header, groupVersion: header.version) }
        let version = self.groupVersion(for: header)
        let shape5010: Bool
        switch self.options.kind {
        case .ia999: shape5010 = true
        case .fa997: shape5010 = (Int(String(version.prefix(6))) ?? 0) >= 5010 && version.utf8.count >= 6
        }
        let envelope = X12GroupEnvelope(
            functionalIdentifier: "FA",
            senderCode: self.scrubber.clean(self.options.identity?.applicationCode ?? header.receiverCode),
            receiverCode: self.scrubber.clean(header.senderCode),
            date: self.timestamp.date, time: self.timestamp.time, version: version)
        try self.withWriter { writer throws(X12Error) in try writer.beginGroup(envelope) }
        let identifier = self.options.kind == .ia999 ? "999" : "997"
        let reference = self.options.kind == .ia999 ? self.options.implementationReference : nil
        try self.withWriter { writer throws(X12Error) in
            _ = try writer.beginTransaction(identifier, implementationReference: reference)
        }
        var ak1 = [self.scrubber.clean(header.functionalIdentifier), self.scrubber.clean(header.controlNumber)]
        if shape5010 { ak1.append(self.scrubber.clean(header.version)) }
        try self.emit("AK1", ak1)
        self.group = GroupState(header: header, answered: true, shape5010: shape5010)
    }

    private mutating func endGroup() throws(X12Error) {
        try self.endSet()
        guard let group = self.group else { return }
        self.group = nil
        guard group.answered else { return }

        let code: String
        if group.rejected || group.accepted == 0 {
            code = "R"
        } else if group.accepted < group.received {
            code = "P"
        } else if group.notedSets > 0 || group.noted {
            code = "E"
        } else {
            code = "A"
        }
        // GE01 as declared when it is a number; the sets seen when GE is missing or garbled.
        var declared = String(group.received)
        if let text = group.declaredCount, (1...6).contains(text.utf8.count), let number = Int(text), number >= 0 {
            declared = String(number)
        }
        try self.emit("AK9", [code, declared, String(group.received), String(group.accepted)] + group.codes)
        try self.withWriter { writer throws(X12Error) in try writer.endTransaction() }
        try self.withWriter { writer throws(X12Error) in try writer.endGroup() }
        self.functionalAcknowledgmentCount += 1
    }

    // MARK: Set

    private mutating func beginSet(_ header: X12TransactionHeader) throws(X12Error) {
        try self.endSet()
        let answered = self.group?.answered == true
        // An ST01 or ST02 that AK201/AK202 cannot carry: the set is counted as received and
        // rejected (AK903/AK904), without an AK2 of its own.
        guard
            !answered
                || (Self.isDigits(header.identifier, lengths: 3...3)
                    && Self.isCode(header.controlNumber, lengths: 4...9))
        else {
            self.set = SetState(answered: false)
            self.group?.received += 1
            self.group?.rejected = true
            return
        }
        self.set = SetState(answered: answered)
        guard answered, let group = self.group else { return }
        var ak2 = [self.scrubber.clean(header.identifier), self.scrubber.clean(header.controlNumber)]
        if group.shape5010, let reference = header.implementationReference {
            ak2.append(self.scrubber.clean(reference))
        }
        try self.emit("AK2", ak2)
    }

    private mutating func endSet() throws(X12Error) {
        guard let set = self.set else { return }
        guard set.answered, let group = self.group else {
            self.set = nil
            return
        }
        try self.flushSegment()
        self.set = nil
        let code = set.rejected ? "R" : set.noted ? "E" : "A"
        let codes = code == "A" ? [] : set.codes
        try self.emit(self.options.kind == .ia999 ? "IK5" : "AK5", [code] + codes)
        var updated = group
        updated.received += 1
        if !set.rejected {
            updated.accepted += 1
            if set.noted { updated.notedSets += 1 }
        }
        self.group = updated
    }

    /// Keeps what the validator and the reader say about positions and the group trailer.
    private mutating func note(_ segment: X12Segment) {
        if self.set != nil {
            if segment.position > 0 { self.set?.lastPosition = segment.position }
            return
        }
        if segment.id == .ge {
            if self.group != nil { self.group?.declaredCount = segment.element(at: 1)?.string ?? "" }
        } else if segment.id == .ta1 && self.group == nil {
            self.interchange?.acknowledgmentSegments += 1
        }
    }

    // MARK: Findings

    /// Reader findings for a segment that was skipped, not handed out: the position after
    /// the last segment seen is its position.
    private static let skippedSegmentCodes: Set<X12Finding.Code> = [
        .segmentTooLong, .tooManyElements, .invalidSegmentID,
    ]

    private mutating func record(_ finding: X12Finding) throws(X12Error) {
        let isError: Bool
        switch finding.severity {
        case .error: isError = true
        case .warning:
            guard self.options.notesWarnings else { return }
            isError = false
        case .info: return
        }
        switch finding.acknowledgment {
        case .ta105(let code):
            if self.interchange != nil {
                self.interchange?.note(code, isError: isError)
            } else if let number = finding.location.interchange, self.preamble.count < 64 {
                self.preamble.append(EnvelopeNote(interchange: number, code: code, isError: isError))
            }
        case .ak905(let code):
            guard self.group?.answered == true else { return }
            let versioned = self.versioned(code, element: .ak905)
            self.group?.add(versioned, isError: isError)
        case .ak502(let code):
            guard self.set?.answered == true else { return }
            self.set?.add(code, isError: isError)
        case .ak304(let code):
            try self.recordSegmentError(finding, segmentCode: code, elementCode: nil, isError: isError)
        case .ak403(let code):
            let versioned = self.versioned(code, element: .ak403)
            try self.recordSegmentError(finding, segmentCode: nil, elementCode: versioned, isError: isError)
        case nil:
            // An error inside a set that no acknowledgment code names still rejects the set.
            guard isError, self.set?.answered == true else { return }
            self.set?.add("5", isError: true)
        }
    }

    /// Letters and digits only, with a length in `lengths`.
    private static func isCode(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy(X12Delimiters.isAlphanumeric)
    }

    private static func isDigits(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private enum CodedElement { case ak403, ak905 }

    /// A code as the acknowledgment's version knows it: 004010 has no AK403 12 (too many
    /// repetitions) or 13 (too many components), nor AK905 19 (group control number not
    /// unique); the nearest 004010 codes are 6 (invalid character: a separator where none
    /// belongs) and 6 (group control number violates syntax).
    private func versioned(_ code: String, element: CodedElement) -> String {
        guard self.group?.shape5010 == false else { return code }
        switch (element, code) {
        case (.ak403, "12"), (.ak403, "13"): return "6"
        case (.ak905, "19"): return "6"
        default: return code
        }
    }

    private mutating func recordSegmentError(
        _ finding: X12Finding, segmentCode: String?, elementCode: String?, isError: Bool
    ) throws(X12Error) {
        guard var set = self.set, set.answered else { return }
        set.add("5", isError: isError)
        let location = finding.location
        let position: Int
        if let known = location.segmentPosition {
            position = known
        } else if Self.skippedSegmentCodes.contains(finding.code) {
            position = set.lastPosition + 1
            set.lastPosition = position
        } else {
            position = set.lastPosition
        }
        self.set = set
        if let pending = self.set?.pending, pending.position != position { try self.flushSegment() }

        var pending = self.set?.pending ?? SegmentNote(position: position)
        if pending.id == nil {
            pending.id = location.segmentID ?? (finding.code == .invalidSegmentID ? finding.value : nil)
        }
        if pending.loop == nil { pending.loop = location.loopIdentifier }
        if pending.code == nil, let segmentCode { pending.code = segmentCode }
        if let elementCode, let element = location.element, pending.elements.count < 99 {
            pending.elements.append(
                ElementNote(
                    position: element, component: location.component, repetition: location.repetition,
                    reference: location.elementReference, code: elementCode, value: finding.value))
        }
        self.set?.pending = pending
    }

    /// Writes the AK3/IK3 loop of the segment whose findings were being gathered.
    private mutating func flushSegment() throws(X12Error) {
        guard let pending = self.set?.pending, let group = self.group else { return }
        self.set?.pending = nil
        // AK301 is mandatory: a segment whose identifier could not be read gets no AK3, but
        // its error still rejects the set (AK502 5).
        let id = self.scrubber.clean(pending.id ?? "", asciiOnly: true)
        guard (2...3).contains(id.utf8.count) else { return }
        let is999 = self.options.kind == .ia999
        let loop = pending.loop.map { self.scrubber.clean($0, maximum: group.shape5010 ? 4 : 6) } ?? ""
        try self.emit(is999 ? "IK3" : "AK3", [id, String(pending.position), loop, pending.code ?? "8"])
        for element in pending.elements {
            var position = [String(element.position), element.component.map(String.init) ?? ""]
            if group.shape5010, let repetition = element.repetition { position.append(String(repetition)) }
            let values: [X12Value] = [
                .composite(position),
                .simple(element.reference.map { self.scrubber.clean($0, maximum: 4) } ?? ""),
                .simple(element.code),
                .simple(element.value.map { self.scrubber.clean($0, maximum: 99) } ?? ""),
            ]
            try self.withWriter { writer throws(X12Error) in try writer.writeSegment(is999 ? "IK4" : "AK4", values) }
        }
    }

    // MARK: Writing

    /// Opens an acknowledgment interchange answering `header`.
    private mutating func openWriter(for header: X12InterchangeHeader, groupVersion: String?) throws(X12Error) {
        try self.closeWriter()
        let version = self.interchangeVersion(for: header, groupVersion: groupVersion)
        let delimiters = Self.outputDelimiters(
            received: header.delimiters, override: self.options.delimiters, version: version)
        let lineEnding = Self.lineEnding(self.options.lineEnding, for: delimiters)
        let timestamp = try Self.validated(self.options.timeSource.timestamp())
        self.scrubber = Scrubber(delimiters: [delimiters, header.delimiters])
        self.timestamp = timestamp
        let identity = self.options.identity
        var envelope = X12InterchangeEnvelope(
            senderQualifier: self.scrubber.clean(
                identity?.qualifier ?? header.receiverQualifier, maximum: 2, asciiOnly: true),
            senderID: self.scrubber.clean(identity?.id ?? header.receiverID, maximum: 15, asciiOnly: true),
            receiverQualifier: self.scrubber.clean(header.senderQualifier, maximum: 2, asciiOnly: true),
            receiverID: self.scrubber.clean(header.senderID, maximum: 15, asciiOnly: true),
            date: String(timestamp.date.suffix(6)), time: String(timestamp.time.prefix(4)), version: version,
            acknowledgmentRequested: false, usage: self.usage(for: header, version: version))
        // Secrets are never copied: ISA01–ISA04 are always "no information".
        envelope.authorizationQualifier = "00"
        envelope.securityQualifier = "00"
        self.writer = try X12Writer(
            sink: self.output, delimiters: delimiters, lineEnding: lineEnding, controlNumbers: self.idleControlNumbers)
        do throws(X12Error) {
            _ = try self.writer!.beginInterchange(envelope)
        } catch {
            if let writer = self.writer.take() { self.idleControlNumbers = writer.controlNumbers }
            throw error
        }
    }

    /// Writes the open acknowledgment interchange's IEA and lets its writer go.
    private mutating func closeWriter() throws(X12Error) {
        guard self.writer != nil else { return }
        try self.writer!.endInterchange()
        if let writer = self.writer.take() { self.idleControlNumbers = writer.controlNumbers }
    }

    private mutating func emit(_ id: String, _ elements: [String]) throws(X12Error) {
        let values = elements.map(X12Value.simple)
        try self.withWriter { writer throws(X12Error) in try writer.writeSegment(id, values) }
    }

    private mutating func withWriter(_ body: (inout X12Writer) throws(X12Error) -> Void) throws(X12Error) {
        guard self.writer != nil else { throw X12Error(.invalidState, "no acknowledgment interchange is open") }
        try body(&self.writer!)
    }

    // MARK: Versions, delimiters, envelope values

    /// ISA12 of an acknowledgment interchange: 00501 for a 5010 answer, else 00401.
    ///
    /// Porter answers in a standard version (004010 or 005010, the nearest to what it
    /// received) so that its own output carries no version warnings; AK103 still names the
    /// received GS08.
    private func interchangeVersion(for header: X12InterchangeHeader, groupVersion: String?) -> String {
        switch self.options.kind {
        case .ia999: return "00501"
        case .fa997: break
        }
        if case .fixed(let interchange, _) = self.options.version { return interchange }
        if let groupVersion {
            return Self.answerVersion(for: groupVersion) == "005010" ? "00501" : "00401"
        }
        return (Int(header.version) ?? 0) >= 501 ? "00501" : "00401"
    }

    /// GS08 of an acknowledgment group: 005010 for groups of 005010 and later, else 004010.
    private func groupVersion(for header: X12GroupHeader) -> String {
        switch self.options.kind {
        case .ia999: return self.options.implementationReference
        case .fa997: break
        }
        if case .fixed(_, let group) = self.options.version { return group }
        return Self.answerVersion(for: header.version)
    }

    /// The standard version an acknowledgment of a group of `received` version is written in.
    private static func answerVersion(for received: String) -> String {
        let base = Int(String(received.prefix(6)).filter(\.isNumber)) ?? 0
        return base >= 5010 ? "005010" : "004010"
    }

    /// ISA15 of an acknowledgment interchange.
    private func usage(for header: X12InterchangeHeader, version: String) -> String {
        if let usage = self.options.usage { return usage }
        switch header.usage {
        case "P", "T": return header.usage
        case "I": return (Int(version) ?? 0) >= 501 ? "I" : "T"
        default: return "P"
        }
    }

    /// The received (or chosen) delimiters, made writable for `version`.
    private static func outputDelimiters(received: X12Delimiters, override: X12Delimiters?, version: String)
        -> X12Delimiters
    {
        var delimiters = override ?? received
        let all =
            [delimiters.element] + delimiters.segment + [delimiters.component, delimiters.repetition].compactMap { $0 }
        if override == nil && (delimiters.problem != nil || all.contains(0x20)) {
            delimiters = .standard
        }
        let usesRepetition = (Int(version) ?? 0) >= 402
        if !usesRepetition {
            delimiters.repetition = nil
        } else if delimiters.repetition == nil {
            delimiters.repetition = Self.freeDelimiter(besides: delimiters)
        }
        if delimiters.component == nil {
            delimiters.component = Self.freeDelimiter(besides: delimiters)
        }
        return delimiters
    }

    /// A common delimiter not already in use (nor a line break).
    private static func freeDelimiter(besides delimiters: X12Delimiters) -> UInt8? {
        let used =
            [delimiters.element, delimiters.component, delimiters.repetition].compactMap { $0 } + delimiters.segment
        return Array(":^>|}\\!~*`@".utf8).first { !used.contains($0) }
    }

    /// The line ending, or none when its bytes are delimiters (other than the terminator itself).
    private static func lineEnding(_ lineEnding: X12Writer.LineEnding, for delimiters: X12Delimiters)
        -> X12Writer.LineEnding
    {
        let bytes: [UInt8]
        switch lineEnding {
        case .none: return .none
        case .lf: bytes = [0x0A]
        case .crlf: bytes = [0x0D, 0x0A]
        }
        if delimiters.segment.count == 1 && bytes.first == delimiters.segment[0] { return lineEnding }
        let used =
            [delimiters.element, delimiters.component, delimiters.repetition].compactMap { $0 } + delimiters.segment
        return bytes.contains(where: used.contains) ? .none : lineEnding
    }

    private static func validated(
        _ timestamp: X12AcknowledgmentOptions.Timestamp
    ) throws(X12Error) -> X12AcknowledgmentOptions.Timestamp {
        guard timestamp.date.utf8.count == 8, X12Calendar.isValidDate(timestamp.date) else {
            throw X12Error(.invalidValue, "acknowledgment date '\(timestamp.date)' is not a CCYYMMDD date")
        }
        guard X12Calendar.isValidTime(timestamp.time) else {
            throw X12Error(.invalidValue, "acknowledgment time '\(timestamp.time)' is not an HHMM[SS] time")
        }
        return timestamp
    }

    private static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

// MARK: - State

extension X12AcknowledgmentGenerator {
    /// What is known about the interchange being answered.
    private struct InterchangeState {
        var header: X12InterchangeHeader
        /// The first TA105 code of an error, and of a warning.
        var errorCode: String?
        var warningCode: String?
        /// TA1 segments received between ISA and the first GS.
        var acknowledgmentSegments = 0
        var groupCount = 0

        init(header: X12InterchangeHeader) { self.header = header }

        mutating func note(_ code: String, isError: Bool) {
            if isError {
                if self.errorCode == nil { self.errorCode = code }
            } else if self.warningCode == nil {
                self.warningCode = code
            }
        }
    }

    /// The functional group being answered, and the AK9 counts so far.
    private struct GroupState {
        var header: X12GroupHeader
        /// `false` for an `FA` group (acknowledgments are not acknowledged).
        var answered: Bool
        /// AK103, AK203 and the repetition component of AK401 (005010 on).
        var shape5010: Bool
        /// GE01 as received.
        var declaredCount: String?
        var received = 0
        var accepted = 0
        /// Sets accepted with errors noted (AK501 E).
        var notedSets = 0
        /// AK905–AK909.
        var codes: [String] = []
        var rejected = false
        var noted = false

        init(header: X12GroupHeader, answered: Bool, shape5010: Bool) {
            self.header = header
            self.answered = answered
            self.shape5010 = shape5010
        }

        mutating func add(_ code: String, isError: Bool) {
            if isError { self.rejected = true } else { self.noted = true }
            if self.codes.count < 5 && !self.codes.contains(code) { self.codes.append(code) }
        }
    }

    /// The transaction set being answered.
    private struct SetState {
        var answered: Bool
        /// AK502–AK506.
        var codes: [String] = []
        var rejected = false
        var noted = false
        /// Position of the last segment handed out, ST = 1.
        var lastPosition = 1
        /// The segment whose findings are being gathered into one AK3 loop.
        var pending: SegmentNote?

        init(answered: Bool) { self.answered = answered }

        mutating func add(_ code: String, isError: Bool) {
            if isError { self.rejected = true } else { self.noted = true }
            if self.codes.count < 5 && !self.codes.contains(code) { self.codes.append(code) }
        }
    }

    /// One AK3 loop in the making.
    private struct SegmentNote {
        var position: Int
        var id: String?
        var loop: String?
        /// AK304; `8` (data element errors) when only element findings came.
        var code: String?
        var elements: [ElementNote] = []

        init(position: Int) { self.position = position }
    }

    /// One AK4.
    private struct ElementNote {
        var position: Int
        var component: Int?
        var repetition: Int?
        var reference: String?
        var code: String
        var value: String?
    }

    /// A TA105 finding about an ISA that came before the ISA's own event.
    private struct EnvelopeNote {
        var interchange: String
        var code: String
        var isError: Bool
    }
}

// MARK: - Helpers

/// One sink shared by the writers of successive acknowledgment interchanges.
private final class SharedSink: ByteSink {
    var sink: any ByteSink

    init(_ sink: any ByteSink) { self.sink = sink }

    func write(_ bytes: UnsafeRawBufferPointer) throws(X12Error) {
        try self.sink.write(bytes)
    }
}

/// Makes received text safe to copy into an acknowledgment: no delimiter of the received or
/// the written interchange, no control characters, and a maximum length.
private struct Scrubber {
    private var forbidden = [Bool](repeating: false, count: 256)

    init(delimiters: [X12Delimiters]) {
        for delimiters in delimiters {
            self.forbidden[Int(delimiters.element)] = true
            for byte in delimiters.segment { self.forbidden[Int(byte)] = true }
            if let component = delimiters.component { self.forbidden[Int(component)] = true }
            if let repetition = delimiters.repetition { self.forbidden[Int(repetition)] = true }
        }
    }

    /// `text` without any character whose UTF-8 bytes include a delimiter, and without
    /// control characters; then at most `maximum` characters.
    func clean(_ text: String, maximum: Int? = nil, asciiOnly: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (asciiOnly && scalar.value >= 0x80) { continue }
            guard let encoded = UTF8.encode(scalar), !encoded.contains(where: { self.forbidden[Int($0)] }) else {
                continue
            }
            scalars.append(scalar)
        }
        let result = String(scalars)
        if let maximum, result.count > maximum { return String(result.prefix(maximum)) }
        return result
    }
}
