/// Parameter-efficient fine-tuning: LoRA, adapters, prompts, BitFit; and quantization.
extension CommandCatalog {
    static let tuningCommands: [CommandSpec] = [
        CommandSpec(
            "lora", .tuning, "wrap linear layers with low-rank adapters over a frozen base",
            arguments: [.init("layers", .layers, repeats: true, "the linear layers to wrap (globs allowed)")],
            options: [
                .init("rank", .count, default: "4", "the rank r of the update B·A"),
                .init("alpha", .number, "scale the update by alpha / rank; leaving it out means alpha = rank"),
                .init("dropout", .fraction, default: "0", "dropout on the adapter's input"),
            ],
            details: """
                Each wrapped layer computes W·x + (alpha/rank)·B·A·x. A starts random, B starts at \
                zero, so the model is unchanged until it trains; W is frozen and only A and B \
                learn. `merge` folds B·A back into W.
                """,
            examples: ["lora net.1 rank 4 alpha 8", "lora lm.blocks.*.attn.q lm.blocks.*.attn.v rank 2"]),
        CommandSpec(
            "adapter", .tuning, "insert small bottleneck layers after some layers",
            arguments: [.init("layers", .layers, repeats: true, "the layers to follow with an adapter")],
            options: [.init("size", .count, default: "16", "the width of the bottleneck")],
            details: "An adapter is down-projection, nonlinearity, up-projection, added to its input; it starts as the identity.",
            examples: ["adapter net.0 net.1 size 4"]),
        CommandSpec(
            "prompt", .tuning, "prepend learned soft-prompt vectors to a transformer's input",
            arguments: [.init("model", .model, "a `gpt` or `encoder`")],
            options: [.init("tokens", .count, default: "8", "how many prompt vectors")],
            details: "The model itself is frozen; only the prompt vectors train.",
            examples: ["prompt lm tokens 8"]),
        CommandSpec(
            "bitfit", .tuning, "freeze everything but the biases",
            arguments: [.init("model", .model, "the model to restrict")],
            examples: ["bitfit net"]),
        CommandSpec(
            "merge", .tuning, "fold LoRA updates and adapters back into plain layers",
            arguments: [.init("layers", .layers, repeats: true, "models or layers to merge")],
            details: "After merging, the model computes the same function with no extra cost per step.",
            examples: ["merge net"]),
        CommandSpec(
            "quantize", .tuning, "store a model's weights in fewer bits",
            arguments: [.init("model", .model, "the model to quantize")],
            options: [
                .init("bits", .count, default: "8", "bits per weight"),
                .init("format", .choice(["int", "nf4"]), default: "int",
                      "evenly spaced levels, or NF4's normal-quantile levels (4 bits)"),
                .init("block", .count, "quantize in blocks of this many weights, each with its own scale"),
            ],
            examples: ["quantize net bits 4 format nf4 block 64"]),
    ]
}
