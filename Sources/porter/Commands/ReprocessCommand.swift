import ArgumentParser
import Gateway

/// `porter reprocess FILE|--all`: back from error/ or quarantine/ into the inbox, after a fix.
struct ReprocessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Move files from error/ or quarantine/ back to the inbox (after fixing a mapping or the file).",
        discussion: "The running gateway (or the next `porter run`) takes them again. Their .error.json is removed.")

    @OptionGroup var options: GatewayOptions
    @Argument(help: "File names in error/ or quarantine/.") var files: [String] = []
    @Flag(help: "Every file in error/ and quarantine/.") var all = false

    func validate() throws {
        if self.files.isEmpty == !self.all { throw ValidationError("give file names or --all") }
    }

    func run() async throws {
        let configuration = try self.options.load()
        let mover = FileMover(workspace: Workspace(root: configuration.workspace))
        var failed = false
        do {
            let moved = self.all ? try mover.reprocessAll() : []
            for path in moved { print("back in the inbox: \(path)") }
        } catch {
            printError("porter reprocess: \(error)")
            throw PorterExit.couldNotRun
        }
        for name in self.files {
            do {
                print("back in the inbox: \(try mover.reprocess(name: name))")
            } catch {
                printError("porter reprocess: \(name): \(error)")
                failed = true
            }
        }
        if failed { throw PorterExit.inputErrors }
    }
}
