import ArgumentParser

/// The `porter-bench` command: test-data generators and benchmarks for Porter.
///
/// Each subcommand lives in its own file (`Generate.swift`, …). To add one, write a
/// `ParsableCommand` in a new file and list it in `subcommands` below.
@main
struct PorterBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "porter-bench",
        abstract: "Test-data generators and benchmarks for Porter, the X12/cXML EDI gateway.",
        discussion: """
            Build and run in release mode; debug builds are many times slower:

              swift run -c release porter-bench generate 850 --size 100MB -o /tmp/850-100MB.edi
            """,
        subcommands: [
            Generate.self,
            Tokenize.self,
            Validate.self,
            Write.self,
            Cat.self,
            Decode.self,
            Encode.self,
            GenerateCXML.self,
            CXMLBench.self,
            GenerateZip.self,
            GatewayBench.self,
            ListenerBench.self,
            TrackingBench.self,
        ]
    )
}
