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

public struct QuitCommand: CommandDefinition {
    public static let about = CommandAbout("quit", .session, "leave thaw", aliases: ["exit"], examples: ["quit"])
    public init() {}
}
