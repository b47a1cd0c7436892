import Foundation

/// What converting one input produced, waiting for its turn to be written.
struct UnitResult {
    /// The input's name, for `errors.json`.
    var source = ""
    /// Its size in bytes, for progress.
    var bytes: Int64
    /// The documents to write, in input order.
    var outputs: [PendingOutput] = []
    /// `(document label, finding JSON)` for `errors.json`, in input order.
    var failures: [(document: String, finding: String)] = []
    /// Documents per type.
    var tallies: [String: DocumentTally] = [:]
}

/// The state the workers share: which input is next, the results waiting to be written in order, the totals.
///
/// Results are written in input order by whichever worker completes the input that is next in line; a worker does
/// not start an input more than `window` inputs ahead of the last written, so waiting results stay few. Every
/// member is guarded by `condition` (an `NSCondition`), hence `@unchecked Sendable`.
final class ConversionRun: @unchecked Sendable {
    private let condition = NSCondition()
    private let units: [ConversionUnit]
    private let output: ConversionOutput
    private let window: Int
    private let start: ContinuousClock.Instant
    private let progress: @Sendable (ConversionProgress) -> Void
    private let bytesTotal: Int64
    private var next = 0
    private var written = 0
    private var waiting: [Int: UnitResult] = [:]
    private var tallies: [String: DocumentTally] = [:]
    private var bytesDone: Int64 = 0
    private var errorEntries = 0
    private var failure: ConversionError?

    init(
        units: [ConversionUnit], output: ConversionOutput, window: Int, start: ContinuousClock.Instant,
        progress: @escaping @Sendable (ConversionProgress) -> Void
    ) {
        self.units = units
        self.output = output
        self.window = window
        self.start = start
        self.progress = progress
        self.bytesTotal = units.reduce(0) { $0 + $1.size }
    }

    /// The error that stopped the run, if one did.
    var fatal: ConversionError? {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.failure
    }

    /// The index of the next input to convert, or `nil` when there is none left (or the run stopped).
    func claim() -> Int? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.failure == nil, self.next < self.units.count, self.next >= self.written + self.window {
            self.condition.wait()
        }
        guard self.failure == nil, self.next < self.units.count else { return nil }
        self.next += 1
        return self.next - 1
    }

    /// Hands over the result of input `index`, and writes every result that is now next in line.
    func complete(_ index: Int, result: UnitResult) {
        self.condition.lock()
        defer { self.condition.unlock() }
        self.waiting[index] = result
        while self.failure == nil, let result = self.waiting.removeValue(forKey: self.written) {
            do {
                try self.write(result)
            } catch {
                self.failure = error
            }
            self.written += 1
            self.progress(self.snapshot())
        }
        self.condition.broadcast()
    }

    private func write(_ result: UnitResult) throws(ConversionError) {
        for output in result.outputs { _ = try self.output.write(output) }
        for failure in result.failures {
            try self.output.recordError(source: result.source, document: failure.document, finding: failure.finding)
        }
        self.errorEntries += result.failures.count
        for (type, tally) in result.tallies { self.tallies[type, default: DocumentTally()] += tally }
        self.bytesDone += result.bytes
    }

    private func snapshot() -> ConversionProgress {
        let total = self.tallies.values.reduce(into: DocumentTally()) { $0 += $1 }
        return ConversionProgress(
            inputsDone: self.written, inputsTotal: self.units.count, documents: total.documents, failed: total.failed,
            bytesDone: self.bytesDone, bytesTotal: self.bytesTotal, elapsed: ContinuousClock.now - self.start)
    }

    /// The summary, once every worker has finished.
    func summary(output: String, errorsFile: String, elapsed: Duration) -> ConversionSummary {
        self.condition.lock()
        defer { self.condition.unlock() }
        let types = self.tallies.sorted { $0.key < $1.key }.map { (type: $0.key, tally: $0.value) }
        return ConversionSummary(
            types: types, total: self.tallies.values.reduce(into: DocumentTally()) { $0 += $1 },
            inputs: self.units.count, inputBytes: self.bytesTotal, output: output, errorsFile: errorsFile,
            errorEntries: self.errorEntries, elapsed: elapsed)
    }
}
