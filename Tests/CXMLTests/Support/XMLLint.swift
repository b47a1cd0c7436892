import CXML
import Foundation

/// Runs the real `xmllint` (libxml2-utils) to validate a written document against a cXML DTD.
enum XMLLint {
    struct Result {
        var status: Int32
        var output: String

        /// Whether xmllint accepted the document. With `--nonet` it also warns that it did not
        /// fetch the DTD the DOCTYPE names; `--dtdvalid` validates against the local copy.
        var isValid: Bool {
            self.status == 0 && !self.output.contains("validity error") && !self.output.contains("parser error")
        }
    }

    /// `xmllint --noout --nonet --dtdvalid ../shared/cxml-dtd/1.2.069/<dtd> <document>`.
    static func validate(_ document: [UInt8], against dtd: CXMLDTD) throws -> Result {
        let file = FileManager.default.temporaryDirectory.appending(path: "porter-cxml-\(UUID().uuidString).xml")
        try Data(document).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = [
            "xmllint", "--noout", "--nonet", "--dtdvalid", FixturePaths.dtds.appending(path: dtd.fileName).path,
            file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
