/// What `porter mappings check` found, and its three renderings: human text, JSON and JUnit XML.
public struct MappingsCheckReport: Sendable {
    public var catalog: MappingsCatalog
    public var goldens: [GoldenTestResult]

    public init(catalog: MappingsCatalog, goldens: [GoldenTestResult]) {
        self.catalog = catalog
        self.goldens = goldens
    }

    /// Errors in the files (warnings do not fail a check).
    public var errors: [MappingsFinding] { self.catalog.findings.filter { $0.severity == .error } }
    public var failedGoldens: [GoldenTestResult] { self.goldens.filter { !$0.passed } }

    /// Whether the check failed: an error in a file, or a golden test that did not pass.
    public var failed: Bool { !self.errors.isEmpty || !self.failedGoldens.isEmpty }

    /// `mappings check: 4 partners, 9 files, 2 errors, 1 warning; golden tests: 7 passed, 1 failed`.
    public var summary: String {
        let warnings = self.catalog.findings.filter { $0.severity == .warning }.count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return
            "mappings check: \(count(self.catalog.profiles.count, "partner")), \(count(self.catalog.files.count, "file")), "
            + "\(count(self.errors.count, "error")), \(count(warnings, "warning")); golden tests: "
            + "\(self.goldens.count - self.failedGoldens.count) passed, \(self.failedGoldens.count) failed"
    }

    /// The human report: each finding on its own line (`file:line:column: error: message (hint)`), each failed
    /// golden test with its diff, then the summary.
    public var text: String {
        var lines = self.catalog.findings.map(\.description)
        for golden in self.goldens {
            if let problem = golden.problem {
                lines.append("\(golden.input): error: golden test \(golden.partner)/\(golden.name): \(problem)")
            } else if !golden.diff.isEmpty {
                lines.append(
                    "\(golden.input): error: golden test \(golden.partner)/\(golden.name) (\(golden.direction.rawValue)) "
                        + "differs from \(golden.expected ?? "")  (- expected, + actual)")
                lines += golden.diff.map { "    " + $0 }
            }
        }
        lines.append(self.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One test case of the JUnit report.
    struct TestCase {
        var suite: String
        var name: String
        var file: String
        var failures: [String]
    }

    /// One case per file checked (profile, code list, routes), one for the identities across partners, one per
    /// golden test; passing ones included.
    var testCases: [TestCase] {
        var cases: [TestCase] = []
        let findingsByFile = Dictionary(grouping: self.catalog.findings.filter { $0.severity == .error }) {
            $0.location.file
        }
        var reported = Set<String>()
        for file in self.catalog.files {
            let failures = findingsByFile[file]?.map(\.description) ?? []
            reported.insert(file)
            cases.append(TestCase(suite: "mappings.files", name: file, file: file, failures: failures))
        }
        // Findings for files that are not YAML (CSV files, a folder without partner.yaml) get a case of their own.
        for (file, findings) in findingsByFile.sorted(by: { $0.key < $1.key }) where !reported.contains(file) {
            cases.append(
                TestCase(suite: "mappings.files", name: file, file: file, failures: findings.map(\.description)))
        }
        for golden in self.goldens {
            var failures: [String] = []
            if let problem = golden.problem { failures.append(problem) }
            if !golden.diff.isEmpty {
                failures.append(
                    "differs from \(golden.expected ?? "") (- expected, + actual)\n"
                        + golden.diff.joined(separator: "\n"))
            }
            cases.append(
                TestCase(
                    suite: "mappings.golden.\(golden.partner)", name: "\(golden.name) (\(golden.direction.rawValue))",
                    file: golden.input, failures: failures))
        }
        return cases
    }

    /// JUnit XML: a `testsuites` root, one `testsuite` per group (files, each partner's golden tests), one
    /// `testcase` each, with a `failure` for each problem.
    public var junitXML: String {
        let cases = self.testCases
        var suites: [(name: String, cases: [TestCase])] = []
        for testCase in cases {
            if let index = suites.firstIndex(where: { $0.name == testCase.suite }) {
                suites[index].cases.append(testCase)
            } else {
                suites.append((testCase.suite, [testCase]))
            }
        }
        let failures = cases.filter { !$0.failures.isEmpty }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"porter mappings check\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites {
            let suiteFailures = suite.cases.filter { !$0.failures.isEmpty }.count
            xml +=
                "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\" errors=\"0\">\n"
            for testCase in suite.cases {
                let open =
                    "    <testcase classname=\"\(Self.escape(suite.name))\" name=\"\(Self.escape(testCase.name))\" file=\"\(Self.escape(testCase.file))\""
                if testCase.failures.isEmpty {
                    xml += open + "/>\n"
                    continue
                }
                xml += open + ">\n"
                for failure in testCase.failures {
                    let first = failure.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? failure
                    xml += "      <failure message=\"\(Self.escape(first))\">\(Self.escape(failure))</failure>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// XML text and attribute escaping.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case let scalar where scalar.value < 0x20: result += "?"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The machine report: `{"findings": [...], "goldenTests": [...], "summary": {...}}`, one line.
    public var json: String {
        func string(_ value: String?) -> String { value.map(quote) ?? "null" }
        let findings = self.catalog.findings.map { finding in
            "{\"code\":\(quote(finding.code.rawValue)),\"column\":\(finding.location.column),\"file\":\(quote(finding.location.file)),"
                + "\"hint\":\(string(finding.hint)),\"line\":\(finding.location.line),\"message\":\(quote(finding.message)),"
                + "\"severity\":\(quote(finding.severity.rawValue))}"
        }
        let goldens = self.goldens.map { golden in
            "{\"diff\":[\(golden.diff.map(quote).joined(separator: ","))],\"direction\":\(quote(golden.direction.rawValue)),"
                + "\"expected\":\(string(golden.expected)),\"input\":\(quote(golden.input)),\"name\":\(quote(golden.name)),"
                + "\"partner\":\(quote(golden.partner)),\"passed\":\(golden.passed),\"problem\":\(string(golden.problem))}"
        }
        let warnings = self.catalog.findings.filter { $0.severity == .warning }.count
        let summary =
            "{\"errors\":\(self.errors.count),\"files\":\(self.catalog.files.count),\"goldenFailed\":\(self.failedGoldens.count),"
            + "\"goldenPassed\":\(self.goldens.count - self.failedGoldens.count),\"partners\":\(self.catalog.profiles.count),"
            + "\"warnings\":\(warnings)}"
        return "{\"findings\":[\(findings.joined(separator: ","))],\"goldenTests\":[\(goldens.joined(separator: ","))],"
            + "\"summary\":\(summary)}\n"
    }
}
