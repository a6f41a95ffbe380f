/// Building models from the zoo and taking the pretrained ones.
extension CommandCatalog {
    /// Options shared by the two transformers; kept in one place so they cannot drift apart.
    static func transformerOptions(classes: Bool) -> [OptionSpec] {
        var options: [OptionSpec] = [
            .init("on", .dataset, required: true, "the text data whose characters make the vocabulary"),
            .init("layers", .count, default: "2", "transformer blocks"),
            .init("heads", .count, default: "2", "attention heads in each block"),
            .init("width", .count, default: "32", "the width of the embeddings"),
            .init("context", .count, default: "16", "the longest sequence, in characters"),
            .init("dropout", .fraction, default: "0", "drop this share of activations while training"),
        ]
        if classes { options.append(.init("classes", .count, default: "2", "the number of outputs")) }
        return options
    }

    static let modelCommands: [CommandSpec] = [
        CommandSpec(
            "mlp", .models, "build a multilayer perceptron",
            arguments: [.init("sizes", .count, repeats: true,
                              "the width of each layer: the inputs first, the classes last")],
            options: [
                .init("activation", .choice(["relu", "gelu", "tanh", "sigmoid"]), default: "relu",
                      "the nonlinearity between layers"),
                .init("dropout", .fraction, default: "0", "drop this share of activations while training"),
            ],
            yields: [.model],
            details: "`mlp 64 128 128 10` makes three linear layers, 64→128, 128→128 and 128→10; `show` lists their paths.",
            examples: ["net = mlp 64 128 128 10", "net = mlp 64 256 10 dropout 0.5"]),
        CommandSpec(
            "cnn", .models, "build a small convolutional network for 8x8 images",
            options: [
                .init("channels", .count, default: "8 16", repeats: true, "the channels of each convolution"),
                .init("classes", .count, default: "10", "the number of outputs"),
                .init("dropout", .fraction, default: "0", "drop this share of activations while training"),
            ],
            yields: [.model],
            examples: ["net = cnn", "net = cnn channels 16 32 classes 5"]),
        CommandSpec(
            "gpt", .models, "build a tiny character-level GPT",
            options: transformerOptions(classes: false),
            yields: [.model],
            details: "It learns to spell: trained on a word list, `sample` makes up new words.",
            examples: ["lm = gpt on words", "lm = gpt on words layers 4 width 64"]),
        CommandSpec(
            "encoder", .models, "build a tiny transformer encoder that classifies strings",
            options: transformerOptions(classes: true),
            yields: [.model],
            examples: ["clf = encoder on words classes 2"]),
        CommandSpec(
            "pretrained", .models, "take a model that ships with thaw, already trained",
            arguments: [.init("name", .word,
                              suggestions: ["mlp_digits", "mlp_digits_04", "cnn_digits_04", "gpt_english", "encoder_langid"],
                              "which model; `lessons` say which one each lesson uses")],
            yields: [.model],
            details: """
                `mlp_digits`: an MLP 64-128-128-10 trained on the clean source half of the digits; \
                `mlp_digits_04` and `cnn_digits_04`: an MLP and a CNN trained on the digits 0 to 4; \
                `gpt_english`: a tiny character GPT trained on English words; `encoder_langid`: an \
                encoder that tells English from Spanish words. Each call gives a fresh copy, so two \
                lines can fine-tune the same start two ways.
                """,
            examples: ["pre = pretrained mlp_digits"]),
        CommandSpec(
            "clone", .models, "copy a model: its weights, frozen flags and learning rates",
            arguments: [.init("model", .model, "the model to copy")],
            yields: [.model],
            examples: ["full = clone pre"]),
        CommandSpec(
            "head", .models, "replace a model's output layer with a fresh one",
            arguments: [
                .init("model", .model, "the model whose head to replace"),
                .init("classes", .count, "the number of outputs of the new head"),
            ],
            details: "Transfer to a new task starts here: the trunk keeps what it learned and the new head starts from scratch, trainable.",
            examples: ["head net 5"]),
    ]
}
