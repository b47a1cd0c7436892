/// Full validation of X12: the reader's envelope checks plus each transaction set against
/// its schema (segment order, usage, maximum use and loop repeats, element types, lengths,
/// codes and syntax notes, and the 856 HL hierarchy).
///
/// The validator wraps a reader and hands out the same events, with its own findings added
/// before the end of the set they belong to. Like the reader it streams: one set's state at
/// a time (a stack of loop counters), whatever the size of the input.
///
/// ```swift
/// var validator = X12Validator(reader: X12Reader(source: source))
/// while let event = try validator.next() {
///     if case .finding(let finding) = event { print(finding) }
/// }
/// ```
public struct X12Validator: ~Copyable {
    private var reader: X12Reader
    private var pending = EventQueue()
    private let sourceName: String?

    // Envelope context for locations.
    private var interchangeControlNumber: String?
    private var groupControlNumber: String?
    private var transactionControlNumber: String?
    /// The schema chosen for the open group, if any.
    private var groupSchema: X12Schema?
    /// The compiled set being validated, if Porter has a schema for it.
    private var set: CompiledTransactionSet?
    private var matcher = StructureMatcher()
    /// Element patterns already found good, per segment rules.
    private let presenceCache = PresenceCache()
    /// The open set has an HL hierarchy to check.
    private var setIsHierarchical = false
    private var hierarchy = HierarchyChecker()

    public init(reader: consuming X12Reader, sourceName: String? = nil) {
        self.reader = reader
        self.sourceName = sourceName
    }

    /// The next event, or `nil` at the end of the input.
    public mutating func next() throws(X12Error) -> X12Reader.Event? {
        if let event = self.pending.next() { return event }
        guard let event = try self.reader.next() else { return nil }
        switch event {
        case .segment(let segment):
            if self.set != nil && segment.position > 0 {
                self.validate(segment)
            }
            return event
        case .interchangeStart(let header):
            self.interchangeControlNumber = header.controlNumber
        case .groupStart(let header):
            self.groupControlNumber = header.controlNumber
            self.chooseSchema(for: header)
        case .transactionStart(let header):
            self.transactionControlNumber = header.controlNumber
            self.startSet(header)
        case .transactionEnd:
            if self.set != nil {
                self.finishSet()
                self.set = nil
                if self.pending.isEmpty { return event }
                self.pending.append(event)
                return self.pending.next()
            }
        case .groupEnd:
            self.groupSchema = nil
            self.groupControlNumber = nil
        case .interchangeEnd:
            self.interchangeControlNumber = nil
        case .finding:
            break
        }
        return event
    }

    /// Bytes consumed so far.
    public var byteOffset: Int { self.reader.byteOffset }

    // MARK: Schema choice

    private var groupHeader: X12GroupHeader?
    /// Where the last segment of the open set was: problems found at the set's end point there.
    private var lastSegment: (byteOffset: Int, line: Int, position: Int) = (0, 1, 0)
    private var allowsShortDates = false

    private mutating func chooseSchema(for header: X12GroupHeader) {
        self.groupHeader = header
        // 6-digit dates (YYMMDD) are standard before 004010.
        self.allowsShortDates = header.version.hasPrefix("002") || header.version.hasPrefix("003")
        guard let (schema, exact) = X12Schema.nearest(toGroupVersion: header.version) else {
            self.groupSchema = nil
            self.queueInfo(
                "no schema for version \(header.version): the sets of this group are checked at envelope level only",
                byteOffset: header.byteOffset, line: header.line, segmentID: "GS", element: 8)
            return
        }
        self.groupSchema = schema
        if !exact {
            self.queueInfo(
                "version \(header.version) is validated with the nearest schema, \(schema.version)",
                byteOffset: header.byteOffset, line: header.line, segmentID: "GS", element: 8)
        }
    }

    private mutating func startSet(_ header: X12TransactionHeader) {
        self.set = nil
        guard let schema = self.groupSchema else { return }
        guard let compiled = CompiledSchemas.transactionSet(header.identifier, schema: schema) else {
            self.queueInfo(
                "transaction set \(header.identifier) has no schema in Porter: checked at envelope level only",
                byteOffset: header.byteOffset, line: header.line, segmentID: "ST", element: 1, position: 1)
            return
        }
        self.set = compiled
        self.setIsHierarchical = compiled.isHierarchical
        self.matcher.start(compiled)
        self.hierarchy.start()
    }

    // MARK: Per segment

    private mutating func validate(_ segment: X12Segment) {
        self.lastSegment = (segment.byteOffset, segment.line, segment.position)
        let matched = self.matcher.match(segment.id.rawValue)
        if !self.matcher.problems.isEmpty { self.queueStructureProblems(segment) }
        guard let reference = matched else { return }
        unowned(unsafe) let rules = reference.takeUnretainedValue()
        // Good segments (nearly all) pass the fast check; the checker words what it rejects.
        if FastElementCheck.passes(
            segment, rules.fast, allowsShortDates: self.allowsShortDates, cache: self.presenceCache)
        {
            self.checkHierarchy(segment)
            return
        }
        var checker = ElementChecker(segment: segment, rules: rules, allowsShortDates: self.allowsShortDates)
        checker.run()
        if !checker.problems.isEmpty {
            let loopPath = self.matcher.loopPath
            let loopIdentifier = self.matcher.loopIdentifier
            for problem in checker.problems {
                self.queueElementFinding(problem, segment: segment, loop: loopPath, loopIdentifier: loopIdentifier)
            }
        }
        self.checkHierarchy(segment)
    }

    @inline(never)
    private mutating func queueStructureProblems(_ segment: X12Segment) {
        let loopPath = self.matcher.loopPath
        let loopIdentifier = self.matcher.loopIdentifier
        for problem in self.matcher.problems {
            self.queueSegmentFinding(problem, segment: segment, loop: loopPath, loopIdentifier: loopIdentifier)
        }
        self.matcher.problems.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func checkHierarchy(_ segment: X12Segment) {
        guard self.setIsHierarchical else { return }
        // Raw values, not the static ids: a static costs a once-check per segment.
        if segment.id.rawValue == X12SegmentID.hlValue {
            let problems = self.hierarchy.check(segment)
            if !problems.isEmpty {
                let loopPath = self.matcher.loopPath
                let loopIdentifier = self.matcher.loopIdentifier
                for problem in problems {
                    self.queueElementFinding(problem, segment: segment, loop: loopPath, loopIdentifier: loopIdentifier)
                }
            }
        } else if segment.id.rawValue == X12SegmentID.bsnValue {
            self.hierarchy.structureCode = segment.element(at: 5).map(\.string)
        }
    }

    private mutating func finishSet() {
        for problem in self.matcher.finish() {
            self.queueSegmentFinding(problem, segment: nil, loop: nil, loopIdentifier: problem.loopIdentifier)
        }
    }

    // MARK: Findings

    private mutating func queueSegmentFinding(
        _ problem: StructureProblem, segment: X12Segment?, loop: String?, loopIdentifier: String?
    ) {
        let location = X12Location(
            file: self.sourceName, byteOffset: segment?.byteOffset ?? self.lastSegment.byteOffset,
            line: segment?.line ?? self.lastSegment.line, interchange: self.interchangeControlNumber,
            group: self.groupControlNumber,
            transaction: self.transactionControlNumber,
            segmentPosition: problem.position ?? segment?.position ?? self.lastSegment.position,
            segmentID: problem.segmentID, loop: problem.atSetLevel ? nil : (problem.loopPath ?? loop),
            loopIdentifier: problem.atSetLevel ? nil : (problem.loopIdentifier ?? loopIdentifier))
        self.pending.append(
            .finding(
                X12Finding(
                    problem.severity, problem.code, problem.message, value: nil, location: location,
                    acknowledgment: .ak304(problem.ak304))))
    }

    private mutating func queueElementFinding(
        _ problem: ElementProblem, segment: X12Segment, loop: String?, loopIdentifier: String?
    ) {
        let location = X12Location(
            file: self.sourceName, byteOffset: segment.byteOffset, line: segment.line,
            interchange: self.interchangeControlNumber, group: self.groupControlNumber,
            transaction: self.transactionControlNumber, segmentPosition: segment.position,
            segmentID: segment.idString, element: problem.element, component: problem.component, loop: loop,
            elementReference: problem.reference, loopIdentifier: loopIdentifier)
        self.pending.append(
            .finding(
                X12Finding(
                    problem.severity, problem.code, problem.message, value: problem.value, location: location,
                    acknowledgment: .ak403(problem.ak403))))
    }

    private mutating func queueInfo(
        _ message: String, byteOffset: Int, line: Int, segmentID: String, element: Int, position: Int? = nil
    ) {
        let location = X12Location(
            file: self.sourceName, byteOffset: byteOffset, line: line, interchange: self.interchangeControlNumber,
            group: self.groupControlNumber, transaction: position == nil ? nil : self.transactionControlNumber,
            segmentPosition: position, segmentID: segmentID, element: element)
        self.pending.append(.finding(X12Finding(.info, .schemaNotApplied, message, location: location)))
    }
}

extension X12SegmentID {
    /// `HL` packed.
    static var hlValue: UInt32 { 0x4C48 }
    /// `BSN` packed.
    static var bsnValue: UInt32 { 0x4E_5342 }
}
