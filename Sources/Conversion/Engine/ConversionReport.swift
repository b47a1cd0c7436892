/// How many documents of one type a run met, and what became of them.
public struct DocumentTally: Hashable, Sendable {
    /// Documents read (converted, failed or skipped).
    public var documents = 0
    /// Documents written.
    public var converted = 0
    /// Documents that could not be converted (each has entries in `errors.json`).
    public var failed = 0
    /// Documents Porter has no codec for, or no form in the output format; not failures.
    public var skipped = 0

    public init() {}

    static func += (lhs: inout Self, rhs: Self) {
        lhs.documents += rhs.documents
        lhs.converted += rhs.converted
        lhs.failed += rhs.failed
        lhs.skipped += rhs.skipped
    }
}

/// What a run did, for the summary table.
public struct ConversionSummary: Sendable {
    /// Per document type (`purchaseOrder`, `shipNotice`, ..., `envelope` for interchange-level errors, `unknown`
    /// for inputs that are not documents), sorted by type.
    public var types: [(type: String, tally: DocumentTally)]
    /// The sum of ``types``.
    public var total: DocumentTally
    /// Inputs read (files and archive members).
    public var inputs: Int
    /// Their size in bytes (archive members uncompressed).
    public var inputBytes: Int64
    /// The folder or archive written.
    public var output: String
    /// The path of `errors.json`.
    public var errorsFile: String
    /// Entries in `errors.json`.
    public var errorEntries: Int
    /// How long the run took.
    public var elapsed: Duration

    /// Whether any document failed (exit 1).
    public var hasFailures: Bool { self.total.failed > 0 }
}

/// How far a run is, reported after each input is written.
public struct ConversionProgress: Sendable {
    /// Inputs done and in all.
    public var inputsDone: Int
    public var inputsTotal: Int
    /// Documents done (converted, failed or skipped) and failed.
    public var documents: Int
    public var failed: Int
    /// Bytes of input done and in all.
    public var bytesDone: Int64
    public var bytesTotal: Int64
    /// Time since the run started.
    public var elapsed: Duration

    /// Documents per second so far.
    public var documentsPerSecond: Double {
        let seconds = self.elapsedSeconds
        return seconds > 0 ? Double(self.documents) / seconds : 0
    }

    /// The time left, estimated from the bytes still to read at the rate so far; `nil` before there is a rate.
    public var timeLeft: Duration? {
        guard self.bytesDone > 0, self.elapsedSeconds > 0 else { return nil }
        let remaining = Double(self.bytesTotal - self.bytesDone) / Double(self.bytesDone) * self.elapsedSeconds
        return .milliseconds(Int64(remaining * 1000))
    }

    /// The share done, from 0 to 1 (by bytes, or by inputs when the inputs are empty).
    public var fraction: Double {
        if self.bytesTotal > 0 { return min(1, Double(self.bytesDone) / Double(self.bytesTotal)) }
        return self.inputsTotal > 0 ? Double(self.inputsDone) / Double(self.inputsTotal) : 1
    }

    var elapsedSeconds: Double {
        Double(self.elapsed.components.seconds) + Double(self.elapsed.components.attoseconds) / 1e18
    }
}
