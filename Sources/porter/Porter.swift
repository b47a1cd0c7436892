import ArgumentParser

@main
struct Porter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "porter",
        abstract: "An EDI gateway for purchase-order distribution (X12 and cXML).",
        subcommands: [])
}
