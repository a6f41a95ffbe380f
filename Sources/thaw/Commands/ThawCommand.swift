import ArgumentParser

/// `thaw`: the root command.
struct ThawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thaw",
        abstract: "A hands-on course in fine-tuning, in your terminal.",
        subcommands: [BenchCommand.self])
}
