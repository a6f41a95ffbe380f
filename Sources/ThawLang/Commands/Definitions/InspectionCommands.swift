/// Looking at models, data and runs: tables, metrics, samples and plots.

public struct ShowCommand: CommandDefinition {
    public static let about = CommandAbout(
        "show", .inspection, "show a model as a layer table, a dataset, a run, or the workspace",
        details: "A model's table has one row per layer: path, shape, parameters, trainable, learning rate.",
        examples: ["show", "show net", "show digits rows 0..20", "show net.blocks.0", "show r all"])
    @Arg("what", .layers, "a name or a layer path; nothing lists the workspace") public var what: Value?
    @Opt("rows", "for a dataset: which rows, `0..20`, or how many") public var rows = Rows.first(5)
    @Opt("all", "for a run: every epoch, not only the first and last few") public var all = false
    public init() {}
}

public struct EvalCommand: CommandDefinition {
    public static let about = CommandAbout(
        "eval", .inspection, "measure a model on datasets", aliases: ["evaluate"], yields: [.report],
        details: "Shows accuracy and loss, and precision and recall for each class.",
        examples: ["eval net on old", "before = eval net on old new confusion"])
    @Arg("model", .model, "the model (or snapshot) to measure") public var model: Value
    @Opt("on", .dataset, required: true, "the datasets to measure on") public var on: [Value]
    @Opt("confusion", "also show the confusion matrix") public var confusion = false
    public init() {}
}

public struct SampleCommand: CommandDefinition {
    public static let about = CommandAbout("sample", .inspection, "make up words with a character-level GPT",
                                           examples: ["sample lm count 5 temperature 0.8", "sample lm start \"th\""])
    @Arg("model", .model, "a `gpt` model") public var model: Value
    @Opt("count", in: .atMost(Limits.samples), "how many words") public var count = 10
    @Opt("temperature", in: Bounds(lower: 1e-6, upper: 1e6), "below 1 is safer, above 1 is wilder") public var temperature = 1.0
    @Opt("start", "begin every word with these characters") public var start = ""
    @Opt("length", in: .atMost(Limits.sampleLength), "the longest word, in characters") public var length = 16
    public init() {}
}

public struct PlotCommand: CommandDefinition {
    public static let about = CommandAbout(
        "plot", .inspection, "draw a run's curves in the terminal",
        details: """
            `accuracy` and `forgetting` need a run trained with `track`; `forgetting` is the accuracy \
            lost on the first tracked dataset (list the old task first: `track old new`). \
            `gradnorm` draws the gradient norm of the bottom layer group, the middle one and the \
            top one at every step, before any clipping; read it with `log`.
            """,
        examples: ["plot loss", "plot accuracy of full lora", "plot lr log", "plot gradnorm of r log"])
    @Arg("what", "loss, accuracy on tracked data, learning rate per group, forgetting, or gradient norm per layer group") public var what: PlotChoice
    @Opt("of", .run, "the runs to draw; the last run when left out") public var of: [Value]
    @Opt("log", "a logarithmic y axis") public var log = false
    public init() {}
}

public struct CompareCommand: CommandDefinition {
    public static let about = CommandAbout(
        "compare", .inspection, "measure two models (or snapshots) side by side", yields: [.report],
        details: "Shows what was learned and what was forgotten: accuracy on each dataset, and the difference.",
        examples: ["compare pre net on old new"])
    @Arg("first", .model, "a model or a snapshot") public var first: Value
    @Arg("second", .model, "another") public var second: Value
    @Opt("on", .dataset, required: true, "the datasets to measure on") public var on: [Value]
    public init() {}
}

public struct DiffCommand: CommandDefinition {
    public static let about = CommandAbout(
        "diff", .inspection, "show how far each layer's weights moved between two models", yields: [.report],
        details: """
            One row per layer: the norm of the change, the change relative to the weights, and \
            how many singular values hold 90% of the change's energy.
            """,
        examples: ["diff pre net"])
    @Arg("first", .model, "a model or a snapshot") public var first: Value
    @Arg("second", .model, "another, with the same layers") public var second: Value
    public init() {}
}
