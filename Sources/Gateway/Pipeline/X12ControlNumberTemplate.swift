import Foundation
import Store

/// X12 that Porter wrote with placeholder control numbers, and where those numbers stand.
///
/// Encoding an outbound interchange or an acknowledgment costs far more than allocating its numbers, and the numbers
/// are allocated inside the store transaction, which one writer runs at a time. So files are encoded while they are
/// planned side by side, with placeholders, and the transaction only fills in ISA13/IEA02 and GS06/GE02 with the
/// numbers it allocates, in the order the encoder would have asked for them (each interchange, then each of its
/// groups). The filled bytes are those the encoder writes when given the same numbers (`X12ControlNumberTemplateTests`).
struct X12ControlNumberTemplate: Sendable {
    private struct Slot: Sendable {
        var range: Range<Int>
        var kind: ControlNumberAllocator.Kind
        /// Which interchange or group (counted from 0 in the order they appear) the number belongs to.
        var ordinal: Int
        /// The width the number is zero-padded to; 0 when it is written as it is.
        var width: Int
    }

    private let bytes: [UInt8]
    private let slots: [Slot]
    private let interchangeCount: Int
    private let groupCount: Int

    /// Finds the control numbers in `bytes`, X12 as Porter's writer makes it: interchanges each opened by a
    /// fixed-length ISA whose fourth byte is its element separator and whose 106th its segment terminator (an
    /// acknowledgment answers each interchange in its own delimiters), a line ending (CR, LF) or none after each
    /// terminator, and no delimiter inside a value.
    init(_ bytes: [UInt8]) throws(TemplateError) {
        guard bytes.count >= 106, bytes.starts(with: "ISA".utf8) else { throw TemplateError("does not start with ISA") }
        var separator = bytes[3]
        var terminator = bytes[105]
        var slots: [Slot] = []
        var interchanges = 0
        var groups = 0
        var position = 0
        while position < bytes.count {
            if bytes.count - position >= 106, bytes[position..<position + 3].elementsEqual("ISA".utf8) {
                separator = bytes[position + 3]
                terminator = bytes[position + 105]
            }
            guard let end = bytes[position...].firstIndex(of: terminator) else {
                throw TemplateError("a segment at byte \(position) has no terminator")
            }
            var elements: [Range<Int>] = []
            var start = position
            for index in position..<end where bytes[index] == separator {
                elements.append(start..<index)
                start = index + 1
            }
            elements.append(start..<end)
            let id = bytes[elements[0]]
            func slot(_ element: Int, _ kind: ControlNumberAllocator.Kind, _ ordinal: Int) throws(TemplateError) {
                guard element < elements.count, !elements[element].isEmpty else {
                    throw TemplateError(
                        "\(String(decoding: id, as: UTF8.self)) at byte \(position) lacks element \(element)")
                }
                let range = elements[element]
                let padded = range.count > 1 && bytes[range.lowerBound] == UInt8(ascii: "0")
                slots.append(Slot(range: range, kind: kind, ordinal: ordinal, width: padded ? range.count : 0))
            }
            if id.elementsEqual("ISA".utf8) {
                try slot(13, .interchange, interchanges)
                interchanges += 1
            } else if id.elementsEqual("IEA".utf8) {
                try slot(2, .interchange, interchanges - 1)
            } else if id.elementsEqual("GS".utf8) {
                try slot(6, .group, groups)
                groups += 1
            } else if id.elementsEqual("GE".utf8) {
                try slot(2, .group, groups - 1)
            }
            position = end + 1
            while position < bytes.count, bytes[position] == 0x0D || bytes[position] == 0x0A { position += 1 }
        }
        guard interchanges > 0 else { throw TemplateError("holds no interchange") }
        self.bytes = bytes
        self.slots = slots
        self.interchangeCount = interchanges
        self.groupCount = groups
    }

    /// The bytes with numbers from `next` in place of the placeholders, and the numbers drawn.
    func filled(_ next: (ControlNumberAllocator.Kind) throws(StoreError) -> Int) throws(StoreError) -> Filled {
        var interchanges: [Int] = []
        var groups: [Int] = []
        interchanges.reserveCapacity(self.interchangeCount)
        groups.reserveCapacity(self.groupCount)
        var texts: [(digits: String, zeros: Int)] = []
        texts.reserveCapacity(self.slots.count)
        var size = self.bytes.count
        for slot in self.slots {
            let number: Int
            switch slot.kind {
            case .interchange:
                if slot.ordinal == interchanges.count { interchanges.append(try next(.interchange)) }
                number = interchanges[slot.ordinal]
            case .group:
                if slot.ordinal == groups.count { groups.append(try next(.group)) }
                number = groups[slot.ordinal]
            }
            let digits = String(number)
            let zeros = max(0, slot.width - digits.utf8.count)
            texts.append((digits, zeros))
            size += zeros + digits.utf8.count - slot.range.count
        }
        var output = Data(count: size)
        output.withUnsafeMutableBytes { (output: UnsafeMutableRawBufferPointer) in
            self.bytes.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
                var written = 0
                var copied = 0
                func copy(_ part: UnsafeRawBufferPointer) {
                    UnsafeMutableRawBufferPointer(rebasing: output[written..<written + part.count]).copyMemory(
                        from: part)
                    written += part.count
                }
                for (slot, text) in zip(self.slots, texts) {
                    copy(UnsafeRawBufferPointer(rebasing: input[copied..<slot.range.lowerBound]))
                    for index in written..<written + text.zeros { output[index] = UInt8(ascii: "0") }
                    written += text.zeros
                    var digits = text.digits
                    digits.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
                    copied = slot.range.upperBound
                }
                copy(UnsafeRawBufferPointer(rebasing: input[copied...]))
            }
        }
        return Filled(bytes: output, interchanges: interchanges, groups: groups)
    }

    /// The bytes numbered from `partner`'s counters in `allocator`.
    func filled(from allocator: ControlNumberAllocator, partner: String) throws(StoreError) -> Filled {
        try self.filled { kind throws(StoreError) in try allocator.next(kind, partner: partner) }
    }

    struct Filled {
        var bytes: Data
        var interchanges: [Int]
        var groups: [Int]

        /// The first ISA13, nine digits: the message's control reference.
        var reference: String { String(self.interchanges[0]).leftPadded(to: 9) }
    }

    /// X12 the template cannot read: a bug in Porter's writer or here, never partner data.
    struct TemplateError: Error, CustomStringConvertible {
        var description: String
        init(_ problem: String) { self.description = "the X12 Porter wrote \(problem)" }
    }
}
