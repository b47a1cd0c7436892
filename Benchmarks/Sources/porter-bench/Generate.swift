import ArgumentParser

/// `porter-bench generate`: writes a large, realistic X12 file of 850 purchase orders or
/// 856 ship notices, for parser and translator benchmarks.
///
/// The file is streamed through a fixed-size buffer, so memory stays flat whatever the size.
/// The same transaction set, version, seed and size always give the same bytes.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a large, realistic X12 file of 850 purchase orders or 856 ship notices.",
        discussion: """
            Each interchange (ISA/IEA) holds one functional group (GS/GE) of --sets-per-group \
            transaction sets. Interchanges are written until the file reaches --size; the last \
            one is completed, so the file exceeds the target by less than one interchange \
            (roughly 100-250 KB). Delimiters: '*' elements, '>' components, '~' segments, each \
            terminator followed by a newline. ISA13/GS06 count up from 1.

            Sizes: 100MB, 1GB, 1.5GB and 500KB are powers of 1000; 512MiB and 1GiB are powers of \
            1024; a bare number is bytes.
            """
    )

    @Argument(help: "The transaction set to generate: 850 (purchase orders) or 856 (ship notices).")
    var transactionSet: TransactionSetKind

    @Option(help: "Target file size, e.g. 100MB, 1GB, 512MiB.")
    var size: ByteCount

    @Option(
        name: [.short, .customLong("output")],
        help: "The file to write (replaced if it exists); '-' for standard output.")
    var output: String

    @Option(help: "X12 version: 004010 or 005010.")
    var version: X12Version = .v004010

    @Option(help: "Seed of the pseudo-random generator; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(help: "Transaction sets in each functional group (one group per interchange).")
    var setsPerGroup: Int = 50

    func validate() throws {
        guard self.size.bytes > 0 else {
            throw ValidationError("--size must be greater than zero.")
        }
        guard (1...999_999).contains(self.setsPerGroup) else {
            throw ValidationError("--sets-per-group must be between 1 and 999999.")
        }
    }

    func run() throws {
        let sink: FileDescriptorSink
        do {
            sink = try FileDescriptorSink(path: self.output)
        } catch {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }

        let clock = ContinuousClock()
        let started = clock.now
        let buffer = OutputBuffer(sink: sink)
        let writer = SegmentWriter(buffer: buffer)
        var generator = X12FileGenerator(
            transactionSet: self.transactionSet,
            version: self.version,
            seed: self.seed,
            setsPerGroup: self.setsPerGroup
        )
        generator.write(atLeast: self.size.bytes, to: writer)
        buffer.flush()
        let closeError: (any Error)?
        do {
            try sink.close()
            closeError = nil
        } catch {
            closeError = error
        }
        if let error = buffer.error ?? closeError {
            printToStandardError("porter-bench: \(error)")
            throw ExitCode(2)
        }
        let elapsed = clock.now - started

        let stats = generator.statistics
        let seconds = elapsed.seconds
        let megabytesPerSecond = seconds > 0 ? Double(buffer.totalBytes) / 1_000_000 / seconds : 0
        let summary = """
            wrote \(self.output): \(groupingThousands(buffer.totalBytes)) bytes \
            (\(formatted(Double(buffer.totalBytes) / 1_048_576, decimals: 1)) MiB), \
            \(counted(stats.interchanges, "interchange")), \(counted(stats.groups, "group")), \
            \(counted(stats.transactionSets, "transaction set")) \
            (\(self.transactionSet.rawValue), \(self.version.rawValue), seed \(self.seed)), \
            \(counted(stats.segments, "segment")) in \(formatted(seconds, decimals: 2)) s \
            (\(formatted(megabytesPerSecond, decimals: 0)) MB/s)
            """
        // With the data on standard output, the summary must not be mixed into it.
        if self.output == "-" {
            printToStandardError(summary)
        } else {
            print(summary)
        }
    }
}

extension TransactionSetKind: ExpressibleByArgument {}

extension X12Version: ExpressibleByArgument {
    init?(argument: String) {
        switch argument {
        case "004010", "4010", "00401": self = .v004010
        case "005010", "5010", "00501": self = .v005010
        default: return nil
        }
    }
}

extension ByteCount: ExpressibleByArgument {
    init?(argument: String) {
        self.init(parsing: argument)
    }
}
