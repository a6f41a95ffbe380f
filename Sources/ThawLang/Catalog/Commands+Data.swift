/// Loading, selecting, splitting and shifting data.
extension CommandCatalog {
    static let dataCommands: [CommandSpec] = [
        CommandSpec(
            "load", .data, "load a dataset that ships with thaw, or a file",
            arguments: [.init("source", .source, suggestions: ["digits", "english", "spanish"],
                              "a dataset that ships with thaw, or a quoted `.csv` or `.safetensors` file")],
            options: [.init("into", .model, "load a `.safetensors` checkpoint's weights into this model")],
            yields: [.dataset],
            details: """
                `digits` are the 8x8 handwritten digits (1797 images, classes 0 to 9); `english` \
                and `spanish` are word lists for the tiny GPT. With `into`, the file is a checkpoint \
                (written by `save`, or by PyTorch's safetensors) whose tensors replace the model's \
                weights, matched by name; nothing is bound then.
                """,
            examples: ["digits = load digits", "load \"runs/net.safetensors\" into net"]),
        CommandSpec(
            "select", .data, "keep some of a dataset's examples",
            arguments: [.init("data", .dataset, "the dataset to select from")],
            options: [
                .init("where", .condition,
                      "keep the examples for which this holds; `label` is an example's class, `index` its position"),
                .init("classes", .classes,
                      "keep these classes only, numbered from 0 in the order given (for a new head): `5..9` gives classes 0 to 4, named 5 to 9"),
                .init("shots", .count, "keep this many examples of each class (few-shot)"),
                .init("take", .count, "keep at most this many examples"),
            ],
            yields: [.dataset],
            details: """
                The options apply in the order `where`, `classes`, `shots`, `take`. Examples keep \
                their order; `shots` and `take` choose with the session's seed. `where label >= 5` \
                keeps the labels as they are (a task for a shared head); `classes 5..9` renumbers \
                them (a task for a new 5-way head, `head net 5`).
                """,
            examples: ["old = select digits where label < 5", "few = select digits classes 0..4 shots 5"]),
        CommandSpec(
            "split", .data, "split a dataset in two, for training and testing",
            arguments: [
                .init("data", .dataset, "the dataset to split"),
                .init("fraction", .fraction, "the share of examples that go to the first part"),
            ],
            options: [.init("stratify", .flag, default: "on", "keep each class's share the same in both parts")],
            yields: [.dataset, .dataset],
            details: "Bind both parts: `train, test = split digits 0.7`.",
            examples: ["train, test = split digits 0.7", "a, b = split digits 0.5 stratify off"]),
        CommandSpec(
            "transform", .data, "make a shifted copy of a dataset",
            arguments: [.init("data", .dataset, "the dataset to transform")],
            options: [
                .init("noise", .number, "add Gaussian noise with this standard deviation; pixels stay in 0…1"),
                .init("invert", .flag, default: "off", "replace each pixel x by 1 − x"),
                .init("rotate", .number, "rotate each image by this many degrees"),
                .init("permute", .flag, default: "off",
                      "shuffle the pixels, all images by the same permutation, drawn from the seed"),
                .init("mislabel", .fraction, "give this share of the examples a wrong label"),
            ],
            yields: [.dataset],
            details: "A new task that shares the old one's structure: the raw material of transfer and forgetting.",
            examples: ["noisy = transform digits noise 0.35", "turned = transform digits rotate 90",
                       "shuffled = transform digits permute"]),
        CommandSpec(
            "join", .data, "put datasets together, one after another",
            arguments: [.init("data", .dataset, repeats: true, "the datasets to join")],
            yields: [.dataset],
            examples: ["both = join old new"]),
    ]
}
