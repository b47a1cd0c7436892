import Orders
import X12

/// Writes the segments of one 997 or 999, laying what `extensions` kept over the typed values.
///
/// The segments follow ``X12FunctionalAcknowledgmentAssembler`` the other way round: AK1 (and what the group kept
/// whole), then per set AK2, what its loop kept whole, each segment error (AK3 or IK3, its CTX, each element error
/// with its CTX) and the verdict (AK5 or IK5), then AK9. The 005010 elements (AK103, AK203, AK401-3) are written
/// only in 005010 and later.
struct X12FunctionalAcknowledgmentEmitter {
    private var segments: X12SegmentEmitter
    private let isFiveOrLater: Bool
    private let segmentErrorID: String
    private let elementErrorID: String
    private let verdictID: String

    /// - Parameters:
    ///   - extensions: The acknowledgment's extensions, already under the segment names of `kind`.
    ///   - kind: Whether AK3, AK4 and AK5 or IK3, IK4 and IK5 are written.
    ///   - isFiveOrLater: Whether the version written is 005010 or later.
    init(extensions: Extensions, kind: X12AcknowledgmentOptions.Kind, isFiveOrLater: Bool) {
        self.segments = X12SegmentEmitter(index: X12ExtensionAddress.Index(extensions), usesMTX: false)
        self.isFiveOrLater = isFiveOrLater
        let is999 = kind == .ia999
        self.segmentErrorID = is999 ? "IK3" : "AK3"
        self.elementErrorID = is999 ? "IK4" : "AK4"
        self.verdictID = is999 ? "IK5" : "AK5"
    }

    mutating func write(_ acknowledgment: FunctionalAcknowledgment, to writer: inout X12Writer) throws(X12Error) {
        try self.segments.series(
            "", "AK1",
            [
                [
                    acknowledgment.functionalIdentifier, acknowledgment.groupControlNumber,
                    self.isFiveOrLater ? acknowledgment.groupVersion : nil,
                ]
            ], to: &writer)
        try self.segments.unplaced(under: "", except: ["AK1", "AK2", "AK9"], to: &writer)
        for (index, set) in acknowledgment.transactionSets.enumerated() {
            try self.set(set, address: X12ExtensionAddress.segment("", "AK2", index + 1), to: &writer)
        }
        let codes = X12FunctionalAcknowledgmentCodes.self
        try self.segments.series(
            "", "AK9",
            [
                [
                    codes.acknowledgment.code(acknowledgment.status), acknowledgment.includedCount.map { String($0) },
                    acknowledgment.receivedCount.map { String($0) }, acknowledgment.acceptedCount.map { String($0) },
                ] + acknowledgment.errors.prefix(5).map(codes.groupError.code)
            ], to: &writer)
    }

    /// One AK2 loop.
    private mutating func set(
        _ set: TransactionSetAcknowledgment, address: String, to writer: inout X12Writer
    ) throws(X12Error) {
        try self.emit(
            "AK2", [set.identifier, set.controlNumber, self.isFiveOrLater ? set.implementationReference : nil],
            at: address, to: &writer)
        let path = address + "/"
        try self.segments.unplaced(under: path, except: [self.segmentErrorID, self.verdictID], to: &writer)
        for (index, error) in set.segmentErrors.enumerated() {
            let errorAddress = X12ExtensionAddress.segment(path, self.segmentErrorID, index + 1)
            try self.emit(
                self.segmentErrorID,
                [
                    error.segmentID, error.position > 0 ? String(error.position) : nil, error.loopID,
                    error.code.map(X12FunctionalAcknowledgmentCodes.segmentError.code),
                ], at: errorAddress, to: &writer)
            try self.segments.unplaced(under: errorAddress + "/", except: [self.elementErrorID], to: &writer)
            for (position, element) in error.elementErrors.enumerated() {
                let elementAddress = X12ExtensionAddress.segment(errorAddress + "/", self.elementErrorID, position + 1)
                try self.elementError(element, address: elementAddress, to: &writer)
                try self.segments.unplaced(under: elementAddress + "/", except: [], to: &writer)
            }
        }
        let codes = X12FunctionalAcknowledgmentCodes.self
        try self.segments.series(
            path, self.verdictID,
            [[codes.acknowledgment.code(set.status)] + set.errors.prefix(5).map(codes.transactionSetError.code)],
            to: &writer)
    }

    /// AK4 or IK4, AK401 a composite when it has a component or repetition position.
    private mutating func elementError(
        _ error: ElementError, address: String, to writer: inout X12Writer
    ) throws(X12Error) {
        var position = [error.position > 0 ? String(error.position) : "", error.componentPosition.map { String($0) }]
        if self.isFiveOrLater { position.append(error.repetitionPosition.map { String($0) }) }
        while position.count > 1, position.last.flatMap({ $0 }) == nil { position.removeLast() }
        let first: X12Value = position.count == 1 ? .simple(position[0] ?? "") : .composite(position.map { $0 ?? "" })
        let rest = X12SegmentEmitter.values([
            error.referenceNumber, X12FunctionalAcknowledgmentCodes.elementError.code(error.code), error.badValue,
        ])
        try self.segments.emit(
            self.elementErrorID, self.segments.index.overlay([first] + rest, at: address), to: &writer)
    }

    private func emit(_ id: String, _ texts: [String?], at address: String, to writer: inout X12Writer) throws(X12Error)
    {
        try self.segments.emit(
            id, self.segments.index.overlay(X12SegmentEmitter.values(texts), at: address), to: &writer)
    }
}
