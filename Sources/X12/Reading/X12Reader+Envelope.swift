/// The envelope the reader is in: the open interchange, group and set, with their counts
/// and the control numbers seen, for the envelope checks.
struct EnvelopeState {
    struct Interchange {
        var header: X12InterchangeHeader
        var groupCount = 0
        /// TA1 segments seen.
        var acknowledgmentSegments = 0
        var groupNumbers = ControlNumberSet()
    }
    struct Group {
        var header: X12GroupHeader
        var transactionCount = 0
        var transactionNumbers = ControlNumberSet()
    }
    struct Transaction {
        var header: X12TransactionHeader
    }

    var interchange: Interchange?
    var group: Group?
    var transaction: Transaction?
    /// Position of the last segment in the open set, ST = 1.
    var position = 0
    /// Kept apart from `transaction` so the hot path tests one byte.
    var inTransaction = false
    /// ISA13s seen per sender and receiver, for duplicates inside one input.
    var interchangeNumbers: [String: ControlNumberSet] = [:]

    @inline(__always)
    mutating func nextPosition() -> Int {
        guard self.inTransaction else { return 0 }
        self.position &+= 1
        return self.position
    }

    mutating func countSkippedSegment() {
        if self.inTransaction { self.position &+= 1 }
    }
}

/// What ``X12Reader`` learns from an `ISA`: where it is and what it declares.
struct ParsedInterchangeHeader {
    var header: X12InterchangeHeader
    /// Offsets of the sixteen element separators from the `I` of `ISA`.
    var separatorOffsets: [Int32]
    /// Bytes from the `I` of `ISA` up to (not including) the terminator.
    var length: Int
    /// Bytes from the `I` of `ISA` through the terminator.
    var lengthWithTerminator: Int
    var findings: [(X12Finding.Severity, X12Finding.Code, String, String?, Int?, X12AcknowledgmentCode?)]
}

extension X12Reader {
    /// Widths of ISA01…ISA16 in characters.
    private static let isaWidths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]

    /// Parses the `ISA` at `start` by its element separators.
    ///
    /// - Returns: `nil` when no usable header is there (a finding is queued and the reader
    ///   moves past it).
    mutating func parseISA(at start: Int) -> ParsedInterchangeHeader? {
        let separator = self.byte(start + 3)
        let limit = min(self.end, start + self.configuration.maximumISALength)
        var positions: [Int] = [start + 3]
        var offset = start + 4
        while positions.count < 16 && offset < limit {
            if self.byte(offset) == separator { positions.append(offset) }
            offset += 1
        }
        let byteOffset = self.byteOffset
        // The byte after ISA16 (the terminator) must be there: `end` itself is past the data.
        guard positions.count == 16, positions[15] + 2 < self.end else {
            let truncated = self.endOfInput && limit == self.end
            self.queueFinding(
                .error, truncated ? .unexpectedEndOfInput : .invalidInterchangeHeader,
                truncated
                    ? "the input ends inside the ISA header"
                    : "ISA header has \(positions.count) of its 16 element separators \(X12Delimiters.show(separator)) within \(self.configuration.maximumISALength) bytes",
                byteOffset: byteOffset, line: self.line, segmentID: "ISA",
                acknowledgment: .ta105(truncated ? "023" : "022"))
            self.sawInterchange = true
            self.cursor = start + 3
            self.suppressGarbageFinding = true
            return nil
        }
        var findings: ParsedInterchangeHeader.Findings = []

        // ISA16 and the terminator that follows it.
        var componentOffset = positions[15] + 1
        var component: UInt8? = self.byte(componentOffset)
        var terminatorOffset = componentOffset + 1
        var terminator = [self.byte(terminatorOffset)]
        let first = terminator[0]
        let sequenceLength = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        if sequenceLength > 1 && terminatorOffset + sequenceLength <= self.end {
            let tail = (1..<sequenceLength).map { self.byte(terminatorOffset + $0) }
            if tail.allSatisfy({ $0 & 0xC0 == 0x80 }) { terminator += tail }
        }
        if (first == 0x0A || first == 0x0D), let candidate = component,
            !X12Delimiters.isAlphanumeric(candidate), candidate != 0x20,
            self.nextLineEnds(with: candidate, after: terminatorOffset)
        {
            // `…*T*~` + LF: ISA16 was left out and `~` is the terminator, not the component
            // separator (otherwise every later segment would end with a stray `~`).
            findings.append(
                (
                    .warning, .missingComponentSeparator,
                    "ISA16 (component separator) is missing: \(X12Delimiters.show(candidate)) right after ISA15 is the segment terminator",
                    nil, 16, .ta105("027")
                ))
            terminator = [candidate]
            terminatorOffset = componentOffset
            componentOffset = -1
            component = nil
        }

        // The elements as text.
        var elements: [String] = []
        for index in 0..<16 {
            let from = positions[index] + 1
            let to =
                index < 15 ? positions[index + 1] : (componentOffset >= 0 ? componentOffset + 1 : positions[15] + 1)
            elements.append(
                String(decoding: UnsafeRawBufferPointer(start: self.buffer + from, count: to - from), as: UTF8.self))
        }

        // An element that holds the terminator means the header was wrapped or cut.
        for (index, element) in elements.enumerated() where element.utf8.contains(terminator[0]) && index != 15 {
            findings.append(
                (
                    .error, .invalidInterchangeHeader,
                    "ISA\(Self.twoDigits(index + 1)) contains the segment terminator \(X12Delimiters.show(terminator[0])): the ISA header is wrapped or cut",
                    Self.masked(element, index: index + 1), index + 1, .ta105("004")
                ))
        }

        // Width: 106 characters. Padding with non-ASCII characters keeps the characters right
        // but not the bytes.
        let isaEnd = terminatorOffset + terminator.count
        var characters = 0
        var nonASCII = false
        for offset in start..<terminatorOffset {
            let byte = self.byte(offset)
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte >= 0x80 { nonASCII = true }
        }
        characters += 1  // the terminator, whatever its byte length
        if nonASCII {
            let fields = elements.enumerated().filter { $0.element.utf8.contains { $0 >= 0x80 } }.map {
                "ISA\(Self.twoDigits($0.offset + 1))"
            }
            findings.append(
                (
                    .warning, .isaNonASCIIPadding,
                    "\(fields.joined(separator: ", ")) contains non-ASCII characters (padding with U+00A0 instead of spaces?)",
                    nil, nil, nil
                ))
        }
        if characters != 106 || componentOffset < 0 {
            var off: [String] = []
            for (index, element) in elements.enumerated() {
                let count = element.count
                if count != Self.isaWidths[index] && !(index == 15 && componentOffset < 0) {
                    off.append("ISA\(Self.twoDigits(index + 1)) has \(count), not \(Self.isaWidths[index])")
                }
            }
            if characters != 106 {
                findings.append(
                    (
                        .warning, .isaLength,
                        "ISA is \(characters) characters long, not 106"
                            + (off.isEmpty ? "" : " (\(off.joined(separator: "; ")))"),
                        nil, nil, nil
                    ))
            }
        }

        // Version and the repetition separator.
        let version = elements[11]
        let versionNumber = Int(version)
        if versionNumber == nil || version.utf8.count != 5 {
            findings.append(
                (
                    .error, .invalidEnvelopeValue, "ISA12 version '\(version)' is not a 5-digit version number",
                    version, 12, .ta105("017")
                ))
        } else if version != "00401" && version != "00501" {
            findings.append(
                (
                    .warning, .unsupportedInterchangeVersion,
                    "ISA12 version \(version) is neither 00401 nor 00501; read with the "
                        + ((versionNumber ?? 0) >= 402 ? "00501" : "00401") + " rules",
                    version, 12, nil
                ))
        }
        var repetition: UInt8?
        let isa11 = Array(elements[10].utf8)
        if let versionNumber, versionNumber >= 402 {
            if isa11.count == 1 && !X12Delimiters.isAlphanumeric(isa11[0]) && isa11[0] != 0x20 {
                repetition = isa11[0]
            } else {
                findings.append(
                    (
                        .warning, .legacyRepetitionSeparator,
                        "ISA11 is '\(elements[10])' in a \(version) header: read as \"no repetition separator\"",
                        elements[10], 11, nil
                    ))
            }
        }

        let delimiters = X12Delimiters(
            element: separator, component: component, repetition: repetition, segment: terminator)
        if let problem = delimiters.problem {
            findings.append((.error, .invalidDelimiters, "unusable delimiters: \(problem)", nil, nil, .ta105("026")))
        }

        // Values.
        if !X12Calendar.isValidDate(elements[8]) || elements[8].utf8.count != 6 {
            findings.append(
                (
                    .error, .invalidDate, "ISA09 date '\(elements[8])' is not a valid YYMMDD date", elements[8], 9,
                    .ta105("014")
                ))
        }
        if !X12Calendar.isValidTime(elements[9]) || elements[9].utf8.count != 4 {
            findings.append(
                (
                    .error, .invalidTime, "ISA10 time '\(elements[9])' is not a valid HHMM time", elements[9], 10,
                    .ta105("015")
                ))
        }
        let controlNumber = elements[12]
        if controlNumber.utf8.count != 9 || ControlNumberSet.number(controlNumber) == nil {
            findings.append(
                (
                    .error, .invalidEnvelopeValue, "ISA13 control number '\(controlNumber)' is not 9 digits",
                    controlNumber, 13, .ta105("018")
                ))
        }
        if elements[13] != "0" && elements[13] != "1" {
            findings.append(
                (
                    .error, .invalidEnvelopeValue, "ISA14 acknowledgment requested '\(elements[13])' is not 0 or 1",
                    elements[13], 14, .ta105("019")
                ))
        }
        if !["P", "T", "I"].contains(elements[14]) {
            findings.append(
                (
                    .error, .invalidEnvelopeValue, "ISA15 usage indicator '\(elements[14])' is not P, T or I",
                    elements[14], 15, .ta105("020")
                ))
        }

        var offsets: [Int32] = positions.map { Int32($0 - start) }
        if componentOffset < 0 { offsets[15] = Int32(positions[15] - start) }
        let header = X12InterchangeHeader(
            delimiters: delimiters,
            senderQualifier: elements[4], senderID: Self.unpadded(elements[5]),
            receiverQualifier: elements[6], receiverID: Self.unpadded(elements[7]),
            date: elements[8], time: elements[9], standardsIdentifier: elements[10], version: version,
            controlNumber: controlNumber, acknowledgmentRequested: elements[13] == "1", usage: elements[14],
            byteOffset: byteOffset, line: self.line)
        return ParsedInterchangeHeader(
            header: header, separatorOffsets: offsets, length: terminatorOffset - start,
            lengthWithTerminator: isaEnd - start, findings: findings)
    }

    /// Whether the line after `offset` ends with `byte` (the sign of a missing ISA16).
    private func nextLineEnds(with byte: UInt8, after offset: Int) -> Bool {
        var index = offset
        while index < self.end && (self.byte(index) == 0x0A || self.byte(index) == 0x0D) { index += 1 }
        let lineStart = index
        while index < self.end && self.byte(index) != 0x0A && self.byte(index) != 0x0D { index += 1 }
        guard index < self.end, index > lineStart else { return false }
        return self.byte(index - 1) == byte
    }

    /// Starts an interchange from a parsed header: delimiters, checks, events.
    mutating func beginInterchange(_ parsed: ParsedInterchangeHeader) {
        let start = self.cursor
        let header = parsed.header
        let delimiters = header.delimiters
        self.sawInterchange = true
        self.delimiters = delimiters
        self.hasDelimiters = true
        self.elementSeparator = delimiters.element
        self.terminatorFirst = delimiters.segment[0]
        self.terminatorLength = delimiters.segment.count
        self.componentSeparator = delimiters.component
        self.repetitionSeparator = delimiters.repetition
        let all =
            [delimiters.element, delimiters.segment[0]]
            + [delimiters.component, delimiters.repetition].compactMap { $0 }
        var skippable: UInt64 = 0
        for byte in [0x0A, 0x0D, 0x20, 0x09] as [UInt8] where !all.contains(byte) { skippable |= 1 << UInt64(byte) }
        if delimiters.element != 0 && delimiters.segment[0] != 0 { skippable |= 1 }
        self.skippable = skippable
        self.fastScan = delimiters.segment.count == 1 && delimiters.element != 0x0A
        self.delimiterVectors = DelimiterScan.Vectors(delimiters.element, delimiters.segment[0], 0x0A)
        self.storedComponent = delimiters.component.map(UInt16.init) ?? 0x100
        self.storedRepetition = delimiters.repetition.map(UInt16.init) ?? 0x100
        self.blockMask = 0
        self.blockLength = 0

        self.envelope.interchange = EnvelopeState.Interchange(header: header)
        self.envelope.group = nil
        self.envelope.transaction = nil
        self.envelope.inTransaction = false
        for finding in parsed.findings {
            self.queueFinding(
                finding.0, finding.1, finding.2, value: finding.3, byteOffset: header.byteOffset, line: header.line,
                segmentID: "ISA", element: finding.4, acknowledgment: finding.5)
        }
        let key = "\(header.senderQualifier):\(header.senderID)>\(header.receiverQualifier):\(header.receiverID)"
        if !self.envelope.interchangeNumbers[key, default: ControlNumberSet()].insert(header.controlNumber) {
            self.queueFinding(
                .error, .duplicateInterchangeControlNumber,
                "interchange control number \(header.controlNumber) from \(header.senderID) to \(header.receiverID) was already used in this input",
                value: header.controlNumber, byteOffset: header.byteOffset, line: header.line, segmentID: "ISA",
                element: 13,
                acknowledgment: .ta105("025"))
        }
        // Lines inside a wrapped header.
        for offset in start..<(start + parsed.lengthWithTerminator) where self.byte(offset) == 0x0A {
            self.line += 1
        }
        for (index, offset) in parsed.separatorOffsets.enumerated() { self.separators[index] = offset }
        // ISA elements are all simple: ISA11 and ISA16 hold the separators themselves.
        let segment = X12Segment(
            base: self.buffer + start, length: parsed.length, separators: self.separators, elementCount: 16,
            id: .isa, byteOffset: header.byteOffset, line: header.line, position: 0,
            component: nil, repetition: nil)
        self.pending.append(.interchangeStart(header))
        self.pending.append(.segment(segment))
        self.cursor = start + parsed.lengthWithTerminator
    }

    // MARK: Trailers and headers

    /// Closes what is open when the input ends or a new ISA starts without an IEA.
    mutating func closeInterchange(at segment: X12Segment, reason: String) {
        self.closeInterchange(byteOffset: segment.byteOffset, line: segment.line, reason: reason)
    }

    mutating func closeInterchange(byteOffset: Int, line: Int, reason: String) {
        self.closeTransaction(byteOffset: byteOffset, line: line, reason: reason)
        self.closeGroup(byteOffset: byteOffset, line: line, reason: reason)
        guard let interchange = self.envelope.interchange else { return }
        self.queueFinding(
            .error, .missingInterchangeTrailer,
            "interchange \(interchange.header.controlNumber) has no IEA: \(reason)",
            byteOffset: byteOffset, line: line, segmentID: nil, acknowledgment: .ta105("023"))
        self.pending.append(.interchangeEnd(interchange.header, groupCount: interchange.groupCount))
        self.envelope.interchange = nil
    }

    private mutating func closeTransaction(byteOffset: Int, line: Int, reason: String) {
        guard let transaction = self.envelope.transaction else { return }
        self.queueFinding(
            .error, .missingTransactionTrailer,
            "transaction set \(transaction.header.identifier) \(transaction.header.controlNumber) has no SE: \(reason)",
            byteOffset: byteOffset, line: line, segmentID: nil, acknowledgment: .ak502("2"))
        self.pending.append(.transactionEnd(transaction.header, segmentCount: self.envelope.position))
        self.envelope.transaction = nil
        self.envelope.inTransaction = false
    }

    private mutating func closeGroup(byteOffset: Int, line: Int, reason: String) {
        guard let group = self.envelope.group else { return }
        self.queueFinding(
            .error, .missingGroupTrailer,
            "functional group \(group.header.controlNumber) has no GE: \(reason)",
            byteOffset: byteOffset, line: line, segmentID: nil, acknowledgment: .ak905("3"))
        self.pending.append(.groupEnd(group.header, transactionCount: group.transactionCount))
        self.envelope.group = nil
    }

    mutating func readInterchangeTrailer(_ segment: X12Segment) {
        self.closeTransaction(byteOffset: segment.byteOffset, line: segment.line, reason: "IEA comes first")
        self.closeGroup(byteOffset: segment.byteOffset, line: segment.line, reason: "IEA comes first")
        guard let interchange = self.envelope.interchange else { return }
        let declared = segment.element(at: 1)?.string ?? ""
        if interchange.groupCount == 0 && declared == "1" && interchange.acknowledgmentSegments > 0 {
            // TA1-only interchanges often say 1: lenient, but noted.
            self.queueFinding(
                .warning, .groupCountMismatch,
                "IEA01 says 1 functional group in an interchange that holds only TA1 acknowledgments (should be 0)",
                value: declared, segment: segment, element: 1, acknowledgment: nil)
        } else if Int(declared) != interchange.groupCount {
            self.queueFinding(
                .error, .groupCountMismatch,
                "IEA01 says \(declared.isEmpty ? "nothing" : declared) functional group\(declared == "1" ? "" : "s"), the interchange has \(interchange.groupCount)",
                value: declared, segment: segment, element: 1, acknowledgment: .ta105("021"))
        }
        self.compareControlNumbers(
            trailer: segment.element(at: 2)?.string ?? "", header: interchange.header.controlNumber,
            names: ("IEA02", "ISA13"), segment: segment, element: 2,
            mismatch: .interchangeControlNumberMismatch, acknowledgment: .ta105("001"))
        self.pending.append(.segment(segment))
        self.pending.append(.interchangeEnd(interchange.header, groupCount: interchange.groupCount))
        self.envelope.interchange = nil
        self.resetDelimiters()
    }

    mutating func readGroupHeader(_ segment: X12Segment) {
        self.closeTransaction(byteOffset: segment.byteOffset, line: segment.line, reason: "a new GS comes first")
        self.closeGroup(byteOffset: segment.byteOffset, line: segment.line, reason: "a new GS comes first")
        let text = { (position: Int) in segment.element(at: position)?.string ?? "" }
        let header = X12GroupHeader(
            functionalIdentifier: text(1), senderCode: text(2), receiverCode: text(3), date: text(4), time: text(5),
            controlNumber: text(6), agency: text(7), version: text(8), byteOffset: segment.byteOffset,
            line: segment.line)
        self.envelope.group = EnvelopeState.Group(header: header)
        self.envelope.interchange?.groupCount += 1
        self.pending.append(.groupStart(header))
        let isOldVersion = header.version.hasPrefix("002") || header.version.hasPrefix("003")
        if !X12Calendar.isValidDate(header.date) || (header.date.utf8.count != 8 && !isOldVersion) {
            self.queueFinding(
                .error, .invalidDate, "GS04 date '\(header.date)' is not a valid CCYYMMDD date",
                value: header.date, segment: segment, element: 4, acknowledgment: .ta105("024"))
        }
        if !X12Calendar.isValidTime(header.time) {
            self.queueFinding(
                .error, .invalidTime, "GS05 time '\(header.time)' is not a valid HHMM[SS[D[D]]] time",
                value: header.time, segment: segment, element: 5, acknowledgment: .ta105("024"))
        }
        if ControlNumberSet.number(header.controlNumber) == nil || header.controlNumber.utf8.count > 9 {
            self.queueFinding(
                .error, .invalidEnvelopeValue,
                "GS06 group control number '\(header.controlNumber)' is not 1 to 9 digits",
                value: header.controlNumber, segment: segment, element: 6, acknowledgment: .ak905("6"))
        } else if self.envelope.interchange?.groupNumbers.insert(header.controlNumber) == false {
            self.queueFinding(
                .error, .duplicateGroupControlNumber,
                "group control number \(header.controlNumber) is used twice in this interchange",
                value: header.controlNumber, segment: segment, element: 6,
                // 19 "not unique within the interchange"; a 004010 acknowledgment says 6.
                acknowledgment: .ak905("19"))
        }
        // ISA12 is the version of the control segments and may lag GS08 inside a major
        // version (00400 with 004010 is common); a different major version is suspicious.
        if let interchange = self.envelope.interchange,
            header.version.utf8.prefix(3).elementsEqual(interchange.header.version.utf8.prefix(3)) == false
        {
            self.queueFinding(
                .warning, .versionMismatch,
                "GS08 version \(header.version) does not match ISA12 \(interchange.header.version)",
                value: header.version, segment: segment, element: 8, acknowledgment: nil)
        }
        self.pending.append(.segment(segment))
    }

    mutating func readGroupTrailer(_ segment: X12Segment) {
        self.closeTransaction(byteOffset: segment.byteOffset, line: segment.line, reason: "GE comes first")
        guard let group = self.envelope.group else {
            self.queueFinding(
                .error, .unexpectedSegment, "GE without a GS", segment: segment, acknowledgment: .ta105("024"))
            self.pending.append(.segment(segment))
            return
        }
        let declared = segment.element(at: 1)?.string ?? ""
        if Int(declared) != group.transactionCount {
            self.queueFinding(
                .error, .transactionCountMismatch,
                "GE01 says \(declared.isEmpty ? "nothing" : declared) transaction set\(declared == "1" ? "" : "s"), the group has \(group.transactionCount)",
                value: declared, segment: segment, element: 1, acknowledgment: .ak905("5"))
        }
        self.compareControlNumbers(
            trailer: segment.element(at: 2)?.string ?? "", header: group.header.controlNumber,
            names: ("GE02", "GS06"), segment: segment, element: 2,
            mismatch: .groupControlNumberMismatch, acknowledgment: .ak905("4"))
        self.pending.append(.segment(segment))
        self.pending.append(.groupEnd(group.header, transactionCount: group.transactionCount))
        self.envelope.group = nil
    }

    mutating func readTransactionHeader(_ segment: X12Segment) {
        self.closeTransaction(byteOffset: segment.byteOffset, line: segment.line, reason: "a new ST comes first")
        // The ST was cut before the set opened: it is position 1 of the set it starts.
        let segment = segment.withPosition(1)
        let identifier = segment.element(at: 1)?.string ?? ""
        let controlNumber = segment.element(at: 2)?.string ?? ""
        let reference = segment.element(at: 3).flatMap { $0.isEmpty ? nil : $0.string }
        let header = X12TransactionHeader(
            identifier: identifier, controlNumber: controlNumber, implementationReference: reference,
            byteOffset: segment.byteOffset, line: segment.line)
        self.envelope.transaction = EnvelopeState.Transaction(header: header)
        self.envelope.inTransaction = true
        self.envelope.position = 1
        self.pending.append(.transactionStart(header))
        // The group is read in place: `if let group` copied it (header strings, numbers seen)
        // once per set.
        if self.envelope.group != nil {
            self.envelope.group?.transactionCount += 1
            let functionalIdentifier = self.envelope.group?.header.functionalIdentifier ?? ""
            if let expected = FunctionalIdentifier.byTransactionSet[identifier], expected != functionalIdentifier {
                self.queueFinding(
                    .warning, .functionalIdentifierMismatch,
                    "transaction set \(identifier) belongs in a \(expected) group, not in GS01 \(functionalIdentifier)",
                    value: functionalIdentifier, segment: segment, element: 1, acknowledgment: .ak905("1"))
            }
        } else {
            self.queueFinding(
                .error, .unexpectedSegment, "ST is outside a functional group (no GS before it)",
                segment: segment, acknowledgment: .ta105("024"))
        }
        if identifier.utf8.count != 3 || !identifier.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            self.queueFinding(
                .error, .invalidEnvelopeValue, "ST01 '\(identifier)' is not a 3-digit transaction set identifier",
                value: identifier, segment: segment, element: 1, acknowledgment: .ak502("6"))
        }
        if controlNumber.isEmpty {
            self.queueFinding(
                .error, .invalidEnvelopeValue, "ST02 transaction set control number is missing",
                segment: segment, element: 2, acknowledgment: .ak502("7"))
        } else if self.envelope.group?.transactionNumbers.insert(controlNumber) == false {
            self.queueFinding(
                .error, .duplicateTransactionControlNumber,
                "transaction set control number \(controlNumber) is used twice in this group",
                value: controlNumber, segment: segment, element: 2, acknowledgment: .ak502("23"))
        }
        self.pending.append(.segment(segment))
    }

    mutating func readTransactionTrailer(_ segment: X12Segment) {
        guard let transaction = self.envelope.transaction else {
            self.queueFinding(
                .error, .unexpectedSegment, "SE without an ST", segment: segment, acknowledgment: .ak502("2"))
            self.pending.append(.segment(segment))
            return
        }
        let count = segment.position
        let declared = segment.element(at: 1)?.string ?? ""
        if Int(declared) != count {
            self.queueFinding(
                .error, .segmentCountMismatch,
                "SE01 says \(declared.isEmpty ? "nothing" : declared) segments, the set has \(count) (ST and SE included)",
                value: declared, segment: segment, element: 1, acknowledgment: .ak502("4"))
        }
        self.compareControlNumbers(
            trailer: segment.element(at: 2)?.string ?? "", header: transaction.header.controlNumber,
            names: ("SE02", "ST02"), segment: segment, element: 2,
            mismatch: .transactionControlNumberMismatch, acknowledgment: .ak502("3"))
        self.pending.append(.segment(segment))
        self.pending.append(.transactionEnd(transaction.header, segmentCount: count))
        self.envelope.transaction = nil
        self.envelope.inTransaction = false
    }

    /// Trailer against header: equal text is fine; equal numbers written differently is a
    /// warning; different numbers are an error.
    private mutating func compareControlNumbers(
        trailer: String, header: String, names: (String, String), segment: X12Segment, element: Int,
        mismatch: X12Finding.Code, acknowledgment: X12AcknowledgmentCode
    ) {
        guard trailer != header else { return }
        if let a = ControlNumberSet.number(trailer), let b = ControlNumberSet.number(header), a == b {
            self.queueFinding(
                .warning, .controlNumberFormat,
                "\(names.0) '\(trailer)' and \(names.1) '\(header)' are the same number written differently",
                value: trailer, segment: segment, element: element, acknowledgment: nil)
        } else {
            self.queueFinding(
                .error, mismatch, "\(names.0) '\(trailer)' does not match \(names.1) '\(header)'",
                value: trailer, segment: segment, element: element, acknowledgment: acknowledgment)
        }
    }

    // MARK: Helpers

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// ISA02 and ISA04 are secrets: never shown.
    static func masked(_ value: String, index: Int) -> String {
        index == 2 || index == 4 ? String(repeating: "*", count: value.count) : value
    }

    /// Trailing spaces (and U+00A0 used as padding) removed.
    static func unpadded(_ value: String) -> String {
        var result = Substring(value)
        while let last = result.last, last == " " || last == "\u{00A0}" { result = result.dropLast() }
        return String(result)
    }
}

extension ParsedInterchangeHeader {
    typealias Findings = [(X12Finding.Severity, X12Finding.Code, String, String?, Int?, X12AcknowledgmentCode?)]
}
