import Foundation
import ThawData
import ThawNN
import ThawTensor

/// The catalogue of pretrained starting points that ship in `datasets/pretrained/`, so a
/// lesson starts from a trained model in a fraction of a second instead of training one.
///
/// ```swift
/// let net = try Pretrained.load("mlp-digits")        // MLP 64-128-128-10, ~95% on the test digits
/// for m in Pretrained.catalogue { print(m.name, m.summary) }
/// ```
///
/// Every file is made by `Pretrained.train(name:)` from the recipe here (data, seed, epochs,
/// rate, optimizer); `scripts/make-pretrained.sh` remakes them all.
public enum Pretrained {
    /// The shell command that remakes every file.
    public static let remakeCommand = "scripts/make-pretrained.sh"

    public static let catalogue: [PretrainedModel] = [
        PretrainedModel(
            name: "mlp-digits",
            summary: "MLP 64-128-128-10 trained on the clean source half of the digits",
            usedBy: "freezing, discriminative rates, gradual unfreezing, forgetting (EWC, rehearsal, L2-SP)",
            spec: .mlp(sizes: [64, 128, 128, 10]),
            data: .digitsSourceHalf,
            recipe: TrainingRecipe(seed: 0, epochs: 30, lr: 1e-3, optimizer: .adam, batchSize: 32)),
        PretrainedModel(
            name: "mlp-digits-04",
            summary: "MLP 64-128-128-5 trained on digits 0–4",
            usedBy: "LoRA, adapters, BitFit: fine-tune on 5–9 with a new 5-way head",
            spec: .mlp(sizes: [64, 128, 128, 5]),
            data: .digits0to4,
            recipe: TrainingRecipe(seed: 0, epochs: 30, lr: 1e-3, optimizer: .adam, batchSize: 32)),
        PretrainedModel(
            name: "cnn-digits-04",
            summary: "CNN 16-32 (two 3×3 convolutions, max-pool, linear head) trained on digits 0–4",
            usedBy: "freezing convolutions: which features carry over from 0–4 to 5–9",
            spec: .cnn(classes: 5),
            data: .digits0to4,
            recipe: TrainingRecipe(seed: 0, epochs: 20, lr: 1e-3, optimizer: .adam, batchSize: 32)),
        PretrainedModel(
            name: "gpt-english",
            summary: "tiny character GPT (2 layers, width 32) trained to spell English words",
            usedBy: "fine-tuning a language model on Spanish words, LoRA on attention, prompt tuning",
            spec: .gpt(GPTConfig(vocab: Vocabulary.words.size, context: Words.longestWord + 1, dim: 32, heads: 4, layers: 2)),
            data: .englishWords,
            recipe: TrainingRecipe(seed: 0, epochs: 20, lr: 3e-3, optimizer: .adam, batchSize: 64, schedule: .cosine())),
        PretrainedModel(
            name: "encoder-langid",
            summary: "tiny transformer encoder (2 layers, width 32) that tells English words from Spanish",
            usedBy: "fine-tuning an encoder classifier: imbalanced classes, LoRA on attention",
            spec: .encoder(EncoderConfig(vocab: Vocabulary.words.size, context: Words.longestWord + 2, dim: 32,
                                         heads: 4, layers: 2, classes: 2, pooling: .cls)),
            data: .languageID,
            recipe: TrainingRecipe(seed: 0, epochs: 8, lr: 1e-3, optimizer: .adam, batchSize: 32, schedule: .cosine())),
    ]

    /// The names, in catalogue order.
    public static var names: [String] { catalogue.map(\.name) }

    /// The catalogue entry named `name` (`_` and `-` are the same, so the shell's
    /// `mlp_digits` finds `mlp-digits`).
    public static func entry(_ name: String) throws -> PretrainedModel {
        let wanted = name.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let m = catalogue.first(where: { $0.name == wanted }) else {
            throw PretrainedError.unknownName(name, known: names)
        }
        return m
    }

    /// The folder of the weights files: `datasets/pretrained/` (see `DatasetsFolder.locate`).
    public static func folder(_ datasets: URL? = nil) throws -> URL {
        try DatasetsFolder.locate(datasets).appendingPathComponent("pretrained", isDirectory: true)
    }

    /// The weights file of a starting point.
    public static func file(_ name: String, datasets: URL? = nil) throws -> URL {
        try folder(datasets).appendingPathComponent(try entry(name).fileName)
    }

    /// Builds the model named `name` and loads its shipped weights.
    ///
    /// Throws `PretrainedError` naming the file when it is missing, or when it holds weights of
    /// another shape or was made for another architecture; the model is never half-loaded.
    public static func load(_ name: String, datasets: URL? = nil) throws -> Module {
        try loadWithMetadata(name, datasets: datasets).model
    }

    /// `load`, also returning the file's metadata (recipe, seed, held-out scores).
    public static func loadWithMetadata(_ name: String, datasets: URL? = nil) throws
        -> (model: Module, metadata: [String: String]) {
        let m = try entry(name)
        return try loadWithMetadata(m, from: try file(m.name, datasets: datasets))
    }

    /// Loads the weights of catalogue entry `m` from `url` (any file, for tests and remakes).
    public static func load(_ m: PretrainedModel, from url: URL) throws -> Module {
        try loadWithMetadata(m, from: url).model
    }

    /// Reads the file once, checks it was made for this architecture and that every weight is
    /// there with its shape, and only then builds and fills the model.
    static func loadWithMetadata(_ m: PretrainedModel, from url: URL) throws -> (model: Module, metadata: [String: String]) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PretrainedError.missingFile(path: url.path, name: m.name)
        }
        let contents: (tensors: [String: SafeTensors.Entry], metadata: [String: String])
        do { contents = try SafeTensors.read(url) } catch let e as SafeTensors.FormatError {
            throw PretrainedError.mismatch(path: url.path, problem: "not a valid safetensors file: \(e.problem)")
        }
        if let made = contents.metadata[MetadataKey.architecture], made != m.architecture {
            throw PretrainedError.mismatch(path: url.path,
                                           problem: "it was made for \(made), but `\(m.name)` is \(m.architecture)")
        }
        let model = m.build()
        do {
            try Checkpoint.assign(contents.tensors, to: model, file: url.path)
        } catch let e as Checkpoint.LoadError {
            throw PretrainedError.mismatch(path: url.path, problem: "it does not fit `\(m.name)` (\(m.architecture)): \(e.problem)")
        }
        return (model, contents.metadata)
    }

    /// The metadata keys every starting point's file carries.
    public enum MetadataKey {
        public static let name = "thaw.pretrained"
        public static let summary = "thaw.summary"
        public static let architecture = "thaw.architecture"
        public static let data = "thaw.data"
        public static let recipe = "thaw.recipe"
        public static let seed = "thaw.seed"
        public static let heldOut = "thaw.heldout"
        /// Accuracy on the held-out data (next-character accuracy for a language model).
        public static let heldOutAccuracy = "thaw.heldout.accuracy"
        /// Mean cross-entropy on the held-out data (nats per predicted token).
        public static let heldOutLoss = "thaw.heldout.loss"
        public static let trainAccuracy = "thaw.train.accuracy"
        public static let parameters = "thaw.parameters"
        public static let remake = "thaw.remake"
    }
}
