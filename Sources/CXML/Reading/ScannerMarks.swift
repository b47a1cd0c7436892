/// The positions ``InputScanner`` noted and the reader has not taken yet, oldest first, with the names of their
/// start tags: flat storage with a head and an end index, rather than arrays (an array append checks uniqueness and
/// capacity and a mark was compacted through generic code).
///
/// The storage is owned by an object that frees it, so a copy of the scanner shares its marks: only the scanner the
/// pump holds is ever changed (the reader reads copies for errors).
struct ScannerMarks {
    /// Frees the storage when the last scanner sharing it goes.
    private final class Owner {
        var marks: UnsafeMutablePointer<InputScanner.Mark>
        var names: UnsafeMutablePointer<UInt8>

        init(marks: UnsafeMutablePointer<InputScanner.Mark>, names: UnsafeMutablePointer<UInt8>) {
            self.marks = marks
            self.names = names
        }

        deinit {
            // Marks and bytes are trivial values: nothing to deinitialize.
            self.marks.deallocate()
            self.names.deallocate()
        }
    }

    private let owner: Owner
    /// Marks: `head..<count` are pending, `0..<markCapacity` allocated.
    private var marks: UnsafeMutablePointer<InputScanner.Mark>
    private var markCapacity: Int
    private var head = 0
    private var count = 0
    /// The names of the pending start marks, in UTF-8, one after the other: `0..<nameCount` written.
    private var names: UnsafeMutablePointer<UInt8>
    private var nameCapacity: Int
    private(set) var nameCount = 0

    /// How many marks are taken before they are dropped from the front.
    private static let compactionThreshold = 1024

    init() {
        // The scanner runs up to a chunk ahead of libxml2, and the marks taken are dropped only every
        // `compactionThreshold`: room for both from the start, rather than growing (and copying) the storage several
        // times in every document.
        self.markCapacity = 2 * Self.compactionThreshold + 512
        self.nameCapacity = 16 << 10
        self.marks = .allocate(capacity: self.markCapacity)
        self.names = .allocate(capacity: self.nameCapacity)
        self.owner = Owner(marks: self.marks, names: self.names)
    }

    /// The marks not taken yet, oldest first (a copy: for locating errors).
    var pending: [InputScanner.Mark] {
        withExtendedLifetime(self.owner) {
            Array(UnsafeBufferPointer(start: self.marks + self.head, count: self.count - self.head))
        }
    }

    /// Notes a position.
    @inline(__always)
    mutating func append(_ kind: InputScanner.Mark.Kind, line: Int, column: Int) {
        if self.count == self.markCapacity { self.growMarks() }
        (self.marks + self.count).initialize(to: InputScanner.Mark(kind: kind, line: line, column: column))
        self.count += 1
    }

    /// Notes the start of an element whose name begins with `byte`.
    @inline(__always)
    mutating func appendStart(line: Int, column: Int, firstByte byte: UInt8) {
        if self.count == self.markCapacity { self.growMarks() }
        (self.marks + self.count).initialize(
            to: InputScanner.Mark(kind: .start, line: line, column: column, nameStart: self.nameCount))
        self.count += 1
        self.appendName(byte)
    }

    /// Notes the start of an element, its name to follow.
    mutating func appendStart(line: Int, column: Int) {
        if self.count == self.markCapacity { self.growMarks() }
        (self.marks + self.count).initialize(
            to: InputScanner.Mark(kind: .start, line: line, column: column, nameStart: self.nameCount))
        self.count += 1
    }

    /// Ends the name of the last start mark at the end of the name bytes.
    @inline(__always)
    mutating func endName() {
        guard self.count > self.head else { return }
        let last = self.marks + (self.count - 1)
        last.pointee.nameLength = self.nameCount - last.pointee.nameStart
    }

    /// Appends a byte of a name.
    @inline(__always)
    mutating func appendName(_ byte: UInt8) {
        if self.nameCount == self.nameCapacity { self.growNames(toHold: self.nameCount + 1) }
        self.names[self.nameCount] = byte
        self.nameCount += 1
    }

    /// Appends bytes of a name in one copy.
    mutating func appendName(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if self.nameCount + bytes.count > self.nameCapacity { self.growNames(toHold: self.nameCount + bytes.count) }
        UnsafeMutableRawPointer(self.names + self.nameCount).copyMemory(
            from: bytes.baseAddress!, byteCount: bytes.count)
        self.nameCount += bytes.count
    }

    /// Takes the oldest mark if it is of `kind`.
    ///
    /// - Returns: The mark's line and column, or `nil` if the oldest mark is of another kind.
    mutating func take(_ kind: InputScanner.Mark.Kind) -> (line: Int, column: Int)? {
        guard self.head < self.count else { return nil }
        let mark = self.marks[self.head]
        guard mark.kind == kind else { return nil }
        self.head += 1
        if self.head == self.count {
            self.head = 0
            self.count = 0
            self.nameCount = 0
        } else if self.head >= Self.compactionThreshold {
            self.compact()
        }
        return (mark.line, mark.column)
    }

    /// The element name of a start mark, as the scanner read it (for locating errors).
    func name(of mark: InputScanner.Mark) -> String {
        let start = min(max(mark.nameStart, 0), self.nameCount)
        let length = min(max(mark.nameLength, 0), self.nameCount - start)
        return withExtendedLifetime(self.owner) {
            String(decoding: UnsafeBufferPointer(start: self.names + start, count: length), as: UTF8.self)
        }
    }

    /// Drops the taken marks and the names only they used, moving the rest to the front.
    private mutating func compact() {
        let left = self.count - self.head
        self.marks.update(from: self.marks + self.head, count: left)
        self.head = 0
        self.count = left
        var firstName = self.nameCount
        for index in 0..<left where self.marks[index].kind == .start {
            firstName = self.marks[index].nameStart
            break
        }
        let keptNames = self.nameCount - firstName
        self.names.update(from: self.names + firstName, count: keptNames)
        self.nameCount = keptNames
        for index in 0..<left where self.marks[index].kind == .start {
            self.marks[index].nameStart -= firstName
        }
    }

    private mutating func growMarks() {
        let capacity = self.markCapacity * 2
        let marks = UnsafeMutablePointer<InputScanner.Mark>.allocate(capacity: capacity)
        marks.initialize(from: self.marks, count: self.count)
        self.marks.deallocate()
        self.marks = marks
        self.markCapacity = capacity
        self.owner.marks = marks
    }

    private mutating func growNames(toHold needed: Int) {
        var capacity = self.nameCapacity * 2
        while capacity < needed { capacity *= 2 }
        let names = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        names.initialize(from: self.names, count: self.nameCount)
        self.names.deallocate()
        self.names = names
        self.nameCapacity = capacity
        self.owner.names = names
    }
}
