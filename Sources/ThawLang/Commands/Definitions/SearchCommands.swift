/// Hyperparameter search.

public struct SearchCommand: CommandDefinition {
    public static let about = CommandAbout(
        "search", .training, "train copies of a model with different settings and keep the best on validation data",
        yields: [.model],
        details: """
            A setting given two numbers (`lr 1e-5 1e-1`) is searched between them on a log scale; \
            given one, it is fixed. `method grid` tries every combination of evenly spaced \
            values (9 trials over two settings is 3 × 3), `method random` draws each trial's \
            values at random. Every trial starts from the model as it is, with the \
            same batches, and is scored by its accuracy on `val`. Prints the trials sorted by \
            that score and plots it; `best = search …` binds a copy of the best trial's \
            trained model, and the model searched is left as it was. Ctrl-C stops after the \
            trial under way and keeps the best so far.
            """,
        examples: [
            "best = search net on few val held steps 200 lr 1e-5 1e-1 wd 1e-4 1e-1 trials 9 method grid",
            "best = search net on few val held epochs 20 lr 1e-4 1e-1 trials 12 seed 7",
        ])
    @Arg("model", .model, "the model to search from; it is not changed") public var model: Value
    @Opt("on", .dataset, required: true, "the data each trial trains on") public var on: Value
    @Opt("val", .dataset, required: true, "held-out data that scores each trial (not the test set)") public var val: Value
    @Opt("epochs", in: .atMost(Limits.epochsPerRun), "passes over the data in each trial") public var epochs = 1
    @Opt("steps", in: .atMost(Limits.stepsPerRun), "optimizer steps in each trial, instead of `epochs`") public var steps: Int?
    @Opt("batch", in: .atMost(Limits.batch), "examples per step") public var batch = 32
    @Opt("opt", aliases: ["optimizer"], "the optimizer") public var opt = OptimizerChoice.adam
    @Opt("lr", in: Bounds(lower: 1e-12, upper: 1e6, reason: "a rate that large only diverges"),
         "the learning rate: one number, or the lowest and highest to search") public var lr = [1e-3]
    @Opt("wd", in: Bounds(lower: 0, upper: 1e6), "decoupled weight decay: one number, or a range to search")
    public var wd = [0.0]
    @Opt("l2", in: Bounds(lower: 0, upper: 1e6), "a coupled L2 penalty: one number, or a range to search")
    public var l2 = [0.0]
    @Opt("trials", in: Bounds(lower: 1, upper: Double(Limits.searchTrials)), "how many copies to train")
    public var trials = 9
    @Opt("method", "`grid`: evenly spaced values, every combination; `random`: values drawn at random")
    public var method = SearchMethodChoice.random
    @Opt("seed", .integer, in: Bounds(lower: 0, upper: 9_007_199_254_740_992, reason: "a seed is a whole number from 0"),
         "seed the search's own draws and batches, so that it repeats whatever ran before (else the session's generator)") public var seed: Int?
    public init() {}
}
