/// Loading, selecting, splitting and shifting data.

public struct LoadCommand: CommandDefinition {
    public static let about = CommandAbout(
        "load", .data, "load a dataset that ships with thaw, or a file", yields: [.dataset],
        details: """
            `digits` are the 8x8 handwritten digits (1797 images, classes 0 to 9); `english` \
            and `spanish` are word lists for the tiny GPT. With `into`, the file is a checkpoint \
            (written by `save`, or by PyTorch's safetensors) whose tensors replace the model's \
            weights, matched by name; nothing is bound then. A folder is a PEFT adapter \
            (written by `save … peft`, or by PEFT's `save_pretrained`): its LoRA layers are \
            wrapped and filled, the rest frozen, and the modules it saved whole (a head) replaced.
            """,
        examples: ["digits = load digits", "load \"runs/net.safetensors\" into net", "load \"runs/lora\" into net"])
    /// The datasets that ship with thaw, by the name `load` knows them.
    public static let shipped = ["digits", "english", "spanish", "langid"]

    @Arg("source", .source, suggestions: ["digits", "english", "spanish"],
         "a dataset that ships with thaw, or a quoted `.csv` or `.safetensors` file") public var source: Value
    @Opt("into", .model, "load a `.safetensors` checkpoint's weights, or a PEFT adapter folder, into this model") public var into: Value?
    public init() {}
}

public struct SelectCommand: CommandDefinition {
    public static let about = CommandAbout(
        "select", .data, "keep some of a dataset's examples", yields: [.dataset],
        details: """
            The options apply in the order `where`, `classes`, `shots`, `take`. Examples keep \
            their order; `shots` and `take` choose with the session's seed. `where label >= 5` \
            keeps the labels as they are (a task for a shared head); `classes 5..9` renumbers \
            them (a task for a new 5-way head, `head net 5`).
            """,
        examples: ["old = select digits where label < 5", "few = select digits classes 0..4 shots 5"])
    @Arg("data", .dataset, "the dataset to select from") public var data: Value
    @Opt("where", .condition,
         "keep the examples for which this holds; `label` is an example's class, `index` its position")
    public var condition: Value?
    @Opt("classes", .classes,
         "keep these classes only, numbered from 0 in the order given (for a new head): `5..9` gives classes 0 to 4, named 5 to 9")
    public var classes: Value?
    @Opt("shots", in: .atMost(1_000_000), "keep this many examples of each class (few-shot)") public var shots: Int?
    @Opt("take", "keep at most this many examples") public var take: Int?
    public init() {}
}

public struct SplitCommand: CommandDefinition {
    public static let about = CommandAbout(
        "split", .data, "split a dataset in two, for training and testing", yields: [.dataset, .dataset],
        details: "Bind both parts: `train, test = split digits 0.7`.",
        examples: ["train, test = split digits 0.7", "a, b = split digits 0.5 stratify off"])
    @Arg("data", .dataset, "the dataset to split") public var data: Value
    @Arg("fraction", .fraction, in: Bounds(lower: 0, upper: 1, includesUpper: false, reason: "both parts need examples"),
         "the share of examples that go to the first part") public var fraction: Double
    @Opt("stratify", "keep each class's share the same in both parts") public var stratify = true
    public init() {}
}

public struct TransformCommand: CommandDefinition {
    public static let about = CommandAbout(
        "transform", .data, "make a shifted copy of a dataset", yields: [.dataset],
        details: """
            A new task that shares the old one's structure: the raw material of transfer and \
            forgetting. `marker` plants a shortcut (a pixel that gives the label away) for the \
            bias lesson; `select … where marker == label` then picks the images whose marker \
            agrees. `augment` shows what an augmentation does to the images.
            """,
        examples: ["noisy = transform digits noise 0.35", "turned = transform digits rotate 90",
                   "shuffled = transform digits permute", "biased = transform train marker 0.95",
                   "moved = transform few augment affine"])
    @Arg("data", .dataset, "the dataset to transform") public var data: Value
    @Opt("noise", in: Bounds(lower: 0, upper: 100, reason: "pixels are between 0 and 1"),
         "add Gaussian noise with this standard deviation; pixels stay in 0…1") public var noise: Double?
    @Opt("invert", "replace each pixel x by 1 − x") public var invert = false
    @Opt("rotate", in: Bounds(lower: -3600, upper: 3600, reason: "ten turns is plenty"),
         "rotate each image by this many degrees") public var rotate: Double?
    @Opt("permute", "shuffle the pixels, all images by the same permutation, drawn from the seed") public var permute = false
    @Opt("mislabel", .fraction, "give this share of the examples a wrong label") public var mislabel: Double?
    @Opt("marker", .fraction,
         "light one border pixel per image, on its own label's spot in this share of the images and on another class's spot in the rest")
    public var marker: Double?
    @Opt("augment", "change each image once, at random, as `train … augment` does every time it shows one")
    public var augment = AugmentChoice.none
    public init() {}
}

public struct JoinCommand: CommandDefinition {
    public static let about = CommandAbout("join", .data, "put datasets together, one after another", yields: [.dataset],
                                           examples: ["both = join old new"])
    @Arg("data", .dataset, "the datasets to join") public var data: [Value]
    public init() {}
}
