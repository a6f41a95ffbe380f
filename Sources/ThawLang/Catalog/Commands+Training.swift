/// Training, and choosing what trains and how fast.
extension CommandCatalog {
    static let trainingCommands: [CommandSpec] = [
        CommandSpec(
            "train", .training, "train a model on a dataset",
            arguments: [.init("model", .model, "the model to train")],
            options: [
                .init("on", .dataset, required: true, "the data to learn from"),
                .init("epochs", .count, default: "1", "passes over the data"),
                .init("steps", .count, "stop after this many optimizer steps instead of counting epochs"),
                .init("batch", .count, default: "32", "examples per step"),
                .init("opt", .choice(["sgd", "adam", "adamw"]), default: "adam", aliases: ["optimizer"],
                      "the optimizer"),
                .init("lr", .number, default: "1e-3", "the learning rate; rates set with `lr` take precedence"),
                .init("momentum", .fraction, default: "0.9", "momentum, for `sgd`"),
                .init("wd", .number, default: "0", "decoupled weight decay"),
                .init("schedule", .choice(["constant", "linear", "cosine", "stlr"]), default: "constant",
                      "how the rate changes over the run; `stlr` is ULMFiT's slanted triangle"),
                .init("warmup", .count, "raise the rate from zero over this many first steps"),
                .init("clip", .number, "scale the gradient down when its norm is above this"),
                .init("unfreeze", .choice(["none", "gradual"]), default: "none",
                      "`gradual`: train only the top layer group at first, and unfreeze one more group each epoch"),
                .init("patience", .count,
                      "stop when accuracy on `val` has not improved for this many epochs, and keep the best weights"),
                .init("val", .dataset, "held-out data to watch, for `patience`"),
                .init("track", .dataset, repeats: true,
                      "measure accuracy on these datasets after each epoch, for `plot accuracy` and `plot forgetting`"),
                .init("balance", .choice(["none", "weights", "oversample"]), default: "none",
                      "counter class imbalance: weight the loss by class, or oversample rare classes"),
                .init("augment", .choice(["none", "shift", "affine"]), default: "none",
                      "change each training image at random, every time it is seen"),
                .init("keep", .dataset, "the old task to protect, for `ewc` and `rehearse`"),
                .init("ewc", .number,
                      "elastic weight consolidation: penalise moving the weights `keep` relies on, with strength λ"),
                .init("l2sp", .number, "pull the weights towards where this run started, with strength α"),
                .init("rehearse", .count, "mix this many stored examples of `keep` into the training data"),
            ],
            yields: [.run],
            details: """
                Frozen layers get no gradient and no optimizer state. Ctrl-C stops at the next \
                step and keeps the model as it was after that step. Bind the run to plot or \
                compare it later: `r = train …`.
                """,
            examples: [
                "train net on old epochs 8 lr 1e-3 opt adam",
                "r = train net on new epochs 5 unfreeze gradual track old new",
                "train net on new epochs 30 ewc 1e3 keep old",
                "train net on few steps 300 lr 3e-2 schedule stlr patience 5 val held",
            ]),
        CommandSpec(
            "lr", .training, "set learning rates per layer group (discriminative rates)",
            arguments: [
                .init("layers", .layers, "a model, or some of its layers"),
                .init("rate", .number, optional: true, "the learning rate for these layers"),
            ],
            options: [.init("decay", .number,
                            "from the top group down, divide each group's rate by this factor (ULMFiT uses 2.6)")],
            details: "`lr net` alone shows the groups and their rates. A rate set here wins over `train … lr`.",
            examples: ["lr net.head 1e-2", "lr net decay 2.6", "lr net"]),
        CommandSpec(
            "freeze", .training, "stop training some layers",
            arguments: [.init("layers", .layers, repeats: true, "models, layers or globs to freeze")],
            options: [.init("except", .layers, repeats: true, "leave these trainable")],
            details: "A frozen parameter gets no gradient at all, so freezing also makes training cheaper.",
            examples: ["freeze net.0 net.1", "freeze net except net.head", "freeze lm.blocks.*.attn"]),
        CommandSpec(
            "unfreeze", .training, "make frozen layers trainable again",
            arguments: [.init("layers", .layers, repeats: true, "models, layers or globs to unfreeze")],
            options: [.init("except", .layers, repeats: true, "leave these frozen")],
            examples: ["unfreeze net", "unfreeze net except net.0"]),
    ]
}
