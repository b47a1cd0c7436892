public import Orders
public import X12

/// Reads an X12 stream and decodes each supported transaction set when its SE arrives: one set in memory at a time,
/// whatever the size of the input.
///
/// The loop every caller of ``X12DocumentDecoder`` would otherwise write (`porter translate`, the partner golden
/// tests, the benchmarks, the gateway): it keeps the enclosing ISA and GS, starts a decoder at each ST, feeds it the
/// set's segments and hands out what happened, in stream order.
///
/// ```swift
/// var documents = X12DocumentReader(source: try FileByteSource(path: path), sourceName: path)
/// while let event = try documents.next() {
///     switch event {
///     case .document(let set): if let document = set.document, set.isClean { ... }
///     case .finding(let finding): print(finding)
///     case .skipped(let header): print("\(header.identifier) is not translated")
///     }
/// }
/// ```
public struct X12DocumentReader: ~Copyable {
    /// One supported transaction set, decoded.
    public struct DecodedSet: Sendable {
        /// The set's ST.
        public var header: X12TransactionHeader
        /// The document, or `nil` when the set could not be decoded.
        public var document: BusinessDocument?
        /// What the decoder found (the reader's findings inside the set came as ``Event/finding(_:)`` before).
        public var findings: [X12Finding]
        /// Whether the reader reported an error inside the set (an envelope or syntax error).
        public var readerError: Bool

        /// A document, with no error from the reader or the decoder.
        public var isClean: Bool {
            self.document != nil && !self.readerError && !self.findings.contains { $0.severity == .error }
        }
    }

    /// What the reader hands out.
    public enum Event: Sendable {
        /// A supported set, decoded at its SE.
        case document(DecodedSet)
        /// A finding of the X12 reader (envelope, syntax), as it is met.
        case finding(X12Finding)
        /// A set Porter has no codec for, or one outside an interchange or group.
        case skipped(X12TransactionHeader)
    }

    private var reader: X12Reader
    private let sourceName: String?
    private var interchange: X12InterchangeHeader?
    private var group: X12GroupHeader?
    /// The open set's decoder (its codec's state is boxed inside it, so writing `nil` at every ST and SE is cheap).
    private var decoder: X12DocumentDecoder?
    private var header: X12TransactionHeader?
    private var readerError = false
    /// The lines the previous purchase order had (at most 2,048): the next order's lines array starts with that room
    /// (orders of one input are alike) instead of growing by doubling from one line. Only a hint: the previous order's,
    /// not the largest so far, so one huge order makes only the next reserve as much (and it keeps only what it used).
    private var lineCapacity = 0

    /// Reads `source` (UTF-8 or ASCII; see ``X12Input`` for other character sets); `sourceName` names it in findings.
    public init(source: some ByteSource, sourceName: String? = nil) {
        self.reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: sourceName))
        self.sourceName = sourceName
    }

    /// The next event, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` when the input cannot be read at all (I/O, character set).
    public mutating func next() throws(X12Error) -> Event? {
        while let event = try self.reader.next() {
            switch event {
            case .interchangeStart(let header): self.interchange = header
            case .groupStart(let header): self.group = header
            case .transactionStart(let header):
                self.header = header
                self.readerError = false
                self.decoder = nil
                guard let interchange = self.interchange, let group = self.group,
                    var decoder = X12DocumentDecoder(
                        interchange: interchange, group: group, transaction: header, sourceName: self.sourceName)
                else { return .skipped(header) }
                if self.lineCapacity > 0 { decoder.reserveLines(self.lineCapacity) }
                self.decoder = decoder
            case .segment(let segment): self.decoder?.add(segment)
            case .finding(let finding):
                if finding.severity == .error, self.decoder != nil { self.readerError = true }
                return .finding(finding)
            case .transactionEnd:
                if let decoded = self.finishSet() { return .document(decoded) }
            default: break
            }
        }
        // A set the input ended inside (no SE): decoded with what came.
        return self.finishSet().map { .document($0) }
    }

    private mutating func finishSet() -> DecodedSet? {
        guard self.decoder != nil, let header = self.header, var decoder = self.decoder.take() else { return nil }
        // The count read from the decoder and the document moved on: binding the order to read its count copied it
        // (every field retained and released again, ~1,000 instructions a set), as did passing `result.document`.
        let lineCount = decoder.orderLineCount
        let (document, findings) = decoder.finish()
        if case .purchaseOrder? = document {
            // At most 2,048 lines (~780 KB).
            self.lineCapacity = min(lineCount, 2048)
        }
        return DecodedSet(header: header, document: document, findings: findings, readerError: self.readerError)
    }
}
