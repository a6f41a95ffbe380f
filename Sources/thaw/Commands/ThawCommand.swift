import ArgumentParser

/// `thaw`: the root command. With no subcommand it opens the shell.
struct ThawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thaw",
        abstract: "A hands-on course in fine-tuning, in your terminal.",
        version: ThawVersion.current,
        subcommands: [ShellCommand.self, RunCommand.self, CheckCommand.self, GradeCommand.self, BenchCommand.self, KernelCommand.self,
                      GradeExerciseCommand.self],
        defaultSubcommand: ShellCommand.self)
}
