import ArgumentParser
import X12

/// The exit codes every Porter command uses (DESIGN.md, "CLI conventions").
enum PorterExit {
    /// Success; warnings allowed.
    static let success = ExitCode(0)
    /// The input has errors, or some documents failed (everything good was still produced).
    static let inputErrors = ExitCode(1)
    /// Could not run: a missing file, an I/O error, a bad configuration.
    static let couldNotRun = ExitCode(2)

    /// The worst of several outcomes: could-not-run beats input errors beats success.
    static func worst(_ codes: [ExitCode]) -> ExitCode {
        let values = codes.map(\.rawValue)
        if values.contains(2) { return couldNotRun }
        if values.contains(1) { return inputErrors }
        return success
    }
}

/// The message of an error for standard error: an X12 error's sentence, or the error itself.
func describe(_ error: any Error) -> String {
    if let error = error as? X12Error { return error.message }
    return String(describing: error)
}
