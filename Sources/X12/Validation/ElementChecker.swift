/// An element problem found by ``ElementChecker`` (reported as AK4/IK4).
struct ElementProblem {
    var severity: X12Finding.Severity = .error
    var code: X12Finding.Code
    var message: String
    var ak403: String
    var element: Int
    var component: Int?
    var reference: String?
    var value: String?
}

/// Checks the elements of one segment against its rules: presence, count, type, length,
/// code lists and syntax notes. Works on the segment's bytes; a `String` is made only for a
/// problem's message.
struct ElementChecker {
    let segment: X12Segment
    /// Held by the compiled-set cache for the life of the process.
    unowned(unsafe) let rules: CompiledSegment
    /// 6-digit dates are allowed (groups before 004010).
    let allowsShortDates: Bool
    var problems: [ElementProblem] = []

    init(segment: X12Segment, rules: CompiledSegment, allowsShortDates: Bool) {
        self.segment = segment
        self.rules = rules
        self.allowsShortDates = allowsShortDates
    }

    mutating func run() {
        let count = self.segment.elementCount
        let rules = UnsafeBufferPointer(self.rules.rulePointer)
        if count > rules.count {
            let extra = self.segment.element(at: rules.count + 1)
            self.problems.append(
                ElementProblem(
                    code: .tooManyDataElements,
                    message: "\(self.rules.id) has \(count) elements; the standard defines \(rules.count)",
                    ak403: "3", element: rules.count + 1, value: extra.map { Self.text($0.bytes) }))
        }
        // Positions past the last element sent matter only when mandatory: look at those
        // alone instead of walking every optional position of the segment's definition.
        let walked = min(count, rules.count)
        for position in self.rules.mandatoryPositions where position > walked {
            let rule = rules[position - 1]
            let description = self.rules.descriptions[Int(rule.description)]
            self.problems.append(
                ElementProblem(
                    code: .mandatoryElementMissing,
                    message: "\(self.name(position)) \(description.name) is mandatory but missing",
                    ak403: "1", element: position, reference: rule.isComposite ? nil : description.reference))
        }
        // The component separator, or 0x100 (no byte) when there is none.
        let componentSeparator = self.segment.component.map(UInt16.init) ?? 0x100
        // Porter's sets define no repeating element (DOMAIN.md §7): a repetition separator in
        // a value is a repetition too many (AK403 12).
        let repetitionSeparator = self.segment.repetition.map(UInt16.init) ?? 0x100
        do {
            for index in 0..<walked {
                let rule = rules[index]
                let position = index + 1
                let bytes = self.segment.elementBytes(at: position)
                guard !bytes.isEmpty else {
                    if rule.usage == .mandatory {
                        let description = self.rules.descriptions[Int(rule.description)]
                        self.problems.append(
                            ElementProblem(
                                code: .mandatoryElementMissing,
                                message: "\(self.name(position)) \(description.name) is mandatory but missing",
                                ak403: "1", element: position,
                                reference: rule.isComposite ? nil : description.reference))
                    }
                    continue
                }
                if rule.isComposite {
                    if let element = self.segment.element(at: position) {
                        self.checkComposite(element, rule, position: position)
                    }
                    continue
                }
                self.check(
                    bytes, rule, position: position, component: nil, separator: componentSeparator,
                    repetition: repetitionSeparator)
            }
        }
        if !self.rules.syntaxNotes.isEmpty {
            let segment = self.segment
            self.checkSyntaxNotes(
                self.rules.syntaxNotes,
                presence: { position in
                    guard let element = segment.element(at: position) else { return false }
                    return !element.isEmpty
                }, component: nil)
        }
    }

    private mutating func checkComposite(_ element: X12Element, _ rule: ElementRule, position: Int) {
        let count = element.componentCount
        let described = self.rules.descriptions[Int(rule.description)]
        if count > Int(rule.componentCount) {
            self.problems.append(
                ElementProblem(
                    code: .tooManyComponents,
                    message:
                        "\(self.name(position)) \(described.name) has \(count) components; the standard defines \(rule.componentCount)",
                    ak403: "13", element: position, value: Self.text(element.bytes)))
        }
        for index in 0..<Int(rule.componentCount) {
            let component = self.rules.componentRules[Int(rule.firstComponent) + index]
            let value = element.component(at: index + 1)
            guard let value, !value.isEmpty else {
                if component.usage == .mandatory {
                    let description = self.rules.descriptions[Int(component.description)]
                    self.problems.append(
                        ElementProblem(
                            code: .mandatoryElementMissing,
                            message:
                                "\(self.name(position))-\(index + 1) \(description.name) is mandatory in \(described.composite ?? "the composite") but missing",
                            ak403: "1", element: position, component: index + 1, reference: description.reference))
                }
                continue
            }
            self.check(value.bytes, component, position: position, component: index + 1)
        }
        let notes = self.rules.compositeSyntaxNotes[position - 1]
        if !notes.isEmpty {
            self.checkSyntaxNotes(
                notes,
                presence: { index in
                    guard let value = element.component(at: index) else { return false }
                    return !value.isEmpty
                }, component: position)
        }
    }

    // MARK: Values

    /// What is wrong with a value; the words are made by `report`, off the hot path.
    private enum ValueProblem {
        case holdsComponentSeparator
        case repeats
        case control
        case onlySpaces
        case notCode
        case notWholeNumber
        case notNumber
        case badDate
        case badTime
        case tooShort(Int)
        case tooLong(Int)
    }

    /// Checks one value. The common case (a good value) runs no string code at all: every
    /// problem goes through `report`, which is kept out of line.
    private mutating func check(
        _ bytes: UnsafeRawBufferPointer, _ rule: ElementRule, position: Int, component: Int?,
        separator: UInt16 = 0x100, repetition: UInt16 = 0x100
    ) {
        let count = bytes.count
        switch rule.type {
        case .identifier, .string:
            // One pass: characters (not UTF-8 continuation bytes), spaces, control characters.
            var length = 0
            var spaces = 0
            var control = false
            var holdsSeparator = false
            var repeats = false
            for index in 0..<count {
                let byte = bytes[index]
                length &+= byte & 0xC0 != 0x80 ? 1 : 0
                spaces &+= byte == 0x20 ? 1 : 0
                control = control || byte < 0x20 || byte == 0x7F
                holdsSeparator = holdsSeparator || UInt16(byte) == separator
                repeats = repeats || UInt16(byte) == repetition
            }
            if holdsSeparator { return self.report(.holdsComponentSeparator, bytes, rule, position, component) }
            if repeats { return self.report(.repeats, bytes, rule, position, component) }
            if control { return self.report(.control, bytes, rule, position, component) }
            if spaces == count { return self.report(.onlySpaces, bytes, rule, position, component) }
            if length < Int(rule.minimum) { return self.report(.tooShort(length), bytes, rule, position, component) }
            if length > Int(rule.maximum) { return self.report(.tooLong(length), bytes, rule, position, component) }
            if rule.type == .identifier && rule.codeTable >= 0 && !self.codeListContains(rule.codeTable, bytes) {
                self.report(.notCode, bytes, rule, position, component)
            }
        case .numeric:
            var digits = 0
            var valid = count > 0
            for index in 0..<count {
                let byte = bytes[index]
                if byte &- 0x30 < 10 {
                    digits &+= 1
                } else if !(index == 0 && byte == 0x2D && count > 1) {
                    valid = false
                }
            }
            if !valid {
                let problem: ValueProblem =
                    Self.holds(bytes, separator)
                    ? .holdsComponentSeparator : Self.holds(bytes, repetition) ? .repeats : .notWholeNumber
                return self.report(problem, bytes, rule, position, component)
            }
            if digits < Int(rule.minimum) { return self.report(.tooShort(digits), bytes, rule, position, component) }
            if digits > Int(rule.maximum) { return self.report(.tooLong(digits), bytes, rule, position, component) }
        case .decimal:
            var digits = 0
            var points = 0
            var valid = count > 0
            for index in 0..<count {
                let byte = bytes[index]
                if byte &- 0x30 < 10 {
                    digits &+= 1
                } else if byte == 0x2E {
                    points &+= 1
                } else if !(index == 0 && byte == 0x2D) {
                    valid = false
                }
            }
            if !valid || points > 1 || digits == 0 {
                let problem: ValueProblem =
                    Self.holds(bytes, separator)
                    ? .holdsComponentSeparator : Self.holds(bytes, repetition) ? .repeats : .notNumber
                return self.report(problem, bytes, rule, position, component)
            }
            if digits < Int(rule.minimum) { return self.report(.tooShort(digits), bytes, rule, position, component) }
            if digits > Int(rule.maximum) { return self.report(.tooLong(digits), bytes, rule, position, component) }
        case .date:
            if !Self.isValidDate(bytes, allowsShort: self.allowsShortDates) {
                self.report(
                    Self.holds(bytes, separator) ? .holdsComponentSeparator : .badDate, bytes, rule, position, component
                )
            }
        case .time:
            if !Self.isValidTime(bytes) {
                self.report(
                    Self.holds(bytes, separator) ? .holdsComponentSeparator : .badTime, bytes, rule, position, component
                )
            }
        }
    }

    /// `1 character`, `3 characters`.
    private static func characters(_ count: Int) -> String { count == 1 ? "1 character" : "\(count) characters" }

    /// Whether a value holds the component separator (`0x100`: there is none).
    private static func holds(_ bytes: UnsafeRawBufferPointer, _ separator: UInt16) -> Bool {
        separator <= 0xFF && bytes.contains(UInt8(separator))
    }

    /// Records a value problem with its words.
    @inline(never)
    private mutating func report(
        _ problem: ValueProblem, _ bytes: UnsafeRawBufferPointer, _ rule: ElementRule, _ position: Int,
        _ component: Int?
    ) {
        let label = LazyLabel(segmentID: self.segment.id, position: position, component: component)
        let text = Self.text(bytes)
        let description = self.rules.descriptions[Int(rule.description)]
        let name = description.name
        var severity = X12Finding.Severity.error
        let code: X12Finding.Code
        let ak403: String
        let message: String
        switch problem {
        case .holdsComponentSeparator:
            (code, ak403, message) = (
                .tooManyComponents, "13", "\(label) \(name) is a simple element but holds the component separator"
            )
            self.problems.append(
                ElementProblem(
                    code: code, message: message, ak403: ak403, element: position, component: component,
                    reference: description.reference, value: text))
            return
        case .repeats:
            // The value can still be read (the element does not repeat, so it is taken as
            // data): a warning, as for other readable breaks of the standard.
            severity = .warning
            (code, ak403, message) = (
                .tooManyRepetitions, "12",
                "\(label) \(name) '\(text)' holds the repetition separator; read as data, since the element does not repeat"
            )
        case .control:
            (code, ak403, message) = (.invalidCharacter, "6", "\(label) \(name) '\(text)' holds a control character")
        case .onlySpaces:
            (code, ak403, message) = (
                .invalidCharacter, "6", "\(label) \(name) '\(text)' is only spaces (present but without data)"
            )
        case .notCode:
            // A complete standard list makes an unknown code an error; Porter's partial lists
            // (DOMAIN.md §13) only say so, as information.
            severity = rule.codesClosed ? .error : .info
            (code, ak403, message) = (
                .invalidCode, "7", "\(label) \(name) '\(text)' is not a code of element \(description.reference)"
            )
        case .notWholeNumber:
            (code, ak403, message) = (
                .invalidCharacter, "6",
                "\(label) \(name.lowercased()) '\(text)' is not a whole number (type \(self.typeName(rule.type)))"
            )
        case .notNumber:
            (code, ak403, message) = (
                .invalidCharacter, "6", "\(label) \(name.lowercased()) '\(text)' is not a number (type R)"
            )
        case .badDate:
            (code, ak403, message) = (
                .invalidElementDate, "8", "\(label) \(name) '\(text)' is not a valid CCYYMMDD date"
            )
        case .badTime:
            (code, ak403, message) = (
                .invalidElementTime, "9", "\(label) \(name) '\(text)' is not a valid HHMM[SS[D[D]]] time"
            )
        case .tooShort(let length):
            (code, ak403, message) = (
                .elementTooShort, "4",
                "\(label) \(name) '\(text)' is too short: \(Self.characters(length)), at least \(rule.minimum)"
            )
        case .tooLong(let length):
            (code, ak403, message) = (
                .elementTooLong, "5",
                "\(label) \(name) '\(text)' is too long: \(Self.characters(length)), at most \(rule.maximum)"
            )
        }
        self.problems.append(
            ElementProblem(
                severity: severity, code: code, message: message, ak403: ak403, element: position,
                component: component, reference: description.reference, value: text))
    }

    /// Whether a code list holds a code, without retaining the list (the compiled segment,
    /// cached for the life of the process, keeps it alive).
    @inline(__always)
    private func codeListContains(_ table: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        self.rules.codeTablePointer[Int(table)]._withUnsafeGuaranteedRef { $0.contains(bytes) }
    }

    /// CCYYMMDD (or YYMMDD before 004010) on the bytes, without making a `String`.
    static func isValidDate(_ bytes: UnsafeRawBufferPointer, allowsShort: Bool) -> Bool {
        guard bytes.count == 8 || (allowsShort && bytes.count == 6) else { return false }
        for index in 0..<bytes.count where bytes[index] &- 0x30 >= 10 { return false }
        let value = { (index: Int) in Int(bytes[index] &- 0x30) }
        let offset = bytes.count == 8 ? 4 : 2
        let year =
            bytes.count == 8
            ? value(0) * 1000 + value(1) * 100 + value(2) * 10 + value(3) : 2000 + value(0) * 10 + value(1)
        let month = value(offset) * 10 + value(offset + 1)
        let day = value(offset + 2) * 10 + value(offset + 3)
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        return day <= days
    }

    /// HHMM, HHMMSS, HHMMSSD or HHMMSSDD on the bytes.
    static func isValidTime(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count == 4 || count == 6 || count == 7 || count == 8 else { return false }
        for index in 0..<count where bytes[index] &- 0x30 >= 10 { return false }
        let value = { (index: Int) in Int(bytes[index] &- 0x30) }
        guard value(0) * 10 + value(1) <= 23, value(2) * 10 + value(3) <= 59 else { return false }
        return count < 6 || value(4) * 10 + value(5) <= 59
    }

    // MARK: Syntax notes

    private mutating func checkSyntaxNotes(
        _ notes: [X12SyntaxNote], presence: (Int) -> Bool, component: Int?
    ) {
        for note in notes {
            // Count what is there first, without allocating; words only for a violation.
            var presentCount = 0
            var firstPresent = false
            for (index, position) in note.positions.enumerated() where presence(position) {
                presentCount += 1
                if index == 0 { firstPresent = true }
            }
            let total = note.positions.count
            let violated: Bool
            switch note.kind {
            case .paired: violated = presentCount > 0 && presentCount < total
            case .required: violated = presentCount == 0
            case .exclusion: violated = presentCount > 1
            case .conditional: violated = firstPresent && presentCount < total
            case .listConditional: violated = firstPresent && presentCount == 1 && total > 1
            }
            if violated { self.reportSyntaxNote(note, presence: presence, component: component) }
        }
    }

    private mutating func reportSyntaxNote(_ note: X12SyntaxNote, presence: (Int) -> Bool, component: Int?) {
        let present = note.positions.map(presence)
        let segmentID = self.rules.id
        let label = { (position: Int) -> String in
            let name = { (position: Int) in segmentID + (position < 10 ? "0" : "") + String(position) }
            return component.map { "\(name($0))-\(position)" } ?? name(position)
        }
        let names = note.positions.map(label).joined(separator: ", ")
        let others = note.positions.dropFirst().map(label).joined(separator: ", ")
        switch note.kind {
        case .paired:
            let missing = note.positions[present.firstIndex(of: false) ?? 0]
            self.syntaxProblem(
                "\(names) must be used together (syntax note \(note)): \(label(missing)) is missing",
                code: "2", at: missing, component: component)
        case .required:
            self.syntaxProblem(
                "at least one of \(names) is required (syntax note \(note))", code: "2", at: note.positions[0],
                component: component)
        case .exclusion:
            let second = note.positions[present.indices.filter { present[$0] }.dropFirst().first ?? 0]
            self.syntaxProblem(
                "only one of \(names) may be used (syntax note \(note))", code: "10", at: second, component: component)
        case .conditional:
            let gap = present.dropFirst().firstIndex(of: false) ?? 1
            self.syntaxProblem(
                "\(label(note.positions[0])) requires \(others) (syntax note \(note)): \(label(note.positions[gap])) is missing",
                code: "2", at: note.positions[gap], component: component)
        case .listConditional:
            self.syntaxProblem(
                "\(label(note.positions[0])) requires at least one of \(others) (syntax note \(note))", code: "2",
                at: note.positions[1], component: component)
        }
    }

    private mutating func syntaxProblem(_ message: String, code: String, at position: Int, component: Int?) {
        let isExclusion = code == "10"
        let element = component ?? position
        var reference: String?
        if element <= self.rules.rules.count {
            let rule = self.rules.rules[element - 1]
            if component == nil {
                reference = rule.isComposite ? nil : self.rules.descriptions[Int(rule.description)].reference
            } else if position <= Int(rule.componentCount) {
                let componentRule = self.rules.componentRules[Int(rule.firstComponent) + position - 1]
                reference = self.rules.descriptions[Int(componentRule.description)].reference
            }
        }
        self.problems.append(
            ElementProblem(
                code: isExclusion ? .exclusionViolated : .conditionalElementMissing, message: message, ak403: code,
                element: element, component: component == nil ? nil : position, reference: reference))
    }

    // MARK: Helpers

    /// `PO102`.
    private func name(_ position: Int) -> String {
        self.rules.id + (position < 10 ? "0" : "") + String(position)
    }

    private func typeName(_ type: X12DataType) -> String {
        switch type {
        case .identifier: "ID"
        case .string: "AN"
        case .decimal: "R"
        case .date: "DT"
        case .time: "TM"
        case .numeric(let decimals): "N\(decimals)"
        }
    }

    /// Characters, not bytes: UTF-8 continuation bytes are not counted.
    static func characterCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The value as text for a message: control characters shown as `\n`, `\r`, `\u{1C}`.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return raw }
        var shown = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

/// `PO102` or `REF04-2`, made only when a message needs it.
struct LazyLabel: CustomStringConvertible {
    let segmentID: X12SegmentID
    let position: Int
    let component: Int?

    var description: String {
        let name = self.segmentID.description + (self.position < 10 ? "0" : "") + String(self.position)
        return self.component.map { "\(name)-\($0)" } ?? name
    }
}
