/// The session itself: help, the seed, exporting, starting over, leaving.

public struct HelpCommand: CommandDefinition {
    public static let about = CommandAbout("help", .session, "list the commands, or explain one",
                                           examples: ["help", "help freeze", "help accuracy"])
    @Arg("topic", .topic, "a command or a metric function") public var topic: Value?
    public init() {}
}

public struct SeedCommand: CommandDefinition {
    public static let about = CommandAbout(
        "seed", .session, "seed every random choice, so that runs repeat to the digit",
        details: """
            Initialisation, shuffling, dropout, augmentation and noise all draw from one \
            generator. The same seed on the same machine gives the same numbers, bit for bit.
            """,
        examples: ["seed 7"])
    @Arg("seed", .integer, in: Bounds(lower: 0, upper: 9_007_199_254_740_992, reason: "a seed is a whole number from 0"),
         "any whole number") public var seed: Int
    public init() {}
}

public struct ExportCommand: CommandDefinition {
    public static let about = CommandAbout(
        "export", .session, "save the session so far as a Jupyter notebook or as Markdown",
        details: "Every command you ran, with its outputs (tables, plots as SVG, failed checks), in order.",
        examples: ["export \"runs/session.ipynb\"", "export \"runs/session.md\""])
    @Arg("file", .file, "a quoted path: `.ipynb` for a notebook, `.md` for Markdown with plots as SVG files beside it")
    public var file: String
    public init() {}
}

public struct ResetCommand: CommandDefinition {
    public static let about = CommandAbout(
        "reset", .session, "forget every name and start a fresh session",
        details: "The workspace is emptied and the seed goes back to 0. Lesson progress is kept.",
        examples: ["reset"])
    public init() {}
}

public struct BudgetCommand: CommandDefinition {
    public static let about = CommandAbout(
        "budget", .session, "show or raise what one line may spend: memory and minutes of training",
        details: """
            Before a model is built or trained, thaw estimates its memory and work and refuses \
            a line that would go over the session's budget, saying what it would need. \
            `budget` alone shows the budget and what the workspace uses now. A training step \
            is also kept short so that Ctrl-C always stops within about a second; that cap is fixed.
            """,
        examples: ["budget", "budget memory 8192", "budget minutes 60"])
    @Opt("memory", in: Bounds(lower: 64, upper: Double(Limits.memoryMiB), reason: "the machine has 24 GiB and other work to do"), "the memory the session may use, in MiB")
    public var memory: Int?
    @Opt("minutes", in: Bounds(lower: 1, upper: Double(Limits.runMinutes), reason: "a run longer than a day is not an experiment"), "the estimated minutes of compute one `train` line may take")
    public var minutes: Int?
    public init() {}
}

public struct QuitCommand: CommandDefinition {
    public static let about = CommandAbout("quit", .session, "leave thaw", aliases: ["exit"], examples: ["quit"])
    public init() {}
}
