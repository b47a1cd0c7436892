// With Conversion (and so Foundation) linked into porter-bench, `stat` resolves through CoreFoundation, whose module
// must then be imported where its members are used (MemberImportVisibility).
import CoreFoundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock seconds from a monotonic clock.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident set size of this process so far, in MiB (getrusage's ru_maxrss).
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The size of a file in bytes, or nil.
func fileSize(_ path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Int(status.st_size)
}

/// `123.4 MB/s` from bytes and seconds (MB = 10^6 bytes).
func throughput(_ bytes: Int, _ seconds: Double) -> String {
    let rate = Double(bytes) / seconds / 1e6
    return "\(Int(rate.rounded())) MB/s"
}
