import ThawData
import ThawLang
import ThawNN
import ThawTensor
import ThawTune

/// What models can read, for the commands that put a model and data together.
extension Session {
    /// Stops a model from meeting data it cannot read, with a message saying why.
    func checkCompatible(_ module: Module, _ data: TaskData, at range: SourceRange) throws {
        let lm = module is GPT || module is PromptTuned
        switch data {
        case .sequences where !lm:
            throw LabError("`\(data.name)` holds character sequences for a language model (a `gpt`); this model classifies examples", at: range)
        case .examples where lm:
            throw LabError("this is a language model: it learns from word lists such as `load english`", at: range)
        case let .examples(d):
            if let mlp = module as? MLP, mlp.sizes[0] != d.sampleSize {
                throw LabError("the model takes \(mlp.sizes[0]) inputs, but `\(d.name)` has \(d.sampleSize) values per example", at: range)
            }
            if let cnn = module as? CNN, cnn.side * cnn.side != d.sampleSize {
                throw LabError("the cnn takes \(cnn.side)×\(cnn.side) images, but `\(d.name)` has \(d.sampleSize) values per example", at: range)
            }
            if module is Encoder {
                guard case .text = d.kind else { throw LabError("an encoder reads words; `\(d.name)` is not text", at: range) }
            }
            let outputs = outputCount(module) ?? Int.max
            if d.classCount > outputs {
                throw LabError("`\(d.name)` has \(d.classCount) classes but the model has \(outputs) outputs: `head MODEL \(d.classCount)` gives it a new head", at: range)
            }
        case let .sequences(s):
            try checkContext(module, s, at: range)
        }
    }

    /// The number of outputs of the model's output layer.
    func outputCount(_ module: Module) -> Int? { module.outputLayer?.outFeatures }
}
