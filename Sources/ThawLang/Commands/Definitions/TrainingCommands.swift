/// Training, and choosing what trains and how fast.

public struct TrainCommand: CommandDefinition {
    public static let about = CommandAbout(
        "train", .training, "train a model on a dataset", yields: [.run],
        details: """
            Frozen layers get no gradient and no optimizer state. Ctrl-C stops at the next \
            step and keeps the model as it was after that step. Bind the run to plot or \
            compare it later: `r = train …`. `checkpoint FILE` writes the whole training state \
            after every `every` epochs; the same line with `resume FILE` instead goes on from \
            the last one written, to the same bits as a run that never stopped.
            """,
        examples: [
            "train net on old epochs 8 lr 1e-3 opt adam",
            "r = train net on new epochs 5 unfreeze gradual track old new",
            "train net on new epochs 30 ewc 1e3 keep old",
            "train net on few steps 300 lr 3e-2 schedule stlr patience 5 val held",
            "train net on few epochs 40 loss smooth smoothing 0.1 l2 1e-3",
            "train net on few epochs 40 checkpoint \"runs/net.ckpt\" every 10",
            "train net on few epochs 40 resume \"runs/net.ckpt\"",
        ])
    @Arg("model", .model, "the model to train") public var model: Value
    @Opt("on", .dataset, required: true, "the data to learn from") public var on: Value
    @Opt("epochs", in: .atMost(Limits.epochsPerRun), "passes over the data") public var epochs = 1
    @Opt("steps", in: .atMost(Limits.stepsPerRun), "stop after this many optimizer steps instead of counting epochs")
    public var steps: Int?
    @Opt("batch", in: .atMost(Limits.batch), "examples per step") public var batch = 32
    @Opt("opt", aliases: ["optimizer"], "the optimizer") public var opt = OptimizerChoice.adam
    @Opt("lr", in: Bounds(lower: 0, upper: 1e6, reason: "a rate that large only diverges"),
         "the learning rate; rates set with `lr` take precedence") public var lr = 1e-3
    @Opt("momentum", .fraction, "momentum, for `sgd`") public var momentum = 0.9
    @Opt("wd", in: Bounds(lower: 0, upper: 1e6), "decoupled weight decay (AdamW's): each step shrinks the weights by lr × wd")
    public var wd = 0.0
    @Opt("l2", in: Bounds(lower: 0, upper: 1e6), "a coupled L2 penalty (λ/2)‖θ‖² added to the loss, which the optimizer rescales with the rest")
    public var l2 = 0.0
    @Opt("loss", "what to minimise: cross-entropy, cross-entropy against labels smoothed by `smoothing`, or squared error to one-hot labels")
    public var loss = LossChoice.ce
    @Opt("smoothing", .fraction, in: .belowOne, "for `loss smooth`: the share of each label spread evenly over all classes")
    public var smoothing = 0.1
    @Opt("schedule", "how the rate changes over the run: `cosine` falls along half a cosine, `onecycle` is Smith's one-cycle (up over the first quarter, then down), `stlr` is ULMFiT's slanted triangle")
    public var schedule = ScheduleChoice.constant
    @Opt("warmup", .integer, in: Bounds(lower: 0, upper: Double(Limits.stepsPerRun)),
         "raise the rate from zero over this many first steps") public var warmup = 0
    @Opt("clip", in: Bounds(lower: 1e-12, upper: 1e12), "scale the gradient down when its norm is above this")
    public var clip: Double?
    @Opt("unfreeze", "`gradual`: train only the top layer group at first, and unfreeze one more group each epoch")
    public var unfreeze = UnfreezeChoice.none
    @Opt("patience", in: .atMost(Limits.epochsPerRun),
         "stop when accuracy on `val` has not improved for this many epochs, and keep the best weights")
    public var patience: Int?
    @Opt("val", .dataset, "held-out data to watch, for `patience`") public var val: Value?
    @Opt("track", .dataset, "measure accuracy on these datasets after each epoch, for `plot accuracy` and `plot forgetting`")
    public var track: [Value]
    @Opt("balance", "counter class imbalance: weight the loss by class, or oversample rare classes (`groups`: rare class-and-marker groups)")
    public var balance = BalanceChoice.none
    @Opt("augment", "change each training image at random, every time it is seen: `shift` by whole pixels, `affine` by less than a pixel and a few degrees, `marker` moves the marker pixel") public var augment = AugmentChoice.none
    @Opt("keep", .dataset, "the old task to protect, for `ewc` and `rehearse`") public var keep: Value?
    @Opt("ewc", in: Bounds(lower: 0, upper: 1e12),
         "elastic weight consolidation: penalise moving the weights `keep` relies on, with strength λ") public var ewc: Double?
    @Opt("l2sp", in: Bounds(lower: 0, upper: 1e12), "pull the weights towards where this run started, with strength α")
    public var l2sp: Double?
    @Opt("rehearse", in: .atMost(Limits.rehearsal), "mix this many stored examples of `keep` into the training data")
    public var rehearse: Int?
    @Opt("checkpoint", .file, "write the whole training state to this file after every `every` epochs, to `resume` from")
    public var checkpoint: String?
    @Opt("every", in: Bounds(lower: 1, upper: Double(Limits.epochsPerRun)), "epochs between checkpoints, for `checkpoint`")
    public var every = 1
    @Opt("resume", .file, "go on from a checkpoint this same line wrote: weights, optimizer state, position and random streams")
    public var resume: String?
    public init() {}
}

public struct LRCommand: CommandDefinition {
    public static let about = CommandAbout(
        "lr", .training, "set learning rates per layer group (discriminative rates)",
        details: "`lr net` alone shows the groups and their rates. A rate set here wins over `train … lr`.",
        examples: ["lr net.head 1e-2", "lr net decay 2.6", "lr net"])
    @Arg("layers", .layers, "a model, or some of its layers") public var layers: Value
    @Arg("rate", in: Bounds(lower: 1e-12, upper: 1e6, reason: "a rate that large only diverges"),
         "the learning rate for these layers") public var rate: Double?
    @Opt("decay", in: Bounds(lower: 1, upper: 1e6),
         "from the top group down, divide each group's rate by this factor (ULMFiT uses 2.6)") public var decay: Double?
    public init() {}
}

public struct FreezeCommand: CommandDefinition {
    public static let about = CommandAbout(
        "freeze", .training, "stop training some layers",
        details: "A frozen parameter gets no gradient at all, so freezing also makes training cheaper.",
        examples: ["freeze net.0 net.1", "freeze net except net.head", "freeze lm.blocks.*.attn"])
    @Arg("layers", .layers, "models, layers or globs to freeze") public var layers: [Value]
    @Opt("except", .layers, "leave these trainable") public var except: [Value]
    public init() {}
}

public struct UnfreezeCommand: CommandDefinition {
    public static let about = CommandAbout("unfreeze", .training, "make frozen layers trainable again",
                                           examples: ["unfreeze net", "unfreeze net except net.0"])
    @Arg("layers", .layers, "models, layers or globs to unfreeze") public var layers: [Value]
    @Opt("except", .layers, "leave these frozen") public var except: [Value]
    public init() {}
}
