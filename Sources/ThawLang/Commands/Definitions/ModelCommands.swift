/// Building models from the zoo and taking the pretrained ones.

/// The shape of a tiny transformer, shared by `gpt` and `encoder`.
public struct TransformerShape: ParameterGroup {
    @Opt("on", .dataset, required: true,
         "the text it is for: a word list for a `gpt`, labelled words for an `encoder`") public var on: Value
    @Opt("layers", in: .atMost(Limits.layers), "transformer blocks") public var layers = 2
    @Opt("heads", in: .atMost(Limits.heads), "attention heads in each block") public var heads = 2
    @Opt("width", in: .atMost(Limits.transformerWidth), "the width of the embeddings") public var width = 32
    @Opt("context", in: .atMost(Limits.context), "the longest sequence, in characters") public var context = 16
    @Opt("dropout", .fraction, in: .belowOne, "drop this share of activations while training") public var dropout = 0.0
    public init() {}
}

public struct MLPCommand: CommandDefinition {
    public static let about = CommandAbout(
        "mlp", .models, "build a multilayer perceptron", yields: [.model],
        details: """
            `mlp 64 128 128 10` makes three linear layers, 64→128, 128→128 and 128→10; `show` lists \
            their paths. For deep nets, `norm layer` puts a LayerNorm before each hidden layer after \
            the first, and `residual` adds each of those layers' input to its output (a skip \
            connection; the hidden layers must share one width). Such a layer is a block with \
            children `norm` and `linear`: `net.1.linear.weight`.
            """,
        examples: ["net = mlp 64 128 128 10", "net = mlp 64 256 10 dropout 0.5",
                   "deep = mlp 64 32 32 32 32 32 10 activation sigmoid init normal",
                   "deep = mlp 64 32 32 32 32 32 10 init kaiming norm layer residual"])
    @Arg("sizes", in: .atMost(Limits.layerWidth), "the width of each layer: the inputs first, the classes last")
    public var sizes: [Int]
    @Opt("activation", aliases: ["act"], "the nonlinearity between layers") public var activation = ActivationChoice.relu
    @Opt("dropout", .fraction, in: .belowOne, "drop this share of activations while training") public var dropout = 0.0
    @Opt("init", "how the weights start: `uniform` is PyTorch's default U(±1/√in), `normal` is N(0, 0.1²) at any width, `xavier` suits tanh and sigmoid, `kaiming` N(0, 2/in) suits ReLU")
    public var initialization = InitChoice.uniform
    @Opt("norm", "`layer`: a LayerNorm before each hidden layer after the first") public var norm = NormChoice.none
    @Opt("residual", "add each hidden layer's input to its output (after the first layer)") public var residual = false
    public init() {}
}

public struct CNNCommand: CommandDefinition {
    public static let about = CommandAbout(
        "cnn", .models, "build a small convolutional network for 8x8 images", yields: [.model],
        examples: ["net = cnn", "net = cnn channels 16 32 classes 5"])
    @Opt("channels", in: .atMost(Limits.channels), "the channels of each convolution") public var channels = [8, 16]
    @Opt("classes", in: .atMost(Limits.classes), "the number of outputs") public var classes = 10
    public init() {}
}

public struct GPTCommand: CommandDefinition {
    public static let about = CommandAbout(
        "gpt", .models, "build a tiny character-level GPT", yields: [.model],
        details: "It learns to spell: trained on a word list, `sample` makes up new words.",
        examples: ["lm = gpt on words", "lm = gpt on words layers 4 width 64"])
    public var shape = TransformerShape()
    public init() {}
}

public struct EncoderCommand: CommandDefinition {
    public static let about = CommandAbout("encoder", .models, "build a tiny transformer encoder that classifies strings",
                                           yields: [.model], examples: ["clf = encoder on langid classes 2"])
    public var shape = TransformerShape()
    @Opt("classes", in: .atMost(Limits.classes), "the number of outputs") public var classes = 2
    public init() {}
}

public struct PretrainedCommand: CommandDefinition {
    public static let about = CommandAbout(
        "pretrained", .models, "take a model that ships with thaw, already trained", yields: [.model],
        details: """
            `mlp_digits`: an MLP 64-128-128-10 trained on the clean source half of the digits; \
            `mlp_digits_04` and `cnn_digits_04`: an MLP and a CNN trained on the digits 0 to 4; \
            `gpt_english`: a tiny character GPT trained on English words; `encoder_langid`: an \
            encoder that tells English from Spanish words. Each call gives a fresh copy, so two \
            lines can fine-tune the same start two ways.
            """,
        examples: ["pre = pretrained mlp_digits"])
    @Arg("name", .word, suggestions: ["mlp_digits", "mlp_digits_04", "cnn_digits_04", "gpt_english", "encoder_langid"],
         "which model; `lessons` say which one each lesson uses") public var name: Value
    public init() {}
}

public struct CloneCommand: CommandDefinition {
    public static let about = CommandAbout("clone", .models, "copy a model: its weights, frozen flags and learning rates",
                                           yields: [.model], examples: ["full = clone pre"])
    @Arg("model", .model, "the model to copy") public var model: Value
    public init() {}
}

public struct HeadCommand: CommandDefinition {
    public static let about = CommandAbout(
        "head", .models, "replace a model's output layer with a fresh one",
        details: "Transfer to a new task starts here: the trunk keeps what it learned and the new head starts from scratch, trainable.",
        examples: ["head net 5"])
    @Arg("model", .model, "the model whose head to replace") public var model: Value
    @Arg("classes", in: .atMost(Limits.classes), "the number of outputs of the new head") public var classes: Int
    public init() {}
}
