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
    let rules: CompiledSegment
    /// GS08 of the group (6-digit dates are allowed before 004010).
    let groupVersion: String
    var problems: [ElementProblem] = []

    init(segment: X12Segment, rules: CompiledSegment, groupVersion: String) {
        self.segment = segment
        self.rules = rules
        self.groupVersion = groupVersion
    }

    mutating func run() {
        let count = self.segment.elementCount
        if count > self.rules.elements.count {
            let extra = self.segment.element(at: self.rules.elements.count + 1)
            self.problems.append(
                ElementProblem(
                    code: .tooManyDataElements,
                    message: "\(self.rules.id) has \(count) elements; the standard defines \(self.rules.elements.count)",
                    ak403: "3", element: self.rules.elements.count + 1, value: extra.map { Self.text($0.bytes) }))
        }
        for (index, rule) in self.rules.elements.enumerated() {
            let position = index + 1
            let element = self.segment.element(at: position)
            let present = element.map { !$0.isEmpty } ?? false
            if !present {
                if rule.usage == .mandatory {
                    self.problems.append(
                        ElementProblem(
                            code: .mandatoryElementMissing,
                            message: "\(self.name(position)) \(self.describe(rule)) is mandatory but missing",
                            ak403: "1", element: position, reference: rule.simple?.reference))
                }
                continue
            }
            guard let element else { continue }
            if let simple = rule.simple {
                if let componentSeparator = self.segment.component, element.bytes.contains(componentSeparator) {
                    self.problems.append(
                        ElementProblem(
                            code: .tooManyComponents,
                            message: "\(self.name(position)) \(simple.name) is a simple element but holds the component separator",
                            ak403: "13", element: position, reference: simple.reference, value: Self.text(element.bytes)))
                    continue
                }
                self.check(element.bytes, simple, position: position, component: nil)
            } else {
                self.checkComposite(element, rule, position: position)
            }
        }
        let segment = self.segment
        self.checkSyntaxNotes(self.rules.syntaxNotes, presence: { position in
            guard let element = segment.element(at: position) else { return false }
            return !element.isEmpty
        }, component: nil)
    }

    private mutating func checkComposite(_ element: X12Element, _ rule: CompiledElement, position: Int) {
        let count = element.componentCount
        if count > rule.components.count {
            self.problems.append(
                ElementProblem(
                    code: .tooManyComponents,
                    message: "\(self.name(position)) \(rule.compositeName ?? "composite") has \(count) components; the standard defines \(rule.components.count)",
                    ak403: "13", element: position, value: Self.text(element.bytes)))
        }
        for (index, component) in rule.components.enumerated() {
            let value = element.component(at: index + 1)
            let present = value.map { !$0.isEmpty } ?? false
            if !present {
                if component.usage == .mandatory {
                    self.problems.append(
                        ElementProblem(
                            code: .mandatoryElementMissing,
                            message: "\(self.name(position))-\(index + 1) \(component.element.name) is mandatory in \(rule.compositeID ?? "the composite") but missing",
                            ak403: "1", element: position, component: index + 1, reference: component.element.reference))
                }
                continue
            }
            if let value { self.check(value.bytes, component.element, position: position, component: index + 1) }
        }
        self.checkSyntaxNotes(rule.compositeSyntaxNotes, presence: { index in
            guard let value = element.component(at: index) else { return false }
            return !value.isEmpty
        }, component: position)
    }

    // MARK: Values

    private mutating func check(
        _ bytes: UnsafeRawBufferPointer, _ rule: CompiledSimpleElement, position: Int, component: Int?
    ) {
        let label = component.map { "\(self.name(position))-\($0)" } ?? self.name(position)
        switch rule.type {
        case .identifier, .string:
            let length = Self.characterCount(bytes)
            if !self.checkLength(length, rule, label: label, position: position, component: component, bytes: bytes) {
                return
            }
            if rule.type == .identifier && !rule.contains(code: bytes) {
                let text = Self.text(bytes)
                self.problems.append(
                    ElementProblem(
                        // A complete standard list makes an unknown code an error; Porter's
                        // partial lists (DOMAIN.md §13) only say so, as information.
                        severity: rule.codesClosed ? .error : .info, code: .invalidCode,
                        message: "\(label) \(rule.name) '\(text)' is not a code of element \(rule.reference)",
                        ak403: "7", element: position, component: component, reference: rule.reference, value: text))
            }
        case .numeric:
            var digits = 0
            var valid = !bytes.isEmpty
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if !(index == 0 && byte == 0x2D && bytes.count > 1) {
                    valid = false
                }
            }
            if !valid {
                self.invalidNumber(bytes, rule, label: label, position: position, component: component, kind: "a whole number (type \(self.typeName(rule.type)))")
                return
            }
            _ = self.checkLength(digits, rule, label: label, position: position, component: component, bytes: bytes)
        case .decimal:
            var digits = 0
            var points = 0
            var valid = !bytes.isEmpty
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if byte == 0x2E {
                    points += 1
                } else if !(index == 0 && byte == 0x2D) {
                    valid = false
                }
            }
            if !valid || points > 1 || digits == 0 {
                self.invalidNumber(bytes, rule, label: label, position: position, component: component, kind: "a number (type R)")
                return
            }
            _ = self.checkLength(digits, rule, label: label, position: position, component: component, bytes: bytes)
        case .date:
            let text = Self.text(bytes)
            let allowsShort = self.groupVersion.hasPrefix("002") || self.groupVersion.hasPrefix("003")
            if !X12Calendar.isValidDate(text) || (text.utf8.count != 8 && !allowsShort) {
                self.problems.append(
                    ElementProblem(
                        code: .invalidElementDate, message: "\(label) \(rule.name) '\(text)' is not a valid CCYYMMDD date",
                        ak403: "8", element: position, component: component, reference: rule.reference, value: text))
            }
        case .time:
            let text = Self.text(bytes)
            if !X12Calendar.isValidTime(text) {
                self.problems.append(
                    ElementProblem(
                        code: .invalidElementTime, message: "\(label) \(rule.name) '\(text)' is not a valid HHMM[SS[D[D]]] time",
                        ak403: "9", element: position, component: component, reference: rule.reference, value: text))
            }
        }
    }

    private mutating func invalidNumber(
        _ bytes: UnsafeRawBufferPointer, _ rule: CompiledSimpleElement, label: String, position: Int, component: Int?,
        kind: String
    ) {
        let text = Self.text(bytes)
        self.problems.append(
            ElementProblem(
                code: .invalidCharacter, message: "\(label) \(rule.name.lowercased()) '\(text)' is not \(kind)",
                ak403: "6", element: position, component: component, reference: rule.reference, value: text))
    }

    /// - Returns: `false` when the length is wrong (a problem was recorded).
    private mutating func checkLength(
        _ length: Int, _ rule: CompiledSimpleElement, label: String, position: Int, component: Int?,
        bytes: UnsafeRawBufferPointer
    ) -> Bool {
        if length < rule.minimumLength {
            let text = Self.text(bytes)
            self.problems.append(
                ElementProblem(
                    code: .elementTooShort,
                    message: "\(label) \(rule.name) '\(text)' is too short: \(length) characters, at least \(rule.minimumLength)",
                    ak403: "4", element: position, component: component, reference: rule.reference, value: text))
            return false
        }
        if length > rule.maximumLength {
            let text = Self.text(bytes)
            self.problems.append(
                ElementProblem(
                    code: .elementTooLong,
                    message: "\(label) \(rule.name) '\(text)' is too long: \(length) characters, at most \(rule.maximumLength)",
                    ak403: "5", element: position, component: component, reference: rule.reference, value: text))
            return false
        }
        return true
    }

    // MARK: Syntax notes

    private mutating func checkSyntaxNotes(
        _ notes: [X12SyntaxNote], presence: (Int) -> Bool, component: Int?
    ) {
        for note in notes {
            let present = note.positions.map(presence)
            let segmentID = self.rules.id
            let label = { (position: Int) -> String in
                let name = { (position: Int) in segmentID + (position < 10 ? "0" : "") + String(position) }
                return component.map { "\(name($0))-\(position)" } ?? name(position)
            }
            let names = note.positions.map(label).joined(separator: ", ")
            switch note.kind {
            case .paired:
                if present.contains(true) && present.contains(false) {
                    let missing = note.positions[present.firstIndex(of: false)!]
                    self.syntaxProblem(
                        "\(names) must be used together (syntax note \(note)): \(label(missing)) is missing",
                        code: "2", at: missing, component: component)
                }
            case .required:
                if !present.contains(true) {
                    self.syntaxProblem(
                        "at least one of \(names) is required (syntax note \(note))", code: "2",
                        at: note.positions[0], component: component)
                }
            case .exclusion:
                if present.filter({ $0 }).count > 1 {
                    let second = note.positions[present.indices.filter { present[$0] }[1]]
                    self.syntaxProblem(
                        "only one of \(names) may be used (syntax note \(note))", code: "10", at: second,
                        component: component)
                }
            case .conditional:
                if present[0], let gap = present.dropFirst().firstIndex(of: false) {
                    self.syntaxProblem(
                        "\(label(note.positions[0])) requires \(note.positions.dropFirst().map(label).joined(separator: ", ")) (syntax note \(note)): \(label(note.positions[gap])) is missing",
                        code: "2", at: note.positions[gap], component: component)
                }
            case .listConditional:
                if present[0] && !present.dropFirst().contains(true) {
                    self.syntaxProblem(
                        "\(label(note.positions[0])) requires at least one of \(note.positions.dropFirst().map(label).joined(separator: ", ")) (syntax note \(note))",
                        code: "2", at: note.positions[1], component: component)
                }
            }
        }
    }

    private mutating func syntaxProblem(_ message: String, code: String, at position: Int, component: Int?) {
        let isExclusion = code == "10"
        let element = component ?? position
        let rule = element <= self.rules.elements.count ? self.rules.elements[element - 1] : nil
        let reference =
            component == nil
            ? rule?.simple?.reference
            : (rule.flatMap { position <= $0.components.count ? $0.components[position - 1].element.reference : nil })
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

    private func describe(_ rule: CompiledElement) -> String {
        rule.simple?.name ?? rule.compositeName ?? "composite"
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
