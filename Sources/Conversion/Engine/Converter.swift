import Foundation
import Orders
import Translation
import X12

/// Converts files, folders and `.zip` archives of X12, cXML and Porter JSON documents into one output per document,
/// in a folder or a `.zip` archive, with an `errors.json` of what failed (`porter convert`).
///
/// Each input (a file, or one archive member) is read as a stream and its documents converted one at a time; with
/// ``ConversionOptions/jobs`` above 1, that many inputs are converted at once on their own threads. Outputs are
/// written in input order whatever the number of jobs, so names (`<source>-<ISA13>-<GS06>-<ST02>.json`, or
/// `<source>-<order number>.json`, with `-2`, `-3`... on a collision) are the same from one run to the next.
///
/// ```swift
/// let summary = try Converter(
///     inputs: ["archive.zip"], output: "out/",
///     options: ConversionOptions(encoder: DocumentOutputEncoder(format: .json), jobs: 2)
/// ).run { progress in print(progress.documents) }
/// ```
public struct Converter: Sendable {
    /// Files, folders (read recursively) and `.zip` archives.
    public var inputs: [String]
    /// A folder (created if missing), or an archive path ending in `.zip` (which must not exist).
    public var output: String
    /// How to convert.
    public var options: ConversionOptions

    public init(inputs: [String], output: String, options: ConversionOptions) {
        self.inputs = inputs
        self.output = output
        self.options = options
    }

    /// Runs the conversion; `progress` is called (one call at a time) each time an input's outputs are written.
    ///
    /// - Returns: What was converted and what failed. Failed documents do not throw: they are in `errors.json` and
    ///   ``ConversionSummary/hasFailures`` is `true`.
    /// - Throws: ``ConversionError`` when the run cannot go on: an input that does not exist or is refused (before
    ///   anything is written), an output that cannot be written (what was written under temporary names is
    ///   removed).
    public func run(
        progress: @escaping @Sendable (ConversionProgress) -> Void = { _ in }
    ) throws(ConversionError) -> ConversionSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let units = try ConversionInputs.list(self.inputs)
        let output = try ConversionOutput(path: self.output)
        let run = ConversionRun(
            units: units, output: output, window: max(8, self.options.jobs * 4), start: start, progress: progress)
        let spoolFolder = output.spoolFolder
        let workers = DispatchGroup()
        for _ in 1..<self.options.jobs {
            workers.enter()
            let thread = Thread { [self] in
                defer { workers.leave() }
                self.work(run, units: units, spoolFolder: spoolFolder)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        self.work(run, units: units, spoolFolder: output.spoolFolder)
        workers.wait()
        if let failure = run.fatal {
            output.abandon()
            throw failure
        }
        let errorsFile: String
        do {
            errorsFile = try output.finish()
        } catch {
            output.abandon()
            throw error
        }
        return run.summary(output: self.output, errorsFile: errorsFile, elapsed: clock.now - start)
    }

    /// One worker: takes the next input, converts it, hands the result over to be written in order.
    private func work(_ run: ConversionRun, units: [ConversionUnit], spoolFolder: String) {
        let context = UnitContext(spoolFolder: spoolFolder, options: self.options)
        while let index = run.claim() {
            run.complete(index, result: self.convert(units[index], context: context))
        }
    }

    /// Converts every document of one input.
    private func convert(_ unit: ConversionUnit, context: UnitContext) -> UnitResult {
        var result = UnitResult(bytes: unit.size)
        context.startUnit()
        do {
            var input = PeekableByteSource(try context.open(unit))
            let format = InputFormat.detect(try input.peek(InputFormat.probeLength))
            try DocumentExtraction(sourceName: unit.displayName).read(input, format: format) { item in
                self.handle(item, format: format, unit: unit, context: context, into: &result)
            }
        } catch {
            result.tallies["unknown", default: DocumentTally()].documents += 1
            result.tallies["unknown", default: DocumentTally()].failed += 1
            result.failures.append(
                (
                    "input",
                    FindingJSON.encode(code: "unreadable", message: error.message, byteOffset: error.byteOffset)
                ))
        }
        result.source = unit.displayName
        return result
    }

    private func handle(
        _ item: ExtractedItem, format: InputFormat, unit: ConversionUnit, context: UnitContext,
        into result: inout UnitResult
    ) {
        switch item {
        case .failure(let type, let label, let findings):
            result.tallies[type, default: DocumentTally()].documents += 1
            result.tallies[type, default: DocumentTally()].failed += 1
            result.failures += findings.map { (label, $0) }
        case .skipped(let type, _):
            result.tallies[type, default: DocumentTally()].documents += 1
            result.tallies[type, default: DocumentTally()].skipped += 1
        case .document(var document, let key, let label):
            let type = document.kind.rawValue
            result.tallies[type, default: DocumentTally()].documents += 1
            if let partner = self.options.partner {
                switch partner.apply(document, inbound: self.options.encoder.format == .json) {
                case .document(let mapped): document = mapped
                case .held(let findings):
                    result.tallies[type, default: DocumentTally()].failed += 1
                    result.failures += findings.map { (label, FindingJSON.encode($0)) }
                    return
                }
            }
            do {
                switch try self.options.encoder.encode(document) {
                case .encoded(let bytes, _):
                    let name = "\(unit.stem)-\(key).\(self.options.encoder.format.fileExtension)"
                    result.outputs.append(try context.keep(bytes, name: name))
                    result.tallies[type, default: DocumentTally()].converted += 1
                case .noForm:
                    result.tallies[type, default: DocumentTally()].skipped += 1
                }
            } catch {
                result.tallies[type, default: DocumentTally()].failed += 1
                let reason = (error as? X12Error)?.message ?? String(describing: error)
                let message = "cannot be written as \(self.options.encoder.format.rawValue): \(reason)"
                result.failures.append(
                    (label, FindingJSON.encode(code: "notEncoded", message: message, byteOffset: nil)))
            }
        }
    }
}
