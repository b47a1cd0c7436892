public import Orders
public import X12

/// Writes any ``BusinessDocument`` Porter has an X12 codec for as an interchange of its own.
///
/// Picks the codec by the document's kind (850, 855, 856, 860, 997/999) and writes ISA, GS, the set, GE and IEA from the
/// document's `envelope`, in ``version`` when one is given.
public struct X12DocumentEncoder: Sendable {
    /// The version written (`004010` or `005010`); `nil` takes each document's envelope (`004010` when it has none).
    public var version: String?
    /// The delimiters of the interchanges written.
    public var delimiters: X12Delimiters
    /// What follows each segment terminator.
    public var lineEnding: X12Writer.LineEnding

    public init(version: String? = nil, delimiters: X12Delimiters = .standard, lineEnding: X12Writer.LineEnding = .lf) {
        self.version = version
        self.delimiters = delimiters
        self.lineEnding = lineEnding
    }

    /// The document as a whole interchange.
    ///
    /// - Throws: ``X12Error``: whatever the codec throws (a value that cannot be written, a delimiter in the data).
    public func encodeInterchange(_ document: BusinessDocument) throws(X12Error) -> [UInt8] {
        switch document {
        case .purchaseOrder(let order):
            return try X12PurchaseOrderEncoder(version: self.version).encodeInterchange(
                order, delimiters: self.delimiters, lineEnding: self.lineEnding)
        case .orderAcknowledgment(let acknowledgment):
            return try X12OrderAcknowledgmentEncoder(version: self.version).encodeInterchange(
                acknowledgment, delimiters: self.delimiters, lineEnding: self.lineEnding)
        case .orderChange(let change):
            return try X12OrderChangeEncoder(version: self.version).encodeInterchange(
                change, delimiters: self.delimiters, lineEnding: self.lineEnding)
        case .functionalAcknowledgment(let acknowledgment):
            return try X12FunctionalAcknowledgmentEncoder(version: self.version).encodeInterchange(
                acknowledgment, delimiters: self.delimiters, lineEnding: self.lineEnding)
        case .shipNotice(let notice):
            return try X12ShipNoticeEncoder(version: self.version).encodeInterchange(
                notice, delimiters: self.delimiters, lineEnding: self.lineEnding)
        }
    }
}
