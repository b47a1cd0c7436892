import Orders
import X12

/// The state of decoding one 997 or 999: where in the set the next segment falls, and what has been built so far.
///
/// AK1 and AK9 are the group; each AK2 opens a set's loop, closed by the next AK2 or by AK9, holding its AK5 (IK5)
/// and its segment errors. An AK3 (IK3) opens a segment error, an AK4 (IK4) in it an element error, and a CTX
/// belongs to the error it follows. A 997 and a 999 are read alike, whatever their segments are called.
///
/// Extensions are addressed from the set's loop: `AK2[2]` is the second set's AK2, `AK2[2]/AK3[1]` its first
/// segment error, `AK2[2]/AK3[1]/AK4[1]` that error's first element error, `AK2[2]/IK3[1]/CTX[1]` the first CTX of
/// a 999's first segment error, `AK2[2]/AK5[1]` the verdict; AK1 and AK9 are `AK1[1]` and `AK9[1]`. A segment that
/// has no place is kept whole in the loop it was met in.
struct X12FunctionalAcknowledgmentAssembler: X12TransactionSetAssembler {
    /// Where the segments being read belong.
    private enum Scope {
        case group
        case set
        case segmentError
        case elementError
    }

    static let segmentErrorIDs: Set<String> = ["AK3", "IK3"]
    static let elementErrorIDs: Set<String> = ["AK4", "IK4"]
    static let verdictIDs: Set<String> = ["AK5", "IK5"]

    private var reader: X12SegmentReader
    private let implementationReference: String?
    private let envelope: Envelope
    private var scope = Scope.group
    private var extensions = Extensions()
    /// Occurrences of the group's segments (path `""`).
    private var groupCounts = X12OccurrenceCounts()
    /// Occurrences in the open set's loop, its segment error's and its element error's.
    private var setCounts = X12OccurrenceCounts()
    private var segmentErrorCounts = X12OccurrenceCounts()
    private var elementErrorCounts = X12OccurrenceCounts()
    /// The open set's address (`AK2[2]/`), its segment error's and its element error's.
    private var setPath = ""
    private var segmentErrorPath = ""
    private var elementErrorPath = ""

    private var sawAK1 = false
    private var sawAK9 = false
    private var functionalIdentifier = ""
    private var groupControlNumber = ""
    private var groupVersion: String?
    private var status: AcknowledgmentCode = ""
    private var includedCount: Int?
    private var receivedCount: Int?
    private var acceptedCount: Int?
    private var groupErrors: [GroupErrorCode] = []
    private var sets: [TransactionSetAcknowledgment] = []
    /// The located AK2 of each set, and whether its AK5 was met, for findings at the end.
    private var setStarts: [(located: X12LocatedSegment, sawVerdict: Bool)] = []

    init(envelope: Envelope, context: X12FindingContext, implementationReference: String?) {
        self.envelope = envelope
        self.reader = X12SegmentReader(context: context)
        self.implementationReference = implementationReference
    }

    // MARK: Dispatch

    mutating func process(_ located: X12LocatedSegment) {
        let id = located.segment.id
        switch id {
        case "AK1", "AK9":
            self.scope = .group
            self.groupSegment(located)
        case "AK2":
            self.startSet(located)
        default:
            self.loopSegment(located)
        }
    }

    /// A segment inside the open loops (or in the group when no set is open): the loops it is not a member of close,
    /// innermost first, and the innermost one left takes it, kept whole when it has no place there.
    private mutating func loopSegment(_ located: X12LocatedSegment) {
        let id = located.segment.id
        if case .elementError = self.scope, id != "CTX" { self.scope = .segmentError }
        if case .segmentError = self.scope, id != "CTX", !Self.elementErrorIDs.contains(id) { self.scope = .set }
        switch self.scope {
        case .elementError:
            Self.keep(located, &self.elementErrorCounts, self.elementErrorPath, in: &self.extensions)
        case .segmentError:
            if Self.elementErrorIDs.contains(id) { return self.elementError(located) }
            Self.keep(located, &self.segmentErrorCounts, self.segmentErrorPath, in: &self.extensions)
        case .set:
            if Self.segmentErrorIDs.contains(id) { return self.segmentError(located) }
            let address = X12SegmentReader.occurrence(&self.setCounts, self.setPath, id)
            if Self.verdictIDs.contains(id), let last = self.setStarts.indices.last, !self.setStarts[last].sawVerdict {
                return self.verdict(located, address: address)
            }
            X12ElementCursor(located.segment).recordWhole(at: address, in: &self.extensions)
        case .group:
            Self.keep(located, &self.groupCounts, "", in: &self.extensions)
        }
    }

    /// Keeps a segment that has no place whole, at its next occurrence under `path`.
    private static func keep(
        _ located: X12LocatedSegment, _ counts: inout X12OccurrenceCounts, _ path: String,
        in extensions: inout Extensions
    ) {
        let address = X12SegmentReader.occurrence(&counts, path, located.segment.id)
        X12ElementCursor(located.segment).recordWhole(at: address, in: &extensions)
    }

    mutating func finish() -> X12FunctionalAcknowledgmentDecoding {
        for (index, start) in self.setStarts.enumerated() where !start.sawVerdict {
            self.reader.finding(
                .error, .mandatorySegmentMissing,
                "the AK2 loop of set \(self.sets[index].controlNumber) has no AK5 (IK5)", start.located, nil)
        }
        guard self.sawAK1 else {
            self.reader.finding(.error, .mandatorySegmentMissing, "the acknowledgment has no AK1 segment", nil, nil)
            return X12FunctionalAcknowledgmentDecoding(acknowledgment: nil, findings: self.reader.findings)
        }
        if !self.sawAK9 {
            self.reader.finding(.error, .mandatorySegmentMissing, "the acknowledgment has no AK9 segment", nil, nil)
        }
        let acknowledgment = FunctionalAcknowledgment(
            envelope: self.envelope, functionalIdentifier: self.functionalIdentifier,
            groupControlNumber: self.groupControlNumber, groupVersion: self.groupVersion, status: self.status,
            transactionSets: self.sets, includedCount: self.includedCount, receivedCount: self.receivedCount,
            acceptedCount: self.acceptedCount, errors: self.groupErrors, extensions: self.extensions)
        return X12FunctionalAcknowledgmentDecoding(acknowledgment: acknowledgment, findings: self.reader.findings)
    }

    // MARK: Group

    /// AK1 (the first): the acknowledged group; AK9 (the first): the verdict on it. Later ones are kept whole.
    private mutating func groupSegment(_ located: X12LocatedSegment) {
        let id = located.segment.id
        let address = X12SegmentReader.occurrence(&self.groupCounts, "", id)
        var cursor = X12ElementCursor(located.segment)
        guard address.hasSuffix("[1]") else { return cursor.recordWhole(at: address, in: &self.extensions) }
        if id == "AK1" {
            self.sawAK1 = true
            self.functionalIdentifier = self.mandatory(&cursor, 1, "functional identifier code", located)
            self.groupControlNumber = self.mandatory(&cursor, 2, "group control number", located)
            self.groupVersion = cursor.text(3)
        } else {
            self.sawAK9 = true
            self.status =
                self.code(
                    X12FunctionalAcknowledgmentCodes.acknowledgment, [], &cursor, 1, located, mandatory: true) ?? ""
            self.includedCount = self.reader.integer(&cursor, 2, located)
            self.receivedCount = self.reader.integer(&cursor, 3, located)
            self.acceptedCount = self.reader.integer(&cursor, 4, located)
            for position in 5...9 {
                if let code = self.code(
                    X12FunctionalAcknowledgmentCodes.groupError, X12FunctionalAcknowledgmentCodes.groupErrorOthers,
                    &cursor, position, located)
                {
                    self.groupErrors.append(code)
                }
            }
        }
        cursor.recordLeftovers(at: address, in: &self.extensions)
    }

    // MARK: Sets

    /// AK2: opens the loop of the next set.
    private mutating func startSet(_ located: X12LocatedSegment) {
        let address = X12SegmentReader.occurrence(&self.groupCounts, "", "AK2")
        self.scope = .set
        self.setPath = address + "/"
        self.setCounts.removeAll()
        var cursor = X12ElementCursor(located.segment)
        self.sets.append(
            TransactionSetAcknowledgment(
                identifier: self.mandatory(&cursor, 1, "transaction set identifier code", located),
                controlNumber: self.mandatory(&cursor, 2, "transaction set control number", located),
                implementationReference: cursor.text(3), status: ""))
        self.setStarts.append((located, false))
        cursor.recordLeftovers(at: address, in: &self.extensions)
    }

    /// AK5 or IK5 (the first of the loop): the verdict on the open set and its errors.
    private mutating func verdict(_ located: X12LocatedSegment, address: String) {
        var cursor = X12ElementCursor(located.segment)
        let index = self.sets.count - 1
        self.setStarts[index].sawVerdict = true
        self.sets[index].status =
            self.code(X12FunctionalAcknowledgmentCodes.acknowledgment, [], &cursor, 1, located, mandatory: true) ?? ""
        for position in 2...6 {
            if let code = self.code(
                X12FunctionalAcknowledgmentCodes.transactionSetError,
                X12FunctionalAcknowledgmentCodes.transactionSetErrorOthers, &cursor, position, located)
            {
                self.sets[index].errors.append(code)
            }
        }
        cursor.recordLeftovers(at: address, in: &self.extensions)
    }

    /// AK3 or IK3: opens a segment error of the open set.
    private mutating func segmentError(_ located: X12LocatedSegment) {
        let index = self.sets.count - 1
        let address = X12ExtensionAddress.segment(
            self.setPath, located.segment.id, self.sets[index].segmentErrors.count + 1)
        self.scope = .segmentError
        self.segmentErrorPath = address + "/"
        self.segmentErrorCounts.removeAll()
        var cursor = X12ElementCursor(located.segment)
        let segmentID = self.mandatory(&cursor, 1, "segment ID code", located)
        if cursor.peek(2) == nil {
            self.missing(2, "segment position in transaction set", located)
        }
        let position = self.reader.integer(&cursor, 2, located) ?? 0
        let code = self.code(
            X12FunctionalAcknowledgmentCodes.segmentError, X12FunctionalAcknowledgmentCodes.segmentErrorOthers,
            &cursor, 4, located)
        self.sets[index].segmentErrors.append(
            SegmentError(segmentID: segmentID, position: position, loopID: cursor.text(3), code: code))
        cursor.recordLeftovers(at: address, in: &self.extensions)
    }

    /// AK4 or IK4: an element error of the open segment error.
    private mutating func elementError(_ located: X12LocatedSegment) {
        let index = self.sets.count - 1
        let errorIndex = self.sets[index].segmentErrors.count - 1
        let address = X12ExtensionAddress.segment(
            self.segmentErrorPath, located.segment.id,
            self.sets[index].segmentErrors[errorIndex].elementErrors.count + 1)
        self.scope = .elementError
        self.elementErrorPath = address + "/"
        self.elementErrorCounts.removeAll()
        var cursor = X12ElementCursor(located.segment)
        var error = ElementError(position: 0, code: "")
        if let (position, component, repetition) = self.elementPosition(&cursor, located) {
            error.position = position
            error.componentPosition = component
            error.repetitionPosition = repetition
        }
        error.referenceNumber = cursor.text(2)
        error.code =
            self.code(
                X12FunctionalAcknowledgmentCodes.elementError, X12FunctionalAcknowledgmentCodes.elementErrorOthers,
                &cursor, 3, located, mandatory: true) ?? ""
        error.badValue = cursor.text(4)
        self.sets[index].segmentErrors[errorIndex].elementErrors.append(error)
        cursor.recordLeftovers(at: address, in: &self.extensions)
    }

    /// AK401 (C030): the element's position, its component's and its repetition's; `nil`, the element left for
    /// extensions, when it is missing or any part is not a whole number.
    private mutating func elementPosition(
        _ cursor: inout X12ElementCursor, _ located: X12LocatedSegment
    ) -> (Int, Int?, Int?)? {
        let elements = located.segment.elements
        guard let value = elements.first, !value.isEmpty else {
            self.missing(1, "position in segment", located)
            return nil
        }
        let repetitions = value.repetitions
        let parts = repetitions.count == 1 ? repetitions[0] : []
        let numbers = parts.map { $0.isEmpty ? nil : Self.number($0) }
        guard (1...3).contains(parts.count), let position = numbers[0],
            zip(parts, numbers).allSatisfy({ $0.isEmpty || $1 != nil })
        else {
            self.reader.finding(
                .warning, "invalidNumber", "\(located.segment.id)01 '\(value.text)' is not a position", located, 1,
                value: value.text)
            return nil
        }
        cursor.take(1)
        return (position, parts.count > 1 ? numbers[1] : nil, parts.count > 2 ? numbers[2] : nil)
    }

    // MARK: Values

    /// An N0 position: digits only, at most nine.
    private static func number(_ text: String) -> Int? {
        guard text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }

    /// A mandatory simple element's text; `""`, with an error, when it is missing.
    private mutating func mandatory(
        _ cursor: inout X12ElementCursor, _ position: Int, _ name: String, _ located: X12LocatedSegment
    ) -> String {
        if let text = cursor.text(position) { return text }
        self.missing(position, name, located)
        return ""
    }

    /// An error for a mandatory element that is missing; a warning when it is there but has components (it is then
    /// kept in extensions).
    private mutating func missing(_ position: Int, _ name: String, _ located: X12LocatedSegment) {
        let elements = located.segment.elements
        if elements.count >= position, !elements[position - 1].isEmpty {
            let text = elements[position - 1].text
            return self.reader.finding(
                .warning, .tooManyComponents,
                "\(located.segment.id)\(X12ExtensionAddress.element(position)) (\(name)) '\(text)' has components; kept as sent",
                located, position, value: text)
        }
        self.reader.finding(
            .error, .mandatoryElementMissing,
            "\(located.segment.id)\(X12ExtensionAddress.element(position)) (\(name)) is missing", located, position)
    }

    /// A coded element: its named value, or the code as sent (with a warning when no standard defines it).
    private mutating func code<Value: CodedValue>(
        _ list: X12CodeList<Value>, _ others: Set<String>, _ cursor: inout X12ElementCursor, _ position: Int,
        _ located: X12LocatedSegment, mandatory: Bool = false
    ) -> Value? {
        guard let code = cursor.text(position) else {
            if mandatory { self.missing(position, "code", located) }
            return nil
        }
        return self.reader.coded(list, code, located, position, warn: !others.contains(code))
    }
}
