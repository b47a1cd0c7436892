import Orders
import X12

/// The header and summary an 850, 855 and 860 share while they are decoded: the envelope, the header's currency,
/// references, contacts, dates, N9 and N1 loops (and, when asked, its FOB, SAC, ITD and TD5), the totals of the
/// summary and the extensions kept for the document.
///
/// Each assembler keeps its own beginning segment (BEG, BAK, BCH) and its line loops, and hands every other header
/// segment to ``process(_:reader:)``.
struct X12DocumentHeaderState {
    /// The loop of the header the segments being read belong to.
    private enum Loop {
        case none
        /// The loop's index and its path (`N9[2]/`), made once for all its members.
        case note(Int, path: String)
        case party(Int, path: String)
    }

    static let noteMembers: Set<String> = ["DTM", "MSG", "MTX", "PWK", "EFI", "MEA"]
    static let headerPartyMembers: Set<String> = [
        "N2", "N3", "N4", "NX2", "REF", "PER", "SI", "FOB", "TD1", "TD5", "TD3", "TD4", "PKG", "IN2",
    ]
    static let linePartyMembers: Set<String> = headerPartyMembers.union(["QTY", "DTM", "SCH", "LDT", "MAN"])

    /// ``noteMembers`` packed (``X12SegmentCode``).
    static let noteMemberCodes = noteMembers.map(X12SegmentCode.pack)
    static let headerPartyMemberCodes = headerPartyMembers.map(X12SegmentCode.pack)
    static let linePartyMemberCodes = linePartyMembers.map(X12SegmentCode.pack)

    /// The header segments read whatever the document.
    private static let commonSegments: Set<String> = ["CUR", "REF", "PER", "DTM", "N9", "N1"]
    /// The header segments of the terms of sale, read only when ``readsTerms``.
    private static let termsSegments: Set<String> = ["FOB", "CSH", "SAC", "ITD", "TD5"]
    private static let commonCodes = commonSegments.map(X12SegmentCode.pack)
    private static let termsCodes = termsSegments.map(X12SegmentCode.pack)

    /// Whether FOB, SAC, ITD and TD5 are read (an 850 and an 860) or kept whole (an 855).
    let readsTerms: Bool
    private var loop = Loop.none
    /// The occurrences of the header's and the summary's segments so far.
    private(set) var counts = X12OccurrenceCounts()

    var envelope: Envelope
    var currency: CurrencyCode?
    var dates: [QualifiedDate] = []
    var parties: [Party] = []
    var contacts: [Contact] = []
    var references: [Reference] = []
    var paymentTerms: [PaymentTerms] = []
    var salesRequirements: [SalesRequirement] = []
    var fob: FOBTerms?
    var carriers: [CarrierRouting] = []
    var allowancesCharges: [AllowanceCharge] = []
    var notes: [Note] = []
    var totals: OrderTotals?
    var extensions = Extensions()

    init(envelope: Envelope, readsTerms: Bool) {
        self.envelope = envelope
        self.readsTerms = readsTerms
    }

    /// Reads a header segment this state knows (one of an open N9 or N1 loop, or a common header segment); false,
    /// having only closed any open loop, for one it does not, which is left to the assembler.
    mutating func process(_ located: X12LocatedSegment, reader: inout X12SegmentReader) -> Bool {
        let segment = located.segment
        let code = segment.code
        switch self.loop {
        case .note(let index, let path) where Self.noteMemberCodes.contains(code):
            let address = X12SegmentReader.occurrence(&self.counts, path, segment)
            reader.noteMember(located, address: address, note: &self.notes[index], extensions: &self.extensions)
            return true
        case .party(let index, let path) where Self.headerPartyMemberCodes.contains(code):
            reader.partyMember(
                located, path: path, counts: &self.counts, party: &self.parties[index],
                extensions: &self.extensions)
            return true
        default: self.loop = .none
        }
        guard Self.commonCodes.contains(code) || (self.readsTerms && Self.termsCodes.contains(code)) else {
            return false
        }
        // The address is made only when something goes to extensions: the occurrence is what is counted.
        let occurrence = self.occurrence(of: segment)
        let isFirst = occurrence == 1
        if let elements = segment.simpleElements, self.quick(code, elements, isFirst: isFirst) { return true }
        var cursor = X12ElementCursor(segment)
        var placed = true
        switch code {
        case X12SegmentCode.cur where isFirst:
            cursor.take(1, ifEqualTo: "BY")
            self.currency = cursor.text(2).map { CurrencyCode(rawValue: $0) }
        case X12SegmentCode.ref: self.references.append(reader.reference(&cursor, located))
        case X12SegmentCode.per: self.contacts.append(reader.contact(&cursor, located))
        case X12SegmentCode.fob where isFirst:
            self.fob = reader.fobTerms(&cursor, located)
            placed = self.fob != nil
        case X12SegmentCode.sac:
            placed = Self.append(reader.allowanceCharge(&cursor, located), to: &self.allowancesCharges)
        case X12SegmentCode.itd: self.paymentTerms.append(reader.terms(&cursor, located))
        case X12SegmentCode.csh:
            if let code = cursor.text(1) {
                self.salesRequirements.append(reader.coded(X12Codes.salesRequirement, code, located, 1))
            } else {
                placed = false
            }
        case X12SegmentCode.dtm: placed = Self.append(reader.qualifiedDate(&cursor, located), to: &self.dates)
        case X12SegmentCode.td5: self.carriers.append(reader.carrier(&cursor, located))
        case X12SegmentCode.n9:
            self.notes.append(reader.note(&cursor, located))
            self.loop = .note(self.notes.count - 1, path: "N9[\(self.notes.count)]/")
        case X12SegmentCode.n1:
            self.parties.append(reader.party(&cursor, located))
            self.loop = .party(self.parties.count - 1, path: "N1[\(self.parties.count)]/")
        default: placed = false
        }
        Self.record(cursor, placed: placed, occurrence: occurrence, in: &self.extensions)
        return true
    }

    /// A common header segment read in one pass over the view's bytes (``X12SimpleElements``); false, with nothing
    /// changed, when the general path must read it.
    private mutating func quick(_ code: UInt32, _ elements: X12SimpleElements, isFirst: Bool) -> Bool {
        switch code {
        case X12SegmentCode.ref:
            guard let reference = elements.reference() else { return false }
            self.references.add(reference)
        case X12SegmentCode.dtm:
            guard let date = elements.qualifiedDate() else { return false }
            self.dates.add(date)
        case X12SegmentCode.n1:
            guard let party = elements.party() else { return false }
            self.parties.add(party)
            self.loop = .party(self.parties.count - 1, path: "N1[\(self.parties.count)]/")
        case X12SegmentCode.per:
            guard let contact = elements.contact() else { return false }
            self.contacts.add(contact)
        case X12SegmentCode.cur where isFirst:
            guard let currency = elements.currency() else { return false }
            self.currency = currency
        case X12SegmentCode.itd where self.readsTerms:
            guard let terms = elements.paymentTerms() else { return false }
            self.paymentTerms.add(terms)
        case X12SegmentCode.td5 where self.readsTerms:
            guard let carrier = elements.carrier() else { return false }
            self.carriers.add(carrier)
        case X12SegmentCode.fob where self.readsTerms && isFirst:
            guard let fob = elements.fobTerms() else { return false }
            self.fob = fob
        default: return false
        }
        return true
    }

    /// Counts the next occurrence of a header segment (the assembler's own ones too, counted as this state counts
    /// its own).
    mutating func occurrence(of segment: X12SegmentInput) -> Int {
        self.counts.next(segment)
    }

    /// The address of the next occurrence of a header segment the assembler reads itself, counted as this state
    /// counts its own.
    mutating func address(of located: X12LocatedSegment) -> String {
        X12SegmentReader.occurrence(&self.counts, "", located.segment.id)
    }

    /// Reads a segment of the summary (CTT and what follows it).
    mutating func summary(_ located: X12LocatedSegment, reader: inout X12SegmentReader) {
        reader.summarySegment(located, counts: &self.counts, totals: &self.totals, extensions: &self.extensions)
    }

    /// Appends `value` when there is one; whether there was.
    static func append<Value>(_ value: Value?, to values: inout [Value]) -> Bool {
        guard let value else { return false }
        values.append(value)
        return true
    }

    /// ``record(_:placed:at:in:)`` for a header segment, its address (`ID[occurrence]`) made only when something is
    /// kept.
    static func record(_ cursor: X12ElementCursor, placed: Bool, occurrence: Int, in extensions: inout Extensions) {
        guard !placed || cursor.mayHaveLeftovers else { return }
        let address = X12ExtensionAddress.segment("", cursor.segment.id, occurrence)
        Self.record(cursor, placed: placed, at: address, in: &extensions)
    }

    /// Keeps what a segment left: its unread elements when it was placed, else the whole segment.
    static func record(_ cursor: X12ElementCursor, placed: Bool, at address: String, in extensions: inout Extensions) {
        if placed {
            cursor.recordLeftovers(at: address, in: &extensions)
        } else {
            cursor.recordWhole(at: address, in: &extensions)
        }
    }
}

extension Array {
    /// Appends `value`; to an empty array as a one-element literal (growing the empty array went through the standard
    /// library's general path, ~300 instructions). What decoders use for the arrays most documents fill with one value.
    @inline(__always)
    mutating func add(_ value: Element) {
        if self.isEmpty {
            self = [value]
        } else {
            self.append(value)
        }
    }

    /// Appends `values`; an empty array takes them whole, with no copy.
    @inline(__always)
    mutating func add(contentsOf values: [Element]) {
        if self.isEmpty {
            self = values
        } else {
            self += values
        }
    }
}
