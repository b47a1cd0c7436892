/// Checks the bytes of a document on their way to libxml2, before libxml2 sees them.
///
/// The scanner is a small lexer, resumable at any byte, that knows just enough XML to
///
/// - guard the prolog: it rejects a `DOCTYPE` with an internal subset and any `<!ENTITY`
///   declaration, and a declared encoding that contradicts the bytes;
/// - enforce the limits libxml2 2.9.14 cannot: document and prolog size, nesting depth,
///   attributes per start tag, and the length of any run of characters between markup
///   delimiters (which bounds every text, attribute value, name and comment);
/// - note where each element start, element end and text run begins (line and column), in
///   document order, for ``CXMLReader`` to attach to its events: libxml2's reader knows
///   only the line of an element, and only after reading past its start tag.
///
/// It works on code units: bytes for UTF-8 and the other 8-bit encodings, 16-bit units for
/// UTF-16 (detected from the first bytes as in XML 1.0 Appendix F). Other encodings
/// (UCS-4, EBCDIC) are rejected.
struct InputScanner {
    /// What the reader needs to know about a position the scanner noted.
    struct Mark {
        enum Kind: UInt8 { case start, end, text }
        var kind: Kind
        var line: Int
        var column: Int
        /// Where the element's name is in the scanner's name buffer, for a start (see ``InputScanner/name(of:)``).
        var nameStart = 0
        var nameLength = 0
    }

    private enum Family { case eightBit, utf16BigEndian, utf16LittleEndian }
    private enum Phase { case prolog, body, epilog }
    private enum State {
        case content, tagOpen, startTag, endTag, bang, comment, cdata, processingInstruction
        case doctype, internalSubset, declaration
    }

    let limits: CXMLReader.Limits
    /// Whether the prolog rules (internal subset, entity declarations) are enforced; only
    /// tests switch them off, to prove that libxml2's options and loader hold on their own.
    private let guardsProlog: Bool

    // MARK: Position

    /// The line of the next unit, from 1.
    private(set) var line = 1
    /// The column of the next unit, in characters, from 1.
    private(set) var column = 1
    private var afterCarriageReturn = false
    /// Bytes fed so far.
    private(set) var byteCount = 0
    /// The line of the last unit that is not white space; `0` before any.
    private(set) var lastContentLine = 0

    // MARK: Encoding

    private var family: Family?
    /// The first bytes, kept until there are four to detect the encoding from.
    private var head: [UInt8] = []
    /// Bytes of a byte-order mark still to skip.
    private var byteOrderMarkLeft = 0
    /// A UTF-16 unit's first byte, when a chunk ended between its two bytes.
    private var pendingByte: UInt8?
    /// Whether the last UTF-16 unit was a high surrogate.
    private var expectsLowSurrogate = false
    /// Whether every byte is a character (8-bit encodings other than UTF-8).
    private var everyByteIsCharacter = false
    /// Whether the document declares ASCII, whose converter in libxml2 stops silently at a
    /// byte over 0x7F (as if the document ended there).
    private var isASCII = false
    /// Units seen after the byte-order mark.
    private var unitCount = 0
    /// The encoding the XML declaration names, if it names one.
    private(set) var declaredEncoding: String?

    // MARK: Structure

    private var phase = Phase.prolog
    private var state = State.content
    /// Open elements.
    private(set) var depth = 0
    /// The quote character of the literal being read, or 0.
    private var quote: UInt32 = 0
    /// Consecutive `-`, `]` or `?` seen, or characters of `<!ENTITY` matched.
    private var counter = 0
    /// Whether the last unit in a start tag was `/`, and where it was.
    private var slash = false
    private var slashLine = 0
    private var slashColumn = 0
    private var attributeCount = 0
    /// Units since the last `<`, `>`, `"` or `'`.
    private var run = 0
    /// Whether a text run (character data and CDATA sections) is open since the last tag.
    private var textOpen = false
    /// Where the last `<` was.
    private var tagLine = 0
    private var tagColumn = 0
    /// Where the internal subset's `[` was.
    private var subsetLine = 0
    private var subsetColumn = 0
    /// Whether the name of the last start tag is being read.
    private var readsName = false
    /// The units after `<!`, until they say what follows.
    private var bang: [UInt8] = []
    /// The XML declaration's text after `<?`, while it is read.
    private var declaration: [UInt8]?

    // MARK: Marks

    /// The marks not taken yet and the names of their start tags.
    private var marks = ScannerMarks()

    init(limits: CXMLReader.Limits, guardsProlog: Bool) {
        self.limits = limits
        self.guardsProlog = guardsProlog
    }

    /// Whether the root element has started.
    var isPastProlog: Bool { self.phase != .prolog }

    /// Whether the root element has been closed and no markup is open.
    var isComplete: Bool { self.phase == .epilog && self.state == .content }

    /// Where the next unit will be.
    var position: (line: Int, column: Int) { (self.line, self.column) }

    /// The marks the reader has not taken yet, oldest first.
    var pendingMarks: [Mark] { self.marks.pending }

    /// Takes the oldest mark if it is of `kind`.
    ///
    /// - Returns: The mark's line and column, or `nil` if the oldest mark is of another kind
    ///   (which would be a disagreement with libxml2 on a document it accepted).
    @inline(never)
    mutating func takeMark(_ kind: Mark.Kind) -> (line: Int, column: Int)? {
        self.marks.take(kind)
    }

    /// The element name of a start mark, as the scanner read it (for locating errors).
    func name(of mark: Mark) -> String {
        self.marks.name(of: mark)
    }

    // MARK: Feeding

    /// Scans the next bytes of the input.
    ///
    /// - Parameter bytes: The bytes, in input order, right after the previous ones.
    /// - Throws: ``CXMLError`` for the first rule the input breaks; the scanner must not be
    ///   fed again after that.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(CXMLError) {
        let allowed = self.limits.maximumDocumentSize - self.byteCount
        let accepted = UnsafeRawBufferPointer(rebasing: bytes.prefix(max(0, allowed)))
        self.byteCount += accepted.count
        if self.family == nil {
            self.head.append(contentsOf: accepted)
            if self.head.count >= 4 { try self.detectEncoding() }
        } else {
            try self.scan(accepted)
        }
        if accepted.count < bytes.count {
            throw self.error(
                .tooLarge, "the document is larger than the limit of \(self.limits.maximumDocumentSize) bytes")
        }
        if self.phase == .prolog && self.byteCount > self.limits.maximumPrologSize {
            if self.state == .internalSubset { throw self.subsetError() }
            throw self.error(
                .tooLarge,
                "the prolog (everything before the root element) is longer than "
                    + "\(self.limits.maximumPrologSize) bytes")
        }
    }

    /// Tells the scanner that the input has ended.
    ///
    /// - Throws: ``CXMLError`` if the few bytes of a very short input break a rule.
    mutating func finish() throws(CXMLError) {
        if self.family == nil { try self.detectEncoding() }
        if self.expectsLowSurrogate || self.pendingByte != nil {
            throw self.error(.encoding, "the input ends inside a UTF-16 character")
        }
        if self.phase == .prolog && self.state == .internalSubset {
            throw self.subsetError()
        }
    }

    private mutating func detectEncoding() throws(CXMLError) {
        let head = self.head
        self.head = []
        func starts(with prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        if starts(with: [0x00, 0x00, 0x00, 0x3C]) || starts(with: [0x3C, 0x00, 0x00, 0x00])
            || starts(with: [0x00, 0x00, 0xFE, 0xFF]) || starts(with: [0xFF, 0xFE, 0x00, 0x00])
            || starts(with: [0x00, 0x3C, 0x00, 0x00]) || starts(with: [0x00, 0x00, 0x3C, 0x00])
        {
            throw CXMLError(
                .encoding, "the document is in UCS-4, which Porter does not read",
                location: CXMLLocation(line: 1, column: 1, path: ""))
        }
        if starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            throw CXMLError(
                .encoding, "the document is in EBCDIC, which Porter does not read",
                location: CXMLLocation(line: 1, column: 1, path: ""))
        }
        if starts(with: [0xFE, 0xFF]) {
            self.family = .utf16BigEndian
            self.byteOrderMarkLeft = 2
        } else if starts(with: [0xFF, 0xFE]) {
            self.family = .utf16LittleEndian
            self.byteOrderMarkLeft = 2
        } else if starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            self.family = .utf16BigEndian
        } else if starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            self.family = .utf16LittleEndian
        } else {
            self.family = .eightBit
            if starts(with: [0xEF, 0xBB, 0xBF]) { self.byteOrderMarkLeft = 3 }
        }
        let result = head.withUnsafeBytes { bytes in Result { () throws(CXMLError) in try self.scan(bytes) } }
        try result.get()
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer) throws(CXMLError) {
        var index = 0
        while self.byteOrderMarkLeft > 0 && index < bytes.count {
            self.byteOrderMarkLeft -= 1
            index += 1
        }
        switch self.family {
        case .eightBit:
            let start = index
            while index < bytes.count {
                index = self.scanMarkup(bytes, from: index)
                index = self.skipPlainBytes(bytes, from: index)
                if index == bytes.count { break }
                let byte = bytes[index]
                index += 1
                if byte >= 0x80 && self.isASCII {
                    throw self.error(
                        .encoding,
                        "the document declares ASCII, but has the byte 0x\(String(byte, radix: 16, uppercase: true))")
                }
                try self.consume(UInt32(byte), advances: self.everyByteIsCharacter || byte & 0xC0 != 0x80)
            }
            self.noteLastContent(in: bytes, from: start)
        case .utf16BigEndian, .utf16LittleEndian:
            let bigEndian = self.family == .utf16BigEndian
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard let first = self.pendingByte else {
                    self.pendingByte = byte
                    continue
                }
                self.pendingByte = nil
                let unit = bigEndian ? UInt32(first) << 8 | UInt32(byte) : UInt32(byte) << 8 | UInt32(first)
                let isLow = unit & 0xFC00 == 0xDC00
                if isLow != self.expectsLowSurrogate || self.expectsLowSurrogate && unit & 0xFC00 == 0xD800 {
                    throw self.error(
                        .encoding,
                        "the UTF-16 unit 0x\(String(unit, radix: 16, uppercase: true)) breaks a surrogate pair")
                }
                self.expectsLowSurrogate = unit & 0xFC00 == 0xD800
                try self.consume(unit, advances: !isLow)
            }
        case nil:
            break
        }
    }

    // MARK: The lexer

    /// What the fast path may skip in the current state.
    private enum SkipMode { case none, text, tag, name, endTag }

    private var skipMode: SkipMode {
        switch self.state {
        case .content: self.textOpen || self.depth == 0 ? .text : .none
        case .startTag: self.readsName ? .name : self.quote != 0 ? .text : .tag
        case .endTag: .endTag
        default: .none
        }
    }

    /// Moves over the bytes that need no decision in the current state, in one tight loop
    /// (most bytes of a document), doing for them what ``consume(_:advances:)`` would: ASCII
    /// text and attribute values up to a delimiter, attribute names and white space inside a
    /// tag, the characters of a name (copied to the name buffer), the inside of an end tag.
    /// Line breaks, non-ASCII bytes and delimiters are left to ``consume(_:advances:)``.
    ///
    /// Stops one byte short of the value-length limit, so that ``consume(_:advances:)``
    /// reports the byte that crosses it.
    ///
    /// - Returns: The index of the first byte not skipped.
    private mutating func skipPlainBytes(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let mode = self.skipMode
        guard mode != .none else { return start }
        let end = min(bytes.count, start + max(0, self.limits.maximumValueLength - self.run))
        var index = start
        var sawContent = false
        scanning: while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x21...0x7E:
                switch byte {
                case 0x3C, 0x3E, 0x22, 0x27: break scanning  // < > " '
                case 0x3D, 0x2F: if mode == .tag || mode == .name { break scanning }  // = /
                default: break
                }
                sawContent = true
            case 0x20:
                if mode == .name { break scanning }
            default:
                break scanning
            }
            index += 1
        }
        let count = index - start
        if count > 0 {
            if mode == .name { self.marks.appendName(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
            if mode == .tag { self.slash = false }
            self.unitCount += count
            self.run += count
            self.column += count
            self.afterCarriageReturn = false
            if sawContent { self.lastContentLine = self.line }
        }
        return index
    }

    // MARK: The fast path

    /// Sets ``lastContentLine`` after 8-bit bytes were scanned (``scanMarkup(_:from:)`` does not follow it byte by
    /// byte): the line of the last byte that is not white space, if the bytes have one, found by counting back the
    /// line breaks after it.
    private mutating func noteLastContent(in bytes: UnsafeRawBufferPointer, from start: Int) {
        var index = bytes.count
        var breaks = 0
        while index > start {
            switch bytes[index - 1] {
            case 0x20, 0x09: break
            case 0x0D: breaks += 1
            case 0x0A: if index - 2 < start || bytes[index - 2] != 0x0D { breaks += 1 }
            default:
                self.lastContentLine = self.line - breaks
                return
            }
            index -= 1
        }
    }

    /// What a byte is to ``scanMarkup(_:from:)``.
    private enum ByteClass {
        static let plain: UInt8 = 0
        static let space: UInt8 = 1
        static let lineFeed: UInt8 = 2
        static let carriageReturn: UInt8 = 3
        static let lessThan: UInt8 = 4
        static let greaterThan: UInt8 = 5
        static let quote: UInt8 = 6
        static let equals: UInt8 = 7
        static let solidus: UInt8 = 8
        static let high: UInt8 = 9
        /// A control character: left to ``consume(_:advances:)``.
        static let control: UInt8 = 10

        /// The class of every byte, 256 entries, made once and never freed or written after: read through a pointer
        /// so that the fast loop's lookups carry no bounds check (a byte indexes it, so it is always in bounds).
        nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
            let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
            for value in 0..<256 { storage[value] = classify(value) }
            return UnsafePointer(storage)
        }()

        private static func classify(_ value: Int) -> UInt8 {
            switch value {
            case 0x20, 0x09: space
            case 0x0A: lineFeed
            case 0x0D: carriageReturn
            case 0x3C: lessThan
            case 0x3E: greaterThan
            case 0x22, 0x27: quote
            case 0x3D: equals
            case 0x2F: solidus
            case 0x80...: high
            case ..<0x20: control
            default: plain
            }
        }
    }

    /// Scans 8-bit bytes in the states most of a document is in (character data, start and end
    /// tags) in one loop over local copies of the scanner's state, doing for each byte exactly
    /// what ``consume(_:advances:)`` does; it stops at the first byte that needs more (markup
    /// declarations, comments, CDATA, processing instructions, control characters, a byte that
    /// breaks a limit), which ``consume(_:advances:)`` then takes.
    ///
    /// - Returns: The index of the first byte not scanned.
    private mutating func scanMarkup(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard !self.isASCII, self.limits.maximumValueLength > 0,
            self.state == .content || self.state == .startTag || self.state == .endTag
        else { return start }
        let maximumRun = self.limits.maximumValueLength
        let maximumDepth = self.limits.maximumDepth
        let maximumAttributes = self.limits.maximumAttributeCount
        let everyByteIsCharacter = self.everyByteIsCharacter
        var line = self.line
        var column = self.column
        var afterCarriageReturn = self.afterCarriageReturn
        var run = self.run
        var state = self.state
        // The fields the loop tests at every stop, in locals (the scanner is reached through a pointer).
        var textOpen = self.textOpen
        var depth = self.depth
        var readsName = self.readsName
        var quote = self.quote
        var index = start
        defer {
            self.textOpen = textOpen
            self.depth = depth
            self.readsName = readsName
            self.quote = quote
            self.unitCount += index - start
            self.line = line
            self.column = column
            self.afterCarriageReturn = afterCarriageReturn
            self.run = run
            self.state = state
        }
        let table = ByteClass.table
        let inertTable = Self.inertTable
        scanning: while index < bytes.count {
            // A run of bytes that only move the column: text, attribute values and names, the
            // inside of end tags (what ends the run is decided on below, one byte at a time).
            let row = Self.inertRow(state, textOpen: textOpen, depth: depth, readsName: readsName, quote: quote)
            if row != 0 {
                let inert = inertTable + row &* 256
                let room = maximumRun &- run  // run is in 0...maximumRun: no overflow
                let limit = room < bytes.count &- index ? index &+ room : bytes.count
                var end = index
                while end < limit && inert[Int(bytes[end])] != 0 { end &+= 1 }
                let count = end &- index
                if count > 0 {
                    if state == .startTag {
                        if readsName {
                            self.marks.appendName(UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
                        } else if quote == 0 {
                            self.slash = false
                        }
                    }
                    afterCarriageReturn = false
                    column &+= count
                    run &+= count
                    index = end
                    if index == bytes.count { break scanning }
                }
            }
            do {
                let byte = bytes[index]
                let kind = table[Int(byte)]
                if kind == ByteClass.control { break scanning }
                // The run since the last delimiter.
                if kind == ByteClass.lessThan || kind == ByteClass.greaterThan || kind == ByteClass.quote {
                    run = 0
                } else {
                    if run >= maximumRun { break scanning }
                    run &+= 1
                }
                switch state {
                case .content:
                    if kind == ByteClass.lessThan {
                        // What follows decides: a start or end tag is handled here, the rest by consume.
                        guard index &+ 1 < bytes.count else { break scanning }
                        let next = bytes[index &+ 1]
                        if next == 0x21 || next == 0x3F
                            || table[Int(next)] != ByteClass.plain && next != 0x2F
                                && table[Int(next)] != ByteClass.high
                        {
                            break scanning
                        }
                        self.tagLine = line
                        self.tagColumn = column
                        if next == 0x2F {
                            self.mark(.end, line, column)
                            textOpen = false
                            state = .endTag
                        } else {
                            if depth + 1 > maximumDepth { break scanning }
                            if self.phase == .prolog { self.phase = .body }
                            depth += 1
                            self.marks.appendStart(line: line, column: column, firstByte: next)
                            readsName = true
                            textOpen = false
                            self.attributeCount = 0
                            quote = 0
                            self.slash = false
                            state = .startTag
                        }
                        // `<` and the unit after it: both on this line, one column each (or the
                        // second a byte of a character).
                        run = 1
                        column &+= 1
                        if everyByteIsCharacter || next & 0xC0 != 0x80 { column &+= 1 }
                        index &+= 2
                        continue scanning
                    }
                    if depth > 0 && !textOpen {
                        self.mark(.text, line, column)
                        textOpen = true
                    }
                case .startTag:
                    if readsName {
                        if kind == ByteClass.plain || kind == ByteClass.high || kind == ByteClass.equals
                            || kind == ByteClass.quote || kind == ByteClass.lessThan
                        {
                            self.marks.appendName(byte)
                            index &+= 1
                            if everyByteIsCharacter || byte & 0xC0 != 0x80 { column &+= 1 }
                            afterCarriageReturn = false
                            continue scanning
                        }
                        readsName = false
                        self.marks.endName()
                    }
                    if quote != 0 {
                        if UInt32(byte) == quote { quote = 0 }
                    } else {
                        switch kind {
                        case ByteClass.quote:
                            quote = UInt32(byte)
                            self.slash = false
                        case ByteClass.equals:
                            if self.attributeCount + 1 > maximumAttributes {
                                run -= 1
                                break scanning
                            }
                            self.attributeCount += 1
                            self.slash = false
                        case ByteClass.solidus:
                            self.slash = true
                            self.slashLine = line
                            self.slashColumn = column
                        case ByteClass.greaterThan:
                            state = .content
                            if self.slash {
                                self.mark(.end, self.slashLine, self.slashColumn)
                                // As ``closeElement(_:)``, on the locals.
                                state = .content
                                textOpen = false
                                if depth > 0 { depth -= 1 }
                                if depth == 0 && self.phase == .body { self.phase = .epilog }
                            }
                        default:
                            self.slash = false
                        }
                    }
                case .endTag:
                    if kind == ByteClass.greaterThan {
                        // As ``closeElement(_:)``, on the locals.
                        state = .content
                        textOpen = false
                        if depth > 0 { depth -= 1 }
                        if depth == 0 && self.phase == .body { self.phase = .epilog }
                    }
                default:
                    break scanning
                }
                switch kind {
                case ByteClass.lineFeed:
                    if !afterCarriageReturn { line &+= 1 }
                    column = 1
                    afterCarriageReturn = false
                case ByteClass.carriageReturn:
                    line &+= 1
                    column = 1
                    afterCarriageReturn = true
                case ByteClass.space:
                    afterCarriageReturn = false
                    column &+= 1
                default:
                    afterCarriageReturn = false
                    if everyByteIsCharacter || byte & 0xC0 != 0x80 { column &+= 1 }
                }
                index &+= 1
            }
        }
        return index
    }

    /// The byte classes (bits by ``ByteClass``) that only move the column, by one, in a state (not bytes over 0x7F,
    /// which may not start a character), by row of ``inertTable``: none; text and white space (character data, white
    /// space in a tag); a name's characters; everything but `<`, `>`, quotes and line breaks (attribute values, the
    /// inside of end tags).
    private static let inertMasks: [UInt16] = [
        0,
        1 << ByteClass.plain | 1 << ByteClass.space,
        1 << ByteClass.plain,
        1 << ByteClass.plain | 1 << ByteClass.space | 1 << ByteClass.equals | 1 << ByteClass.solidus,
    ]

    /// For each row of ``inertMasks``, 256 entries: 1 where the byte's class is in the row's mask. Made once and never
    /// freed or written after; the fast loop tests a byte with one load, without bounds checks (a byte indexes its
    /// row, so it is always in bounds).
    nonisolated(unsafe) private static let inertTable: UnsafePointer<UInt8> = {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 256 * inertMasks.count)
        for (row, mask) in inertMasks.enumerated() {
            for value in 0..<256 {
                storage[row * 256 + value] = mask & (1 << ByteClass.table[value]) != 0 ? 1 : 0
            }
        }
        return UnsafePointer(storage)
    }()

    /// The row of ``inertMasks`` (and ``inertTable``) for `state` and the fields it depends on.
    @inline(__always)
    private static func inertRow(_ state: State, textOpen: Bool, depth: Int, readsName: Bool, quote: UInt32) -> Int {
        switch state {
        case .content:
            return textOpen || depth == 0 ? 1 : 0
        case .startTag:
            if readsName { return 2 }
            return quote != 0 ? 3 : 1
        case .endTag:
            return 3
        default:
            return 0
        }
    }

    /// Scans one code unit.
    ///
    /// - Parameters:
    ///   - unit: A byte, or a UTF-16 unit.
    ///   - advances: Whether the unit starts a character (it is not a UTF-8 continuation
    ///     byte or a low surrogate), so that the column moves.
    @inline(__always)
    private mutating func consume(_ unit: UInt32, advances: Bool) throws(CXMLError) {
        self.unitCount += 1
        switch unit {
        case Unit.lessThan, Unit.greaterThan, Unit.quotation, Unit.apostrophe:
            self.run = 0
        default:
            self.run += 1
            if self.run > self.limits.maximumValueLength {
                throw self.error(
                    .valueTooLong,
                    "a text, attribute value, name or comment is longer than the limit of "
                        + "\(self.limits.maximumValueLength) characters")
            }
        }
        switch self.state {
        case .content: self.content(unit)
        case .tagOpen: try self.tagOpen(unit)
        case .startTag: try self.startTag(unit)
        case .endTag:
            if unit == Unit.greaterThan { self.closeElement() }
        case .bang: try self.bang(unit)
        case .comment: self.closeOnTerminator(unit, Unit.hyphen)
        case .cdata: self.closeOnTerminator(unit, Unit.rightBracket)
        case .processingInstruction: try self.processingInstruction(unit)
        case .doctype: self.doctype(unit)
        case .internalSubset: try self.internalSubset(unit)
        case .declaration:
            if self.quote != 0 {
                if unit == self.quote { self.quote = 0 }
            } else if unit == Unit.quotation || unit == Unit.apostrophe {
                self.quote = unit
            } else if unit == Unit.greaterThan {
                self.state = .content
            }
        }
        if !Unit.isSpace(unit) { self.lastContentLine = self.line }
        if unit == Unit.lineFeed {
            if !self.afterCarriageReturn { self.line += 1 }
            self.column = 1
            self.afterCarriageReturn = false
        } else if unit == Unit.carriageReturn {
            self.line += 1
            self.column = 1
            self.afterCarriageReturn = true
        } else {
            self.afterCarriageReturn = false
            if advances { self.column += 1 }
        }
    }

    private mutating func content(_ unit: UInt32) {
        if unit == Unit.lessThan {
            self.tagLine = self.line
            self.tagColumn = self.column
            self.state = .tagOpen
        } else if self.depth > 0 && !self.textOpen {
            self.mark(.text, self.line, self.column)
            self.textOpen = true
        }
    }

    private mutating func tagOpen(_ unit: UInt32) throws(CXMLError) {
        switch unit {
        case Unit.solidus:
            self.mark(.end, self.tagLine, self.tagColumn)
            self.textOpen = false
            self.state = .endTag
        case Unit.exclamation:
            self.bang.removeAll(keepingCapacity: true)
            self.state = .bang
        case Unit.question:
            self.counter = 0
            // The XML declaration can only be the very first thing: `<?` are units 1 and 2.
            if self.unitCount == 2 { self.declaration = [] }
            self.state = .processingInstruction
        default:
            if self.phase == .prolog { self.phase = .body }
            self.depth += 1
            if self.depth > self.limits.maximumDepth {
                throw self.error(
                    .tooDeep, "elements are nested deeper than the limit of \(self.limits.maximumDepth)",
                    line: self.tagLine, column: self.tagColumn)
            }
            self.marks.appendStart(line: self.tagLine, column: self.tagColumn)
            self.appendToName(unit)
            self.readsName = true
            self.textOpen = false
            self.attributeCount = 0
            self.quote = 0
            self.slash = false
            self.state = .startTag
        }
    }

    private mutating func startTag(_ unit: UInt32) throws(CXMLError) {
        if self.readsName {
            if !Unit.isSpace(unit) && unit != Unit.solidus && unit != Unit.greaterThan {
                self.appendToName(unit)
                return
            }
            self.readsName = false
            self.marks.endName()
        }
        if self.quote != 0 {
            if unit == self.quote { self.quote = 0 }
            return
        }
        switch unit {
        case Unit.quotation, Unit.apostrophe:
            self.quote = unit
            self.slash = false
        case Unit.equals:
            self.attributeCount += 1
            self.slash = false
            if self.attributeCount > self.limits.maximumAttributeCount {
                throw self.error(
                    .tooManyAttributes,
                    "an element has more attributes than the limit of \(self.limits.maximumAttributeCount)",
                    line: self.tagLine, column: self.tagColumn)
            }
        case Unit.solidus:
            self.slash = true
            self.slashLine = self.line
            self.slashColumn = self.column
        case Unit.greaterThan:
            self.state = .content
            if self.slash {
                self.mark(.end, self.slashLine, self.slashColumn)
                self.closeElement()
            }
        default:
            self.slash = false
        }
    }

    private mutating func appendToName(_ unit: UInt32) {
        if unit < 0x80 || self.family == .eightBit {
            self.marks.appendName(UInt8(truncatingIfNeeded: unit))
        } else {
            let bytes = Unicode.Scalar(unit).map { Array(String($0).utf8) } ?? [0xEF, 0xBF, 0xBD]
            bytes.withUnsafeBytes { self.marks.appendName($0) }
        }
    }

    /// Ends an element at the `>` of its end tag or of its empty-element tag.
    private mutating func closeElement() {
        var state = self.state
        self.closeElement(&state)
        self.state = state
    }

    /// Ends an element, with the state held in `state`.
    private mutating func closeElement(_ state: inout State) {
        state = .content
        self.textOpen = false
        if self.depth > 0 { self.depth -= 1 }
        if self.depth == 0 && self.phase == .body { self.phase = .epilog }
    }

    private mutating func bang(_ unit: UInt32) throws(CXMLError) {
        self.bang.append(unit < 0x80 ? UInt8(unit) : 0)
        if self.bang == Unit.commentOpen {
            self.counter = 0
            self.state = .comment
        } else if self.bang == Unit.cdataOpen {
            if self.depth > 0 && !self.textOpen {
                self.mark(.text, self.tagLine, self.tagColumn)
                self.textOpen = true
            }
            self.counter = 0
            self.state = .cdata
        } else if self.bang == Unit.doctypeKeyword {
            self.quote = 0
            self.state = .doctype
        } else if self.bang == Unit.entityKeyword && self.guardsProlog {
            throw self.error(
                .entityDeclaration, "the document declares an entity (<!ENTITY); Porter reads none",
                line: self.tagLine, column: self.tagColumn)
        } else if !Unit.keywords.contains(where: { $0.starts(with: self.bang) }) {
            self.quote = 0
            self.state = .declaration
            if unit == Unit.greaterThan { self.state = .content }
        }
    }

    /// Ends a comment at `-->` or a CDATA section at `]]>`.
    private mutating func closeOnTerminator(_ unit: UInt32, _ repeated: UInt32) {
        if unit == repeated {
            self.counter += 1
        } else if unit == Unit.greaterThan && self.counter >= 2 {
            self.state = .content
        } else {
            self.counter = 0
        }
    }

    private mutating func processingInstruction(_ unit: UInt32) throws(CXMLError) {
        if self.declaration != nil {
            if self.declaration!.count < 256 {
                self.declaration!.append(unit < 0x80 ? UInt8(unit) : UInt8(ascii: "?"))
            } else {
                self.declaration = nil
            }
        }
        if unit == Unit.question {
            self.counter = 1
        } else if unit == Unit.greaterThan && self.counter == 1 {
            self.state = .content
            if let declaration = self.declaration {
                self.declaration = nil
                try self.checkDeclaration(declaration)
            }
        } else {
            self.counter = 0
        }
    }

    private mutating func doctype(_ unit: UInt32) {
        if self.quote != 0 {
            if unit == self.quote { self.quote = 0 }
        } else if unit == Unit.quotation || unit == Unit.apostrophe {
            self.quote = unit
        } else if unit == Unit.leftBracket && self.guardsProlog {
            self.subsetLine = self.line
            self.subsetColumn = self.column
            self.counter = 0
            self.state = .internalSubset
        } else if unit == Unit.greaterThan {
            self.state = .content
        }
    }

    /// Looks through an internal subset for an entity declaration; rejects the subset at its
    /// end (or at the end of the input) if there was none.
    private mutating func internalSubset(_ unit: UInt32) throws(CXMLError) {
        if unit == UInt32(Unit.entityDeclaration[self.counter]) {
            self.counter += 1
            if self.counter == Unit.entityDeclaration.count {
                throw self.error(
                    .entityDeclaration,
                    "the DOCTYPE's internal subset declares an entity (<!ENTITY); Porter reads none",
                    line: self.line, column: self.column - Unit.entityDeclaration.count + 1)
            }
        } else {
            self.counter = unit == Unit.lessThan ? 1 : 0
            if unit == Unit.rightBracket { throw self.subsetError() }
        }
    }

    private func subsetError() -> CXMLError {
        CXMLError(
            .internalSubset, "the DOCTYPE has an internal subset ([…]); Porter reads none",
            location: CXMLLocation(line: self.subsetLine, column: self.subsetColumn, path: ""))
    }

    /// Compares the encoding the XML declaration names with the one the bytes are in.
    ///
    /// - Parameter text: The declaration's units after `<?`, as ASCII.
    private mutating func checkDeclaration(_ text: [UInt8]) throws(CXMLError) {
        guard text.starts(with: Array("xml".utf8)), let name = Self.encodingName(in: text) else { return }
        self.declaredEncoding = name
        let upper = name.uppercased()
        let sixteen = ["UTF-16", "UTF16", "UCS-2"].contains { upper.hasPrefix($0) }
        let wide = ["UTF-32", "UCS-4", "ISO-10646-UCS-4"].contains { upper.hasPrefix($0) }
        let start = CXMLLocation(line: 1, column: 1, path: "")
        switch self.family {
        case .eightBit:
            if sixteen || wide {
                throw CXMLError(
                    .encoding, "the document declares the encoding \(name), but its bytes are in an 8-bit encoding",
                    location: start)
            }
            self.everyByteIsCharacter = upper != "UTF-8" && upper != "UTF8"
            self.isASCII = ["US-ASCII", "ASCII", "ANSI_X3.4-1968"].contains(upper)
        case .utf16BigEndian, .utf16LittleEndian:
            if !sixteen {
                throw CXMLError(
                    .encoding, "the document is in UTF-16 (by its first bytes), but declares the encoding \(name)",
                    location: start)
            }
        case nil:
            break
        }
    }

    /// The value of `encoding="…"` in an XML declaration's text.
    private static func encodingName(in declaration: [UInt8]) -> String? {
        let keyword = Array("encoding".utf8)
        guard let start = declaration.indices.first(where: { declaration[$0...].starts(with: keyword) }) else {
            return nil
        }
        var index = start + keyword.count
        func skipSpace() {
            while index < declaration.count && Unit.isSpace(UInt32(declaration[index])) { index += 1 }
        }
        skipSpace()
        guard index < declaration.count, declaration[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        skipSpace()
        guard index < declaration.count, declaration[index] == 0x22 || declaration[index] == 0x27 else { return nil }
        let quote = declaration[index]
        index += 1
        guard let end = declaration[index...].firstIndex(of: quote) else { return nil }
        return String(decoding: declaration[index..<end], as: UTF8.self)
    }

    private mutating func mark(_ kind: Mark.Kind, _ line: Int, _ column: Int) {
        self.marks.append(kind, line: line, column: column)
    }

    private func error(_ code: CXMLError.Code, _ message: String, line: Int? = nil, column: Int? = nil)
        -> CXMLError
    {
        CXMLError(
            code, message, location: CXMLLocation(line: line ?? self.line, column: column ?? self.column, path: ""))
    }
}

/// The code units the scanner looks for.
private enum Unit {
    static let tab: UInt32 = 0x09
    static let lineFeed: UInt32 = 0x0A
    static let carriageReturn: UInt32 = 0x0D
    static let space: UInt32 = 0x20
    static let exclamation: UInt32 = 0x21
    static let quotation: UInt32 = 0x22
    static let apostrophe: UInt32 = 0x27
    static let hyphen: UInt32 = 0x2D
    static let solidus: UInt32 = 0x2F
    static let lessThan: UInt32 = 0x3C
    static let equals: UInt32 = 0x3D
    static let greaterThan: UInt32 = 0x3E
    static let question: UInt32 = 0x3F
    static let leftBracket: UInt32 = 0x5B
    static let rightBracket: UInt32 = 0x5D

    static let commentOpen = Array("--".utf8)
    static let cdataOpen = Array("[CDATA[".utf8)
    static let doctypeKeyword = Array("DOCTYPE".utf8)
    static let entityKeyword = Array("ENTITY".utf8)
    static let keywords = [commentOpen, cdataOpen, doctypeKeyword, entityKeyword]
    static let entityDeclaration = Array("<!ENTITY".utf8)

    @inline(__always)
    static func isSpace(_ unit: UInt32) -> Bool {
        unit == space || unit == lineFeed || unit == carriageReturn || unit == tab
    }
}
