/// Writes X12 segments element by element into an ``OutputBuffer``, with Porter's benchmark
/// delimiters: `*` between elements, `>` between components, `~` plus a newline after each
/// segment. It counts the segments it ends, which is what `SE01` needs.
///
/// ```swift
/// writer.begin("BEG"); writer.add("00"); writer.add("SA"); writer.add(poNumber); writer.skip()
/// writer.add(date: poDate); writer.end()          // BEG*00*SA*4500012345**20240301~
/// ```
final class SegmentWriter {
    static let elementSeparator = UInt8(ascii: "*")
    static let componentSeparator = UInt8(ascii: ">")
    static let segmentTerminator = UInt8(ascii: "~")
    static let repetitionSeparator = UInt8(ascii: "^")

    let buffer: OutputBuffer

    /// Segments ended since this writer was made.
    private(set) var segmentCount = 0

    init(buffer: OutputBuffer) {
        self.buffer = buffer
    }

    /// Starts a segment with its tag.
    func begin(_ tag: StaticString) {
        self.buffer.append(tag)
    }

    /// Ends the current segment: terminator and newline.
    func end() {
        self.buffer.append(Self.segmentTerminator)
        self.buffer.append(UInt8(ascii: "\n"))
        self.segmentCount &+= 1
    }

    /// Writes `count` empty elements (only ever followed by a non-empty one).
    func skip(_ count: Int = 1) {
        for _ in 0..<count { self.buffer.append(Self.elementSeparator) }
    }

    func add(_ value: StaticString) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(value)
    }

    func add(_ value: [UInt8]) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(value)
    }

    /// A non-negative integer, zero-padded to `width` digits.
    func add(_ value: Int, width: Int = 1) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(number: value, width: width)
    }

    /// A decimal (`R`) value of `value / 10^scale`.
    func add(decimal value: Int, scale: Int) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(decimal: value, scale: scale)
    }

    /// A `CCYYMMDD` date.
    func add(date: CivilDate) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(number: date.year, width: 4)
        self.buffer.append(number: date.month, width: 2)
        self.buffer.append(number: date.day, width: 2)
    }

    /// A `YYMMDD` date (`ISA09` only).
    func add(shortDate date: CivilDate) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(number: date.year % 100, width: 2)
        self.buffer.append(number: date.month, width: 2)
        self.buffer.append(number: date.day, width: 2)
    }

    /// An `HHMM` time from minutes after midnight.
    func add(time minutes: Int) {
        self.buffer.append(Self.elementSeparator)
        self.buffer.append(number: minutes / 60 % 24, width: 2)
        self.buffer.append(number: minutes % 60, width: 2)
    }

    /// Continues the current element without a separator.
    func append(_ value: StaticString) {
        self.buffer.append(value)
    }

    /// Continues the current element without a separator.
    func append(_ value: [UInt8]) {
        self.buffer.append(value)
    }

    /// Continues the current element with a zero-padded number.
    func append(_ value: Int, width: Int = 1) {
        self.buffer.append(number: value, width: width)
    }

    /// Continues the current element with a single byte (a delimiter, for `ISA11` and `ISA16`).
    func append(byte: UInt8) {
        self.buffer.append(byte)
    }
}
