import ArgumentParser
import Conversion
import Foundation
import Store

/// `porter control-numbers show|set PARTNER`: the outbound ISA13/GS06 counters, seeded when a partner moves to
/// Porter so no number the old system used is sent again.
struct ControlNumbersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "control-numbers", abstract: "Show or seed a partner's outbound control numbers.",
        subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The last ISA13 and GS06 sent to a partner.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The partner id (its folder in Mappings/).") var partner: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let store = try self.options.openStore()
            let numbers = try await store.controlNumbers(partner: self.partner)
            if self.json {
                print(
                    JSONText.object([
                        ("partner", JSONText.string(self.partner)),
                        ("interchange", JSONText.number(numbers?.interchange)),
                        ("group", JSONText.number(numbers?.group)),
                    ]))
            } else if let numbers {
                print("\(self.partner): last ISA13 \(numbers.interchange), last GS06 \(numbers.group)")
            } else {
                print("\(self.partner): nothing sent yet; the first ISA13 and GS06 will be 1")
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seed the last ISA13 and GS06 sent (the next ones are one higher; 999999999 rolls over to 1).")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The partner id.") var partner: String
        @Option(help: "The last interchange control number (ISA13) the partner received.") var interchange: Int
        @Option(help: "The last group control number (GS06). Default: the same as --interchange.") var group: Int?

        func validate() throws {
            for (name, value) in [("--interchange", self.interchange), ("--group", self.group ?? 0)]
            where !(0...999_999_999).contains(value) {
                throw ValidationError("\(name) \(value): a control number is 0 to 999999999")
            }
        }

        func run() async throws {
            let store = try self.options.openStore()
            let numbers = ControlNumbers(interchange: self.interchange, group: self.group ?? self.interchange)
            try await store.setControlNumbers(numbers, partner: self.partner, at: Date())
            print("\(self.partner): last ISA13 \(numbers.interchange), last GS06 \(numbers.group)")
        }
    }
}
