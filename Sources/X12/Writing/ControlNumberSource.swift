/// Where a writer takes its control numbers from.
///
/// The gateway persists them per partner so that none is ever reused; tests and the CLI
/// use ``SequentialControlNumbers``.
public protocol X12ControlNumberSource {
    /// The next ISA13 (1 to 999,999,999).
    mutating func nextInterchangeControlNumber() throws -> UInt64
    /// The next GS06 (1 to 999,999,999).
    mutating func nextGroupControlNumber() throws -> UInt64
    /// The next ST02 inside the group that was started last.
    mutating func nextTransactionControlNumber() throws -> UInt64
    /// Called when a group starts, so ST02s can restart per group.
    mutating func groupDidStart()
}

extension X12ControlNumberSource {
    public mutating func groupDidStart() {}
}

/// Control numbers counted up from given starting values, in memory.
///
/// ISA13 and GS06 roll over from 999,999,999 to 1, as the standard allows; ST02 restarts
/// at 1 in every group.
public struct SequentialControlNumbers: X12ControlNumberSource, Sendable {
    public static let maximum: UInt64 = 999_999_999

    public private(set) var nextInterchange: UInt64
    public private(set) var nextGroup: UInt64
    public private(set) var nextTransaction: UInt64 = 1

    public init(interchange: UInt64 = 1, group: UInt64 = 1) {
        self.nextInterchange = Self.clamped(interchange)
        self.nextGroup = Self.clamped(group)
    }

    public mutating func nextInterchangeControlNumber() -> UInt64 {
        defer { self.nextInterchange = self.nextInterchange >= Self.maximum ? 1 : self.nextInterchange + 1 }
        return self.nextInterchange
    }

    public mutating func nextGroupControlNumber() -> UInt64 {
        defer { self.nextGroup = self.nextGroup >= Self.maximum ? 1 : self.nextGroup + 1 }
        return self.nextGroup
    }

    public mutating func nextTransactionControlNumber() -> UInt64 {
        defer { self.nextTransaction = self.nextTransaction >= Self.maximum ? 1 : self.nextTransaction + 1 }
        return self.nextTransaction
    }

    public mutating func groupDidStart() { self.nextTransaction = 1 }

    private static func clamped(_ value: UInt64) -> UInt64 { value == 0 || value > maximum ? 1 : value }
}
