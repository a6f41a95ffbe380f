/// Finding a learning rate before training.

public struct LRFindCommand: CommandDefinition {
    public static let about = CommandAbout(
        "lrfind", .training, "sweep the learning rate on a copy of a model, and suggest one",
        yields: [.sweep],
        details: """
            The learning-rate range test (Smith 2017; fastai's `lr_find`): a copy of the model \
            trains for up to `steps` steps while the rate grows exponentially from `start` to \
            `end`, every layer group at the same rate. The loss is smoothed (a bias-corrected \
            moving average, β 0.98) and the sweep stops once it passes 4 × its minimum. The \
            model itself does not change. The suggestion is the rate at the smoothed loss's \
            minimum divided by 10; `suggestion(f)` and `minimum(f)` read a bound sweep, and \
            `show f` draws it again.
            """,
        examples: [
            "f = lrfind net on few",
            "f = lrfind net on few opt sgd start 1e-5 end 10",
        ])
    @Arg("model", .model, "the model whose copy is swept") public var model: Value
    @Opt("on", .dataset, required: true, "the data to train the copy on") public var on: Value
    @Opt("steps", in: Bounds(lower: 2, upper: Double(Limits.finderSteps)), "the most steps the sweep takes") public var steps = 100
    @Opt("start", in: Bounds(lower: 1e-12, upper: 1e6), "the rate of the first step") public var start = 1e-6
    @Opt("end", in: Bounds(lower: 1e-12, upper: 1e6), "the rate of the last step") public var end = 1.0
    @Opt("batch", in: .atMost(Limits.batch), "examples per step") public var batch = 32
    @Opt("opt", aliases: ["optimizer"], "the optimizer, as `train` would use it") public var opt = OptimizerChoice.adam
    @Opt("momentum", .fraction, "momentum, for `sgd`") public var momentum = 0.9
    public init() {}
}
