import Foundation
import Testing
import X12

/// One row of `Fixtures/x12/EXPECTED.tsv`.
struct ExpectedFixture: CustomTestStringConvertible, Sendable {
    var file: String
    var interchanges: Int
    var groups: Int
    var transactions: Int
    var errors: Set<String>
    var warnings: Set<String>
    var encoding: String?

    var testDescription: String { self.file }

    static func all() throws -> [ExpectedFixture] {
        let table = try String(contentsOf: FixturePaths.x12.appending(path: "EXPECTED.tsv"), encoding: .utf8)
        return table.split(separator: "\n").dropFirst().map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let codes = { (text: String) in
                text == "-" ? Set<String>() : Set(text.split(separator: ",").map(String.init))
            }
            return ExpectedFixture(
                file: columns[0], interchanges: Int(columns[1])!, groups: Int(columns[2])!,
                transactions: Int(columns[3])!, errors: codes(columns[4]), warnings: codes(columns[5]),
                encoding: columns[6] == "utf8" ? nil : columns[6])
        }
    }
}

@Suite struct FixtureExpectationTests {
    @Test(arguments: try ExpectedFixture.all())
    func fixtureReadsAsExpected(_ fixture: ExpectedFixture) throws {
        let result = try read(file: FixturePaths.x12.appending(path: fixture.file), encoding: fixture.encoding)
        #expect(result.interchanges == fixture.interchanges)
        #expect(result.groups == fixture.groups)
        #expect(result.transactions == fixture.transactions)
        #expect(result.errorCodes == fixture.errors, "\(result.findings.map(\.description))")
        #expect(result.warningCodes == fixture.warnings, "\(result.findings.map(\.description))")
    }

    @Test func everyFixtureFileIsListed() throws {
        let listed = Set(try ExpectedFixture.all().map(\.file))
        let enumerator = FileManager.default.enumerator(atPath: FixturePaths.x12.path)!
        var files: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".edi") || path.hasSuffix(".txt") { files.insert(path) }
        }
        #expect(files == listed)
    }
}
