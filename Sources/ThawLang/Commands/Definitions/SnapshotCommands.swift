/// Snapshots and files.

public struct SnapshotCommand: CommandDefinition {
    public static let about = CommandAbout("snapshot", .snapshots,
                                           "keep a copy of a model's weights and flags, to restore or compare later",
                                           yields: [.snapshot], examples: ["pre = snapshot net"])
    @Arg("model", .model, "the model to copy") public var model: Value
    public init() {}
}

public struct RestoreCommand: CommandDefinition {
    public static let about = CommandAbout("restore", .snapshots, "put a model back as a snapshot had it",
                                           examples: ["restore net from pre"])
    @Arg("model", .model, "the model to restore") public var model: Value
    @Opt("from", .snapshot, required: true, "the snapshot to restore from") public var from: Value
    public init() {}
}

public struct SaveCommand: CommandDefinition {
    public static let about = CommandAbout(
        "save", .snapshots, "write a model's weights to a `.safetensors` file",
        details: "The file opens in PyTorch with `safetensors.torch.load_file`. `load … into` reads it back.",
        examples: ["save net \"runs/net.safetensors\"", "save net \"runs/lora\" peft"])
    @Arg("model", .model, "the model to save") public var model: Value
    @Arg("file", .file, "where to write it") public var file: String
    @Opt("peft", "write only the LoRA adapters and the layers that trained besides them (a new head), as PEFT does: a folder with adapter_config.json") public var peft = false
    public init() {}
}
