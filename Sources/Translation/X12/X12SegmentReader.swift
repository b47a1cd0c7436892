import Orders
import X12

/// The reading shared by the 850 and 855 assemblers: segments met in both (REF, PER, DTM, N9 and N1 loops, CTT and
/// AMT), element values (codes, numbers, dates) and the findings they raise, and occurrence addresses for extensions.
struct X12SegmentReader {
    let context: X12FindingContext
    private(set) var findings: [X12Finding] = []

    init(context: X12FindingContext) { self.context = context }

    /// The address of the next occurrence of `id` under `path`, counted in `counts`.
    static func occurrence(_ counts: inout X12OccurrenceCounts, _ path: String, _ id: String) -> String {
        X12ExtensionAddress.segment(path, id, counts.next(path, id))
    }

    /// The address of the next occurrence of `segment`'s id under `path`, counted in `counts`.
    static func occurrence(_ counts: inout X12OccurrenceCounts, _ path: String, _ segment: X12SegmentInput) -> String {
        X12ExtensionAddress.segment(path, segment.id, counts.next(path, segment))
    }

    // MARK: Summary

    /// CTT (the first) and the first `AMT*TT` under it into `totals`; anything else under CTT kept whole.
    mutating func summarySegment(
        _ located: X12LocatedSegment, counts: inout X12OccurrenceCounts, totals: inout OrderTotals?,
        extensions: inout Extensions
    ) {
        let id = located.segment.id
        var cursor = X12ElementCursor(located.segment)
        if id == "CTT", counts["CTT"] == nil {
            let address = Self.occurrence(&counts, "", id)
            var current = totals ?? OrderTotals()
            if let text = cursor.peek(1), let count = Int(text) {
                cursor.take(1)
                current.lineCount = count
            }
            current.hashTotal = self.decimal(&cursor, 2, located)
            totals = current
            cursor.recordLeftovers(at: address, in: &extensions)
            return
        }
        let address = Self.occurrence(&counts, "CTT[1]/", id)
        if id == "AMT", address.hasSuffix("[1]"), cursor.peek(1) == "TT", let amount = self.decimal(&cursor, 2, located)
        {
            cursor.take(1)
            var current = totals ?? OrderTotals()
            current.amount = amount
            totals = current
            cursor.recordLeftovers(at: address, in: &extensions)
            return
        }
        cursor.recordWhole(at: address, in: &extensions)
    }

    // MARK: Loops shared by header and lines

    mutating func noteMember(
        _ located: X12LocatedSegment, address: String, note: inout Note, extensions: inout Extensions
    ) {
        var cursor = X12ElementCursor(located.segment)
        let textPosition: Int
        switch located.segment.id {
        case "MSG": textPosition = 1
        case "MTX": textPosition = 2
        default: return cursor.recordWhole(at: address, in: &extensions)
        }
        guard let text = cursor.text(textPosition) else { return cursor.recordWhole(at: address, in: &extensions) }
        note.lines.append(text)
        cursor.recordLeftovers(at: address, in: &extensions)
    }

    mutating func partyMember(
        _ located: X12LocatedSegment, address: String, party: inout Party, extensions: inout Extensions
    ) {
        self.partyMember(
            located, isFirst: address.hasSuffix("[1]"), address: { address }, party: &party, extensions: &extensions)
    }

    /// ``partyMember(_:address:party:extensions:)`` counting the segment under `path` in `counts`, its address
    /// made only when something goes to extensions.
    mutating func partyMember(
        _ located: X12LocatedSegment, path: String, counts: inout X12OccurrenceCounts, party: inout Party,
        extensions: inout Extensions
    ) {
        let occurrence = counts.next(path, located.segment)
        if let elements = located.segment.simpleElements,
            elements.partyMember(located.segment.code, isFirst: occurrence == 1, party: &party)
        {
            return
        }
        self.partyMember(
            located, isFirst: occurrence == 1,
            address: { X12ExtensionAddress.segment(path, located.segment.id, occurrence) }, party: &party,
            extensions: &extensions)
    }

    private mutating func partyMember(
        _ located: X12LocatedSegment, isFirst: Bool, address: () -> String, party: inout Party,
        extensions: inout Extensions
    ) {
        var cursor = X12ElementCursor(located.segment)
        switch located.segment.code {
        case X12SegmentCode.n2:
            party.addNames(fromN2: { cursor.text($0) })
        case X12SegmentCode.n3: party.addAddressLines(fromN3: { cursor.text($0) })
        case X12SegmentCode.n4 where isFirst: party.setPlace(fromN4: { cursor.text($0) })
        case X12SegmentCode.ref: party.references.append(self.reference(&cursor, located))
        case X12SegmentCode.per: party.contacts.append(self.contact(&cursor, located))
        default: return cursor.recordWhole(at: address(), in: &extensions)
        }
        if cursor.mayHaveLeftovers { cursor.recordLeftovers(at: address(), in: &extensions) }
    }

    // MARK: Segments

    mutating func reference(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> Reference {
        let qualifier = self.coded(X12Codes.referenceQualifier, &cursor, 1, located) ?? ""
        return Reference(qualifier, cursor.text(2), description: cursor.text(3))
    }

    mutating func contact(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> Contact {
        var contact = Contact(
            function: self.coded(X12Codes.contactFunction, &cursor, 1, located),
            name: cursor.text(2))
        for position in [3, 5, 7] {
            guard let code = cursor.peek(position), let value = cursor.peek(position + 1) else { continue }
            cursor.take(position)
            cursor.take(position + 1)
            contact.communications.append(
                Communication(self.coded(X12Codes.communicationKind, code, located, position), value))
        }
        return contact
    }

    mutating func qualifiedDate(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> QualifiedDate? {
        guard let code = cursor.peek(1), let text = cursor.peek(2) else { return nil }
        guard let date = X12Text.date(text) else {
            self.finding(.warning, .invalidElementDate, "DTM02 '\(text)' is not a date (CCYYMMDD)", located, 2)
            return nil
        }
        cursor.take(1)
        cursor.take(2)
        var time: TimeOfDay?
        if let text = cursor.peek(3), let value = X12Text.time(text) {
            cursor.take(3)
            time = value
        }
        return QualifiedDate(
            self.coded(X12Codes.dateKind, code, located, 1), date, time: time,
            zone: cursor.text(4).map { TimeZoneDesignator(rawValue: $0) })
    }

    mutating func note(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> Note {
        Note(
            kind: cursor.text(1).map { self.coded(X12Codes.noteKind, $0, located, 1, warn: false) },
            title: cursor.text(2), lines: [])
    }

    mutating func party(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> Party {
        var party = Party(role: self.coded(X12Codes.partyRole, &cursor, 1, located) ?? "")
        party.name = cursor.text(2)
        if let qualifier = cursor.peek(3), let code = cursor.peek(4) {
            cursor.take(3)
            cursor.take(4)
            party.identifiers.append(
                PartyIdentifier(self.coded(X12Codes.partyIdentifierQualifier, qualifier, located, 3), code))
        }
        return party
    }

    /// The qualifier/identifier pairs from `start` up to (not including) `end`; a pair missing either half is left
    /// for extensions.
    mutating func itemIdentifiers(
        _ cursor: inout X12ElementCursor, from start: Int, to end: Int, _ located: X12LocatedSegment
    ) -> [ItemIdentifier] {
        var items: [ItemIdentifier] = []
        items.reserveCapacity(max(0, (end - start + 1) / 2))
        for position in stride(from: start, to: end, by: 2) {
            if let kind = cursor.segment.namedValue(X12Codes.itemIdentifierKind, position) {
                guard let value = cursor.peek(position + 1) else { continue }
                cursor.take(position)
                cursor.take(position + 1)
                items.append(ItemIdentifier(kind, value))
                continue
            }
            guard let code = cursor.peek(position), let value = cursor.peek(position + 1) else { continue }
            cursor.take(position)
            cursor.take(position + 1)
            items.append(ItemIdentifier(self.coded(X12Codes.itemIdentifierKind, code, located, position), value))
        }
        return items
    }

    /// PO4: every element but PO415-PO418 (kept in extensions).
    mutating func pack(_ cursor: inout X12ElementCursor, _ located: X12LocatedSegment) -> PackDetails {
        func unit(_ position: Int) -> UnitOfMeasure? {
            self.coded(X12Codes.unitOfMeasure, &cursor, position, located)
        }
        return PackDetails(
            pack: self.decimal(&cursor, 1, located), size: self.decimal(&cursor, 2, located), sizeUnit: unit(3),
            packagingCode: cursor.text(4), weightQualifier: cursor.text(5), weight: self.decimal(&cursor, 6, located),
            weightUnit: unit(7), volume: self.decimal(&cursor, 8, located), volumeUnit: unit(9),
            length: self.decimal(&cursor, 10, located), width: self.decimal(&cursor, 11, located),
            height: self.decimal(&cursor, 12, located), dimensionUnit: unit(13),
            innerPack: self.decimal(&cursor, 14, located))
    }

    // MARK: Values

    mutating func coded<Value: CodedValue>(
        _ list: X12CodeList<Value>, _ code: String, _ located: X12LocatedSegment, _ position: Int, warn: Bool = true
    ) -> Value {
        let (value, isNamed) = list.value(code)
        if !isNamed, warn {
            self.finding(
                .warning, .invalidCode,
                "\(located.segment.id)\(X12ExtensionAddress.element(position)) code '\(code)' has no Porter name; kept as sent",
                located, position, value: code)
        }
        return value
    }

    /// `cursor.text(position).map { coded(list, $0, located, position) }`, a code Porter names found from the
    /// element's bytes first, with no `String` made for it.
    mutating func coded<Value: CodedValue>(
        _ list: X12CodeList<Value>, _ cursor: inout X12ElementCursor, _ position: Int, _ located: X12LocatedSegment
    ) -> Value? {
        if let value = cursor.segment.namedValue(list, position) {
            cursor.take(position)
            return value
        }
        return cursor.text(position).map { self.coded(list, $0, located, position) }
    }

    mutating func decimal(
        _ cursor: inout X12ElementCursor, _ position: Int, _ located: X12LocatedSegment
    ) -> DecimalNumber? {
        switch cursor.segment.decimal(position) {
        case .absent: return nil
        case .number(let number):
            cursor.take(position)
            return number
        case .other: break
        }
        guard let text = cursor.peek(position) else { return nil }
        guard let number = X12Text.decimal(text) else {
            self.finding(
                .warning, "invalidNumber",
                "\(located.segment.id)\(X12ExtensionAddress.element(position)) '\(text)' is not a number", located,
                position, value: text)
            return nil
        }
        cursor.take(position)
        return number
    }

    /// The decimal at `position` when it holds one, without a finding and without taking it.
    static func decimalValue(_ segment: X12SegmentInput, _ position: Int) -> DecimalNumber? {
        switch segment.decimal(position) {
        case .absent: nil
        case .number(let number): number
        case .other: segment.simpleText(position).flatMap(X12Text.decimal)
        }
    }

    mutating func integer(_ cursor: inout X12ElementCursor, _ position: Int, _ located: X12LocatedSegment) -> Int? {
        guard let text = cursor.peek(position) else { return nil }
        guard let number = Int(text) else {
            self.finding(
                .warning, "invalidNumber",
                "\(located.segment.id)\(X12ExtensionAddress.element(position)) '\(text)' is not a whole number",
                located, position, value: text)
            return nil
        }
        cursor.take(position)
        return number
    }

    mutating func date(
        _ cursor: inout X12ElementCursor, _ position: Int, _ located: X12LocatedSegment
    ) -> CalendarDate? {
        guard let text = cursor.peek(position) else { return nil }
        guard let date = X12Text.date(text) else {
            self.finding(
                .warning, .invalidElementDate,
                "\(located.segment.id)\(X12ExtensionAddress.element(position)) '\(text)' is not a date (CCYYMMDD)",
                located, position, value: text)
            return nil
        }
        cursor.take(position)
        return date
    }

    mutating func finding(
        _ severity: X12Finding.Severity, _ code: X12Finding.Code, _ message: String, _ located: X12LocatedSegment?,
        _ element: Int?, value: String? = nil
    ) {
        self.findings.append(
            X12Finding(
                severity, code, message, value: value, location: self.context.location(located, element: element)))
    }
}

/// How many times each segment id has occurred under each loop path so far, for occurrence addresses.
///
/// A short list searched from the start rather than a dictionary keyed by `path + id`: a loop holds a handful of
/// segment kinds, and comparing a packed id (``X12SegmentCode``) and a small path costs less than building and
/// hashing a key for every segment. An id that does not pack is compared as text.
struct X12OccurrenceCounts {
    private struct Entry {
        let path: String
        let code: UInt32
        let id: String?
        var count: Int
    }

    private struct CodeCount {
        let code: UInt32
        var count: Int
    }

    /// The counts of packed ids directly under the document or loop (path `""`, nearly every segment), searched by
    /// code alone: one array of pairs, given room for 16 ids at the first. (Two arrays, codes and counts, grown by
    /// doubling from empty, made ~11 allocations a set of an 850.)
    private var codeCounts: [CodeCount] = []
    /// Every other count: under a loop path, or of an id that does not pack.
    private var entries: [Entry] = []

    init() {}

    /// Counts one more `id` under `path` and gives its occurrence (1 for the first).
    mutating func next(_ path: String, _ id: String) -> Int {
        let code = X12SegmentCode.pack(id)
        return self.next(path, code: code, id: code == 0 ? id : nil)
    }

    /// Counts one more of `segment`'s id under `path` and gives its occurrence (1 for the first).
    mutating func next(_ path: String, _ segment: X12SegmentInput) -> Int {
        self.next(path, code: segment.code, id: segment.code == 0 ? segment.id : nil)
    }

    /// Counts one more of `segment`'s id directly under the document or loop (path `""`): what nearly every segment
    /// counts, with no path to pass or test (the `String` argument was retained, released and tested per segment).
    @inline(__always)
    mutating func next(_ segment: X12SegmentInput) -> Int {
        segment.code != 0 ? self.next(code: segment.code) : self.next("", code: 0, id: segment.id)
    }

    private mutating func next(_ path: String, code: UInt32, id: String?) -> Int {
        if code != 0 && path.isEmpty { return self.next(code: code) }
        for index in self.entries.indices
        where self.entries[index].code == code && self.entries[index].id == id && self.entries[index].path == path {
            self.entries[index].count += 1
            return self.entries[index].count
        }
        self.entries.append(Entry(path: path, code: code, id: id, count: 1))
        return 1
    }

    /// Counts one more packed id `code` directly under the document or loop.
    @inline(__always)
    private mutating func next(code: UInt32) -> Int {
        for index in self.codeCounts.indices where self.codeCounts[index].code == code {
            self.codeCounts[index].count += 1
            return self.codeCounts[index].count
        }
        if self.codeCounts.isEmpty { self.codeCounts.reserveCapacity(16) }
        self.codeCounts.append(CodeCount(code: code, count: 1))
        return 1
    }

    /// The occurrences of `id` directly under the document or loop (path `""`) so far; `nil` for none.
    subscript(id: String) -> Int? {
        let code = X12SegmentCode.pack(id)
        var count = 0
        if code != 0 {
            if let index = self.codeCounts.firstIndex(where: { $0.code == code }) {
                count = self.codeCounts[index].count
            }
        } else if let entry = self.entries.first(where: { $0.code == 0 && $0.id == id && $0.path.isEmpty }) {
            count = entry.count
        }
        return count == 0 ? nil : count
    }

    /// Forgets every count. The entries stay, at zero, for the next loop (which meets the same segments): emptying
    /// the array went through the standard library's general `replaceSubrange`, ~290 instructions a line.
    mutating func removeAll() {
        for index in self.codeCounts.indices { self.codeCounts[index].count = 0 }
        for index in self.entries.indices { self.entries[index].count = 0 }
    }
}

/// What N2, N3 and N4 put into a party, element by element: the one mapping both the one-pass reader
/// (``X12SimpleElements``) and the general path use, each handing its own element texts.
extension Party {
    /// N201–N202: additional names.
    mutating func addNames(fromN2 text: (Int) -> String?) {
        for position in 1...2 { if let name = text(position) { self.additionalNames.append(name) } }
    }

    /// N301–N302: address lines.
    mutating func addAddressLines(fromN3 text: (Int) -> String?) {
        var postal = self.address ?? Address()
        for position in 1...2 { if let line = text(position) { postal.lines.append(line) } }
        self.address = postal
    }

    /// N401–N404 and N407: city, state or province, postal code, country, country subdivision.
    mutating func setPlace(fromN4 text: (Int) -> String?) {
        var postal = self.address ?? Address()
        postal.city = text(1)
        postal.stateOrProvince = text(2)
        postal.postalCode = text(3)
        postal.country = text(4)
        postal.countrySubdivision = text(7)
        self.address = postal
    }
}
