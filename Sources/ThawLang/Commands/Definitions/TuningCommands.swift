/// Parameter-efficient fine-tuning: LoRA, adapters, prompts, BitFit; and quantization.

public struct LoRACommand: CommandDefinition {
    public static let about = CommandAbout(
        "lora", .tuning, "wrap linear layers with low-rank adapters over a frozen base",
        details: """
            Each wrapped layer computes W·x + (alpha/rank)·B·A·x. A starts random, B starts at \
            zero, so the model is unchanged until it trains; W is frozen and only A and B \
            learn. `merge` folds B·A back into W.
            """,
        examples: ["lora net.1 rank 4 alpha 8", "lora lm.blocks.*.attn.q lm.blocks.*.attn.v rank 2"])
    @Arg("layers", .layers, "the linear layers to wrap (globs allowed)") public var layers: [Value]
    @Opt("rank", in: .atMost(Limits.rank), "the rank r of the update B·A") public var rank = 4
    @Opt("alpha", in: Bounds(lower: 0, upper: 1e6), "scale the update by alpha / rank; leaving it out means alpha = rank")
    public var alpha: Double?
    @Opt("dropout", .fraction, in: .belowOne, "dropout on the adapter's input") public var dropout = 0.0
    public init() {}
}

public struct AdapterCommand: CommandDefinition {
    public static let about = CommandAbout(
        "adapter", .tuning, "insert small bottleneck layers after some layers",
        details: "An adapter is down-projection, nonlinearity, up-projection, added to its input; it starts as the identity.",
        examples: ["adapter net.0 net.1 size 4"])
    @Arg("layers", .layers, "the layers to follow with an adapter") public var layers: [Value]
    @Opt("size", in: .atMost(Limits.layerWidth), "the width of the bottleneck") public var size = 16
    public init() {}
}

public struct PromptCommand: CommandDefinition {
    public static let about = CommandAbout(
        "prompt", .tuning, "prepend learned soft-prompt vectors to a transformer's input",
        details: "The model itself is frozen; only the prompt vectors train.",
        examples: ["prompt lm tokens 8"])
    @Arg("model", .model, "a `gpt` or `encoder`") public var model: Value
    @Opt("tokens", in: .atMost(Limits.promptTokens), "how many prompt vectors") public var tokens = 8
    public init() {}
}

public struct BitFitCommand: CommandDefinition {
    public static let about = CommandAbout("bitfit", .tuning, "freeze everything but the biases", examples: ["bitfit net"])
    @Arg("model", .model, "the model to restrict") public var model: Value
    public init() {}
}

public struct MergeCommand: CommandDefinition {
    public static let about = CommandAbout(
        "merge", .tuning, "fold LoRA updates and adapters back into plain layers",
        details: "After merging, the model computes the same function with no extra cost per step.",
        examples: ["merge net"])
    @Arg("layers", .layers, "models or layers to merge") public var layers: [Value]
    public init() {}
}

public struct QuantizeCommand: CommandDefinition {
    public static let about = CommandAbout("quantize", .tuning, "store a model's weights in fewer bits",
                                           examples: ["quantize net bits 4 format nf4 block 64"])
    @Arg("model", .model, "the model to quantize") public var model: Value
    @Opt("bits", in: Bounds(lower: 2, upper: 8, reason: "the levels are stored in a byte"), "bits per weight") public var bits = 8
    @Opt("format", "evenly spaced levels, or NF4's normal-quantile levels (4 bits)") public var format = QuantizationFormat.int
    @Opt("block", in: .atMost(1 << 24), "quantize in blocks of this many weights, each with its own scale") public var block: Int?
    public init() {}
}
