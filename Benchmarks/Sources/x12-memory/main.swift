// `x12-memory tokenize|validate FILE`: reads FILE to the end with the X12 library alone and prints the peak RSS.
//
// `porter-bench` links every module of the gateway (NIO, Hummingbird, GRDB…), whose mapped pages make up most of
// its resident set before it reads a byte; this executable links only `X12`, so its peak RSS is the library's.
#if canImport(Glibc)
    import Glibc
#endif
import X12

/// Writes a line to standard error (file descriptor 2; the C `stderr` global is not concurrency-safe in Swift 6).
func complain(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3, ["tokenize", "validate"].contains(arguments[1]) else {
    complain("usage: x12-memory tokenize|validate FILE")
    exit(64)
}
var segments = 0
do {
    let reader = X12Reader(source: try FileByteSource(path: arguments[2]))
    if arguments[1] == "validate" {
        var validator = X12Validator(reader: reader, sourceName: arguments[2])
        while let event = try validator.next() { if case .segment = event { segments &+= 1 } }
    } else {
        var reader = reader
        while let event = try reader.next() { if case .segment = event { segments &+= 1 } }
    }
} catch {
    complain("x12-memory: \(error)")
    exit(2)
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("\(arguments[1]) \(arguments[2]): \(segments) segments; peak RSS \(Double(usage.ru_maxrss) / 1024) MiB")
