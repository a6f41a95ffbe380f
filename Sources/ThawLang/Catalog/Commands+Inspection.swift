/// Looking at models, data and runs: tables, metrics, samples and plots.
extension CommandCatalog {
    static let inspectionCommands: [CommandSpec] = [
        CommandSpec(
            "show", .inspection, "show a model as a layer table, a dataset, a run, or the workspace",
            arguments: [.init("what", .layers, optional: true, "a name or a layer path; nothing lists the workspace")],
            options: [.init("rows", .rows, default: "10", "for a dataset: which rows, `0..20`, or how many")],
            details: "A model's table has one row per layer: path, shape, parameters, trainable, learning rate.",
            examples: ["show", "show net", "show digits rows 0..20", "show net.blocks.0"]),
        CommandSpec(
            "eval", .inspection, "measure a model on datasets",
            arguments: [.init("model", .model, "the model (or snapshot) to measure")],
            options: [
                .init("on", .dataset, required: true, repeats: true, "the datasets to measure on"),
                .init("confusion", .flag, default: "off", "also show the confusion matrix"),
            ],
            aliases: ["evaluate"],
            yields: [.report],
            details: "Shows accuracy and loss, and precision and recall for each class.",
            examples: ["eval net on old", "before = eval net on old new confusion"]),
        CommandSpec(
            "sample", .inspection, "make up words with a character-level GPT",
            arguments: [.init("model", .model, "a `gpt` model")],
            options: [
                .init("count", .count, default: "10", "how many words"),
                .init("temperature", .number, default: "1", "below 1 is safer, above 1 is wilder"),
                .init("start", .text, "begin every word with these characters"),
                .init("length", .count, default: "16", "the longest word, in characters"),
            ],
            examples: ["sample lm count 5 temperature 0.8", "sample lm start \"th\""]),
        CommandSpec(
            "plot", .inspection, "draw a run's curves in the terminal",
            arguments: [.init("what", .choice(["loss", "accuracy", "lr", "forgetting"]),
                              "loss, accuracy on tracked data, learning rate per group, or forgetting")],
            options: [
                .init("of", .run, repeats: true, "the runs to draw; the last run when left out"),
                .init("log", .flag, default: "off", "a logarithmic y axis"),
            ],
            details: "`accuracy` and `forgetting` need a run trained with `track`; `forgetting` is the accuracy lost on the first tracked dataset (list the old task first: `track old new`).",
            examples: ["plot loss", "plot accuracy of full lora", "plot lr log"]),
        CommandSpec(
            "compare", .inspection, "measure two models (or snapshots) side by side",
            arguments: [
                .init("first", .model, "a model or a snapshot"),
                .init("second", .model, "another"),
            ],
            options: [.init("on", .dataset, required: true, repeats: true, "the datasets to measure on")],
            yields: [.report],
            details: "Shows what was learned and what was forgotten: accuracy on each dataset, and the difference.",
            examples: ["compare pre net on old new"]),
        CommandSpec(
            "diff", .inspection, "show how far each layer's weights moved between two models",
            arguments: [
                .init("first", .model, "a model or a snapshot"),
                .init("second", .model, "another, with the same layers"),
            ],
            yields: [.report],
            details: """
                One row per layer: the norm of the change, the change relative to the weights, and \
                how many singular values hold 90% of the change's energy.
                """,
            examples: ["diff pre net"]),
    ]

    static let snapshotCommands: [CommandSpec] = [
        CommandSpec(
            "snapshot", .snapshots, "keep a copy of a model's weights and flags, to restore or compare later",
            arguments: [.init("model", .model, "the model to copy")],
            yields: [.snapshot],
            examples: ["pre = snapshot net"]),
        CommandSpec(
            "restore", .snapshots, "put a model back as a snapshot had it",
            arguments: [.init("model", .model, "the model to restore")],
            options: [.init("from", .snapshot, required: true, "the snapshot to restore from")],
            examples: ["restore net from pre"]),
        CommandSpec(
            "save", .snapshots, "write a model's weights to a `.safetensors` file",
            arguments: [
                .init("model", .model, "the model to save"),
                .init("file", .file, "where to write it"),
            ],
            options: [.init("peft", .flag, default: "off",
                            "write only the LoRA adapters, as PEFT does (a folder with adapter_config.json)")],
            details: "The file opens in PyTorch with `safetensors.torch.load_file`. `load … into` reads it back.",
            examples: ["save net \"runs/net.safetensors\"", "save net \"runs/lora\" peft"]),
    ]
}
